//! Property tests: the validator and the parser never panic, whatever they are given.

use keukentafel_core::parse::parse_document;
use keukentafel_core::*;
use proptest::prelude::*;

fn date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        (1i32..=9999, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| Date::new(y, m, d)),
        (1900i32..=2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d)),
    ]
}

fn role() -> impl Strategy<Value = Option<RepresentativeRole>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(RepresentativeRole::ALL.to_vec()).prop_map(Some)
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_owned()),
        "[a-zA-Zé ]{0,12}"
    ]
}

fn signer() -> impl Strategy<Value = Signer> {
    (
        text(),
        any::<bool>(),
        role(),
        date(),
        proptest::collection::vec(proptest::collection::vec(any::<[u16; 2]>(), 0..4), 0..3),
        any::<bool>(),
    )
        .prop_map(|(name, client, relationship, date, strokes, alt)| Signer {
            name,
            role: if client {
                PartyRole::Client
            } else {
                PartyRole::Representative
            },
            relationship,
            date,
            signature: Signature {
                strokes,
                alternative: alt.then(|| AlternativeConfirmation {
                    reason: "x".into(),
                    witnessed_by: String::new(),
                }),
            },
        })
}

fn representation() -> impl Strategy<Value = Representation> {
    (
        any::<bool>(),
        text(),
        proptest::collection::vec((text(), role()), 0..4),
        proptest::collection::vec((any::<bool>(), any::<bool>()), 0..3),
        proptest::collection::vec((text(), any::<bool>(), text()), 0..2),
        prop_oneof![
            Just(None),
            Just(Some(AgeBand::Under12)),
            Just(Some(AgeBand::From16))
        ],
    )
        .prop_map(
            |(incapable, reason, reps, facts, restr, band)| Representation {
                age_band: band,
                capacity: Capacity {
                    judged_incapable: incapable,
                    reason: reason.clone(),
                    judged_by: reason,
                    date: None,
                },
                representatives: reps
                    .into_iter()
                    .map(|(name, role)| Representative { name, role })
                    .collect(),
                chain_facts: facts
                    .into_iter()
                    .map(|(a, b)| ChainFact {
                        step: if a {
                            ChainStep::LegalRepresentative
                        } else {
                            ChainStep::Partner
                        },
                        fact: if b {
                            ChainFactKind::Absent
                        } else {
                            ChainFactKind::Unwilling
                        },
                        note: String::new(),
                    })
                    .collect(),
                restrictions: restr
                    .into_iter()
                    .map(|(representative, refused, reason)| Restriction {
                        representative,
                        kind: if refused {
                            RestrictionKind::Refused
                        } else {
                            RestrictionKind::Limited
                        },
                        reason,
                    })
                    .collect(),
            },
        )
}

fn partners() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        prop_oneof![
            Just("huisarts".to_owned()),
            Just("onbekend".to_owned()),
            text()
        ],
        0..3,
    )
}

