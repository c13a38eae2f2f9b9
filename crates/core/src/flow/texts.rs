//! Plain-Dutch texts derived from a record: the summary shown once signed, and the paper
//! version for the dossier.

use crate::date::Date;
use crate::model::*;
use crate::person::{join_nl, Person};
use crate::text::isolate as u;

/// A plain-Dutch summary of a consent record: who decided what, who signed, keep-until.
pub fn summary_nl(r: &ConsentRecord, profile: &crate::Profile) -> Vec<String> {
    let mut out = Vec::new();
    let names = |ps: Vec<String>| join_nl(&ps);
    let client = if r.client.dossier_reference.is_empty() {
        u(&r.client.name).into_owned()
    } else {
        format!("{} ({})", u(&r.client.name), u(&r.client.dossier_reference))
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
    let date = r
        .consent_decision_date()
        .map(|d| d.to_dutch())
        .unwrap_or_default();
    match r.consent.decision {
        Some(ConsentDecision::Given) => {
            for c in &r.consent.categories {
                let partners = profile.partner_names(&c.partners);
                // "gegevens over gezondheid", "strafrechtelijke persoonsgegevens" (not
                // "gegevens over strafrechtelijke persoonsgegevens").
                let label = c.category.data_label_nl();
                let mut what = label[..1].to_ascii_lowercase(); // the labels start with an ASCII letter
                what.push_str(&label[1..]);
                out.push(format!(
                    "Toestemming voor {what}: delen met {}.",
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

/// The paper version of a consent record for the dossier: sections with plain-Dutch lines.
pub fn paper_nl(r: &ConsentRecord, profile: &crate::Profile) -> Vec<(String, Vec<String>)> {
    let d = |x: Option<Date>| x.map(|d| d.to_dutch()).unwrap_or_else(|| "—".into());
    let partners = |ids: &[String]| {
        if ids.is_empty() {
            "—".to_owned()
        } else {
            profile.partner_names(ids).join(", ")
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
                u(&r.professional.name),
                u(&r.professional.role),
                u(&r.professional.organisation)
            ),
            format!("Record: {}", r.record_id.as_str()),
        ],
    ));
    out.push((
        "Cliënt en hulpvraag".to_owned(),
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
    ));
    let mut rep = Vec::new();
    if let Some(b) = r.representation.age_band {
        rep.push(format!("Leeftijd: {}", b.label_nl()));
    }
    if r.representation.capacity.judged_incapable {
        rep.push(format!(
            "Niet in staat tot een redelijke waardering van zijn belangen: {} (beoordeeld door {})",
            u(&r.representation.capacity.reason),
            u(&r.representation.capacity.judged_by)
        ));
    }
    for x in &r.representation.representatives {
        rep.push(format!(
            "Vertegenwoordiger: {} ({})",
            u(&x.name),
            x.role.map_or("rol onbekend", |r| r.label_nl())
        ));
    }
    for x in &r.representation.restrictions {
        rep.push(format!(
            "Beperking ({}) : {}",
            u(&x.representative),
            u(&x.reason)
        ));
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
    let statement = super::statement_nl(r, profile);
    if !statement.is_empty() {
        out.push(("Verklaring".to_owned(), statement));
    }
    for c in &r.consent.categories {
        out.push((
            format!("Bijzondere persoonsgegevens: {}", c.category.label_nl()),
            vec![
                format!("Doel: {}", u(&c.purpose)),
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
                format!("Aantekening: {}", u(&r.exception.note)),
            ],
        ));
    }
    for v in &r.veilig_thuis {
        out.push((
            "Veilig Thuis (art. 10)".to_owned(),
            vec![
                format!("Verstrekt op {}: {}", d(v.date), u(&v.data_given)),
                format!("Aantekening: {}", u(&v.note)),
            ],
        ));
    }
    out
}
