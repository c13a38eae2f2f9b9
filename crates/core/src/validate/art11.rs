//! Art. 11: requests of the data subject — the four-week deadline, a reasoned rejection, and
//! the partners told of a granted change.

use super::Ctx;
use crate::date::Date;
use crate::model::*;
use crate::paths;
use crate::person::blank;
use crate::rules::Code;

/// Art. 11 lid 5: four weeks after receipt.
pub fn request_deadline(received: Date) -> Option<Date> {
    received.add_days(28)
}

/// Whether a request kind has the four-week deadline of art. 11 lid 5 (the kinds that change
/// data: correction, completion, deletion and blocking).
pub fn request_has_deadline(kind: RequestKind) -> bool {
    matches!(
        kind,
        RequestKind::Correction
            | RequestKind::Completion
            | RequestKind::Deletion
            | RequestKind::Blocking
    )
}

/// REQUEST-DEADLINE, REQUEST-REJECTION-REASON and REQUEST-PARTNERS-TOLD.
pub(super) fn request(c: &mut Ctx, r: &RequestRecord, today: Date) {
    if r.kind.is_some_and(request_has_deadline) {
        deadline(c, r, today);
    }
    if let Some(d) = &r.decision {
        if matches!(d.outcome, RequestOutcome::Rejected | RequestOutcome::Partly)
            && blank(&d.reasons)
        {
            c.push(
                Code::RequestRejectionReason,
                paths::DECISION_REASONS,
                "Een (gedeeltelijke) afwijzing is schriftelijk en met redenen: vul de motivering in.",
            );
        }
        if r.kind.is_some_and(request_has_deadline)
            && matches!(d.outcome, RequestOutcome::Granted | RequestOutcome::Partly)
            && r.partners_informed.is_empty()
        {
            c.push(
                Code::RequestPartnersTold,
                paths::PARTNERS_INFORMED,
                "Het verzoek is (deels) toegewezen: breng de partners die de gegevens kregen op de hoogte en leg vast wie en wanneer.",
            );
        }
    }
    for (i, p) in r.partners_informed.iter().enumerate() {
        if c.profile.partner(&p.partner).is_none() {
            c.push(
                Code::RequestPartnersTold,
                paths::partner_informed(i).partner(),
                format!(
                    "‘{}’ staat niet in de partnerlijst van {}.",
                    crate::text::quote(&p.partner),
                    c.profile.municipality
                ),
            );
        }
    }
}

fn deadline(c: &mut Ctx, r: &RequestRecord, today: Date) {
    let Some(deadline) = r.received.and_then(request_deadline) else {
        c.push(
            Code::RequestDeadline,
            paths::RECEIVED,
            "Vul de datum van ontvangst van het verzoek in; daarvan hangt de termijn van vier weken af.",
        );
        return;
    };
    if r.deadline != Some(deadline) {
        c.push(
            Code::RequestDeadline,
            paths::DEADLINE,
            format!(
                "De beslistermijn is vier weken na ontvangst: uiterlijk {} ({deadline}).",
                deadline.to_dutch()
            ),
        );
    }
    match &r.decision {
        None if today > deadline => c.push(
            Code::RequestDeadline,
            paths::DECISION,
            format!(
                "De termijn is verstreken op {}: beslis zo snel mogelijk en bericht de verzoeker.",
                deadline.to_dutch()
            ),
        ),
        None => {}
        Some(d) => match d.date {
            None => c.push(
                Code::RequestDeadline,
                paths::DECISION_DATE,
                "Vul de datum van de beslissing in.",
            ),
            Some(dd) if dd > deadline => c.push(
                Code::RequestDeadline,
                paths::DECISION_DATE,
                format!(
                    "Er is beslist op {}, na de termijn ({}).",
                    dd.to_dutch(),
                    deadline.to_dutch()
                ),
            ),
            Some(_) => {}
        },
    }
}
