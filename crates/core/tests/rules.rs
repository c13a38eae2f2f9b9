//! Table-driven tests: for every RULES.md code at least one failing and one passing case,
//! built by changing one thing in a valid example record.

use keukentafel_core::parse::parse_document;
use keukentafel_core::*;

macro_rules! example {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/records/",
            $name
        ))
    };
}

const UNDER_12: &str = example!("valid-under-12.json");
const TEEN: &str = example!("valid-12-to-15.json");
const ADULT: &str = example!("valid-16-plus.json");
const INCAPABLE: &str = example!("valid-incapable-mentor.json");
const WITHDRAWAL: &str = example!("valid-withdrawal-after-16.json");
const REQUEST: &str = example!("valid-request-rejected.json");

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn today() -> Date {
    d("2026-11-30")
}

fn profile() -> Profile {
    Profile::landsmeer()
}

fn doc(json: &str) -> Document {
    parse_document(json).unwrap_or_else(|e| panic!("example does not parse: {e}"))
}

fn consent(json: &str) -> ConsentRecord {
    match doc(json) {
        Document::Consent(r) => r,
        _ => panic!("not a consent record"),
    }
}

fn findings(doc: &Document) -> Vec<Finding> {
    validate(doc, &profile(), today())
}

type Mutation = Box<dyn Fn(&mut Document)>;

fn c(f: impl Fn(&mut ConsentRecord) + 'static) -> Mutation {
    Box::new(move |doc| match doc {
        Document::Consent(r) => f(r),
        _ => panic!("consent mutation on another record type"),
    })
}
fn w(f: impl Fn(&mut WithdrawalRecord) + 'static) -> Mutation {
    Box::new(move |doc| match doc {
        Document::Withdrawal(r) => f(r),
        _ => panic!("withdrawal mutation on another record type"),
    })
}
fn q(f: impl Fn(&mut RequestRecord) + 'static) -> Mutation {
    Box::new(move |doc| match doc {
        Document::Request(r) => f(r),
        _ => panic!("request mutation on another record type"),
    })
}

struct Case {
    code: &'static str,
    what: &'static str,
    base: &'static str,
    change: Mutation,
    /// Whether the code must be reported (true) or must be absent (false).
    fires: bool,
    /// The path it must be reported at (when it fires).
    path: Option<&'static str>,
}

fn fail(
    code: &'static str,
    what: &'static str,
    base: &'static str,
    path: &'static str,
    change: Mutation,
) -> Case {
    Case {
        code,
        what,
        base,
        change,
        fires: true,
        path: Some(path),
    }
}
fn pass(code: &'static str, what: &'static str, base: &'static str, change: Mutation) -> Case {
    Case {
        code,
        what,
        base,
        change,
        fires: false,
        path: None,
    }
}

fn signer(name: &str, role: PartyRole, rel: Option<RepresentativeRole>, date: &str) -> Signer {
    Signer {
        name: name.into(),
        role,
        relationship: rel,
        date: Some(d(date)),
        signature: Signature {
            strokes: vec![vec![[100, 100], [5000, 5000], [9000, 2000]]],
            alternative: None,
        },
    }
}

/// The representative `name` (as `rel`) gives the oral assent and signs, on the conversation date.
fn decided_by_representative(r: &mut ConsentRecord, name: &str, rel: RepresentativeRole) {
    r.consent.signers = vec![signer(
        name,
        PartyRole::Representative,
        Some(rel),
        "2026-11-20",
    )];
    r.assent.given_by = vec![Decider {
        name: name.into(),
        role: PartyRole::Representative,
        relationship: Some(rel),
    }];
}

fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // INFO-EXPLAINED
        fail(
            "INFO-EXPLAINED",
            "not explained",
            ADULT,
            "informing.explained",
            c(|r| r.informing.explained = false),
        ),
        pass("INFO-EXPLAINED", "explained", ADULT, c(|_| {})),
        // INFO-PARTNERS
        fail(
            "INFO-PARTNERS",
            "exchange but no partners named",
            ADULT,
            "informing.partners",
            c(|r| r.informing.partners.clear()),
        ),
        fail(
            "INFO-PARTNERS",
            "partner outside the list",
            ADULT,
            "informing.partners[1]",
            c(|r| r.informing.partners[1] = "facebook".into()),
        ),
        pass(
            "INFO-PARTNERS",
            "no exchange at all, no partners needed",
            ADULT,
            c(|r| {
                r.informing.partners.clear();
                r.informing.exchange_intended = false;
                r.assent.provision.partners.clear();
                r.assent.outcome = Some(AssentOutcome::Refused);
                r.consent = WrittenConsent::default();
            }),
        ),
        // ASSENT-OUTCOME
        fail(
            "ASSENT-OUTCOME",
            "no outcome",
            ADULT,
            "assent.outcome",
            c(|r| r.assent.outcome = None),
        ),
        pass(
            "ASSENT-OUTCOME",
            "not asked is an outcome",
            ADULT,
            c(|r| r.assent.outcome = Some(AssentOutcome::NotAsked)),
        ),
        // ASSENT-DETAILS
        fail(
            "ASSENT-DETAILS",
            "given without who",
            ADULT,
            "assent.givenBy",
            c(|r| r.assent.given_by.clear()),
        ),
        fail(
            "ASSENT-DETAILS",
            "given without date",
            ADULT,
            "assent.date",
            c(|r| r.assent.date = None),
        ),
        fail(
            "ASSENT-DETAILS",
            "given without purpose",
            ADULT,
            "assent.provision.purpose",
            c(|r| r.assent.provision.purpose = "  ".into()),
        ),
        fail(
            "ASSENT-DETAILS",
            "given without partners",
            ADULT,
            "assent.provision.partners",
            c(|r| r.assent.provision.partners.clear()),
        ),
        pass(
            "ASSENT-DETAILS",
            "refused needs no details",
            ADULT,
            c(|r| {
                r.assent.outcome = Some(AssentOutcome::Refused);
                r.assent.given_by.clear();
                r.assent.date = None;
            }),
        ),
        // CONSENT-DECISION
        fail(
            "CONSENT-DECISION",
            "categories but no decision",
            ADULT,
            "consent.decision",
            c(|r| r.consent.decision = None),
        ),
        fail(
            "CONSENT-DECISION",
            "refusal without date",
            ADULT,
            "consent.decisionDate",
            c(|r| {
                r.consent.decision = Some(ConsentDecision::Refused);
                r.consent.decision_date = None;
            }),
        ),
        pass(
            "CONSENT-DECISION",
            "refusal with date needs no signature",
            ADULT,
            c(|r| {
                r.consent.decision = Some(ConsentDecision::Refused);
                r.consent.signers.clear();
            }),
        ),
        pass(
            "CONSENT-DECISION",
            "no special categories, no decision needed",
            ADULT,
            c(|r| r.consent = WrittenConsent::default()),
        ),
        // CONSENT-DEFERRED
        fail(
            "CONSENT-DEFERRED",
            "deferred",
            ADULT,
            "consent.decision",
            c(|r| r.consent.decision = Some(ConsentDecision::Deferred)),
        ),
        pass("CONSENT-DEFERRED", "decided", ADULT, c(|_| {})),
        // CONSENT-SCOPE
        fail(
            "CONSENT-SCOPE",
            "category without partner",
            ADULT,
            "consent.categories[1].partners",
            c(|r| r.consent.categories[1].partners.clear()),
        ),
        fail(
            "CONSENT-SCOPE",
            "partner outside the list",
            ADULT,
            "consent.categories[0].partners[0]",
            c(|r| r.consent.categories[0].partners[0] = "zorgverzekeraar".into()),
        ),
        fail(
            "CONSENT-SCOPE",
            "given without any category",
            ADULT,
            "consent.categories",
            c(|r| r.consent.categories.clear()),
        ),
        fail(
            "CONSENT-SCOPE",
            "the same category twice",
            ADULT,
            "consent.categories[1].category",
            c(|r| r.consent.categories[1].category = SpecialCategory::Health),
        ),
        pass(
            "CONSENT-SCOPE",
            "every category has partners",
            ADULT,
            c(|_| {}),
        ),
        // CONSENT-SIGNATURES
        fail(
            "CONSENT-SIGNATURES",
            "given without signers",
            ADULT,
            "consent.signers",
            c(|r| r.consent.signers.clear()),
        ),
        fail(
            "CONSENT-SIGNATURES",
            "empty pad",
            ADULT,
            "consent.signers[0].signature",
            c(|r| r.consent.signers[0].signature.strokes.clear()),
        ),
        fail(
            "CONSENT-SIGNATURES",
            "a single tap is no signature",
            ADULT,
            "consent.signers[0].signature",
            c(|r| r.consent.signers[0].signature.strokes = vec![vec![[10, 10]]]),
        ),
        fail(
            "CONSENT-SIGNATURES",
            "signature without date",
            ADULT,
            "consent.signers[0].date",
            c(|r| r.consent.signers[0].date = None),
        ),
        fail(
            "CONSENT-SIGNATURES",
            "signature without name",
            ADULT,
            "consent.signers[0].name",
            c(|r| r.consent.signers[0].name.clear()),
        ),
        fail(
            "CONSENT-SIGNATURES",
            "alternative without witness",
            ADULT,
            "consent.signers[0].signature.alternative.witnessedBy",
            c(|r| {
                r.consent.signers[0].signature = Signature {
                    strokes: vec![],
                    alternative: Some(AlternativeConfirmation {
                        reason: "Kan door een tremor niet schrijven".into(),
                        witnessed_by: "".into(),
                    }),
                };
            }),
        ),
        pass(
            "CONSENT-SIGNATURES",
            "witnessed alternative confirmation",
            ADULT,
            c(|r| {
                r.consent.signers[0].signature = Signature {
                    strokes: vec![],
                    alternative: Some(AlternativeConfirmation {
                        reason: "Kan door een tremor niet schrijven".into(),
                        witnessed_by: "Sanne de Vries".into(),
                    }),
                };
            }),
        ),
        // NECESSITY-PURPOSE
        fail(
            "NECESSITY-PURPOSE",
            "category without purpose",
            ADULT,
            "consent.categories[0].purpose",
            c(|r| r.consent.categories[0].purpose.clear()),
        ),
        pass("NECESSITY-PURPOSE", "purposes stated", ADULT, c(|_| {})),
        // NECESSITY-DOMAIN
        fail(
            "NECESSITY-DOMAIN",
            "no support domain",
            ADULT,
            "helpQuestion.domains",
            c(|r| r.help_question.domains.clear()),
        ),
        pass(
            "NECESSITY-DOMAIN",
            "one domain is enough",
            ADULT,
            c(|r| r.help_question.domains = vec![SupportDomain::Housing]),
        ),
        // EXCEPTION-GROUND
        fail(
            "EXCEPTION-GROUND",
            "processing despite refusal, no ground",
            ADULT,
            "exception.ground",
            c(|r| {
                r.consent.decision = Some(ConsentDecision::Refused);
                r.exception.processing_continues = true;
                r.exception.note = "Dringend nodig".into();
            }),
        ),
        fail(
            "EXCEPTION-GROUND",
            "ground without a note",
            ADULT,
            "exception.note",
            c(|r| {
                r.assent.outcome = Some(AssentOutcome::NotAsked);
                r.exception.processing_continues = true;
                r.exception.ground = Some(ExceptionGround::SeriousRisk);
            }),
        ),
        pass(
            "EXCEPTION-GROUND",
            "ground and note",
            ADULT,
            c(|r| {
                r.consent.decision = Some(ConsentDecision::Refused);
                r.exception = Exception {
                    processing_continues: true,
                    ground: Some(ExceptionGround::NecessaryForSupport),
                    note: "Zonder medische gegevens kan geen passende zorg worden ingezet.".into(),
                };
            }),
        ),
        // RETENTION-DATE
        fail(
            "RETENTION-DATE",
            "closed without keep-until",
            ADULT,
            "retention.keepUntil",
            c(|r| r.retention.keep_until = None),
        ),
        fail(
            "RETENTION-DATE",
            "keep-until too early",
            ADULT,
            "retention.keepUntil",
            c(|r| r.retention.keep_until = Some(d("2031-12-30"))),
        ),
        pass(
            "RETENTION-DATE",
            "closed 2026-03-10 keeps until 2031-12-31",
            ADULT,
            c(|r| {
                r.retention.support_closed = Some(d("2026-03-10"));
                r.retention.keep_until = Some(d("2031-12-31"));
            }),
        ),
        pass(
            "RETENTION-DATE",
            "support not closed yet",
            ADULT,
            c(|r| r.retention = Retention::default()),
        ),
        // RETENTION-LONGER
        fail(
            "RETENTION-LONGER",
            "later date without reason",
            ADULT,
            "retention.longerReason",
            c(|r| r.retention.keep_until = Some(d("2032-01-01"))),
        ),
        pass(
            "RETENTION-LONGER",
            "later date with legal basis",
            ADULT,
            c(|r| {
                r.retention.keep_until = Some(d("2046-12-31"));
                r.retention.longer_reason = "Wettelijke bewaartermijn Jeugdwet (20 jaar)".into();
            }),
        ),
        // VEILIG-THUIS-NOTE
        fail(
            "VEILIG-THUIS-NOTE",
            "provision without note",
            UNDER_12,
            "veiligThuis[0].note",
            c(|r| {
                r.veilig_thuis.push(VeiligThuisReport {
                    without_consent: true,
                    date: Some(d("2026-11-21")),
                    data_given: "Gezinssamenstelling, signalen".into(),
                    note: "".into(),
                });
            }),
        ),
        fail(
            "VEILIG-THUIS-NOTE",
            "provision without date",
            UNDER_12,
            "veiligThuis[0].date",
            c(|r| {
                r.veilig_thuis.push(VeiligThuisReport {
                    without_consent: true,
                    date: None,
                    data_given: "Signalen".into(),
                    note: "Op verzoek van Veilig Thuis".into(),
                });
            }),
        ),
        pass(
            "VEILIG-THUIS-NOTE",
            "complete note",
            UNDER_12,
            c(|r| {
                r.veilig_thuis.push(VeiligThuisReport {
                    without_consent: true,
                    date: Some(d("2026-11-21")),
                    data_given: "Signalen".into(),
                    note: "Op verzoek van Veilig Thuis, art. 10 lid 2".into(),
                });
            }),
        ),
        // REP-UNDER-12
        fail(
            "REP-UNDER-12",
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
            "REP-UNDER-12",
            "one of two parents with authority missing",
            UNDER_12,
            "consent.signers",
            c(|r| {
                r.consent.signers.pop();
            }),
        ),
        fail(
            "REP-UNDER-12",
            "a grandparent is no legal representative",
            UNDER_12,
            "consent.signers[1].relationship",
            c(|r| r.consent.signers[1].relationship = Some(R::Parent)),
        ),
        fail(
            "REP-UNDER-12",
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
            "REP-UNDER-12",
            "two parents with authority sign",
            UNDER_12,
            c(|_| {}),
        ),
        pass(
            "REP-UNDER-12",
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
            "REP-12-TO-15",
            "14-year-old does not sign",
            TEEN,
            "consent.signers",
            c(|r| {
                r.consent.signers.pop();
            }),
        ),
        fail(
            "REP-12-TO-15",
            "14-year-old signs alone",
            TEEN,
            "consent.signers",
            c(|r| {
                r.consent.signers.remove(0);
            }),
        ),
        fail(
            "REP-12-TO-15",
            "12th birthday on the decision date: child must sign",
            UNDER_12,
            "consent.signers",
            c(|r| {
                r.client.birth_date = Some(d("2014-11-20"));
                r.representation.age_band = None;
            }),
        ),
        pass(
            "REP-12-TO-15",
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
            "REP-12-TO-15",
            "the day before the 16th birthday: parent still needed",
            TEEN,
            "consent.signers",
            c(|r| {
                r.client.birth_date = Some(d("2010-11-21"));
                r.representation.age_band = None;
                r.consent.signers.remove(0);
            }),
        ),
        pass("REP-12-TO-15", "parent and child sign", TEEN, c(|_| {})),
        // REP-16-PLUS
        fail(
            "REP-16-PLUS",
            "a parent signs for a capable 16-year-old",
            TEEN,
            "consent.signers[0]",
            c(|r| {
                r.client.birth_date = Some(d("2010-11-20"));
                r.representation.age_band = None;
            }),
        ),
        fail(
            "REP-16-PLUS",
            "recorded age band disagrees",
            ADULT,
            "representation.ageBand",
            c(|r| r.representation.age_band = Some(AgeBand::From12To15)),
        ),
        pass(
            "REP-16-PLUS",
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
            "REP-INCAPABLE-REASON",
            "judged incapable without reason",
            INCAPABLE,
            "representation.capacity.reason",
            c(|r| r.representation.capacity.reason.clear()),
        ),
        fail(
            "REP-INCAPABLE-REASON",
            "judged incapable without who judged",
            INCAPABLE,
            "representation.capacity.judgedBy",
            c(|r| r.representation.capacity.judged_by.clear()),
        ),
        pass(
            "REP-INCAPABLE-REASON",
            "reason and judge recorded",
            INCAPABLE,
            c(|_| {}),
        ),
        // REP-INCAPABLE-ORDER
        fail(
            "REP-INCAPABLE-ORDER",
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
            "REP-INCAPABLE-ORDER",
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
            "REP-INCAPABLE-ORDER",
            "nobody represents an incapable client",
            INCAPABLE,
            "consent.signers",
            c(|r| {
                r.consent.signers = vec![signer("Wim Kramer", Client, None, "2026-11-20")];
            }),
        ),
        pass(
            "REP-INCAPABLE-ORDER",
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
            "REP-INCAPABLE-ORDER",
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
            "REP-RESTRICTED-REASON",
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
            "REP-RESTRICTED-REASON",
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
            "SUBJECT-BIRTHDATE",
            "no birth date",
            ADULT,
            "client.birthDate",
            c(|r| r.client.birth_date = None),
        ),
        fail(
            "SUBJECT-BIRTHDATE",
            "born after the conversation",
            ADULT,
            "client.birthDate",
            c(|r| r.client.birth_date = Some(d("2026-11-21"))),
        ),
        fail(
            "SUBJECT-BIRTHDATE",
            "130 years old",
            ADULT,
            "client.birthDate",
            c(|r| r.client.birth_date = Some(d("1896-11-20"))),
        ),
        pass(
            "SUBJECT-BIRTHDATE",
            "129 years old",
            ADULT,
            c(|r| r.client.birth_date = Some(d("1896-11-21"))),
        ),
        pass(
            "SUBJECT-BIRTHDATE",
            "born on the conversation date",
            UNDER_12,
            c(|r| {
                r.client.birth_date = Some(d("2026-11-20"));
            }),
        ),
        // WITHDRAWAL-LINK
        fail(
            "WITHDRAWAL-LINK",
            "no hash",
            WITHDRAWAL,
            "withdrawn.hash",
            w(|r| r.withdrawn.hash.clear()),
        ),
        fail(
            "WITHDRAWAL-LINK",
            "malformed hash",
            WITHDRAWAL,
            "withdrawn.hash",
            w(|r| r.withdrawn.hash = "abc".into()),
        ),
        fail(
            "WITHDRAWAL-LINK",
            "dated before the consent",
            WITHDRAWAL,
            "date",
            w(|r| r.date = Some(d("2026-11-19"))),
        ),
        fail(
            "WITHDRAWAL-LINK",
            "refers to itself",
            WITHDRAWAL,
            "withdrawn.recordId",
            w(|r| r.withdrawn.record_id = r.record_id.clone()),
        ),
        pass(
            "WITHDRAWAL-LINK",
            "withdrawn on the day of consent",
            WITHDRAWAL,
            w(|r| {
                r.date = Some(d("2026-11-20"));
                r.client.birth_date = Some(d("1990-01-01"));
                r.representation.age_band = None;
                r.signers[0].date = Some(d("2026-11-20"));
            }),
        ),
        // WITHDRAWAL-BY
        fail(
            "WITHDRAWAL-BY",
            "after turning 16 the parent alone may not withdraw",
            WITHDRAWAL,
            "signers[0]",
            w(|r| {
                r.signers = vec![signer(
                    "Mila Jansen",
                    Representative,
                    Some(R::ParentWithAuthority),
                    "2028-04-02",
                )];
            }),
        ),
        fail(
            "WITHDRAWAL-BY",
            "before turning 16 the child alone may not withdraw",
            WITHDRAWAL,
            "signers",
            w(|r| {
                r.date = Some(d("2028-03-14"));
                r.representation.age_band = None;
                r.signers[0].date = Some(d("2028-03-14"));
            }),
        ),
        fail(
            "WITHDRAWAL-BY",
            "unsigned withdrawal",
            WITHDRAWAL,
            "signers",
            w(|r| r.signers.clear()),
        ),
        pass(
            "WITHDRAWAL-BY",
            "on the 16th birthday the client withdraws alone",
            WITHDRAWAL,
            w(|r| {
                r.date = Some(d("2028-03-15"));
                r.signers[0].date = Some(d("2028-03-15"));
            }),
        ),
        // REQUEST-DEADLINE
        fail(
            "REQUEST-DEADLINE",
            "wrong deadline",
            REQUEST,
            "deadline",
            q(|r| r.deadline = Some(d("2026-12-02"))),
        ),
        fail(
            "REQUEST-DEADLINE",
            "decided after the deadline",
            REQUEST,
            "decision.date",
            q(|r| r.decision.as_mut().unwrap().date = Some(d("2026-12-01"))),
        ),
        fail(
            "REQUEST-DEADLINE",
            "open and overdue",
            REQUEST,
            "decision",
            q(|r| {
                r.received = Some(d("2026-10-31"));
                r.deadline = Some(d("2026-11-28"));
                r.decision = None;
            }),
        ),
        pass(
            "REQUEST-DEADLINE",
            "open, due today",
            REQUEST,
            q(|r| r.decision = None),
        ),
        pass(
            "REQUEST-DEADLINE",
            "access requests have no four-week rule here",
            REQUEST,
            q(|r| {
                r.kind = Some(RequestKind::Access);
                r.deadline = None;
                r.decision = None;
                r.received = Some(d("2026-01-01"));
            }),
        ),
        // REQUEST-REJECTION-REASON
        fail(
            "REQUEST-REJECTION-REASON",
            "rejected without reasons",
            REQUEST,
            "decision.reasons",
            q(|r| r.decision.as_mut().unwrap().reasons.clear()),
        ),
        fail(
            "REQUEST-REJECTION-REASON",
            "partly granted without reasons",
            REQUEST,
            "decision.reasons",
            q(|r| {
                let dd = r.decision.as_mut().unwrap();
                dd.outcome = RequestOutcome::Partly;
                dd.reasons = "".into();
                r.partners_informed.push(PartnerInformed {
                    partner: "huisarts".into(),
                    date: Some(d("2026-11-26")),
                });
            }),
        ),
        pass(
            "REQUEST-REJECTION-REASON",
            "rejected with reasons",
            REQUEST,
            q(|_| {}),
        ),
        // REQUEST-PARTNERS-TOLD
        fail(
            "REQUEST-PARTNERS-TOLD",
            "granted deletion without partners told",
            REQUEST,
            "partnersInformed",
            q(|r| {
                r.kind = Some(RequestKind::Deletion);
                r.decision.as_mut().unwrap().outcome = RequestOutcome::Granted;
            }),
        ),
        pass(
            "REQUEST-PARTNERS-TOLD",
            "granted deletion, partners told",
            REQUEST,
            q(|r| {
                r.kind = Some(RequestKind::Deletion);
                r.decision.as_mut().unwrap().outcome = RequestOutcome::Granted;
                r.partners_informed.push(PartnerInformed {
                    partner: "huisarts".into(),
                    date: Some(d("2026-11-26")),
                });
            }),
        ),
    ]
}

