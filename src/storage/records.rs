//! The one stored-record type and its one API, for drafts of consent, withdrawals in progress
//! and requests alike: each kept in the vault under (kind, record id), with a revision number
//! so that two tabs never silently overwrite each other.

use super::js;
use crate::signing::Signed;
use keukentafel_core::json;
use keukentafel_core::model::{OLDEST_SCHEMA_VERSION, SCHEMA_VERSION};
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
/// names the field. An unsigned draft of an older version is brought to this one (a
/// withdrawal's version-1 lists become the pairs they meant for the consent it withdraws); it
/// is written back as this version with its next save. A signed record is never changed.
fn read<R: Record>(text: &str) -> Result<Stored<R>, String> {
    let (v, current) = envelope(text)?;
    let mut s: Stored<R> = json::from_value(&v).map_err(|e| format!("beschadigd ({e})"))?;
    if !current {
        s.upgrade();
    }
    Ok(s)
}

/// The untyped half of [`read`]: the parsed text, and whether its version is this one (an
/// older one that this version reads is `false`; any other is refused).
fn envelope(text: &str) -> Result<(json::Value, bool), String> {
    let v = json::parse(text).map_err(|e| format!("beschadigd ({e})"))?;
    let version = v.get("schemaVersion").and_then(|x| x.as_u64()).unwrap_or(0);
    if !(u64::from(OLDEST_SCHEMA_VERSION)..=u64::from(SCHEMA_VERSION)).contains(&version) {
        return Err(format!(
            "gemaakt met schemaversie {version}; deze versie van keukentafel leest versie {OLDEST_SCHEMA_VERSION} tot en met {SCHEMA_VERSION}"
        ));
    }
    Ok((v, version == u64::from(SCHEMA_VERSION)))
}

impl<R: Record> Stored<R> {
    /// To this version: the envelope, and the record while it is unsigned.
    pub fn upgrade(&mut self) {
        self.schema_version = SCHEMA_VERSION;
        if self.signed.is_none() {
            let withdrawn = self.original.as_ref().map(|o| &o.record);
            self.record.upgrade(withdrawn);
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use keukentafel_core::model::SchemaVersion;
    use keukentafel_core::*;

    fn consent() -> ConsentRecord {
        let mut c =
            ConsentRecord::new(RecordId::parse("6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e02").unwrap());
        c.consent.decision = Some(ConsentDecision::Given);
        c.consent.categories = vec![CategoryConsent {
            category: SpecialCategory::Health,
            purpose: "zorg".into(),
            partners: vec!["huisarts".into(), "participatie".into()],
        }];
        c
    }

    /// A draft written by version 1: envelope and record at version 1, the scope as two lists.
    fn v1_draft(signed: Option<Signed>) -> String {
        let mut w = flow::withdrawal_of(
            &consent(),
            "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg",
            RecordId::parse("6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e05").unwrap(),
            Date::new(2026, 12, 2).unwrap(),
        );
        w.schema_version = SchemaVersion(1);
        w.scope.whole = false;
        w.scope.partners = vec!["huisarts".into()];
        let mut s = Stored::new(w);
        s.schema_version = 1;
        s.signed = signed;
        s.original = Some(Original {
            record: consent(),
            hash: "h".into(),
            kid: "k".into(),
            signed_by: None,
        });
        json::to_string(&s).unwrap()
    }

    #[test]
    fn a_version_1_withdrawal_draft_opens_as_version_2_pairs() {
        let s = read::<WithdrawalRecord>(&v1_draft(None)).unwrap();
        assert_eq!(s.schema_version, SCHEMA_VERSION);
        assert_eq!(s.record.schema_version, SchemaVersion(2));
        assert_eq!(
            s.record.scope.pairs,
            [ScopePair {
                category: SpecialCategory::Health,
                partner: "huisarts".into()
            }]
        );
        assert!(s.record.scope.partners.is_empty());
        assert!(s
            .record
            .validate(Profile::landsmeer_ref(), Date::new(2026, 12, 2).unwrap())
            .iter()
            .all(|f| f.code != Code::WithdrawalScope));
    }

    #[test]
    fn a_signed_version_1_withdrawal_is_kept_as_signed() {
        let signed = Signed {
            jws: "{}".into(),
            hash: "h".into(),
            kid: "k".into(),
            file_name: "f".into(),
            signed_at: "t".into(),
        };
        let s = read::<WithdrawalRecord>(&v1_draft(Some(signed))).unwrap();
        assert_eq!(s.record.schema_version, SchemaVersion(1));
        assert_eq!(s.record.scope.partners, ["huisarts"]);
        assert!(s.record.scope.pairs.is_empty());
    }

    #[test]
    fn a_future_version_is_refused_in_dutch() {
        let text = v1_draft(None).replacen("\"schemaVersion\":1", "\"schemaVersion\":3", 1);
        let e = read::<WithdrawalRecord>(&text).unwrap_err();
        assert_eq!(
            e,
            "gemaakt met schemaversie 3; deze versie van keukentafel leest versie 1 tot en met 2"
        );
    }
}
