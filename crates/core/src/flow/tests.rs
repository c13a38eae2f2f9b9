//! Tests of the flow as a whole: steps, derived fields, transitions, requests.

use super::*;
use crate::date::Date;
use crate::model::*;
use crate::rules::{Code, Finding};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn paths_map_to_steps_and_ids() {
    assert_eq!(step_for_path("client.birthDate"), Step::Gesprek);
    assert_eq!(
        step_for_path("representation.capacity.reason"),
        Step::Vertegenwoordiging
    );
    assert_eq!(step_for_path("assent.givenBy[0]"), Step::Instemming);
    assert_eq!(
        step_for_path("consent.categories[1].partners"),
        Step::Bijzonder
    );
    assert_eq!(
        step_for_path("consent.signers[0].signature"),
        Step::Controle
    );
    assert_eq!(step_for_path("veiligThuis[0].note"), Step::Uitzonderingen);
    assert_eq!(
        field_id("consent.categories[0].purpose"),
        "veld-consent-categories-0-purpose"
    );
    assert_eq!(Step::from_slug("bijzonder"), Some(Step::Bijzonder));
    assert_eq!(Step::Gesprek.previous(), None);
    assert_eq!(Step::Controle.next(), None);
}

/// Daan (14 on the conversation date) and his mother Mila, who has authority.
fn daan_and_mila() -> ConsentRecord {
    let mut r = ConsentRecord::new(RecordId::from_random_bytes([9; 16]));
    r.conversation_date = Some(d("2026-11-20"));
    r.client.name = "Daan".into();
    r.client.birth_date = Some(d("2012-03-15"));
    r.representation.representatives.push(Representative {
        name: "Mila".into(),
        role: Some(RepresentativeRole::ParentWithAuthority),
    });
    r
}

#[test]
fn normalize_derives_signers_and_keeps_drawn_signatures() {
    let mut r = daan_and_mila();
    r.consent.decision = Some(ConsentDecision::Given);
    r.assent.outcome = Some(AssentOutcome::Given);
    normalize(&mut r);
    assert_eq!(r.representation.age_band, Some(AgeBand::From12To15));
    assert_eq!(r.consent.decision_date, Some(d("2026-11-20")));
    let names: Vec<_> = r.consent.signers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Mila", "Daan"]);
    assert_eq!(r.assent.given_by.len(), 2);
    r.consent.signers[1].signature.strokes = vec![vec![[1, 1], [2, 2]]];
    // A second parent is added: their pad appears, Daan's signature stays.
    r.representation.representatives.push(Representative {
        name: "Joost".into(),
        role: Some(RepresentativeRole::ParentWithAuthority),
    });
    normalize(&mut r);
    let names: Vec<_> = r.consent.signers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Mila", "Joost", "Daan"]);
    assert!(r.consent.signers[2].signature.is_drawn());
    // Refusal: no signers.
    r.consent.decision = Some(ConsentDecision::Refused);
    normalize(&mut r);
    assert!(r.consent.signers.is_empty());
}

#[test]
fn a_withdrawal_after_16_is_signed_by_the_client_alone() {
    let r = daan_and_mila();
    let hash = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
    let w = withdrawal_of(
        &r,
        hash,
        RecordId::from_random_bytes([2; 16]),
        d("2028-04-02"),
    );
    let who: Vec<_> = w
        .signers
        .iter()
        .map(|s| (s.name.as_str(), s.role))
        .collect();
    assert_eq!(who, [("Daan", PartyRole::Client)]);
    assert_eq!(w.withdrawn.date, Some(d("2026-11-20")));
    let w = withdrawal_of(
        &r,
        hash,
        RecordId::from_random_bytes([2; 16]),
        d("2027-04-02"),
    );
    assert_eq!(w.signers.len(), 2, "at 15: parent and child");

    let rev = revision_of(&r, hash, RecordId::from_random_bytes([3; 16]));
    assert_eq!(rev.previous.as_ref().map(|p| p.hash.as_str()), Some(hash));
    assert_ne!(rev.record_id, r.record_id);
}

