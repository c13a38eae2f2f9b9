use super::common::*;
use keukentafel_core::*;

#[allow(unused_imports)]
pub fn cases() -> Vec<Case> {
    use PartyRole::*;
    use RepresentativeRole as R;
    vec![
        // EXCEPTION-GROUND
        fail(
            Code::ExceptionGround,
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
            Code::ExceptionGround,
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
            Code::ExceptionGround,
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
            Code::RetentionDate,
            "closed without keep-until",
            ADULT,
            "retention.keepUntil",
            c(|r| r.retention.keep_until = None),
        ),
        fail(
            Code::RetentionDate,
            "keep-until too early",
            ADULT,
            "retention.keepUntil",
            c(|r| r.retention.keep_until = Some(d("2031-12-30"))),
        ),
        pass(
            Code::RetentionDate,
            "closed 2026-03-10 keeps until 2031-12-31",
            ADULT,
            c(|r| {
                r.retention.support_closed = Some(d("2026-03-10"));
                r.retention.keep_until = Some(d("2031-12-31"));
            }),
        ),
        pass(
            Code::RetentionDate,
            "support not closed yet",
            ADULT,
            c(|r| r.retention = Retention::default()),
        ),
        // RETENTION-LONGER
        fail(
            Code::RetentionLonger,
            "later date without reason",
            ADULT,
            "retention.longerReason",
            c(|r| r.retention.keep_until = Some(d("2032-01-01"))),
        ),
        pass(
            Code::RetentionLonger,
            "later date with legal basis",
            ADULT,
            c(|r| {
                r.retention.keep_until = Some(d("2046-12-31"));
                r.retention.longer_reason = "Wettelijke bewaartermijn Jeugdwet (20 jaar)".into();
            }),
        ),
        // VEILIG-THUIS-NOTE
        fail(
            Code::VeiligThuisNote,
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
            Code::VeiligThuisNote,
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
            Code::VeiligThuisNote,
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
    ]
}

#[test]
fn cases_behave() {
    run(cases());
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
