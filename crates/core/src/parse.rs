//! Reading records: JSON text → the record its `recordType` names. Refusals come from the
//! strict reader and typing of [`crate::json`]: Dutch, with the field path. Never panics.

use crate::json::{self, Value};
use crate::model::*;
use serde::de::DeserializeOwned;

/// A refused document: where, and why (see [`json::Error`]).
pub type ParseError = json::Error;

/// Deserialises `T` from JSON text; an error names the path of the offending field.
pub fn parse_with_path<T: DeserializeOwned>(s: &str) -> Result<T, ParseError> {
    json::from_str(s)
}

/// Reads any record type, told apart by `recordType`.
pub fn parse_document(s: &str) -> Result<Document, ParseError> {
    document_from_value(&json::parse(s)?)
}

/// [`parse_document`] from bytes (a file): they must be UTF-8.
pub fn parse_document_bytes(b: &[u8]) -> Result<Document, ParseError> {
    document_from_value(&json::parse_bytes(b)?)
}

/// [`parse_document`], also telling whether the text is exactly its own canonical (RFC 8785)
/// form: what the verifier asks of every payload.
pub fn parse_document_canonical(s: &str) -> Result<(Document, bool), ParseError> {
    let canonical = crate::jcs::is_canonical_text(s);
    parse_document(s).map(|doc| (doc, canonical))
}

/// The record a value read before holds.
pub fn document_from_value(value: &Value) -> Result<Document, ParseError> {
    Ok(match record_type(value)? {
        "consent" => Document::Consent(json::from_value(value)?),
        "withdrawal" => Document::Withdrawal(json::from_value(value)?),
        _ => Document::Request(json::from_value(value)?),
    })
}

fn record_type(value: &Value) -> Result<&str, ParseError> {
    let Some(object) = value.as_object() else {
        return Err(ParseError::new(
            "",
            format!(
                "een record is een JSON-object {{ … }}, geen {}",
                value.kind_nl()
            ),
        ));
    };
    match object.get("recordType") {
        Some(Value::String(t)) if matches!(t.as_str(), "consent" | "withdrawal" | "request") => {
            Ok(t)
        }
        Some(Value::String(other)) => Err(ParseError::new(
            "recordType",
            format!(
                "onbekend recordtype ‘{}’; toegestaan: consent, withdrawal, request",
                crate::text::quote(other)
            ),
        )),
        Some(other) => Err(ParseError::new(
            "recordType",
            format!(
                "verkeerd type: {}, verwacht tekst (consent, withdrawal of request)",
                other.kind_nl()
            ),
        )),
        None => Err(ParseError::new(
            "recordType",
            "verplicht veld ‘recordType’ ontbreekt (consent, withdrawal of request)",
        )),
    }
}

/// Serialises a record as pretty JSON (for files people read).
pub fn to_json_pretty(doc: &Document) -> String {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no floats.
    json::to_string_pretty(doc).unwrap_or_default()
}