#[test]
fn request_deadlines_and_status() {
    let mut q = RequestRecord {
        kind: Some(RequestKind::Correction),
        received: Some(d("2026-12-15")),
        ..Default::default()
    };
    normalize_request(&mut q);
    assert_eq!(q.deadline, Some(d("2027-01-12")));
    let s = request_status(&q, d("2027-01-10"));
    assert_eq!((s.days_left, s.overdue, s.open), (Some(2), false, true));
    let s = request_status(&q, d("2027-01-13"));
    assert_eq!((s.days_left, s.overdue), (Some(-1), true));
    q.decision = Some(RequestDecision {
        outcome: RequestOutcome::Rejected,
        date: Some(d("2027-01-05")),
        reasons: "juist".into(),
    });
    assert!(!request_status(&q, d("2027-02-01")).overdue);
    q.kind = Some(RequestKind::Access);
    normalize_request(&mut q);
    assert_eq!(q.deadline, None);
}

#[test]
fn signature_errors_do_not_block_the_pads() {
    let f = vec![
        Finding::new(Code::ConsentSignatures, "consent.signers[0].signature", "x"),
        Finding::new(Code::ConsentDeferred, "consent.decision", "x"),
    ];
    assert!(signing_blockers(&f).is_empty());
    let f = vec![Finding::new(
        Code::InfoExplained,
        "informing.explained",
        "x",
    )];
    assert_eq!(signing_blockers(&f).len(), 1);
}

#[test]
fn the_step_bar_tells_the_truth_on_an_empty_form() {
    let mut r = ConsentRecord::new(RecordId::from_random_bytes([1; 16]));
    r.conversation_date = Some(d("2026-11-20"));
    let f = crate::validate::validate_consent(&r, &crate::Profile::landsmeer(), d("2026-11-30"));
    // Nothing visited: only the explanation (nothing to fill) and the exceptions (do not apply
    // until something is refused) are in order.
    assert_eq!(
        steps_done(&f, &[], &r),
        1 + usize::from(!exceptions_relevant(&r))
    );
    assert_eq!(
        step_status(Step::Bijzonder, &f, false, &r),
        StepStatus::NotVisited
    );
    // Visiting a step with open points does not make it "in orde".
    assert!(matches!(
        step_status(Step::Gesprek, &f, true, &r),
        StepStatus::Open(_)
    ));
    // Step 5 has no error on an empty form (no category chosen): in order once visited.
    assert_eq!(step_status(Step::Bijzonder, &f, true, &r), StepStatus::Done);
    assert_eq!(StepStatus::NotVisited.label_nl(), "nog niet bekeken");
}

/// A name with a right-to-left override (U+202E) cannot reverse the words after it in any text
/// the core makes for people: the summary, the paper version, the signers' labels and the
/// findings. Each shows the name isolated (U+2068 … U+2069) and without the override.
#[test]
fn a_right_to_left_override_in_a_name_stays_inside_it() {
    let mut r = daan_and_mila();
    r.client.name = "Daan \u{202E}tekjal".into();
    r.representation.representatives[0].name = "Mila \u{202E}redom".into();
    let profile = crate::Profile::landsmeer();
    r.consent.decision = Some(ConsentDecision::Given);
    r.assent.outcome = Some(AssentOutcome::Given);
    normalize(&mut r);
    let mut texts: Vec<String> = summary_nl(&r, &profile);
    texts.extend(paper_nl(&r, &profile, None).lines());
    texts.extend(r.consent.signers.iter().map(|s| Person::of(s).label_nl()));
    texts.extend(
        crate::validate::validate_consent(&r, &profile, d("2026-11-20"))
            .into_iter()
            .map(|f| f.message),
    );
    let with_name: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("tekjal") || t.contains("redom"))
        .collect();
    assert!(with_name.len() >= 4, "{texts:#?}");
    for t in &texts {
        assert!(!t.contains('\u{202E}'), "the override is shown: {t}");
    }
    for t in with_name {
        assert!(
            t.contains("\u{2068}Daan tekjal\u{2069}") || t.contains("\u{2068}Mila redom\u{2069}"),
            "not isolated: {t}"
        );
    }
}

