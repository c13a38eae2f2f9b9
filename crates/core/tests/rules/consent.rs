use super::common::*;
use keukentafel_core::*;

#[allow(unused_imports)]
pub fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // CONSENT-DECISION
        fail(
            Code::ConsentDecision,
            "categories but no decision",
            ADULT,
            "consent.decision",
            c(|r| r.consent.decision = None),
        ),
        fail(
            Code::ConsentDecision,
            "refusal without date",
            ADULT,
            "consent.decisionDate",
            c(|r| {
                r.consent.decision = Some(ConsentDecision::Refused);
                r.consent.decision_date = None;
            }),
        ),
        pass(
            Code::ConsentDecision,
            "refusal with date needs no signature",
            ADULT,
            c(|r| {
                r.consent.decision = Some(ConsentDecision::Refused);
                r.consent.signers.clear();
            }),
        ),
        pass(
            Code::ConsentDecision,
            "no special categories, no decision needed",
            ADULT,
            c(|r| r.consent = WrittenConsent::default()),
        ),
        // CONSENT-DEFERRED
        fail(
            Code::ConsentDeferred,
            "deferred",
            ADULT,
            "consent.decision",
            c(|r| r.consent.decision = Some(ConsentDecision::Deferred)),
        ),
        pass(Code::ConsentDeferred, "decided", ADULT, c(|_| {})),
        // CONSENT-SCOPE
        fail(
            Code::ConsentScope,
            "category without partner",
            ADULT,
            "consent.categories[1].partners",
            c(|r| r.consent.categories[1].partners.clear()),
        ),
        fail(
            Code::ConsentScope,
            "partner outside the list",
            ADULT,
            "consent.categories[0].partners[0]",
            c(|r| r.consent.categories[0].partners[0] = "zorgverzekeraar".into()),
        ),
        fail(
            Code::ConsentScope,
            "given without any category",
            ADULT,
            "consent.categories",
            c(|r| r.consent.categories.clear()),
        ),
        fail(
            Code::ConsentScope,
            "the same category twice",
            ADULT,
            "consent.categories[1].category",
            c(|r| r.consent.categories[1].category = SpecialCategory::Health),
        ),
        pass(
            Code::ConsentScope,
            "every category has partners",
            ADULT,
            c(|_| {}),
        ),
        // CONSENT-SIGNATURES
        fail(
            Code::ConsentSignatures,
            "given without signers",
            ADULT,
            "consent.signers",
            c(|r| r.consent.signers.clear()),
        ),
        fail(
            Code::ConsentSignatures,
            "empty pad",
            ADULT,
            "consent.signers[0].signature",
            c(|r| r.consent.signers[0].signature.strokes.clear()),
        ),
        fail(
            Code::ConsentSignatures,
            "a single tap is no signature",
            ADULT,
            "consent.signers[0].signature",
            c(|r| r.consent.signers[0].signature.strokes = vec![vec![[10, 10]]]),
        ),
        fail(
            Code::ConsentSignatures,
            "signature without date",
            ADULT,
            "consent.signers[0].date",
            c(|r| r.consent.signers[0].date = None),
        ),
        fail(
            Code::ConsentSignatures,
            "signature without name",
            ADULT,
            "consent.signers[0].name",
            c(|r| r.consent.signers[0].name.clear()),
        ),
        fail(
            Code::ConsentSignatures,
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
            Code::ConsentSignatures,
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
            Code::NecessityPurpose,
            "category without purpose",
            ADULT,
            "consent.categories[0].purpose",
            c(|r| r.consent.categories[0].purpose.clear()),
        ),
        pass(Code::NecessityPurpose, "purposes stated", ADULT, c(|_| {})),
        // NECESSITY-DOMAIN
        fail(
            Code::NecessityDomain,
            "no support domain",
            ADULT,
            "helpQuestion.domains",
            c(|r| r.help_question.domains.clear()),
        ),
        pass(
            Code::NecessityDomain,
            "one domain is enough",
            ADULT,
            c(|r| r.help_question.domains = vec![SupportDomain::Housing]),
        ),
    ]
}

#[test]
fn cases_behave() {
    run(cases());
}
