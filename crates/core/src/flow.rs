//! The steps of the keukentafel conversation and the state transitions between edits.
//!
//! The UI keeps a `ConsentRecord` in a signal and, after every edit, calls [`normalize`]; it
//! asks [`step_for_path`] where a finding belongs and [`signing_blockers`] whether the pads may
//! be shown. No rule is decided in the UI.

use crate::art12::{self, Requirement};
use crate::date::Date;
use crate::model::*;
use crate::rules::{Code, Finding, Severity};

/// The seven steps of the form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Gesprek,
    Vertegenwoordiging,
    Uitleg,
    Instemming,
    Bijzonder,
    Uitzonderingen,
    Controle,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Gesprek,
        Step::Vertegenwoordiging,
        Step::Uitleg,
        Step::Instemming,
        Step::Bijzonder,
        Step::Uitzonderingen,
        Step::Controle,
    ];

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn title_nl(self) -> &'static str {
        match self {
            Step::Gesprek => "Gesprek en cliënt",
            Step::Vertegenwoordiging => "Vertegenwoordiging",
            Step::Uitleg => "Uitleg aan de cliënt",
            Step::Instemming => "Instemming",
            Step::Bijzonder => "Bijzondere persoonsgegevens",
            Step::Uitzonderingen => "Uitzonderingen en Veilig Thuis",
            Step::Controle => "Controle en ondertekenen",
        }
    }

    /// A stable identifier for URLs, storage and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Gesprek => "gesprek",
            Step::Vertegenwoordiging => "vertegenwoordiging",
            Step::Uitleg => "uitleg",
            Step::Instemming => "instemming",
            Step::Bijzonder => "bijzonder",
            Step::Uitzonderingen => "uitzonderingen",
            Step::Controle => "controle",
        }
    }

    pub fn from_slug(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.slug() == s)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self as usize + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        (self as usize).checked_sub(1).map(|i| Step::ALL[i])
    }
}

/// The step whose screen holds the field at `path`.
pub fn step_for_path(path: &str) -> Step {
    let head = path.split(['.', '[']).next().unwrap_or("");
    match head {
        "representation" => Step::Vertegenwoordiging,
        "informing" | "assent" => Step::Instemming,
        "consent" if path.starts_with("consent.signers") => Step::Controle,
        "consent" => Step::Bijzonder,
        "exception" | "veiligThuis" => Step::Uitzonderingen,
        "retention" => Step::Controle,
        _ => Step::Gesprek,
    }
}

/// The HTML id of the input for `path`: `consent.categories[0].purpose` → `veld-consent-categories-0-purpose`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("veld");
    for part in path.split(['.', '[', ']']).filter(|p| !p.is_empty()) {
        id.push('-');
        id.push_str(part);
    }
    id
}

/// Findings whose field is `path` or lies inside it.
pub fn findings_at<'a>(
    findings: &'a [Finding],
    path: &'a str,
) -> impl Iterator<Item = &'a Finding> {
    findings.iter().filter(move |f| {
        f.path == path
            || f.path
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// Whether the exceptions step applies: assent or consent refused or not asked, or data given
/// to Veilig Thuis, or processing without consent already recorded.
pub fn exceptions_relevant(r: &ConsentRecord) -> bool {
    matches!(
        r.assent.outcome,
        Some(AssentOutcome::Refused | AssentOutcome::NotAsked)
    ) || matches!(
        r.consent.decision,
        Some(ConsentDecision::Refused | ConsentDecision::Deferred)
    ) || !r.veilig_thuis.is_empty()
        || r.exception.processing_continues
}

/// Errors that must be solved before the signature pads are offered: every error except the
/// missing signatures themselves.
pub fn signing_blockers(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| !(f.code == Code::ConsentSignatures && f.path.starts_with("consent.signers")))
        .collect()
}

/// The date on which art. 12 is applied to the written consent.
pub fn consent_decision_date(r: &ConsentRecord) -> Option<Date> {
    r.consent.decision_date.or(r.conversation_date)
}

/// A person who must decide, as the UI lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: PartyRole,
    pub relationship: Option<RepresentativeRole>,
}

impl Person {
    pub fn label_nl(&self) -> String {
        let name = if self.name.trim().is_empty() {
            "(naam nog invullen)"
        } else {
            self.name.trim()
        };
        match (self.role, self.relationship) {
            (PartyRole::Client, _) => format!("{name}, cliënt"),
            (_, Some(rel)) => format!("{name}, {}", rel.label_nl()),
            _ => format!("{name}, vertegenwoordiger"),
        }
    }
}

/// Who art. 12 requires to decide for this record's client on `on`, in signing order.
/// `None` when the birth date is missing or after `on`.
pub fn required_persons(r: &ConsentRecord, on: Date) -> Option<(i32, Requirement, Vec<Person>)> {
    required_persons_for(&r.client, &r.representation, on)
}

