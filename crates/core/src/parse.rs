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
pub(crate) fn dutch(msg: &str) -> String {
    // Strip serde_json's " at line L column C" and keep it separately.
    let (core, pos) = match msg.rfind(" at line ") {
        Some(i) => (&msg[..i], Some(&msg[i + 4..])),
        None => (msg, None),
    };
    let tick = |s: &str| s.replace('`', "'");
    let out = if let Some(rest) = core.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        format!("onbekend veld ‘{name}’; dit veld hoort niet in een keukentafel-record")
    } else if let Some(rest) = core.strip_prefix("duplicate field `") {
        let name = rest.split('`').next().unwrap_or("");
        format!("veld ‘{name}’ staat er twee keer in; een record noemt elk veld één keer")
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

/// Deserialises `T` from JSON text; an error names the path of the offending field (feature
/// `paths`; without it, the line and column).
pub fn parse_with_path<T: DeserializeOwned>(s: &str) -> Result<T, ParseError> {
    #[cfg(feature = "paths")]
    {
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
    #[cfg(not(feature = "paths"))]
    serde_json::from_str(s).map_err(|e| {
        let message = dutch(&e.to_string());
        match e.classify() {
            serde_json::error::Category::Data => ParseError {
                path: path_at(s, e.line(), e.column()),
                // The path says where; the line and column are left out.
                message: message
                    .rsplit_once(" (regel ")
                    .map_or(message.clone(), |(m, _)| m.to_owned()),
            },
            _ => ParseError {
                path: String::new(),
                message,
            },
        }
    })
}

/// The path (`consent.signers[1].relationship`) of the element at `line` and `column` (1-based,
/// as serde_json reports errors) of JSON `text`: what `paths` gives, found by scanning the text
/// once instead of tracking every field while reading. Unreadable text gives what was found.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(text.len());
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // Tokens that start before the error position; a string is read whole (a key the error
    // is about is part of the path).
    while i < end.saturating_sub(1) {
        match b[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(k)) => *k = None,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(k @ None)) = stack.last_mut() {
                    let raw = &text[start.min(text.len())..i.min(text.len())];
                    *k = Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_owned()),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// Reads any record type, told apart by `recordType`.
pub fn parse_document(s: &str) -> Result<Document, ParseError> {
    // A valid record (the usual case) in one pass; anything else is read again, discriminator
    // first, so that the error names the exact field.
    match document_without_paths(s) {
        Some(doc) => Ok(doc),
        None => document_from_text(s, &parse_value(s)?),
    }
}

/// [`parse_document`], also telling whether the text is exactly its own canonical (RFC 8785)
/// form: what the verifier asks of every payload. Canonical text (the usual case) is read in
/// one pass without a generic JSON value; errors are described as [`parse_document`] does.
pub fn parse_document_canonical(s: &str) -> Result<(Document, bool), ParseError> {
    let canonical = crate::jcs::is_canonical_text(s);
    parse_document(s).map(|doc| (doc, canonical))
}

/// The record read directly, without tracking field paths; `None` on any error, to be described
/// by the slow path. Each record type checks its constant `recordType` and refuses unknown and
/// duplicate members, so at most one of the three attempts succeeds (consent, the usual one,
/// first; the others stop at their first unknown field).
fn document_without_paths(s: &str) -> Option<Document> {
    serde_json::from_str(s)
        .map(Document::Consent)
        .or_else(|_| serde_json::from_str(s).map(Document::Withdrawal))
        .or_else(|_| serde_json::from_str(s).map(Document::Request))
        .ok()
}

fn parse_value(s: &str) -> Result<serde_json::Value, ParseError> {
    serde_json::from_str(s).map_err(|e| ParseError {
        path: String::new(),
        message: dutch(&e.to_string()),
    })
}

fn record_type(value: &serde_json::Value) -> Result<&str, ParseError> {
    let Some(object) = value.as_object() else {
        return Err(ParseError {
            path: String::new(),
            message: "een record is een JSON-object { … }".to_owned(),
        });
    };
    match object.get("recordType").and_then(|v| v.as_str()) {
        Some(t @ ("consent" | "withdrawal" | "request")) => Ok(t),
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
    }
}

/// The record from the text, with exact field paths in errors (and duplicate members refused).
fn document_from_text(s: &str, value: &serde_json::Value) -> Result<Document, ParseError> {
    match record_type(value)? {
        "consent" => parse_with_path(s).map(Document::Consent),
        "withdrawal" => parse_with_path(s).map(Document::Withdrawal),
        _ => parse_with_path(s).map(Document::Request),
    }
}

/// Serialises a record as pretty JSON (for files people read).
pub fn to_json_pretty(doc: &Document) -> String {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no floats.
    serde_json::to_string_pretty(doc).unwrap_or_default()
}
