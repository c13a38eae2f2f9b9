//! Drafts in localStorage (gloo-storage): saved on every change, listed, resumed, deleted.
//!
//! A draft carries the schema version and a revision number. Saving checks the stored revision
//! first, so two tabs on one draft never silently overwrite each other. Every failure comes back
//! as a Dutch message; the form keeps working in memory.

use gloo_storage::{LocalStorage, Storage};
use keukentafel_core::{model::SCHEMA_VERSION, parse, ConsentRecord, Document};
use serde::{Deserialize, Serialize};

pub const PREFIX: &str = "keukentafel:concept:";
const PROFESSIONAL_KEY: &str = "keukentafel:professional";

/// What is stored per draft.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub schema_version: u32,
    /// Incremented by every save; a save expects the revision it last saw.
    pub rev: u64,
    /// ISO 8601 time of the last change.
    pub saved_at: String,
    /// Slug of the step the professional was on.
    pub step: String,
    pub record: ConsentRecord,
    /// Present once the record is signed: it is then read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<crate::ondertekenen::Signed>,
}

/// A stored draft as the start screen lists it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Ok {
        id: String,
        dossier: String,
        client: String,
        date: String,
        step: String,
        saved_at: String,
        signed: bool,
    },
    /// Stored by another schema version: not opened, never dropped.
    OtherVersion {
        id: String,
        version: u64,
        raw: String,
    },
    /// Not readable as a draft: kept, offered as a download.
    Broken {
        id: String,
        raw: String,
        error: String,
    },
}

impl Entry {
    pub fn id(&self) -> &str {
        match self {
            Entry::Ok { id, .. } | Entry::OtherVersion { id, .. } | Entry::Broken { id, .. } => id,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved a newer revision of this draft.
    Conflict,
    /// Storage full, unavailable or refused; Dutch message.
    Storage(String),
}

fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

fn storage_message(e: impl std::fmt::Display) -> String {
    let s = e.to_string();
    if s.contains("Quota") || s.contains("quota") {
        "De opslag van deze browser is vol. Het formulier werkt door, maar wordt nu niet bewaard: rond het gesprek af of maak ruimte door oude concepten te verwijderen.".to_owned()
    } else {
        "Deze browser staat opslaan niet toe (bijvoorbeeld in een privévenster). Het formulier werkt door, maar gaat verloren als u dit tabblad sluit.".to_owned()
    }
}

fn raw_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| storage_message("unavailable"))
}

/// The revision of a stored draft's text: only `rev` is read (the rest is skipped, not built).
pub fn rev_of(raw: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Rev {
        rev: u64,
    }
    serde_json::from_str::<Rev>(raw).ok().map(|r| r.rev)
}

/// Stores `value` under `key` as revision `rev`, unless the stored revision is already `rev` or
/// newer (another tab saved meanwhile): then nothing is written.
fn save_checked(key: &str, value: &impl Serialize, rev: u64) -> Result<(), SaveError> {
    let stored = raw_storage()
        .ok()
        .and_then(|s| s.get_item(key).ok().flatten())
        .and_then(|raw| rev_of(&raw));
    if stored.is_some_and(|stored| stored >= rev) {
        return Err(SaveError::Conflict);
    }
    LocalStorage::set(key, value).map_err(|e| SaveError::Storage(storage_message(e)))
}

/// Saves `draft` if the stored revision is still older than `draft.rev` (or there is none).
pub fn save(draft: &Draft) -> Result<(), SaveError> {
    save_checked(&key(draft.record.record_id.as_str()), draft, draft.rev)
}

/// Reads one draft. Errors are Dutch messages.
pub fn load(id: &str) -> Result<Draft, String> {
    let raw = raw_storage()?
        .get_item(&key(id))
        .ok()
        .flatten()
        .ok_or_else(|| "Dit concept bestaat niet meer.".to_owned())?;
    parse_draft(&raw)
}

fn parse_draft(raw: &str) -> Result<Draft, String> {
    let v: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| format!("Het concept is beschadigd: {e}"))?;
    let version = v.get("schemaVersion").and_then(|x| x.as_u64()).unwrap_or(0);
    if version != u64::from(SCHEMA_VERSION) {
        return Err(format!(
            "Dit concept is gemaakt met schemaversie {version}; deze versie van keukentafel leest versie {SCHEMA_VERSION}."
        ));
    }
    // The record goes through the core parser, so errors name the field.
    let record_json = v.get("record").map(|r| r.to_string()).unwrap_or_default();
    let record = match parse::parse_document(&record_json) {
        Ok(Document::Consent(r)) => r,
        Ok(_) => return Err("Dit concept is geen toestemmingsformulier.".into()),
        Err(e) => return Err(format!("Het concept is beschadigd ({e}).")),
    };
    Ok(Draft {
        schema_version: SCHEMA_VERSION,
        rev: v.get("rev").and_then(|x| x.as_u64()).unwrap_or(0),
        saved_at: v
            .get("savedAt")
            .and_then(|x| x.as_str())
            .unwrap_or_default()
            .to_owned(),
        step: v
            .get("step")
            .and_then(|x| x.as_str())
            .unwrap_or("gesprek")
            .to_owned(),
        record,
        signed: v
            .get("signed")
            .and_then(|x| serde_json::from_value(x.clone()).ok()),
    })
}

