//! Where the back office keeps received records: a small interface, so that another database can
//! follow SQLite (the embedded default, `sqlite.rs`).
//!
//! A record is kept as the exact bytes received (a JWE, or a JWS) and the JWS it holds, with the
//! columns the back office queries by. Its identity is the hash of the signed payload: the same
//! record received twice is one row, and both senders get the same receipt.

pub mod sqlite;

use keukentafel_core::Date;
use serde::Serialize;
use std::fmt;

/// A verified record, ready to be stored.
#[derive(Clone, Debug)]
pub struct Incoming {
    /// base64url SHA-256 of the signed payload.
    pub hash: String,
    pub record_id: String,
    /// `consent`, `withdrawal` or `request`.
    pub kind: &'static str,
    /// The signing key's thumbprint.
    pub kid: String,
    /// The professional whose key signed, as the enrolled key set names them.
    pub professional: Option<String>,
    pub dossier: String,
    /// Art. 6: the consent's keep-until date (a withdrawal takes its consent's).
    pub keep_until: Option<Date>,
    /// For a withdrawal: the hash of the consent it withdraws.
    pub withdraws: Option<String>,
    /// The bytes as received when they are not the JWS itself (a JWE); `None` when the JWS
    /// came unsealed (then it is not kept twice).
    pub received: Option<Vec<u8>>,
    /// The signed record (flattened JWS JSON).
    pub jws: String,
    /// When it arrived (RFC 3339, UTC).
    pub received_at: String,
}

/// What the receiver answers once a record is durably stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Receipt {
    pub hash: String,
    #[serde(rename = "recordId")]
    pub record_id: String,
    #[serde(rename = "recordType")]
    pub record_type: String,
    /// When the first copy arrived: the same record sent again gets the same receipt.
    #[serde(rename = "receivedAt")]
    pub received_at: String,
}

/// A stored record's columns (not its bytes), as `inbox list` prints them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub hash: String,
    #[serde(rename = "recordId")]
    pub record_id: String,
    pub kind: String,
    pub kid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub professional: Option<String>,
    #[serde(rename = "dossierReference")]
    pub dossier: String,
    #[serde(rename = "receivedAt")]
    pub received_at: String,
    #[serde(rename = "keepUntil")]
    pub keep_until: Option<String>,
    /// For a withdrawal: the consent it withdraws.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdraws: Option<String>,
    /// For a consent: the latest withdrawal of it that arrived.
    #[serde(rename = "withdrawnBy")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_by: Option<String>,
}

/// Which rows `list` returns.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub kind: Option<String>,
    pub dossier: Option<String>,
    /// Only rows whose keep-until date lies before this day (art. 6 destruction list).
    pub expired_on: Option<Date>,
}

/// Why the store could not do what was asked, in Dutch.
#[derive(Debug)]
pub enum StoreError {
    /// The disk (or the database's size limit) is full: nothing was stored.
    Full,
    /// The database is in use by another process for too long.
    Busy,
    /// The database file cannot be opened or is not a keukentafel database.
    Open { path: String, reason: String },
    /// Anything else the database reported.
    Database(String),
    /// The writer has stopped (the server is shutting down).
    Stopped,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Full => f.write_str(
                "de database van de backoffice is vol (schijfruimte); het record is niet bewaard en kan later opnieuw worden verstuurd",
            ),
            StoreError::Busy => f.write_str(
                "de database van de backoffice is bezet; het record is niet bewaard en kan zo opnieuw worden verstuurd",
            ),
            StoreError::Open { path, reason } => {
                write!(f, "database {path} is niet te openen: {reason}")
            }
            StoreError::Database(why) => write!(f, "fout van de database: {why}"),
            StoreError::Stopped => f.write_str("de backoffice stopt; probeer het zo opnieuw"),
        }
    }
}

impl std::error::Error for StoreError {}

/// The back office's record store. `put` returns only once the record is durably committed.
pub trait Store: Send + Sync + 'static {
    /// Stores `record` unless a record with its hash is there already. The receipt is the
    /// stored record's; `true` when this call stored it.
    fn put(&self, record: Incoming) -> Result<(Receipt, bool), StoreError>;
    fn list(&self, filter: &Filter) -> Result<Vec<Row>, StoreError>;
    /// The signed JWS of a record, exactly as it was signed.
    fn jws(&self, hash: &str) -> Result<Option<String>, StoreError>;
    /// The bytes of a record exactly as they were received.
    fn received(&self, hash: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// The JWS of every record of `kind`.
    fn all_jws(&self, kind: &str) -> Result<Vec<(String, String)>, StoreError>;
    fn count(&self) -> Result<u64, StoreError>;
}
