use super::common::*;
use keukentafel_core::*;

#[allow(unused_imports)]
pub fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // REP-UNDER-12
        fail(
            Code::RepUnder12,
            "a 10-year-old signs",
            UNDER_12,
            "consent.signers[2]",
            c(|r| {
                r.consent
                    .signers
                    .push(signer("Noor Bakker", Client, None, "2026-11-20"))
            }),
        ),
        fail(
            Code::RepUnder12,
            "one of two parents with authority missing",
            UNDER_12,
            "consent.signers",
            c(|r| {
                r.consent.signers.pop();
            }),
        ),
        fail(
            Code::RepUnder12,
            "a grandparent is no legal representative",
            UNDER_12,
            "consent.signers[1].relationship",
            c(|r| r.consent.signers[1].relationship = Some(R::Parent)),
        ),
        fail(
            Code::RepUnder12,
            "the day before the 12th birthday",
            UNDER_12,
            "consent.signers[2]",
            c(|r| {
                r.client.birth_date = Some(d("2014-11-21"));
                r.representation.age_band = None;
                r.consent
                    .signers
                    .push(signer("Noor Bakker", Client, None, "2026-11-20"));
            }),
        ),
        pass(
            Code::RepUnder12,
            "two parents with authority sign",
            UNDER_12,
            c(|_| {}),
        ),
        pass(
            Code::RepUnder12,
            "a refused parent need not sign (art. 12 lid 3)",
            UNDER_12,
            c(|r| {
                r.consent.signers.pop();
                r.assent.given_by.pop();
                r.representation.restrictions.push(Restriction {
                    representative: "Tim Bakker".into(),
                    kind: RestrictionKind::Refused,
                    reason: "Contactverbod".into(),
                });
            }),
        ),
        // REP-12-TO-15
        fail(
            Code::Rep12To15,
            "14-year-old does not sign",
            TEEN,
            "consent.signers",
            c(|r| {
                r.consent.signers.pop();
            }),
        ),
        fail(
            Code::Rep12To15,
            "14-year-old signs alone",
            TEEN,
            "consent.signers",
            c(|r| {
                r.consent.signers.remove(0);
            }),
        ),
        fail(
            Code::Rep12To15,
            "12th birthday on the decision date: child must sign",
            UNDER_12,
            "consent.signers",
            c(|r| {
                r.client.birth_date = Some(d("2014-11-20"));
                r.representation.age_band = None;
            }),
        ),
        pass(
            Code::Rep12To15,
            "12th birthday on the decision date, child signs too",
            UNDER_12,
            c(|r| {
                r.client.birth_date = Some(d("2014-11-20"));
                r.representation.age_band = None;
                r.consent
                    .signers
                    .push(signer("Noor Bakker", Client, None, "2026-11-20"));
                r.assent.given_by.push(Decider {
                    name: "Noor Bakker".into(),
                    role: Client,
                    relationship: None,
                });
            }),
        ),
        fail(
            Code::Rep12To15,
            "the day before the 16th birthday: parent still needed",
            TEEN,
            "consent.signers",
            c(|r| {
                r.client.birth_date = Some(d("2010-11-21"));
                r.representation.age_band = None;
                r.consent.signers.remove(0);
            }),
        ),
        pass(Code::Rep12To15, "parent and child sign", TEEN, c(|_| {})),
        // REP-16-PLUS
        fail(
            Code::Rep16Plus,
            "a parent signs for a capable 16-year-old",
            TEEN,
            "consent.signers[0]",
            c(|r| {
                r.client.birth_date = Some(d("2010-11-20"));
                r.representation.age_band = None;
            }),
        ),
        fail(
            Code::Rep16Plus,
            "recorded age band disagrees",
            ADULT,
            "representation.ageBand",
            c(|r| r.representation.age_band = Some(AgeBand::From12To15)),
        ),
        pass(
            Code::Rep16Plus,
            "16th birthday on the decision date, client alone",
            TEEN,
            c(|r| {
                r.client.birth_date = Some(d("2010-11-20"));
                r.representation.age_band = Some(AgeBand::From16);
                r.consent.signers.remove(0);
                r.assent.given_by.remove(0);
            }),
        ),
        // REP-INCAPABLE-REASON
        fail(
            Code::RepIncapableReason,
            "judged incapable without reason",
            INCAPABLE,
            "representation.capacity.reason",
            c(|r| r.representation.capacity.reason.clear()),
        ),
        fail(
            Code::RepIncapableReason,
            "judged incapable without who judged",
            INCAPABLE,
            "representation.capacity.judgedBy",
            c(|r| r.representation.capacity.judged_by.clear()),
        ),
        pass(
            Code::RepIncapableReason,
            "reason and judge recorded",
            INCAPABLE,
            c(|_| {}),
        ),
        // REP-INCAPABLE-ORDER
        fail(
            Code::RepIncapableOrder,
            "parent signs, steps skipped without recorded fact",
            INCAPABLE,
            "consent.signers[0].relationship",
            c(|r| {
                r.representation.representatives = vec![keukentafel_core::Representative {
                    name: "Jan Kramer".into(),
                    role: Some(R::Parent),
                }];
                decided_by_representative(r, "Jan Kramer", R::Parent);
            }),
        ),
        fail(
            Code::RepIncapableOrder,
            "parent signs, only the legal step recorded absent",
            INCAPABLE,
            "consent.signers[0].relationship",
            c(|r| {
                r.representation.chain_facts = vec![ChainFact {
                    step: ChainStep::LegalRepresentative,
                    fact: ChainFactKind::Absent,
                    note: "".into(),
                }];
                decided_by_representative(r, "Jan Kramer", R::Parent);
            }),
        ),
        fail(
            Code::RepIncapableOrder,
            "nobody represents an incapable client",
            INCAPABLE,
            "consent.signers",
            c(|r| {
                r.consent.signers = vec![signer("Wim Kramer", Client, None, "2026-11-20")];
            }),
        ),
        pass(
            Code::RepIncapableOrder,
            "parent signs with both earlier steps recorded",
            INCAPABLE,
            c(|r| {
                r.representation.chain_facts = vec![
                    ChainFact {
                        step: ChainStep::LegalRepresentative,
                        fact: ChainFactKind::Absent,
                        note: "Geen curator of mentor".into(),
                    },
                    ChainFact {
                        step: ChainStep::Partner,
                        fact: ChainFactKind::Unwilling,
                        note: "Echtgenote wil niet beslissen".into(),
                    },
                ];
                decided_by_representative(r, "Jan Kramer", R::Parent);
            }),
        ),
        pass(
            Code::RepIncapableOrder,
            "spouse signs when there is no legal representative",
            INCAPABLE,
            c(|r| {
                r.representation.chain_facts = vec![ChainFact {
                    step: ChainStep::LegalRepresentative,
                    fact: ChainFactKind::Absent,
                    note: "".into(),
                }];
                decided_by_representative(r, "Els Kramer", R::Spouse);
            }),
        ),
        // REP-RESTRICTED-REASON
        fail(
            Code::RepRestrictedReason,
            "restriction without reason",
            UNDER_12,
            "representation.restrictions[0].reason",
            c(|r| {
                r.representation.restrictions.push(Restriction {
                    representative: "Tim Bakker".into(),
                    kind: RestrictionKind::Limited,
                    reason: " ".into(),
                });
            }),
        ),
        pass(
            Code::RepRestrictedReason,
            "restriction with reason",
            UNDER_12,
            c(|r| {
                r.representation.restrictions.push(Restriction {
                    representative: "Tim Bakker".into(),
                    kind: RestrictionKind::Limited,
                    reason: "Lopend onderzoek Veilig Thuis".into(),
                });
            }),
        ),
        // SUBJECT-BIRTHDATE
        fail(
            Code::SubjectBirthdate,
            "no birth date",
            ADULT,
            "client.birthDate",
            c(|r| r.client.birth_date = None),
        ),
        fail(
            Code::SubjectBirthdate,
            "born after the conversation",
            ADULT,
            "client.birthDate",
            c(|r| r.client.birth_date = Some(d("2026-11-21"))),
        ),
        fail(
            Code::SubjectBirthdate,
            "130 years old",
            ADULT,
            "client.birthDate",
            c(|r| r.client.birth_date = Some(d("1896-11-20"))),
        ),
        pass(
            Code::SubjectBirthdate,
            "129 years old",
            ADULT,
            c(|r| r.client.birth_date = Some(d("1896-11-21"))),
        ),
        pass(
            Code::SubjectBirthdate,
            "born on the conversation date",
            UNDER_12,
            c(|r| {
                r.client.birth_date = Some(d("2026-11-20"));
            }),
        ),
    ]
}

