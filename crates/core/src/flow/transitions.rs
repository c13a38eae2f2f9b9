//! From one record to the next: a withdrawal of a signed consent, and a revision of it.

use super::derive::{normalize, normalize_withdrawal};
use crate::date::Date;
use crate::model::*;

/// A new withdrawal of a verified consent record: same client and representatives, linked by
/// id, hash and decision date; whole by default.
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
            date: original.consent_decision_date(),
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
/// reference to the signed record's hash and decision date, and no signatures.
pub fn revision_of(signed: &ConsentRecord, hash: &str, record_id: RecordId) -> ConsentRecord {
    let mut r = signed.clone();
    r.previous = Some(RecordRef {
        record_id: signed.record_id.clone(),
        hash: hash.to_owned(),
        date: signed.consent_decision_date(),
    });
    r.record_id = record_id;
    for s in &mut r.consent.signers {
        s.signature = Signature::default();
    }
    normalize(&mut r);
    r
}
