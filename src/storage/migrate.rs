//! Drafts, withdrawals and requests that the version before the vault kept in plaintext
//! localStorage: encrypted under the first professional who unlocks on this tablet, then the
//! plaintext is removed — and the old shared device key with it. Nothing is lost: what cannot
//! be read is kept too, encrypted, listed as "van vóór de kluis".

use super::records::{self, Original, Stored};
use super::{js, settings};
use crate::signing::Signed;
use keukentafel_core::json::{self, Value};
use keukentafel_core::model::SCHEMA_VERSION;
use keukentafel_core::{ConsentRecord, Record, RequestRecord, WithdrawalRecord};
use serde::de::DeserializeOwned;

const DRAFT: &str = "keukentafel:concept:";
const REQUEST: &str = "keukentafel:verzoek:";
const WITHDRAWAL: &str = "keukentafel:intrekking";
const PROFESSIONAL: &str = "keukentafel:professional";

/// The kind under which entries that could not be read are kept.
pub const LEGACY: &str = "legacy";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The plaintext entries of the old version still on this tablet: (key, text).
pub fn legacy_entries() -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        let Some(k) = s.key(i).ok().flatten() else {
            continue;
        };
        if k.starts_with(DRAFT) || k.starts_with(REQUEST) || k == WITHDRAWAL || k == PROFESSIONAL {
            if let Some(v) = s.get_item(&k).ok().flatten() {
                out.push((k, v));
            }
        }
    }
    out
}

/// The professional the version before the vault remembered (to prefill the enrolment).
pub fn legacy_professional() -> Option<keukentafel_core::Professional> {
    let text = storage()?.get_item(PROFESSIONAL).ok()??;
    json::from_str(&text).ok()
}

fn field<T: DeserializeOwned>(v: &Value, name: &str) -> Option<T> {
    v.get(name).and_then(|x| json::from_value(x).ok())
}

/// A stored record of the old version, in the new envelope.
fn envelope<R: Record>(v: &Value, place: &str) -> Option<Stored<R>> {
    // The version before the vault wrote schema version 1.
    if v.get("schemaVersion").and_then(Value::as_u64) != Some(1) {
        return None;
    }
    let record: R = field(v, "record")?;
    let mut stored = Stored {
        schema_version: SCHEMA_VERSION,
        rev: 1,
        saved_at: field(v, "savedAt").unwrap_or_default(),
        place: field(v, "step").unwrap_or_else(|| place.to_owned()),
        visited: Vec::new(),
        record,
        signed: field::<Signed>(v, "signed"),
        original: None,
    };
    stored.upgrade();
    Some(stored)
}

/// Moves every plaintext entry into the unlocked professional's vault, then removes it.
/// Returns how many entries were taken over.
pub async fn take_over() -> Result<usize, String> {
    let entries = legacy_entries();
    if entries.is_empty() {
        return Ok(0);
    }
    let mut n = 0;
    for (key, text) in &entries {
        let v = json::parse(text).ok();
        let result = match (key.as_str(), &v) {
            (PROFESSIONAL, _) => Ok(()),
            (k, Some(v)) if k.starts_with(DRAFT) => match envelope::<ConsentRecord>(v, "gesprek") {
                Some(s) => records::save(&s).await.map_err(|e| e.message()),
                None => keep_unreadable(key, text).await,
            },
            (k, Some(v)) if k.starts_with(REQUEST) => match envelope::<RequestRecord>(v, "") {
                Some(s) => records::save(&s).await.map_err(|e| e.message()),
                None => keep_unreadable(key, text).await,
            },
            (WITHDRAWAL, Some(v)) => match envelope::<WithdrawalRecord>(v, "") {
                Some(mut s) => {
                    s.original = field::<ConsentRecord>(v, "original").map(|record| Original {
                        record,
                        hash: field(v, "originalHash").unwrap_or_default(),
                        kid: String::new(),
                        signed_by: None,
                    });
                    records::save(&s).await.map_err(|e| e.message())
                }
                None => keep_unreadable(key, text).await,
            },
            _ => keep_unreadable(key, text).await,
        };
        // Only what is safely in the vault leaves localStorage.
        if result.is_ok() {
            if let Some(s) = storage() {
                let _ = s.remove_item(key);
            }
            n += 1;
        }
    }
    let _ = js::done(js::remove_legacy_key()).await;
    settings::set_enrolled_count(settings::enrolled_count().max(1) as usize);
    Ok(n)
}

async fn keep_unreadable(key: &str, text: &str) -> Result<(), String> {
    js::done(js::put(LEGACY, key, 1.0, text))
        .await
        .map_err(|e| e.message)
}
