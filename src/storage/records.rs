//! The one stored-record type and its one API, for drafts of consent, withdrawals in progress
//! and requests alike: each kept in the vault under (kind, record id), with a revision number
//! so that two tabs never silently overwrite each other.

use super::js;
use crate::signing::Signed;
use keukentafel_core::json;
use keukentafel_core::model::SCHEMA_VERSION;
use keukentafel_core::{ConsentRecord, Record, RecordKind};
use serde::{Deserialize, Serialize};

/// The signed consent a withdrawal withdraws, as verified when it was opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Original {
    pub record: ConsentRecord,
    pub hash: String,
    /// Who signed it: the thumbprint of the key.
    pub kid: String,
    /// The signer's name when the key is known on this tablet or enrolled in the profile.
    #[serde(default)]
    pub signed_by: Option<String>,
}

/// A record as stored: the record, where the professional was, and once signed the export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", bound = "R: Record")]
pub struct Stored<R> {
    pub schema_version: u32,
    /// Incremented by every save; a save expects the revision it last saw.
    pub rev: u64,
    /// ISO 8601 time of the last change.
    pub saved_at: String,
    /// Where on the record's screen the professional was (the form's step).
    #[serde(default)]
    pub place: String,
    /// The steps the professional has opened (the consent form's step bar).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visited: Vec<String>,
    pub record: R,
    /// Present once signed: the record is then read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signed>,
    /// A withdrawal: the consent it withdraws.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
}

impl<R: Record> Stored<R> {
    /// A record not stored before.
    pub fn new(record: R) -> Stored<R> {
        Stored {
            schema_version: SCHEMA_VERSION,
            rev: 0,
            saved_at: String::new(),
            place: String::new(),
            visited: Vec::new(),
            record,
            signed: None,
            original: None,
        }
    }

    pub fn id(&self) -> &str {
        self.record.record_id().as_str()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved a newer revision.
    Conflict,
    /// The vault is locked.
    Locked,
    /// Storage full, unavailable or refused; a Dutch message.
    Storage(String),
}

impl SaveError {
    pub fn message(&self) -> String {
        match self {
            SaveError::Conflict => "Een ander tabblad heeft een nieuwere versie bewaard.".into(),
            SaveError::Locked => "De kluis is vergrendeld; ontgrendel om verder te gaan.".into(),
            SaveError::Storage(m) => m.clone(),
        }
    }
}

/// Stores `s` encrypted as revision `s.rev`, unless the stored revision is already that or
/// newer. Resolves once durable.
pub async fn save<R: Record>(s: &Stored<R>) -> Result<(), SaveError> {
    let text = json::to_string(s).map_err(|e| SaveError::Storage(e.to_string()))?;
    js::done(js::put(R::KIND.key(), s.id(), s.rev as f64, &text))
        .await
        .map_err(|e| match e.name.as_str() {
            "Conflict" => SaveError::Conflict,
            "Locked" => SaveError::Locked,
            _ => SaveError::Storage(e.message),
        })
}

/// Reads a stored text as `Stored<R>`: the record through the core's reader, so a refusal
/// names the field.
fn read<R: Record>(text: &str) -> Result<Stored<R>, String> {
    let v = json::parse(text).map_err(|e| format!("beschadigd ({e})"))?;
    let version = v.get("schemaVersion").and_then(|x| x.as_u64()).unwrap_or(0);
    if version != u64::from(SCHEMA_VERSION) {
        return Err(format!(
            "gemaakt met schemaversie {version}; deze versie van keukentafel leest versie {SCHEMA_VERSION}"
        ));
    }
    json::from_value(&v).map_err(|e| format!("beschadigd ({e})"))
}

/// One record, or why it cannot be opened (Dutch).
pub async fn load<R: Record>(id: &str) -> Result<Stored<R>, String> {
    match js::text(js::get(R::KIND.key(), id)).await {
        Ok(Some(t)) => read(&t).map_err(|e| format!("Dit record is {e}.")),
        Ok(None) => Err("Dit record bestaat niet meer op dit apparaat.".into()),
        Err(e) => Err(e.message),
    }
}

/// A stored record as a list shows it: readable, or kept with the reason it cannot be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry<R> {
    Ok(Box<Stored<R>>),
    /// Kept, not opened: why (Dutch), and the stored text when it could be decrypted.
    Unreadable {
        id: String,
        why: String,
        raw: Option<String>,
    },
}

#[derive(Deserialize)]
struct Row {
    id: String,
    #[serde(default)]
    text: Option<String>,
}

/// Every record of kind `R` of the unlocked professional, newest first; those that cannot be
/// opened last. Nothing stored is ever skipped.
pub async fn list<R: Record>() -> Result<Vec<Entry<R>>, String> {
    let rows: Vec<Row> = js::json(js::list(R::KIND.key()))
        .await
        .map_err(|e| e.message)?;
    let mut out: Vec<Entry<R>> = Vec::with_capacity(rows.len());
    for row in rows {
        let entry = match row.text.as_deref().map(read::<R>) {
            Some(Ok(s)) => Entry::Ok(Box::new(s)),
            Some(Err(why)) => Entry::Unreadable {
                id: row.id,
                why,
                raw: row.text,
            },
            None => Entry::Unreadable {
                id: row.id,
                why: "beschadigd: het kan niet worden ontsleuteld".into(),
                raw: None,
            },
        };
        // Newest first (a handful: inserted in place, no sort instantiated).
        let key = |e: &Entry<R>| match e {
            Entry::Ok(s) => s.saved_at.clone(),
            Entry::Unreadable { .. } => String::new(),
        };
        let at = out.partition_point(|e| key(e) >= key(&entry));
        out.insert(at, entry);
    }
    Ok(out)
}

pub async fn delete(kind: RecordKind, id: &str) -> Result<(), String> {
    js::done(js::delete(kind.key(), id))
        .await
        .map_err(|e| e.message)
}

/// Entries stored under a kind that is no record type (what the migration could not read):
/// (id, text).
pub async fn list_raw(kind: &str) -> Result<Vec<(String, String)>, String> {
    let rows: Vec<Row> = js::json(js::list(kind)).await.map_err(|e| e.message)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.id, r.text.unwrap_or_default()))
        .collect())
}

pub async fn delete_raw(kind: &str, id: &str) -> Result<(), String> {
    js::done(js::delete(kind, id)).await.map_err(|e| e.message)
}
