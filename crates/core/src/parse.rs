//! Reading JSON with errors that name the field path, in Dutch. Never panics.

use crate::model::*;
use serde::de::DeserializeOwned;
use std::fmt;

/// A refused document: where, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ParseError {
    /// Path of the field, e.g. `client.birthDate`; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

/// Turns serde's English messages into Dutch ones; messages already in Dutch pass unchanged.
fn dutch(msg: &str) -> String {
    // Strip serde_json's " at line L column C" and keep it separately.
    let (core, pos) = match msg.rfind(" at line ") {
        Some(i) => (&msg[..i], Some(&msg[i + 4..])),
        None => (msg, None),
    };
    let tick = |s: &str| s.replace('`', "'");
    let out = if let Some(rest) = core.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        format!("onbekend veld ‘{name}’; dit veld hoort niet in een keukentafel-record")
    } else if let Some(rest) = core.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or("");
        format!("verplicht veld ‘{name}’ ontbreekt")
    } else if let Some(rest) = core.strip_prefix("unknown variant `") {
        let mut it = rest.splitn(2, '`');
        let name = it.next().unwrap_or("");
        let allowed = it
            .next()
            .and_then(|t| t.split_once("expected "))
            .map(|(_, a)| a.replace("one of ", "").replace('`', ""))
            .unwrap_or_default();
        format!("onbekende waarde ‘{name}’; toegestaan: {allowed}")
    } else if let Some(rest) = core.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        format!("verkeerd type: {}, verwacht {}", tick(got), tick(want))
    } else if let Some(rest) = core.strip_prefix("invalid value: ") {
        let (got, want) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        format!("ongeldige waarde: {}, verwacht {}", tick(got), tick(want))
    } else if let Some(rest) = core.strip_prefix("invalid length ") {
        format!("verkeerd aantal elementen: {rest}")
    } else if core.starts_with("EOF while parsing") {
        "het bestand houdt onverwacht op; is het volledig?".to_owned()
    } else if core.starts_with("expected")
        || core.starts_with("trailing")
        || core.starts_with("key must")
        || core.starts_with("control character")
        || core.starts_with("invalid escape")
        || core.starts_with("invalid number")
        || core.starts_with("number out of range")
        || core.starts_with("recursion limit")
    {
        format!("geen geldige JSON ({core})")
    } else {
        core.to_owned()
    };
    match pos {
        Some(p) => format!(
            "{out} ({})",
            p.replace("line", "regel").replace("column", "kolom")
        ),
        None => out,
    }
}

/// Deserialises `T` from JSON text; an error names the path of the offending field.
pub fn parse_with_path<T: DeserializeOwned>(s: &str) -> Result<T, ParseError> {
    let mut de = serde_json::Deserializer::from_str(s);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        ParseError {
            path: if path == "." { String::new() } else { path },
            message: dutch(&e.inner().to_string()),
        }
    })?;
    de.end().map_err(|e| ParseError {
        path: String::new(),
        message: dutch(&e.to_string()),
    })?;
    Ok(value)
}

/// Reads any record type, told apart by `recordType`.
pub fn parse_document(s: &str) -> Result<Document, ParseError> {
    parse_document_and_value(s).map(|(doc, _)| doc)
}

/// [`parse_document`], also handing back the generic JSON value it read first (the verifier
/// checks canonical form on it without parsing the text again).
pub fn parse_document_and_value(s: &str) -> Result<(Document, serde_json::Value), ParseError> {
    // First only the discriminator, so that the real parse keeps exact field paths.
    let value: serde_json::Value = serde_json::from_str(s).map_err(|e| ParseError {
        path: String::new(),
        message: dutch(&e.to_string()),
    })?;
    let Some(object) = value.as_object() else {
        return Err(ParseError {
            path: String::new(),
            message: "een record is een JSON-object { … }".to_owned(),
        });
    };
    let doc = match object.get("recordType").and_then(|v| v.as_str()) {
        Some("consent") => parse_with_path(s).map(Document::Consent),
        Some("withdrawal") => parse_with_path(s).map(Document::Withdrawal),
        Some("request") => parse_with_path(s).map(Document::Request),
        Some(other) => Err(ParseError {
            path: "recordType".into(),
            message: format!(
                "onbekend recordtype ‘{other}’; toegestaan: consent, withdrawal, request"
            ),
        }),
        None => Err(ParseError {
            path: "recordType".into(),
            message: "verplicht veld ‘recordType’ ontbreekt (consent, withdrawal of request)"
                .into(),
        }),
    }?;
    Ok((doc, value))
}

/// Serialises a record as pretty JSON (for files people read).
pub fn to_json_pretty(doc: &Document) -> String {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no floats.
    serde_json::to_string_pretty(doc).unwrap_or_default()
}
