//! The paper version of a consent record: the consent form as it goes into the dossier, printed
//! at the table or after signing. Everything on it is derived from the record (and, once signed,
//! its hash): the municipality, the client, who decides and why (and who was refused and why),
//! what is signed (the same statement as above the pads), the refusals and exceptions, each
//! signer with name, capacity and date — "nog niet ondertekend" until they have signed — the
//! keep-until date, the record id and the hash.

use crate::art12;
use crate::date::Date;
use crate::model::*;
use crate::person::Person;
use crate::text::isolate as u;

/// The paper version, ready to lay out: a title, sections of lines, the signers and a footer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paper {
    /// "Toestemming voor het delen van gegevens".
    pub title: String,
    /// The municipality and the protocol.
    pub issuer: String,
    pub sections: Vec<Section>,
    /// What is signed (the statement above the pads), kept with the signatures on one page.
    pub statement: Option<Section>,
    pub signers: Vec<PaperSigner>,
    /// Whether written consent is to be signed at all (not when refused or deferred).
    pub to_sign: bool,
    /// Record id and hash, on every page's foot.
    pub footer: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
}

/// One signer as the paper shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct PaperSigner {
    /// "Mila Jansen, ouder met gezag".
    pub label: String,
    /// "Datum: 20 november 2026", or "Datum: —".
    pub date: String,
    /// The strokes as drawn (points 0..=10000 of the pad's width and height); empty until drawn.
    pub strokes: Vec<Vec<[u16; 2]>>,
    /// A witnessed confirmation instead of a drawing, in words.
    pub alternative: Option<String>,
    /// "Nog niet ondertekend." while there is neither a drawing nor a confirmation.
    pub unsigned: Option<String>,
}

fn section(heading: &str, lines: Vec<String>) -> Section {
    Section {
        heading: heading.to_owned(),
        lines,
    }
}

/// Who decides and why, in words: the age rule on the decision date, the capacity judgement,
/// the representatives, and each restriction of art. 12 lid 3 with its reason.
pub fn representation_nl(r: &ConsentRecord) -> Vec<String> {
    let rep = &r.representation;
    let mut out = Vec::new();
    if let (Some(b), Some(on)) = (r.client.birth_date, r.age_band_date()) {
        if b <= on {
            let (age, q) = art12::requirement(b, on, rep);
            out.push(format!("Wie beslist: {}", q.explain_nl(age)));
        }
    }
    if rep.capacity.judged_incapable {
        out.push(format!(
            "De cliënt is niet in staat zijn belangen hierbij redelijk te overzien (art. 12 lid 2): {} Beoordeeld door {}.",
            u(rep.capacity.reason.trim()),
            u(rep.capacity.judged_by.trim())
        ));
    }
    for x in &rep.representatives {
        out.push(format!(
            "Vertegenwoordiger: {}, {}.",
            u(x.name.trim()),
            x.role.map_or("rol onbekend", |r| r.label_nl())
        ));
    }
    out.extend(rep.restrictions.iter().map(restriction_nl));
    out
}

/// A restriction of art. 12 lid 3 in words, with its reason: "Tom Bakker is als vertegenwoordiger
/// geweigerd (art. 12 lid 3) en beslist en tekent niet mee. Reden: …".
pub fn restriction_nl(x: &Restriction) -> String {
    let who = u(x.representative.trim());
    match x.kind {
        RestrictionKind::Refused => format!(
            "{who} is als vertegenwoordiger geweigerd (art. 12 lid 3) en beslist en tekent niet mee. Reden: {}",
            u(x.reason.trim())
        ),
        RestrictionKind::Limited => format!(
            "{who} treedt beperkt op als vertegenwoordiger (art. 12 lid 3). Reden: {}",
            u(x.reason.trim())
        ),
    }
}