/// All stored drafts, newest first. Nothing stored is ever skipped.
pub fn list() -> Result<Vec<Entry>, String> {
    let s = raw_storage()?;
    let n = s.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let Some(k) = s.key(i).ok().flatten() else {
            continue;
        };
        let Some(id) = k.strip_prefix(PREFIX) else {
            continue;
        };
        let raw = s.get_item(&k).ok().flatten().unwrap_or_default();
        let id = id.to_owned();
        let entry = match parse_draft(&raw) {
            Ok(d) => Entry::Ok {
                id,
                dossier: d.record.client.dossier_reference.clone(),
                client: d.record.client.name.clone(),
                date: d
                    .record
                    .conversation_date
                    .map(|x| x.to_dutch())
                    .unwrap_or_default(),
                step: d.step,
                saved_at: d.saved_at,
                signed: d.signed.is_some(),
            },
            Err(error) => {
                let version = serde_json::from_str::<serde_json::Value>(&raw)
                    .ok()
                    .and_then(|v| v.get("schemaVersion").and_then(|x| x.as_u64()));
                match version {
                    Some(v) if v != u64::from(SCHEMA_VERSION) => Entry::OtherVersion {
                        id,
                        version: v,
                        raw,
                    },
                    _ => Entry::Broken { id, raw, error },
                }
            }
        };
        // Newest first; drafts that cannot be opened last (a handful: inserted in place).
        let saved = |e: &Entry| match e {
            Entry::Ok { saved_at, .. } => saved_at.clone(),
            _ => String::new(),
        };
        let at = out.partition_point(|e| saved(e) >= saved(&entry));
        out.insert(at, entry);
    }
    Ok(out)
}

pub fn delete(id: &str) -> Result<(), String> {
    raw_storage()?
        .remove_item(&key(id))
        .map_err(|_| "Verwijderen is niet gelukt.".to_owned())
}

/// The storage key of a draft (for the `storage` event of other tabs).
pub fn key_of(id: &str) -> String {
    key(id)
}

/// The last professional, to prefill a new form.
pub fn last_professional() -> Option<keukentafel_core::Professional> {
    LocalStorage::get(PROFESSIONAL_KEY).ok()
}

pub fn remember_professional(p: &keukentafel_core::Professional) {
    let _ = LocalStorage::set(PROFESSIONAL_KEY, p);
}

/// Requests of the data subject (art. 11), stored like drafts under their own prefix.
pub const REQUEST_PREFIX: &str = "keukentafel:verzoek:";

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredRequest {
    pub schema_version: u32,
    /// Incremented by every save, as for drafts: two tabs never silently overwrite each other.
    #[serde(default)]
    pub rev: u64,
    pub saved_at: String,
    pub record: keukentafel_core::RequestRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<crate::ondertekenen::Signed>,
}

pub fn request_key(id: &str) -> String {
    format!("{REQUEST_PREFIX}{id}")
}

/// Saves the request if the stored one is older than `r.rev` (or there is none).
pub fn save_request(r: &StoredRequest) -> Result<(), SaveError> {
    save_checked(&request_key(r.record.record_id.as_str()), r, r.rev)
}

/// One stored request, if it is there and readable.
pub fn load_request(id: &str) -> Option<StoredRequest> {
    let raw = raw_storage().ok()?.get_item(&request_key(id)).ok()??;
    serde_json::from_str::<StoredRequest>(&raw)
        .ok()
        .filter(|r| r.schema_version == SCHEMA_VERSION)
}

/// All stored requests that can be read; unreadable ones are reported by id, never dropped.
pub fn list_requests() -> Result<(Vec<StoredRequest>, Vec<String>), String> {
    let s = raw_storage()?;
    let mut ok = Vec::new();
    let mut broken = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        let Some(k) = s.key(i).ok().flatten() else {
            continue;
        };
        let Some(id) = k.strip_prefix(REQUEST_PREFIX) else {
            continue;
        };
        let raw = s.get_item(&k).ok().flatten().unwrap_or_default();
        match serde_json::from_str::<StoredRequest>(&raw) {
            // Newest first (a handful: inserted in place).
            Ok(r) if r.schema_version == SCHEMA_VERSION => ok.insert(
                ok.partition_point(|x: &StoredRequest| x.saved_at >= r.saved_at),
                r,
            ),
            _ => broken.push(id.to_owned()),
        }
    }
    Ok((ok, broken))
}

/// The withdrawal being recorded on this device (one at a time), so that it survives a reload
/// like a draft does; removed once it is signed and the professional leaves the screen.
pub const WITHDRAWAL_KEY: &str = "keukentafel:intrekking";

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredWithdrawal {
    pub schema_version: u32,
    /// Incremented by every save, as for drafts: two tabs never silently overwrite each other.
    #[serde(default)]
    pub rev: u64,
    /// The signed consent being withdrawn, as verified on import, and its payload hash.
    pub original: ConsentRecord,
    pub original_hash: String,
    pub record: keukentafel_core::WithdrawalRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<crate::ondertekenen::Signed>,
}

/// Saves the withdrawal if the stored one is older than `w.rev` (or there is none).
pub fn save_withdrawal(w: &StoredWithdrawal) -> Result<(), SaveError> {
    save_checked(WITHDRAWAL_KEY, w, w.rev)
}

/// The stored withdrawal, if any. One from another schema version or damaged is reported (and
/// left in storage) rather than opened.
pub fn load_withdrawal() -> Option<Result<StoredWithdrawal, String>> {
    let raw = raw_storage().ok()?.get_item(WITHDRAWAL_KEY).ok()??;
    Some(match serde_json::from_str::<StoredWithdrawal>(&raw) {
        Ok(w) if w.schema_version == SCHEMA_VERSION => Ok(w),
        _ => Err("Een eerder begonnen intrekking op dit apparaat kan niet worden geopend; open het toestemmingsbestand opnieuw.".to_owned()),
    })
}

pub fn clear_withdrawal() {
    if let Ok(s) = raw_storage() {
        let _ = s.remove_item(WITHDRAWAL_KEY);
    }
}
