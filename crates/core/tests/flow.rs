//! The flow (what the app derives and offers) and the validator (what the back office checks)
//! agree: they share one name comparison and one decision date.

use keukentafel_core::parse::parse_document;
use keukentafel_core::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn under_12_with_a_refused_parent(restricted: &str) -> ConsentRecord {
    let Ok(Document::Consent(mut r)) = parse_document(include_str!(
        "../../../examples/records/valid-under-12.json"
    )) else {
        panic!("example")
    };
    r.representation.representatives.push(Representative {
        name: "Émile  Bos".into(),
        role: Some(RepresentativeRole::ParentWithAuthority),
    });
    r.representation.restrictions.push(Restriction {
        representative: restricted.into(),
        kind: RestrictionKind::Refused,
        reason: "Zwaarwegende belangen van het kind verzetten zich ertegen.".into(),
    });
    r
}

#[test]
fn a_refused_representative_gets_no_pad_whatever_the_case_or_spacing_of_the_name() {
    for typed in ["émile bos", "ÉMILE BOS", " Émile Bos ", "Émile  Bos"] {
        let mut r = under_12_with_a_refused_parent(typed);
        let before = r.consent.signers.len();
        flow::normalize(&mut r);
        assert_eq!(
            r.consent.signers.len(),
            before,
            "{typed}: no pad for the refused parent"
        );
        assert!(
            !r.consent.signers.iter().any(|s| s.name.contains("mile")),
            "{typed}"
        );
        // A withdrawal of it keeps the refusal: the refused parent is not offered as a signer
        // there either.
        let w = flow::withdrawal_of(
            &r,
            "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
            RecordId::from_random_bytes([4; 16]),
            d("2026-12-01"),
        );
        assert_eq!(w.representation.restrictions, r.representation.restrictions);
        assert!(!w.signers.is_empty(), "{typed}: the other parent signs");
        assert!(
            !w.signers.iter().any(|s| s.name.contains("mile")),
            "{typed}: {:?}",
            w.signers
        );
        let f = validate(
            &Document::Consent(r),
            &Profile::landsmeer(),
            d("2026-11-30"),
        );
        assert!(f.is_empty(), "{typed}: {f:#?}");
    }
}

#[test]
fn the_decision_date_without_a_recorded_one_is_the_latest_signature() {
    let Ok(Document::Consent(mut r)) =
        parse_document(include_str!("../../../examples/records/valid-16-plus.json"))
    else {
        panic!("example")
    };
    r.consent.decision_date = None;
    for s in &mut r.consent.signers {
        s.date = Some(d("2026-11-25"));
    }
    assert_eq!(r.consent_decision_date(), Some(d("2026-11-25")));
    let hash = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
    let w = flow::withdrawal_of(
        &r,
        hash,
        RecordId::from_random_bytes([2; 16]),
        d("2027-01-01"),
    );
    assert_eq!(w.withdrawn.date, Some(d("2026-11-25")));
    let rev = flow::revision_of(&r, hash, RecordId::from_random_bytes([3; 16]));
    assert_eq!(rev.previous.and_then(|p| p.date), Some(d("2026-11-25")));
}