#[test]
fn cases_behave() {
    run(cases());
}

#[test]
fn leap_day_birth_reaches_16_on_1_march() {
    // Born 29 February 2012: in 2028 (a leap year) 16 on 29 February; withdrawal checks.
    let mut r = consent(TEEN);
    r.client.birth_date = Some(d("2012-02-29"));
    r.representation.age_band = None;
    let on = |date: &str| {
        let mut r = r.clone();
        r.conversation_date = Some(d(date));
        r.consent.decision_date = Some(d(date));
        r.assent.date = Some(d(date));
        for s in &mut r.consent.signers {
            s.date = Some(d(date));
        }
        findings(&Document::Consent(r))
    };
    // 2027 has no 29 February: still 15 on 28 February, 15 → parent and child sign (valid).
    assert!(on("2027-02-28").is_empty());
    // 2028-02-28: still 15.
    assert!(on("2028-02-28").is_empty());
    // 2028-02-29: 16 → parent signing for a capable client is an error.
    assert!(on("2028-02-29").iter().any(|f| f.code == Code::Rep16Plus));
    // A common year: born 2011-02-29 does not exist, so use art12 directly for 1 March.
    let b = d("2012-02-29");
    assert_eq!(b.age_on(d("2025-02-28")), 12);
    assert_eq!(art12_band(b, "2024-02-28"), AgeBand::Under12);
    assert_eq!(art12_band(b, "2024-02-29"), AgeBand::From12To15);
    let b = d("2008-02-29");
    assert_eq!(art12_band(b, "2025-02-28"), AgeBand::From16); // 2024-02-29 was the 16th birthday
    let b = d("2009-02-28");
    assert_eq!(art12_band(b, "2025-02-27"), AgeBand::From12To15);
    assert_eq!(art12_band(b, "2025-02-28"), AgeBand::From16);
    // Born 29 Feb 2012, in common year 2023 (age 11 → 12 on 1 March 2024? no: 2024 is leap).
    let b = d("2012-02-29");
    assert_eq!(b.age_on(d("2023-02-28")), 10);
    assert_eq!(b.age_on(d("2023-03-01")), 11);
}

