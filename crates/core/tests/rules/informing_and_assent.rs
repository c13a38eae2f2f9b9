use super::common::*;
use keukentafel_core::*;

#[allow(unused_imports)]
pub fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // INFO-EXPLAINED
        fail(
            Code::InfoExplained,
            "not explained",
            ADULT,
            "informing.explained",
            c(|r| r.informing.explained = false),
        ),
        pass(Code::InfoExplained, "explained", ADULT, c(|_| {})),
        // INFO-PARTNERS
        fail(
            Code::InfoPartners,
            "exchange but no partners named",
            ADULT,
            "informing.partners",
            c(|r| r.informing.partners.clear()),
        ),
        fail(
            Code::InfoPartners,
            "partner outside the list",
            ADULT,
            "informing.partners[1]",
            c(|r| r.informing.partners[1] = "facebook".into()),
        ),
        pass(
            Code::InfoPartners,
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
            Code::AssentOutcome,
            "no outcome",
            ADULT,
            "assent.outcome",
            c(|r| r.assent.outcome = None),
        ),
        pass(
            Code::AssentOutcome,
            "not asked is an outcome",
            ADULT,
            c(|r| r.assent.outcome = Some(AssentOutcome::NotAsked)),
        ),
        // ASSENT-DETAILS
        fail(
            Code::AssentDetails,
            "given without who",
            ADULT,
            "assent.givenBy",
            c(|r| r.assent.given_by.clear()),
        ),
        fail(
            Code::AssentDetails,
            "given without date",
            ADULT,
            "assent.date",
            c(|r| r.assent.date = None),
        ),
        fail(
            Code::AssentDetails,
            "given without purpose",
            ADULT,
            "assent.provision.purpose",
            c(|r| r.assent.provision.purpose = "  ".into()),
        ),
        fail(
            Code::AssentDetails,
            "given without partners",
            ADULT,
            "assent.provision.partners",
            c(|r| r.assent.provision.partners.clear()),
        ),
        pass(
            Code::AssentDetails,
            "refused needs no details",
            ADULT,
            c(|r| {
                r.assent.outcome = Some(AssentOutcome::Refused);
                r.assent.given_by.clear();
                r.assent.date = None;
            }),
        ),
    ]
}

#[test]
fn cases_behave() {
    run(cases());
}
