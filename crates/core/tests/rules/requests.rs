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
