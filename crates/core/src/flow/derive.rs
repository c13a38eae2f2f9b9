//! Derived fields, brought in line after every edit: who art. 12 requires for each decision on
//! its own date (assent, written consent, withdrawal), the age band the record states, and a
//! request's deadline.

use crate::art12::{self, Requirement};
use crate::date::Date;
use crate::model::*;
use crate::person::{Party, Person};
use crate::validate::{request_deadline, request_has_deadline};

/// Who art. 12 requires to decide for this record's client on `on`, in signing order.
/// `None` when the birth date is missing or after `on`.
pub fn required_persons(r: &ConsentRecord, on: Date) -> Option<(i32, Requirement, Vec<Person>)> {
    required_persons_for(&r.client, &r.representation, on)
}

/// [`required_persons`] for any record type: client and representation are all it needs.
/// A representative the partner refused under art. 12 lid 3 is not among them.
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
        if !representation.is_refused(&rep.name) {
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

/// The signers for `persons` on `on`, keeping every signature already drawn by the same person.
fn signers_for(persons: Vec<Person>, old: &[Signer], on: Date) -> Vec<Signer> {
    persons
        .into_iter()
        .map(|p| {
            let kept = old.iter().find(|s| s.same_person(&p));
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

/// The age band on `on`, when the birth date is known and not after it.
fn band_on(client: &Client, on: Option<Date>) -> Option<AgeBand> {
    match (client.birth_date, on) {
        (Some(b), Some(d)) if b <= d => Some(art12::age_band(b.age_on(d))),
        _ => None,
    }
}

/// Brings a consent record's derived fields in line after an edit:
/// - the decision date defaults to the conversation date;
/// - assent `givenBy` = the persons art. 12 requires on the assent date, when assent was given;
/// - consent `signers` = the persons art. 12 requires on the consent's decision date, keeping
///   every signature already drawn by the same person; no signers unless consent was given;
/// - the age band = the band on the consent's decision date (the assent's date when there is no
///   written-consent decision), as RULES.md states it.
pub fn normalize(r: &mut ConsentRecord) {
    if r.consent.decision.is_some() && r.consent.decision_date.is_none() {
        r.consent.decision_date = r.conversation_date;
    }

    if r.assent.outcome == Some(AssentOutcome::Given) {
        if r.assent.date.is_none() {
            r.assent.date = r.conversation_date;
        }
        if let Some(on) = r.assent_decision_date() {
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
        if let Some(on) = r.consent_decision_date() {
            if let Some((_, _, persons)) = required_persons(r, on) {
                r.consent.signers = signers_for(persons, &r.consent.signers, on);
            }
        }
    } else {
        r.consent.signers.clear();
    }

    r.representation.age_band = band_on(&r.client, r.age_band_date());
}

/// Signers of a withdrawal = the persons art. 12 entitles on the withdrawal date, keeping
/// signatures already drawn; the age band follows the withdrawal date.
pub fn normalize_withdrawal(w: &mut WithdrawalRecord) {
    w.representation.age_band = band_on(&w.client, w.date);
    if !w.representation.capacity.judged_incapable {
        w.representation.capacity = Capacity::default();
    }
    let Some(on) = w.date else { return };
    let Some((_, _, persons)) = required_persons_for(&w.client, &w.representation, on) else {
        return;
    };
    w.signers = signers_for(persons, &w.signers, on);
}

/// Derived fields of a request: the art. 11 lid 5 deadline and the age band on receipt.
pub fn normalize_request(r: &mut RequestRecord) {
    r.deadline = match (r.kind, r.received) {
        (Some(k), Some(d)) if request_has_deadline(k) => request_deadline(d),
        _ => None,
    };
    r.representation.age_band = band_on(&r.client, r.received);
}
