use super::common::*;
use keukentafel_core::*;

#[allow(unused_imports)]
pub fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // REQUEST-DEADLINE
        fail(
            Code::RequestDeadline,
            "wrong deadline",
            REQUEST,
            "deadline",
            q(|r| r.deadline = Some(d("2026-12-02"))),
        ),
        fail(
            Code::RequestDeadline,
            "decided after the deadline",
            REQUEST,
            "decision.date",
            q(|r| r.decision.as_mut().unwrap().date = Some(d("2026-12-01"))),
        ),
        fail(
            Code::RequestDeadline,
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
            Code::RequestDeadline,
            "open, due today",
            REQUEST,
            q(|r| r.decision = None),
        ),
        pass(
            Code::RequestDeadline,
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
            Code::RequestRejectionReason,
            "rejected without reasons",
            REQUEST,
            "decision.reasons",
            q(|r| r.decision.as_mut().unwrap().reasons.clear()),
        ),
        fail(
            Code::RequestRejectionReason,
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
            Code::RequestRejectionReason,
            "rejected with reasons",
            REQUEST,
            q(|_| {}),
        ),
        // REQUEST-PARTNERS-TOLD
        fail(
            Code::RequestPartnersTold,
            "granted deletion without partners told",
            REQUEST,
            "partnersInformed",
            q(|r| {
                r.kind = Some(RequestKind::Deletion);
                r.decision.as_mut().unwrap().outcome = RequestOutcome::Granted;
            }),
        ),
        pass(
            Code::RequestPartnersTold,
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
fn cases_behave() {
    run(cases());
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

/// A receiver judges a record as it stood when signed: an open request signed before its
/// deadline is not refused for arriving after it — the day it is checked is a fact for
/// `keukentafel requests`, not a reason to lose the record.
#[test]
fn an_open_request_is_judged_as_signed_not_as_received() {
    use keukentafel_core::validate::validate_as_signed;
    let Document::Request(mut r) = doc(REQUEST) else {
        panic!("not a request")
    };
    r.decision = None;
    r.partners_informed.clear();
    let open = Document::Request(r.clone());
    let late = validate(&open, &profile(), d("2026-12-01"));
    assert!(late
        .iter()
        .any(|f| f.code == Code::RequestDeadline && f.is_error()));
    assert!(
        rules::no_errors(&validate_as_signed(&open, &profile())),
        "{:?}",
        validate_as_signed(&open, &profile())
    );
    // Decided after the deadline: that is in the record itself, and still refused.
    r.decision = Some(RequestDecision {
        outcome: RequestOutcome::Rejected,
        date: Some(d("2026-12-01")),
        reasons: "De gegevens zijn juist.".into(),
    });
    let decided_late = Document::Request(r);
    assert!(validate_as_signed(&decided_late, &profile())
        .iter()
        .any(|f| f.code == Code::RequestDeadline && f.is_error()));
}

#[test]
fn a_record_names_its_signer_by_the_one_name_comparison() {
    let adult = doc(ADULT);
    assert_eq!(adult.professional().name, "Sanne de Vries");
    assert!(adult.names_signer("sanne  de vries"));
    assert!(!adult.names_signer("Karin Bakker"));
    assert_eq!(adult.dossier_reference(), "LM-2026-0414");
    assert_eq!(doc(WITHDRAWAL).withdraws().map(str::len), Some(43));
    assert_eq!(adult.withdraws(), None);
    assert_eq!(doc(REQUEST).keep_until(), None);
}
