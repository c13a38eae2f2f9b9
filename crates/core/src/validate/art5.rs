//! Art. 5 (and art. 8): necessity and proportionality — the help question's domains and a
//! purpose for every special category.

use super::Ctx;
use crate::model::*;
use crate::paths;
use crate::person::blank;
use crate::rules::Code;

/// NECESSITY-DOMAIN and NECESSITY-PURPOSE.
pub(super) fn necessity(c: &mut Ctx, r: &ConsentRecord) {
    if r.help_question.domains.is_empty() {
        c.push(
            Code::NecessityDomain,
            paths::HELP_DOMAINS,
            "Kies ten minste één ondersteuningsdomein van de hulpvraag (jeugd, zorg, welzijn, wonen, werk, inkomen).",
        );
    }
    for (i, k) in r.consent.categories.iter().enumerate() {
        if blank(&k.purpose) {
            c.push(
                Code::NecessityPurpose,
                paths::category(i).purpose(),
                format!(
                    "Beschrijf waarom gegevens over {} nodig zijn voor de hulpvraag.",
                    k.category.label_nl()
                ),
            );
        }
    }
}
