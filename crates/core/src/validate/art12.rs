//! Art. 12: who exercises the client's rights — the birth date, the recorded age band, the
//! grounds of an incapacity judgement and of a restriction, and the parties of each decision.

use super::Ctx;
use crate::art12::{self, check_parties};
use crate::date::Date;
use crate::model::*;
use crate::paths;
use crate::person::{blank, same_name, Party};
use crate::rules::Code;

/// SUBJECT-BIRTHDATE against every decision date of the record; returns the birth date when it
/// is usable for art. 12.
pub(super) fn birth_date(c: &mut Ctx, client: &Client, decisions: &[Date]) -> Option<Date> {
    let Some(birth) = client.birth_date else {
        c.push(
            Code::SubjectBirthdate,
            paths::CLIENT_BIRTH_DATE,
            "Vul de geboortedatum van de cliënt in; daarvan hangt af wie beslist (art. 12).",
        );
        return None;
    };
    if let Some(first) = decisions.iter().min() {
        if birth > *first {
            c.push(
                Code::SubjectBirthdate,
                paths::CLIENT_BIRTH_DATE,
                format!(
                    "De geboortedatum {} ligt na de datum van het besluit ({}).",
                    birth.to_dutch(),
                    first.to_dutch()
                ),
            );
            return None;
        }
    }
    if let Some(last) = decisions.iter().max() {
        let age = birth.age_on(*last);
        if age >= 130 {
            c.push(
                Code::SubjectBirthdate,
                paths::CLIENT_BIRTH_DATE,
                format!(
                    "Met geboortedatum {} zou de cliënt {age} jaar zijn; controleer de datum.",
                    birth.to_dutch(),
                ),
            );
            return None;
        }
    }
    Some(birth)
}

/// REP-INCAPABLE-REASON and REP-RESTRICTED-REASON, and the recorded age band, which is the
/// band on `on` (the date RULES.md says a record's band is stated for).
pub(super) fn representation(
    c: &mut Ctx,
    r: &Representation,
    birth: Option<Date>,
    on: Option<Date>,
) {
    let age = birth.zip(on).map(|(b, d)| b.age_on(d));
    if r.capacity.judged_incapable && age.is_none_or(|a| a >= 16) {
        if blank(&r.capacity.reason) {
            c.push(
                Code::RepIncapableReason,
                paths::CAPACITY_REASON,
                "Leg vast waarom de cliënt niet in staat is tot een redelijke waardering van zijn belangen.",
            );
        }
        if blank(&r.capacity.judged_by) {
            c.push(
                Code::RepIncapableReason,
                paths::CAPACITY_JUDGED_BY,
                "Leg vast wie heeft beoordeeld dat de cliënt niet in staat is zijn belangen te overzien.",
            );
        }
    }
    for (i, x) in r.restrictions.iter().enumerate() {
        if blank(&x.reason) {
            let who = if blank(&x.representative) {
                "de vertegenwoordiger".to_owned()
            } else {
                crate::text::quote(x.representative.trim()).into_owned()
            };
            c.push(
                Code::RepRestrictedReason,
                paths::restriction(i).reason(),
                format!(
                    "Leg vast welke zwaarwegende belangen van de cliënt zich verzetten tegen het optreden van {who}."
                ),
            );
        }
    }
    if let (Some(recorded), Some(age), Some(on)) = (r.age_band, age, on) {
        let derived = art12::age_band(age);
        if recorded != derived {
            let code = match derived {
                AgeBand::Under12 => Code::RepUnder12,
                AgeBand::From12To15 => Code::Rep12To15,
                AgeBand::From16 => Code::Rep16Plus,
            };
            c.push(
                code,
                paths::AGE_BAND,
                format!(
                    "De vastgelegde leeftijdscategorie klopt niet: de cliënt is op {} {age} jaar ({}).",
                    on.to_dutch(),
                    derived.label_nl()
                ),
            );
        }
    }
}

/// The parties of one decision on `on`: exactly those art. 12 entitles (`check_parties`), and
/// every legal representative of a minor listed in the record (joint authority) unless the
/// partner refused them under art. 12 lid 3.
pub(super) fn parties<P: Party>(
    c: &mut Ctx,
    parties: &[P],
    birth: Date,
    on: Date,
    r: &Representation,
    path: &str,
    override_code: Option<Code>,
) {
    if birth > on {
        return;
    }
    check_parties(parties, birth, on, r, path, override_code, &mut c.out);
    let (_, req) = art12::requirement(birth, on, r);
    let code = match req {
        art12::Requirement::LegalRepresentative => Code::RepUnder12,
        art12::Requirement::LegalRepresentativeAndClient => Code::Rep12To15,
        _ => return,
    };
    if parties.is_empty() {
        return;
    }
    for rep in &r.representatives {
        if !rep
            .role
            .is_some_and(RepresentativeRole::is_legal_representative_of_minor)
            || blank(&rep.name)
        {
            continue;
        }
        let present = parties
            .iter()
            .any(|p| p.role() == PartyRole::Representative && same_name(p.name(), &rep.name));
        if !r.is_refused(&rep.name) && !present {
            c.push(
                override_code.unwrap_or(code),
                path.to_owned(),
                format!(
                    "{} is {} en beslist mee: ook deze handtekening is nodig.",
                    crate::text::quote(rep.name.trim()),
                    rep.role
                        .map_or("wettelijk vertegenwoordiger", |x| x.label_nl())
                ),
            );
        }
    }
}