fn art12_band(b: Date, on: &str) -> AgeBand {
    art12::age_band(b.age_on(d(on)))
}

#[test]
fn required_signers_follow_the_chain() {
    use art12::{required_signers, Requirement};
    let r = consent(INCAPABLE);
    let birth = r.client.birth_date.unwrap();
    let rs = required_signers(birth, d("2026-11-20"), &r.representation);
    assert_eq!(rs.requirement, Requirement::Chain);
    assert_eq!(rs.representatives, vec![0]);
    assert!(!rs.client);

    let mut rep = r.representation.clone();
    rep.representatives = vec![
        Representative {
            name: "Els".into(),
            role: Some(RepresentativeRole::Spouse),
        },
        Representative {
            name: "Jan".into(),
            role: Some(RepresentativeRole::Parent),
        },
    ];
    // No legal representative listed and no fact recorded: nobody yet.
    assert!(required_signers(birth, d("2026-11-20"), &rep)
        .representatives
        .is_empty());
    rep.chain_facts.push(ChainFact {
        step: ChainStep::LegalRepresentative,
        fact: ChainFactKind::Absent,
        note: String::new(),
    });
    assert_eq!(
        required_signers(birth, d("2026-11-20"), &rep).representatives,
        vec![0]
    );
    rep.chain_facts.push(ChainFact {
        step: ChainStep::Partner,
        fact: ChainFactKind::Unwilling,
        note: String::new(),
    });
    assert_eq!(
        required_signers(birth, d("2026-11-20"), &rep).representatives,
        vec![1]
    );

    let teen = consent(TEEN);
    let rs = required_signers(
        teen.client.birth_date.unwrap(),
        d("2026-11-20"),
        &teen.representation,
    );
    assert_eq!(
        (rs.client, rs.representatives.clone(), rs.age),
        (true, vec![0], 14)
    );
    assert!(
        rs.requirement
            .explain_nl(rs.age)
            .starts_with("Cliënt is 14: ouder/voogd én cliënt tekenen samen"),
        "{}",
        rs.requirement.explain_nl(rs.age)
    );
}

