//! Art. 10: Veilig Thuis — data given without the client's consent is recorded.

use super::Ctx;
use crate::model::*;
use crate::paths;
use crate::person::blank;
use crate::rules::Code;

/// VEILIG-THUIS-NOTE.
pub(super) fn veilig_thuis(c: &mut Ctx, reports: &[VeiligThuisReport]) {
    for (i, v) in reports.iter().enumerate() {
        if !v.without_consent {
            continue;
        }
        let p = paths::veilig_thuis(i);
        if v.date.is_none() {
            c.push(
                Code::VeiligThuisNote,
                p.date(),
                "Vul de datum in waarop gegevens aan Veilig Thuis zijn verstrekt.",
            );
        }
        if blank(&v.data_given) {
            c.push(
                Code::VeiligThuisNote,
                p.data_given(),
                "Leg vast welke gegevens aan Veilig Thuis zijn verstrekt.",
            );
        }
        if blank(&v.note) {
            c.push(
                Code::VeiligThuisNote,
                p.note(),
                "Maak een aantekening voor het dossier over de verstrekking aan Veilig Thuis.",
            );
        }
    }
}
