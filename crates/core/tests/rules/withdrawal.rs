use super::common::*;
use keukentafel_core::*;

#[allow(unused_imports)]
pub fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // WITHDRAWAL-LINK
        fail(
            Code::WithdrawalLink,
            "no hash",
            WITHDRAWAL,
            "withdrawn.hash",
            w(|r| r.withdrawn.hash.clear()),
        ),
        fail(
            Code::WithdrawalLink,
            "malformed hash",
            WITHDRAWAL,
            "withdrawn.hash",
            w(|r| r.withdrawn.hash = "abc".into()),
        ),
        fail(
            Code::WithdrawalLink,
            "dated before the consent",
            WITHDRAWAL,
            "date",
            w(|r| r.date = Some(d("2026-11-19"))),
        ),
        fail(
            Code::WithdrawalLink,
            "refers to itself",
            WITHDRAWAL,
            "withdrawn.recordId",
            w(|r| r.withdrawn.record_id = r.record_id.clone()),
        ),
        pass(
            Code::WithdrawalLink,
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
            Code::WithdrawalBy,
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
            Code::WithdrawalBy,
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
            Code::WithdrawalBy,
            "unsigned withdrawal",
            WITHDRAWAL,
            "signers",
            w(|r| r.signers.clear()),
        ),
        pass(
            Code::WithdrawalBy,
            "on the 16th birthday the client withdraws alone",
            WITHDRAWAL,
            w(|r| {
                r.date = Some(d("2028-03-15"));
                r.signers[0].date = Some(d("2028-03-15"));
            }),
        ),
        // WITHDRAWAL-SCOPE
        fail(
            Code::WithdrawalScope,
            "partial, but nothing withdrawn",
            WITHDRAWAL,
            "scope",
            w(|r| r.scope.whole = false),
        ),
        pass(
            Code::WithdrawalScope,
            "partial: one category",
            WITHDRAWAL,
            w(|r| {
                r.scope.whole = false;
                r.scope.categories = vec![SpecialCategory::Health];
            }),
        ),
        pass(
            Code::WithdrawalScope,
            "partial: one partner",
            WITHDRAWAL,
            w(|r| {
                r.scope.whole = false;
                r.scope.partners = vec!["jeugdhulpaanbieder".into()];
            }),
        ),
        pass(Code::WithdrawalScope, "whole", WITHDRAWAL, w(|_| {})),
        // Version 2: category × partner pairs (a partial withdrawal of a version-2 record with
        // these pairs, unless the case says otherwise).
        pass(
            Code::WithdrawalScope,
            "version 2: one pair",
            WITHDRAWAL,
            v2(&[HEALTH_JHA], |_| {}),
        ),
        fail(
            Code::WithdrawalScope,
            "version 2: partial, no pair",
            WITHDRAWAL,
            "scope",
            v2(&[], |_| {}),
        ),
        fail(
            Code::WithdrawalScope,
            "version 2: a version-1 list makes it ambiguous",
            WITHDRAWAL,
            "scope.categories",
            v2(&[HEALTH_JHA], |r| {
                r.scope.categories = vec![SpecialCategory::Health]
            }),
        ),
        fail(
            Code::WithdrawalScope,
            "version 2: a pair twice",
            WITHDRAWAL,
            "scope.pairs[1]",
            v2(&[HEALTH_JHA, HEALTH_JHA], |_| {}),
        ),
        fail(
            Code::WithdrawalScope,
            "version 2: whole and pairs at once",
            WITHDRAWAL,
            "scope.pairs",
            v2(&[HEALTH_JHA], |r| r.scope.whole = true),
        ),
        fail(
            Code::WithdrawalLink,
            "version 2: a partner not in the profile",
            WITHDRAWAL,
            "scope.pairs[0]",
            v2(&[(SpecialCategory::Health, "tandarts")], |_| {}),
        ),
        fail(
            Code::WithdrawalScope,
            "version 1: pairs did not exist yet",
            WITHDRAWAL,
            "scope.pairs",
            w(|r| {
                r.scope.whole = false;
                r.scope.pairs = vec![pair(SpecialCategory::Health, "jeugdhulpaanbieder")];
            }),
        ),
    ]
}

const HEALTH_JHA: (SpecialCategory, &str) = (SpecialCategory::Health, "jeugdhulpaanbieder");

/// A version-2 partial withdrawal of `pairs`, then `f`.
fn v2(
    pairs: &'static [(SpecialCategory, &'static str)],
    f: impl Fn(&mut WithdrawalRecord) + 'static,
) -> Mutation {
    w(move |r| {
        r.schema_version = model::SchemaVersion(2);
        r.scope.whole = false;
        r.scope.pairs = pairs.iter().map(|(c, p)| pair(*c, p)).collect();
        f(r)
    })
}

fn pair(category: SpecialCategory, partner: &str) -> ScopePair {
    ScopePair {
        category,
        partner: partner.into(),
    }
}

/// A version-1 draft becomes the pairs its two lists meant; what the consent did not hold is
/// not invented, and a whole withdrawal stays whole.
#[test]
fn a_version_1_draft_migrates_to_pairs() {
    let mut consent = ConsentRecord::default();
    consent.consent.decision = Some(ConsentDecision::Given);
    consent.consent.categories = vec![
        CategoryConsent {
            category: SpecialCategory::Health,
            purpose: "zorg".into(),
            partners: vec!["huisarts".into(), "jeugdhulpaanbieder".into()],
        },
        CategoryConsent {
            category: SpecialCategory::Criminal,
            purpose: "veiligheid".into(),
            partners: vec!["jeugdhulpaanbieder".into()],
        },
    ];
    let mut w = WithdrawalRecord {
        schema_version: model::SchemaVersion(1),
        ..WithdrawalRecord::default()
    };
    w.scope.categories = vec![SpecialCategory::Criminal];
    w.scope.partners = vec!["huisarts".into()];
    w.migrate_to_v2(&consent);
    assert_eq!(w.schema_version, model::SchemaVersion(2));
    assert_eq!(
        w.scope.pairs,
        [
            pair(SpecialCategory::Health, "huisarts"),
            pair(SpecialCategory::Criminal, "jeugdhulpaanbieder")
        ]
    );
    assert!(w.scope.categories.is_empty() && w.scope.partners.is_empty());
    assert_eq!(w.withdrawn_pairs(&consent), w.scope.pairs);

    let mut whole = WithdrawalRecord {
        schema_version: model::SchemaVersion(1),
        ..WithdrawalRecord::default()
    };
    whole.scope.whole = true;
    whole.migrate_to_v2(&consent);
    assert!(whole.scope.whole && whole.scope.pairs.is_empty());
    assert_eq!(whole.withdrawn_pairs(&consent).len(), 3);

    // Written as version 2: the pairs, and no version-1 lists.
    let text = json::to_string(&w).unwrap();
    assert!(text.contains("\"schemaVersion\":2"), "{text}");
    assert!(
        text.contains("\"pairs\":[{\"category\":\"health\",\"partner\":\"huisarts\"}"),
        "{text}"
    );
    assert!(
        !text.contains("\"categories\"") && !text.contains("\"partners\""),
        "{text}"
    );
}

#[test]
fn cases_behave() {
    run(cases());
}