#[test]
fn every_case_behaves() {
    let mut failures = Vec::new();
    for case in cases() {
        let mut doc = doc(case.base);
        (case.change)(&mut doc);
        let found = findings(&doc);
        let hits: Vec<&Finding> = found
            .iter()
            .filter(|f| f.code.as_str() == case.code)
            .collect();
        if case.fires {
            let path = case.path.unwrap();
            if !hits.iter().any(|f| f.path == path) {
                failures.push(format!(
                    "{} [{}]: expected at {path}, got {:#?}",
                    case.code, case.what, found
                ));
            }
        } else if !hits.is_empty() {
            failures.push(format!(
                "{} [{}]: expected absent, got {:#?}",
                case.code, case.what, hits
            ));
        }
        // Every finding is well formed.
        for f in &found {
            assert_eq!(f.severity, f.code.severity());
            assert_eq!(f.article, f.code.article());
            assert!(!f.message.trim().is_empty() && !f.path.is_empty());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_code_has_a_failing_and_a_passing_case() {
    let cs = cases();
    for code in Code::ALL {
        let s = code.as_str();
        assert!(
            cs.iter().any(|c| c.code == s && c.fires),
            "no failing case for {s}"
        );
        assert!(
            cs.iter().any(|c| c.code == s && !c.fires),
            "no passing case for {s}"
        );
    }
}

#[test]
fn valid_examples_have_no_findings() {
    for (name, json) in [
        ("under-12", UNDER_12),
        ("12-to-15", TEEN),
        ("16-plus", ADULT),
        ("incapable", INCAPABLE),
        ("withdrawal", WITHDRAWAL),
        ("request", REQUEST),
    ] {
        let f = findings(&doc(json));
        assert!(f.is_empty(), "{name}: {f:#?}");
    }
}

#[test]
fn invalid_examples_report_their_codes() {
    let expect: &[(&str, &[&str])] = &[
        (
            example!("invalid-14-without-child-signature.json"),
            &["REP-12-TO-15"],
        ),
        (
            example!("invalid-incapable-chain-skipped.json"),
            &[
                "REP-INCAPABLE-ORDER",
                "REP-INCAPABLE-REASON",
                "CONSENT-SIGNATURES",
            ],
        ),
        (
            example!("invalid-adult-missing-explanation.json"),
            &[
                "INFO-EXPLAINED",
                "RETENTION-DATE",
                "CONSENT-SCOPE",
                "NECESSITY-PURPOSE",
            ],
        ),
        (
            example!("invalid-withdrawal-by-parent-after-16.json"),
            &["WITHDRAWAL-BY"],
        ),
    ];
    for (json, codes) in expect {
        let f = findings(&doc(json));
        for code in *codes {
            assert!(
                f.iter().any(|x| x.code.as_str() == *code),
                "{code} missing in {f:#?}"
            );
        }
        assert!(!rules::no_errors(&f));
    }
}

#[test]
fn retention_year_arithmetic() {
    use keukentafel_core::validate::keep_until;
    assert_eq!(keep_until(d("2026-03-10"), 5), Some(d("2031-12-31")));
    assert_eq!(keep_until(d("2026-01-01"), 5), Some(d("2031-12-31")));
    assert_eq!(keep_until(d("2026-12-31"), 5), Some(d("2031-12-31")));
    assert_eq!(keep_until(d("2024-02-29"), 5), Some(d("2029-12-31")));
    assert_eq!(keep_until(d("9998-01-01"), 5), None);
}

#[test]
fn request_deadline_across_month_and_year_ends() {
    use keukentafel_core::validate::request_deadline;
    assert_eq!(request_deadline(d("2026-11-02")), Some(d("2026-11-30")));
    assert_eq!(request_deadline(d("2026-11-03")), Some(d("2026-12-01")));
    assert_eq!(request_deadline(d("2026-01-31")), Some(d("2026-02-28")));
    assert_eq!(request_deadline(d("2028-02-01")), Some(d("2028-02-29")));
    assert_eq!(request_deadline(d("2026-12-15")), Some(d("2027-01-12")));
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