/// The teen example with every decision on `on` and the client born on `birth`; the signers are
/// who art. 12 requires on that day (parent and child, or the client alone).
fn decided_on(birth: &str, on: &str, client_alone: bool) -> ConsentRecord {
    let mut r = consent(TEEN);
    r.client.birth_date = Some(d(birth));
    r.assent.date = Some(d(on));
    r.consent.decision_date = Some(d(on));
    for s in &mut r.consent.signers {
        s.date = Some(d(on));
    }
    if client_alone {
        r.consent.signers.retain(|s| s.role == PartyRole::Client);
        r.assent.given_by.retain(|p| p.role == PartyRole::Client);
    }
    r
}

#[test]
fn a_client_who_turns_16_on_the_day_of_the_decisions_decides_alone() {
    // 15 on the conversation date (2026-11-20), 16 on the decision date (2026-11-21).
    let mut r = decided_on("2010-11-21", "2026-11-21", true);
    flow::normalize(&mut r);
    assert_eq!(r.representation.age_band, Some(AgeBand::From16));
    let f = findings(&Document::Consent(r.clone()));
    assert!(f.is_empty(), "{f:#?}");
    // The band of the conversation date is not the band of the decision.
    r.representation.age_band = Some(AgeBand::From12To15);
    let f = findings(&Document::Consent(r));
    assert!(
        f.iter()
            .any(|x| x.code == Code::Rep16Plus && x.path == "representation.ageBand"),
        "{f:#?}"
    );
}

#[test]
fn a_child_who_turns_12_on_the_day_of_the_decisions_signs_with_the_parent() {
    let mut r = decided_on("2014-11-21", "2026-11-21", false);
    flow::normalize(&mut r);
    assert_eq!(r.representation.age_band, Some(AgeBand::From12To15));
    let names: Vec<_> = r.consent.signers.iter().map(|s| s.role).collect();
    assert_eq!(names, [PartyRole::Representative, PartyRole::Client]);
    let f = findings(&Document::Consent(r));
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn each_decision_is_judged_on_its_own_date() {
    // Oral assent on the conversation date (15: parent and child), written consent a day later
    // (16: the client alone).
    let mut r = decided_on("2010-11-21", "2026-11-21", true);
    r.assent.date = Some(d("2026-11-20"));
    r.assent.given_by = consent(TEEN).assent.given_by;
    flow::normalize(&mut r);
    let who: Vec<_> = r.assent.given_by.iter().map(|p| p.role).collect();
    assert_eq!(who, [PartyRole::Representative, PartyRole::Client]);
    assert_eq!(r.consent.signers.len(), 1);
    assert_eq!(r.representation.age_band, Some(AgeBand::From16));
    let f = findings(&Document::Consent(r));
    assert!(f.is_empty(), "{f:#?}");
}
