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
    ]
}

#[test]
fn cases_behave() {
    run(cases());
}
