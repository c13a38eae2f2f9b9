//! Plain-Dutch texts derived from a record: the summary shown once signed (the paper version
//! is in [`super::paper`]).

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
            let signers = &r.consent.signers;
            let signed = !signers.is_empty()
                && signers
                    .iter()
                    .all(|s| s.signature.is_drawn() || s.signature.has_alternative());
            if signed {
                out.push(format!(
                    "Ondertekend op {date} door {}.",
                    names(signers.iter().map(|s| Person::of(s).label_nl()).collect())
                ));
            } else {
                out.push("Nog niet ondertekend.".into());
            }
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

/// The start screen's line about the outbox: `pending` signed records not yet in the dossier,
/// `late` of them longer than `days` days. "1 ondertekend record nog te versturen." /
/// "2 ondertekende records staan al langer dan 3 dagen op deze tablet en zijn nog niet in het
/// dossier."
pub fn outbox_line_nl(pending: usize, late: usize, days: u16) -> String {
    let records = |n: usize| {
        if n == 1 {
            "1 ondertekend record".to_owned()
        } else {
            format!("{n} ondertekende records")
        }
    };
    if late > 0 {
        let (stand, are) = if late == 1 {
            ("staat", "is")
        } else {
            ("staan", "zijn")
        };
        format!(
            "{} {stand} al langer dan {days} dagen op deze tablet en {are} nog niet in het dossier.",
            records(late)
        )
    } else {
        format!("{} nog te versturen.", records(pending))
    }
}

#[cfg(test)]
mod tests {
    use super::outbox_line_nl;

    #[test]
    fn the_outbox_line_in_singular_and_plural() {
        assert_eq!(
            outbox_line_nl(1, 0, 3),
            "1 ondertekend record nog te versturen."
        );
        assert_eq!(
            outbox_line_nl(2, 0, 3),
            "2 ondertekende records nog te versturen."
        );
        assert_eq!(
            outbox_line_nl(2, 1, 3),
            "1 ondertekend record staat al langer dan 3 dagen op deze tablet en is nog niet in het dossier."
        );
        assert_eq!(
            outbox_line_nl(3, 2, 3),
            "2 ondertekende records staan al langer dan 3 dagen op deze tablet en zijn nog niet in het dossier."
        );
    }
}