/// [`required_persons`] for any record type: client and representation are all it needs.
pub fn required_persons_for(
    client: &Client,
    representation: &Representation,
    on: Date,
) -> Option<(i32, Requirement, Vec<Person>)> {
    let birth = client.birth_date.filter(|b| *b <= on)?;
    let rs = art12::required_signers(birth, on, representation);
    let mut persons = Vec::new();
    for &i in &rs.representatives {
        let rep = &representation.representatives[i];
        let refused = representation.restrictions.iter().any(|x| {
            x.kind == RestrictionKind::Refused
                && x.representative
                    .trim()
                    .eq_ignore_ascii_case(rep.name.trim())
        });
        if !refused {
            persons.push(Person {
                name: rep.name.clone(),
                role: PartyRole::Representative,
                relationship: rep.role,
            });
        }
    }
    if rs.client {
        persons.push(Person {
            name: client.name.clone(),
            role: PartyRole::Client,
            relationship: None,
        });
    }
    Some((rs.age, rs.requirement, persons))
}

fn same_person(s: &Signer, p: &Person) -> bool {
    s.role == p.role
        && (s.role == PartyRole::Client || s.relationship == p.relationship)
        && s.name.trim().eq_ignore_ascii_case(p.name.trim())
}

/// The signers for `persons` on `on`, keeping every signature already drawn by the same person.
fn signers_for(persons: Vec<Person>, old: &[Signer], on: Date) -> Vec<Signer> {
    persons
        .into_iter()
        .map(|p| {
            let kept = old.iter().find(|s| same_person(s, &p));
            Signer {
                name: p.name,
                role: p.role,
                relationship: p.relationship,
                date: Some(on),
                signature: kept.map(|s| s.signature.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// Brings derived fields in line after an edit:
/// - the age band from birth date and conversation date;
/// - assent `givenBy` = the persons art. 12 requires, when assent was given;
/// - consent `signers` = the persons art. 12 requires on the decision date, keeping every
///   signature already drawn by the same person; no signers unless consent was given;
/// - the decision date defaults to the conversation date.
pub fn normalize(r: &mut ConsentRecord) {
    r.representation.age_band = match (r.client.birth_date, r.conversation_date) {
        (Some(b), Some(d)) if b <= d => Some(art12::age_band(b.age_on(d))),
        _ => None,
    };
    if r.consent.decision.is_some() && r.consent.decision_date.is_none() {
        r.consent.decision_date = r.conversation_date;
    }

    if r.assent.outcome == Some(AssentOutcome::Given) {
        if r.assent.date.is_none() {
            r.assent.date = r.conversation_date;
        }
        if let Some(on) = r.assent.date {
            if let Some((_, _, persons)) = required_persons(r, on) {
                r.assent.given_by = persons
                    .into_iter()
                    .map(|p| Decider {
                        name: p.name,
                        role: p.role,
                        relationship: p.relationship,
                    })
                    .collect();
            }
        }
    } else {
        r.assent.given_by.clear();
    }

    if r.consent.decision == Some(ConsentDecision::Given) {
        if let Some(on) = consent_decision_date(r) {
            if let Some((_, _, persons)) = required_persons(r, on) {
                r.consent.signers = signers_for(persons, &r.consent.signers, on);
            }
        }
    } else {
        r.consent.signers.clear();
    }
}

/// Signers of a withdrawal = the persons art. 12 entitles on the withdrawal date, keeping
/// signatures already drawn; the age band follows the withdrawal date.
pub fn normalize_withdrawal(w: &mut WithdrawalRecord) {
    w.representation.age_band = match (w.client.birth_date, w.date) {
        (Some(b), Some(d)) if b <= d => Some(art12::age_band(b.age_on(d))),
        _ => None,
    };
    if !w.representation.capacity.judged_incapable {
        w.representation.capacity = Capacity::default();
    }
    let Some(on) = w.date else { return };
    let Some((_, _, persons)) = required_persons_for(&w.client, &w.representation, on) else {
        return;
    };
    w.signers = signers_for(persons, &w.signers, on);
}

/// A new withdrawal of a verified consent record: same client and representatives, linked by
/// id, hash and date; whole by default.
pub fn withdrawal_of(
    original: &ConsentRecord,
    hash: &str,
    record_id: RecordId,
    today: Date,
) -> WithdrawalRecord {
    let mut w = WithdrawalRecord {
        record_id,
        municipality: original.municipality.clone(),
        profile_id: original.profile_id.clone(),
        professional: original.professional.clone(),
        client: original.client.clone(),
        representation: Representation {
            representatives: original.representation.representatives.clone(),
            restrictions: original.representation.restrictions.clone(),
            chain_facts: original.representation.chain_facts.clone(),
            ..Representation::default()
        },
        withdrawn: RecordRef {
            record_id: original.record_id.clone(),
            hash: hash.to_owned(),
            date: original
                .consent
                .decision_date
                .or(original.conversation_date),
        },
        scope: WithdrawalScope {
            whole: true,
            ..WithdrawalScope::default()
        },
        date: Some(today),
        ..WithdrawalRecord::default()
    };
    normalize_withdrawal(&mut w);
    w
}

/// A new, unsigned consent record that replaces a signed one: same content, a new id, a
/// reference to the signed record's hash, and no signatures.
pub fn revision_of(signed: &ConsentRecord, hash: &str, record_id: RecordId) -> ConsentRecord {
    let mut r = signed.clone();
    r.previous = Some(RecordRef {
        record_id: signed.record_id.clone(),
        hash: hash.to_owned(),
        date: consent_decision_date(signed),
    });
    r.record_id = record_id;
    for s in &mut r.consent.signers {
        s.signature = Signature::default();
    }
    normalize(&mut r);
    r
}

/// A plain-Dutch summary of a consent record: who decided what, who signed, keep-until.
pub fn summary_nl(r: &ConsentRecord, profile: &crate::Profile) -> Vec<String> {
    let mut out = Vec::new();
    let names = |ps: Vec<String>| match ps.len() {
        0 => "niemand".to_owned(),
        1 => ps[0].clone(),
        _ => format!("{} en {}", ps[..ps.len() - 1].join(", "), ps[ps.len() - 1]),
    };
    let client = if r.client.dossier_reference.is_empty() {
        r.client.name.clone()
    } else {
        format!("{} ({})", r.client.name, r.client.dossier_reference)
    };
    out.push(format!("Cliënt: {client}."));
    match r.assent.outcome {
        Some(AssentOutcome::Given) => out.push(format!(
            "Mondelinge instemming gegeven door {} op {}.",
            names(
                r.assent
                    .given_by
                    .iter()
                    .map(|d| Person {
                        name: d.name.clone(),
                        role: d.role,
                        relationship: d.relationship
                    }
                    .label_nl())
                    .collect()
            ),
            r.assent.date.map(|d| d.to_dutch()).unwrap_or_default()
        )),
        Some(AssentOutcome::Refused) => out.push("Mondelinge instemming geweigerd.".into()),
        Some(AssentOutcome::NotAsked) => {
            out.push("Mondelinge instemming (nog) niet gevraagd.".into())
        }
        None => {}
    }
    let date = consent_decision_date(r)
        .map(|d| d.to_dutch())
        .unwrap_or_default();
    match r.consent.decision {
        Some(ConsentDecision::Given) => {
            for c in &r.consent.categories {
                let partners: Vec<String> = c
                    .partners
                    .iter()
                    .map(|p| profile.partner_name(p).to_owned())
                    .collect();
                out.push(format!(
                    "Toestemming voor gegevens over {}: delen met {}.",
                    c.category.label_nl(),
                    names(partners)
                ));
            }
            out.push(format!(
                "Ondertekend op {date} door {}.",
                names(
                    r.consent
                        .signers
                        .iter()
                        .map(|s| Person {
                            name: s.name.clone(),
                            role: s.role,
                            relationship: s.relationship
                        }
                        .label_nl())
                        .collect()
                )
            ));
        }
        Some(ConsentDecision::Refused) => {
            out.push(format!("Schriftelijke toestemming geweigerd op {date}."))
        }
        Some(ConsentDecision::Deferred) => out.push("Schriftelijke toestemming uitgesteld.".into()),
        None => out.push("Geen bijzondere persoonsgegevens.".into()),
    }
    if r.exception.processing_continues {
        out.push(
            "Gegevens worden zonder toestemming verwerkt (art. 4 lid 5); zie de aantekening."
                .into(),
        );
    }
    out.push(match r.retention.keep_until {
        Some(k) => format!("Bewaren tot en met {}.", k.to_dutch()),
        None => {
            "Bewaartermijn: tot vijf jaar na het jaar waarin de ondersteuning wordt afgesloten."
                .into()
        }
    });
    out
}

/// Derived fields of a request: the art. 11 lid 5 deadline and the age band on receipt.
pub fn normalize_request(r: &mut RequestRecord) {
    r.deadline = match (r.kind, r.received) {
        (Some(k), Some(d)) if crate::validate::request_has_deadline(k) => {
            crate::validate::request_deadline(d)
        }
        _ => None,
    };
    r.representation.age_band = match (r.client.birth_date, r.received) {
        (Some(b), Some(d)) if b <= d => Some(art12::age_band(b.age_on(d))),
        _ => None,
    };
}

/// Where an open request stands on `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestStatus {
    pub deadline: Option<Date>,
    /// Days until the deadline (negative when overdue); `None` without a deadline.
    pub days_left: Option<i64>,
    pub overdue: bool,
    pub open: bool,
}

pub fn request_status(r: &RequestRecord, today: Date) -> RequestStatus {
    let deadline = match (r.kind, r.received) {
        (Some(k), Some(d)) if crate::validate::request_has_deadline(k) => {
            crate::validate::request_deadline(d)
        }
        _ => None,
    };
    let open = r.decision.is_none();
    let days_left = deadline.map(|d| d.to_days() - today.to_days());
    RequestStatus {
        deadline,
        days_left,
        overdue: open && days_left.is_some_and(|n| n < 0),
        open,
    }
}

/// The paper version of a consent record for the dossier: sections with plain-Dutch lines.
pub fn paper_nl(r: &ConsentRecord, profile: &crate::Profile) -> Vec<(String, Vec<String>)> {
    let d = |x: Option<Date>| x.map(|d| d.to_dutch()).unwrap_or_else(|| "—".into());
    let partners = |ids: &[String]| {
        if ids.is_empty() {
            "—".to_owned()
        } else {
            ids.iter()
                .map(|p| profile.partner_name(p))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut out = Vec::new();
    out.push((
        "Gesprek".to_owned(),
        vec![
            format!("{} — {}", profile.municipality, profile.protocol),
            format!("Datum gesprek: {}", d(r.conversation_date)),
            format!(
                "Professional: {}, {} ({})",
                r.professional.name, r.professional.role, r.professional.organisation
            ),
            format!("Record: {}", r.record_id.as_str()),
        ],
    ));
    out.push((
        "Cliënt en hulpvraag".to_owned(),
        vec![
            format!("{} · dossier {}", r.client.name, r.client.dossier_reference),
            format!("Geboortedatum: {}", d(r.client.birth_date)),
            format!(
                "Domeinen: {}",
                r.help_question
                    .domains
                    .iter()
                    .map(|x| x.label_nl())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!("Hulpvraag: {}", r.help_question.description),
        ],
    ));
    let mut rep = Vec::new();
    if let Some(b) = r.representation.age_band {
        rep.push(format!("Leeftijd: {}", b.label_nl()));
    }
    if r.representation.capacity.judged_incapable {
        rep.push(format!(
            "Niet in staat tot een redelijke waardering van zijn belangen: {} (beoordeeld door {})",
            r.representation.capacity.reason, r.representation.capacity.judged_by
        ));
    }
    for x in &r.representation.representatives {
        rep.push(format!(
            "Vertegenwoordiger: {} ({})",
            x.name,
            x.role.map_or("rol onbekend", |r| r.label_nl())
        ));
    }
    for x in &r.representation.restrictions {
        rep.push(format!("Beperking ({}) : {}", x.representative, x.reason));
    }
    if !rep.is_empty() {
        out.push(("Vertegenwoordiging".to_owned(), rep));
    }
    out.push((
        "Informeren".to_owned(),
        vec![
            format!(
                "Uitgelegd dat gegevens worden vastgelegd en uitgewisseld: {}",
                if r.informing.explained { "ja" } else { "nee" }
            ),
            format!("Partners: {}", partners(&r.informing.partners)),
        ],
    ));
    let mut summary = summary_nl(r, profile);
    summary.remove(0);
    out.push(("Instemming en toestemming".to_owned(), summary));
    for c in &r.consent.categories {
        out.push((
            format!("Bijzondere persoonsgegevens: {}", c.category.label_nl()),
            vec![
                format!("Doel: {}", c.purpose),
                format!("Delen met: {}", partners(&c.partners)),
            ],
        ));
    }
    if r.exception.processing_continues {
        out.push((
            "Verwerking zonder toestemming (art. 4 lid 5)".to_owned(),
            vec![
                match r.exception.ground {
                    Some(ExceptionGround::NecessaryForSupport) => {
                        "Grond: noodzakelijk en onvermijdelijk voor de ondersteuning".into()
                    }
                    Some(ExceptionGround::SeriousRisk) => {
                        "Grond: ernstig risico voor gezondheid of veiligheid".into()
                    }
                    None => "Grond: —".into(),
                },
                format!("Aantekening: {}", r.exception.note),
            ],
        ));
    }
    for v in &r.veilig_thuis {
        out.push((
            "Veilig Thuis (art. 10)".to_owned(),
            vec![
                format!("Verstrekt op {}: {}", d(v.date), v.data_given),
                format!("Aantekening: {}", v.note),
            ],
        ));
    }
    out
}

/// How far the form is: the number of steps without error findings.
pub fn steps_done(findings: &[Finding]) -> usize {
    Step::ALL
        .iter()
        .filter(|s| {
            !findings
                .iter()
                .any(|f| f.severity == Severity::Error && step_for_path(&f.path) == **s)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