/// The paper version of `r`; `hash` once it is signed.
pub fn paper_nl(r: &ConsentRecord, profile: &crate::Profile, hash: Option<&str>) -> Paper {
    let d = |x: Option<Date>| x.map(|d| d.to_dutch()).unwrap_or_else(|| "—".into());
    let partners = |ids: &[String]| {
        if ids.is_empty() {
            "—".to_owned()
        } else {
            profile.partner_names(ids).join(", ")
        }
    };
    let mut sections = vec![
        section(
            "Gesprek",
            vec![
                format!("Datum gesprek: {}", d(r.conversation_date)),
                format!(
                    "Professional: {}, {} ({})",
                    u(&r.professional.name),
                    u(&r.professional.role),
                    u(&r.professional.organisation)
                ),
            ],
        ),
        section(
            "Cliënt en hulpvraag",
            vec![
                format!(
                    "{} · dossier {}",
                    u(&r.client.name),
                    u(&r.client.dossier_reference)
                ),
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
                format!("Hulpvraag: {}", u(&r.help_question.description)),
            ],
        ),
    ];
    let rep = representation_nl(r);
    if !rep.is_empty() {
        sections.push(section("Vertegenwoordiging", rep));
    }
    sections.push(section(
        "Informeren",
        vec![
            format!(
                "Uitgelegd dat gegevens worden vastgelegd en uitgewisseld: {}",
                if r.informing.explained { "ja" } else { "nee" }
            ),
            format!("Partners: {}", partners(&r.informing.partners)),
        ],
    ));
    let mut summary = super::summary_nl(r, profile);
    summary.remove(0); // the client, said above
    sections.push(section("Instemming en toestemming", summary));
    for c in &r.consent.categories {
        sections.push(section(
            &format!("Bijzondere persoonsgegevens: {}", c.category.label_nl()),
            vec![
                format!("Doel: {}", u(&c.purpose)),
                format!("Delen met: {}", partners(&c.partners)),
            ],
        ));
    }
    if r.exception.processing_continues {
        sections.push(section(
            "Verwerking zonder toestemming (art. 4 lid 5)",
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
                format!("Aantekening: {}", u(&r.exception.note)),
            ],
        ));
    }
    for v in &r.veilig_thuis {
        sections.push(section(
            "Veilig Thuis (art. 10)",
            vec![
                format!("Verstrekt op {}: {}", d(v.date), u(&v.data_given)),
                format!("Aantekening: {}", u(&v.note)),
            ],
        ));
    }
    let statement = super::statement_nl(r, profile);
    let statement =
        (!statement.is_empty()).then(|| section(super::statement_title_nl(r), statement));
    let signers = r
        .consent
        .signers
        .iter()
        .map(|s| {
            let alternative = s.signature.has_alternative().then(|| {
                let a = s.signature.alternative.as_ref().expect("has_alternative");
                format!(
                    "Kan niet tekenen ({}); bevestigd in het bijzijn van {}.",
                    u(a.reason.trim()),
                    u(a.witnessed_by.trim())
                )
            });
            let drawn = s.signature.is_drawn();
            PaperSigner {
                label: Person::of(s).label_nl(),
                date: format!("Datum: {}", d(s.date)),
                strokes: if drawn {
                    s.signature.strokes.clone()
                } else {
                    Vec::new()
                },
                unsigned: (!drawn && alternative.is_none())
                    .then(|| "Nog niet ondertekend.".to_owned()),
                alternative,
            }
        })
        .collect();
    let footer = match hash {
        Some(h) => format!("Record {} · hash (SHA-256) {h}", r.record_id.as_str()),
        None => format!(
            "Record {} · nog niet ondertekend: de hash volgt bij ondertekening",
            r.record_id.as_str()
        ),
    };
    Paper {
        title: "Toestemming voor het delen van gegevens".into(),
        issuer: format!("{} — {}", profile.municipality, profile.protocol),
        sections,
        statement,
        signers,
        to_sign: r.consent.decision == Some(ConsentDecision::Given),
        footer,
    }
}

impl Paper {
    /// Every text on the paper, in reading order (for tests and plain-text exports).
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![self.title.clone(), self.issuer.clone()];
        for s in self.sections.iter().chain(&self.statement) {
            out.push(s.heading.clone());
            out.extend(s.lines.iter().cloned());
        }
        for s in &self.signers {
            out.push(s.label.clone());
            out.push(s.date.clone());
            out.extend(s.alternative.iter().cloned());
            out.extend(s.unsigned.iter().cloned());
        }
        out.push(self.footer.clone());
        out
    }
}