fn consent_record() -> impl Strategy<Value = ConsentRecord> {
    (
        (date(), date(), date(), date(), date(), date()),
        representation(),
        proptest::collection::vec(signer(), 0..4),
        (any::<bool>(), any::<bool>(), partners(), partners()),
        (
            0u8..4,
            0u8..4,
            proptest::collection::vec(
                (
                    proptest::sample::select(SpecialCategory::ALL.to_vec()),
                    text(),
                    partners(),
                ),
                0..4,
            ),
        ),
        (
            any::<bool>(),
            text(),
            proptest::collection::vec((any::<bool>(), date(), text(), text()), 0..2),
        ),
    )
        .prop_map(
            |(
                dates,
                representation,
                signers,
                (explained, exch, ip, ap),
                (ao, cd, cats),
                (exc, note, vt),
            )| {
                let mut r = ConsentRecord::new(RecordId::from_random_bytes([7; 16]));
                r.conversation_date = dates.0;
                r.client.birth_date = dates.1;
                r.assent.date = dates.2;
                r.consent.decision_date = dates.3;
                r.retention.support_closed = dates.4;
                r.retention.keep_until = dates.5;
                r.representation = representation;
                r.informing = Informing {
                    explained,
                    exchange_intended: exch,
                    partners: ip,
                };
                r.assent.provision.partners = ap;
                r.assent.outcome = [
                    None,
                    Some(AssentOutcome::Given),
                    Some(AssentOutcome::Refused),
                    Some(AssentOutcome::NotAsked),
                ][ao as usize];
                r.assent.given_by = signers
                    .iter()
                    .map(|s| Decider {
                        name: s.name.clone(),
                        role: s.role,
                        relationship: s.relationship,
                    })
                    .collect();
                r.consent.decision = [
                    None,
                    Some(ConsentDecision::Given),
                    Some(ConsentDecision::Refused),
                    Some(ConsentDecision::Deferred),
                ][cd as usize];
                r.consent.categories = cats
                    .into_iter()
                    .map(|(category, purpose, partners)| CategoryConsent {
                        category,
                        purpose,
                        partners,
                    })
                    .collect();
                r.consent.signers = signers;
                r.exception = Exception {
                    processing_continues: exc,
                    ground: None,
                    note,
                };
                r.veilig_thuis = vt
                    .into_iter()
                    .map(
                        |(without_consent, date, data_given, note)| VeiligThuisReport {
                            without_consent,
                            date,
                            data_given,
                            note,
                        },
                    )
                    .collect();
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn validator_never_panics_on_consent_records(r in consent_record(), today in date()) {
        let today = today.unwrap_or(Date::new(2026, 11, 30).unwrap());
        let f = validate(&Document::Consent(r.clone()), &Profile::landsmeer(), today);
        for x in &f {
            prop_assert!(!x.message.is_empty());
        }
        // Serialising and parsing gives the same record and the same findings.
        let json = parse::to_json_pretty(&Document::Consent(r));
        let again = parse_document(&json).unwrap();
        prop_assert_eq!(validate(&again, &Profile::landsmeer(), today), f);
    }

    #[test]
    fn validator_never_panics_on_withdrawals_and_requests(
        rep in representation(), signers in proptest::collection::vec(signer(), 0..3),
        d1 in date(), d2 in date(), d3 in date(), d4 in date(), hash in "[A-Za-z0-9_-]{0,44}",
        kind in 0usize..7, outcome in 0usize..4, reasons in text(), today in date(),
    ) {
        let today = today.unwrap_or(Date::new(2026, 11, 30).unwrap());
        let mut w = WithdrawalRecord { record_id: RecordId::from_random_bytes([1; 16]), ..Default::default() };
        w.client.birth_date = d1;
        w.date = d2;
        w.withdrawn = RecordRef { record_id: RecordId::from_random_bytes([2; 16]), hash, date: d3 };
        w.representation = rep.clone();
        w.signers = signers.clone();
        let _ = validate(&Document::Withdrawal(w), &Profile::landsmeer(), today);

        let kinds = [RequestKind::Information, RequestKind::Access, RequestKind::Copy, RequestKind::Correction, RequestKind::Completion, RequestKind::Deletion, RequestKind::Blocking];
        let mut q = RequestRecord { record_id: RecordId::from_random_bytes([3; 16]), ..Default::default() };
        q.client.birth_date = d1;
        q.kind = Some(kinds[kind]);
        q.received = d2;
        q.deadline = d3;
        q.representation = rep;
        q.requested_by = signers.iter().map(|s| Decider { name: s.name.clone(), role: s.role, relationship: s.relationship }).collect();
        q.decision = [None, Some(RequestOutcome::Granted), Some(RequestOutcome::Partly), Some(RequestOutcome::Rejected)][outcome]
            .map(|outcome| RequestDecision { outcome, date: d4, reasons });
        let _ = validate(&Document::Request(q), &Profile::landsmeer(), today);
    }

    #[test]
    fn parser_never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
        let _ = parse_document(&s);
    }

    #[test]
    fn parser_never_panics_on_mutated_records(pos in 0usize..4000, byte in any::<u8>()) {
        let mut b = include_bytes!("../../../examples/records/valid-12-to-15.json").to_vec();
        let i = pos % b.len();
        b[i] = byte;
        if let Ok(s) = std::str::from_utf8(&b) {
            let _ = parse_document(s).map(|d| validate(&d, &Profile::landsmeer(), Date::new(2026, 11, 30).unwrap()));
        }
    }
}