#[test]
fn the_summary_names_a_category_once() {
    let mut r = daan_and_mila();
    r.consent.decision = Some(ConsentDecision::Given);
    r.consent.categories.push(CategoryConsent {
        category: SpecialCategory::Criminal,
        purpose: "x".into(),
        partners: vec!["huisarts".into()],
    });
    let lines = summary_nl(&r, &crate::Profile::landsmeer());
    assert!(
        lines.iter().any(
            |l| l.starts_with("Toestemming voor strafrechtelijke persoonsgegevens: delen met ")
        ),
        "{lines:#?}"
    );
    assert!(!lines
        .iter()
        .any(|l| l.contains("gegevens over strafrechtelijke")));
}

/// The paper version is a consent form: before signing it says so per signer and promises the
/// hash; once signed it carries the drawn strokes, the capacity and date of each signer and the
/// hash; a refused representative is said in words with the reason, and gets no line to sign.
#[test]
fn the_paper_version_before_and_after_signing() {
    let mut r = daan_and_mila();
    r.representation.representatives.push(Representative {
        name: "Tom".into(),
        role: Some(RepresentativeRole::ParentWithAuthority),
    });
    r.representation.restrictions.push(Restriction {
        representative: "Tom".into(),
        kind: RestrictionKind::Refused,
        reason: "Zwaarwegende belangen van Daan.".into(),
    });
    r.consent.decision = Some(ConsentDecision::Given);
    r.consent.categories.push(CategoryConsent {
        category: SpecialCategory::Health,
        purpose: "De juiste jeugdhulp kiezen.".into(),
        partners: vec!["huisarts".into()],
    });
    normalize(&mut r);
    let profile = crate::Profile::landsmeer();

    let before = paper_nl(&r, &profile, None);
    let text = before.lines().join("\n");
    assert_eq!(before.title, "Toestemming voor het delen van gegevens");
    assert!(before.issuer.starts_with(&profile.municipality));
    assert!(
        text.contains("Wie beslist: Cliënt is 14: ouder/voogd én cliënt tekenen samen"),
        "{text}"
    );
    assert!(text.contains("Tom is als vertegenwoordiger geweigerd (art. 12 lid 3) en beslist en tekent niet mee. Reden: Zwaarwegende belangen van Daan."), "{text}");
    assert!(text.contains("Nog niet ondertekend."), "{text}");
    assert!(
        !text.contains("Ondertekend op"),
        "nothing signed yet: {text}"
    );
    assert!(
        text.contains("Jij en Mila geven samen toestemming"),
        "the statement: {text}"
    );
    assert!(before
        .footer
        .ends_with("nog niet ondertekend: de hash volgt bij ondertekening"));
    let labels: Vec<&str> = before.signers.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Mila, ouder met gezag", "Daan, cliënt"]);
    assert!(before
        .signers
        .iter()
        .all(|s| s.strokes.is_empty() && s.unsigned.is_some()));
    assert!(before.to_sign);

    for s in &mut r.consent.signers {
        s.signature.strokes = vec![vec![[1000, 5000], [9000, 5000]]];
    }
    let hash = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";
    let after = paper_nl(&r, &profile, Some(hash));
    let text = after.lines().join("\n");
    assert!(
        text.contains("Ondertekend op 20 november 2026 door"),
        "{text}"
    );
    assert!(!text.contains("Nog niet ondertekend"), "{text}");
    assert!(after.footer.contains(hash) && after.footer.contains(r.record_id.as_str()));
    assert!(after
        .signers
        .iter()
        .all(|s| s.strokes.len() == 1 && s.date == "Datum: 20 november 2026"));
    assert!(
        text.contains("Bewaartermijn") || text.contains("Bewaren tot en met"),
        "{text}"
    );

    // A single tap is no signature: still "nog niet ondertekend", and no dot drawn on paper.
    r.consent.signers[1].signature.strokes = vec![vec![[5000, 5000]]];
    let tapped = paper_nl(&r, &profile, None);
    assert!(tapped.signers[1].unsigned.is_some() && tapped.signers[1].strokes.is_empty());

    // Refused: nothing to sign, said as such.
    r.consent.decision = Some(ConsentDecision::Refused);
    r.consent.categories.clear();
    normalize(&mut r);
    let refused = paper_nl(&r, &profile, None);
    assert!(!refused.to_sign);
    assert!(refused
        .lines()
        .iter()
        .any(|l| l.starts_with("Schriftelijke toestemming geweigerd op")));
}
