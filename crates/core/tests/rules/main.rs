//! Table-driven rule tests, one module per theme of the protocol: for every RULES.md code at
//! least one failing and one passing case, built by changing one thing in a valid example record.

mod common;
mod consent;
mod exceptions_and_retention;
mod informing_and_assent;
mod representation;
mod requests;
mod withdrawal;

use common::*;
use keukentafel_core::*;

fn all_cases() -> Vec<Case> {
    [
        informing_and_assent::cases(),
        consent::cases(),
        exceptions_and_retention::cases(),
        representation::cases(),
        withdrawal::cases(),
        requests::cases(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn every_code_has_a_failing_and_a_passing_case() {
    let cs = all_cases();
    for code in Code::ALL {
        let s = code.as_str();
        assert!(
            cs.iter().any(|c| c.code == *code && c.fires),
            "no failing case for {s}"
        );
        assert!(
            cs.iter().any(|c| c.code == *code && !c.fires),
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
    let expect: &[(&str, &[Code])] = &[
        (
            example!("invalid-14-without-child-signature.json"),
            &[Code::Rep12To15],
        ),
        (
            example!("invalid-incapable-chain-skipped.json"),
            &[
                Code::RepIncapableOrder,
                Code::RepIncapableReason,
                Code::ConsentSignatures,
            ],
        ),
        (
            example!("invalid-adult-missing-explanation.json"),
            &[
                Code::InfoExplained,
                Code::RetentionDate,
                Code::ConsentScope,
                Code::NecessityPurpose,
            ],
        ),
        (
            example!("invalid-withdrawal-by-parent-after-16.json"),
            &[Code::WithdrawalBy],
        ),
    ];
    for (json, codes) in expect {
        let f = findings(&doc(json));
        for code in *codes {
            assert!(
                f.iter().any(|x| x.code == *code),
                "{} missing in {f:#?}",
                code.as_str()
            );
        }
        assert!(!rules::no_errors(&f));
    }
}
