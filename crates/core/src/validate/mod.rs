//! The validator: `validate(document, profile, today) -> findings`.
//!
//! One module per article of the protocol; each check names its RULES.md code and reports at a
//! path from [`crate::paths`]; messages are plain Dutch for the professional. The validator never
//! panics, whatever the record holds (a property test checks this).

mod art10;
mod art11;
mod art12;
mod art4;
mod art5;
mod art6;

use crate::date::Date;
use crate::model::*;
use crate::person::blank;
use crate::profile::Profile;
use crate::rules::{Code, Finding};

pub use art11::{request_deadline, request_has_deadline};
pub use art6::keep_until;

/// A SHA-256 in base64url without padding: 43 characters of the URL-safe alphabet.
pub fn is_record_hash(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
}

/// Validates any record type.
pub fn validate(doc: &Document, profile: &Profile, today: Date) -> Vec<Finding> {
    match doc {
        Document::Consent(r) => validate_consent(r, profile, today),
        Document::Withdrawal(r) => validate_withdrawal(r, profile, today),
        Document::Request(r) => validate_request(r, profile, today),
    }
}

/// The rules as they stood when the record was signed, for a receiver. The one rule that
/// depends on the day it is checked — an open request past its deadline (`REQUEST-DEADLINE`) —
/// is judged on the latest date the request states: a record signed in time is not refused
/// because it arrives later, and `keukentafel requests` shows what is overdue today.
pub fn validate_as_signed(doc: &Document, profile: &Profile) -> Vec<Finding> {
    let on = match doc {
        Document::Request(r) => r.latest_date(),
        other => other.file_date(),
    };
    validate(doc, profile, on.unwrap_or_default())
}

/// A consent record, article by article. Each decision is judged on its own date (RULES.md,
/// art. 12): the assent on the assent date, the written consent on its decision date.
pub fn validate_consent(r: &ConsentRecord, profile: &Profile, _today: Date) -> Vec<Finding> {
    let mut c = Ctx::new(profile);
    let birth = art12::birth_date(&mut c, &r.client, &consent_dates(r));
    art12::representation(&mut c, &r.representation, birth, r.age_band_date());
    art4::informing(&mut c, r);
    art5::necessity(&mut c, r);
    art4::assent(&mut c, r, birth);
    art4::written_consent(&mut c, r, birth);
    art4::exception(&mut c, &r.exception);
    art10::veilig_thuis(&mut c, &r.veilig_thuis);
    art6::retention(&mut c, &r.retention);
    c.out
}

/// A withdrawal, judged on the withdrawal date.
pub fn validate_withdrawal(r: &WithdrawalRecord, profile: &Profile, _today: Date) -> Vec<Finding> {
    let mut c = Ctx::new(profile);
    let on = r.decision_date();
    let birth = art12::birth_date(&mut c, &r.client, &on.into_iter().collect::<Vec<_>>());
    art12::representation(&mut c, &r.representation, birth, on);
    art4::withdrawal(&mut c, r, birth);
    c.out
}

/// A request of the data subject, judged on the date it was received.
pub fn validate_request(r: &RequestRecord, profile: &Profile, today: Date) -> Vec<Finding> {
    let mut c = Ctx::new(profile);
    let birth = art12::birth_date(
        &mut c,
        &r.client,
        &r.received.into_iter().collect::<Vec<_>>(),
    );
    art12::representation(&mut c, &r.representation, birth, r.received);
    if let (Some(b), Some(on)) = (birth, r.received) {
        art12::parties(
            &mut c,
            &r.requested_by,
            b,
            on,
            &r.representation,
            crate::paths::REQUESTED_BY,
            None,
        );
    }
    art11::request(&mut c, r, today);
    c.out
}

/// The dates of a consent record's decisions: the assent's (when given), the written consent's
/// (when decided), and the date of the band the record states.
fn consent_dates(r: &ConsentRecord) -> Vec<Date> {
    let mut dates = Vec::with_capacity(3);
    if r.assent.outcome == Some(AssentOutcome::Given) {
        dates.extend(r.assent_decision_date());
    }
    if r.consent.decision.is_some() {
        dates.extend(r.consent_decision_date());
    }
    dates.extend(r.age_band_date());
    dates
}

/// What the checks of one record share: the profile, and the findings so far.
pub(crate) struct Ctx<'a> {
    pub profile: &'a Profile,
    pub out: Vec<Finding>,
}

impl<'a> Ctx<'a> {
    fn new(profile: &'a Profile) -> Ctx<'a> {
        Ctx {
            profile,
            out: Vec::new(),
        }
    }

    pub fn push(&mut self, code: Code, path: impl Into<String>, msg: impl Into<String>) {
        self.out.push(Finding::new(code, path, msg));
    }

    /// Unknown partner ids, reported under `code`.
    pub fn partners_known(&mut self, code: Code, path: &str, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            if self.profile.partner(id).is_none() {
                self.push(
                    code,
                    crate::paths::element(path, i),
                    format!(
                        "‘{}’ staat niet in de partnerlijst van {}; kies een partner uit de lijst.",
                        crate::text::quote(id),
                        self.profile.municipality
                    ),
                );
            }
        }
    }

    /// The parts of a signature: name, date, and a drawn mark or a witnessed alternative.
    pub fn signatures(
        &mut self,
        code: Code,
        signers: &[Signer],
        path: fn(usize) -> crate::paths::SignerPath,
    ) {
        for (i, s) in signers.iter().enumerate() {
            let p = path(i);
            if blank(&s.name) {
                self.push(code, p.name(), "Vul de naam in van wie tekent.");
            }
            if s.date.is_none() {
                self.push(
                    code,
                    p.date(),
                    format!(
                        "Vul de datum van de handtekening van {} in.",
                        display_name(&s.name)
                    ),
                );
            }
            if let Some(alt) = &s.signature.alternative {
                if blank(&alt.reason) {
                    self.push(
                        code,
                        p.alternative_reason(),
                        "Leg vast waarom er geen handtekening kan worden gezet.",
                    );
                }
                if blank(&alt.witnessed_by) {
                    self.push(
                        code,
                        p.alternative_witnessed_by(),
                        "Leg vast welke professional de bevestiging heeft gezien.",
                    );
                }
            } else if !s.signature.is_drawn() {
                let msg = if s.signature.strokes.is_empty() {
                    format!(
                        "De handtekening van {} ontbreekt: een leeg vak is geen handtekening.",
                        display_name(&s.name)
                    )
                } else {
                    format!(
                        "Het vak van {} bevat alleen een stip of tik: zet een handtekening met een doorgaande lijn.",
                        display_name(&s.name)
                    )
                };
                self.push(code, p.signature(), msg);
            } else if s
                .signature
                .strokes
                .iter()
                .flatten()
                .any(|[x, y]| *x > 10_000 || *y > 10_000)
            {
                self.push(
                    code,
                    p.strokes(),
                    "De handtekening bevat punten buiten het tekenvak (0–10000).",
                );
            }
        }
    }
}

pub(crate) fn display_name(s: &str) -> std::borrow::Cow<'_, str> {
    if blank(s) {
        "deze ondertekenaar".into()
    } else {
        crate::text::isolate(s.trim())
    }
}
