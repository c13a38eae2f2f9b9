//! JSON for keukentafel, in the core: one strict reader, one writer (compact, pretty and
//! canonical), and the serde glue between them and the record types.
//!
//! The browser bundle, the CLI and the server read and write records the same way, with no
//! JSON library of their own. Every refusal is a Dutch message that names the field where there
//! is one (`consent.signers[0].date`) and quotes at most [`crate::text::QUOTE_MAX`] characters
//! of the refused value; nothing depends on another library's English wording. The reader
//! refuses what RFC 8259 leaves open and a signed record must not contain: a member given twice,
//! a lone surrogate, a number no double can hold, nesting deeper than [`MAX_DEPTH`]. A UTF-8
//! byte-order mark at the start (Windows Notepad writes one) is skipped.

mod de;
mod read;
mod ser;
mod write;

use std::fmt;

pub use de::DeError;
pub use read::{parse, parse_bytes, MAX_DEPTH};

/// A JSON value as read or about to be written. Objects keep their members in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A number as written in the text (checked against the JSON grammar and finite as a double).
/// Records hold integers only; the text is kept so that nothing is lost before a field's type
/// decides what it may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number's text, as it was read or written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }
    /// The nearest double (correctly rounded).
    pub fn as_f64(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }
    /// Whether the text is an integer (no fraction, no exponent).
    pub fn is_integer(&self) -> bool {
        !self.0.contains(['.', 'e', 'E'])
    }
    pub(crate) fn from_text(s: String) -> Number {
        Number(s)
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Number {
        Number(n.to_string())
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        Number(n.to_string())
    }
}

/// The members of an object, in order. The reader refuses a name given twice; [`Map::insert`]
/// replaces a member of the same name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Map {
        Map(Vec::new())
    }
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    /// Sets `key` to `value`, replacing a member of that name, else appending.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub(crate) fn push_unchecked(&mut self, key: String, value: Value) {
        self.0.push((key, value));
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Map {
        let mut m = Map::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

impl Value {
    /// An object from members: `Value::object([("hash", hash.into()), ...])`.
    pub fn object<K: Into<String>, const N: usize>(members: [(K, Value); N]) -> Value {
        Value::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.get(key),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// What kind of value this is, in Dutch, for messages: "tekst", "een lijst", …
    pub fn kind_nl(&self) -> &'static str {
        match self {
            Value::Null => "leeg (null)",
            Value::Bool(_) => "ja/nee-waarde",
            Value::Number(_) => "getal",
            Value::String(_) => "tekst",
            Value::Array(_) => "een lijst",
            Value::Object(_) => "een object",
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_owned())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(n.into())
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Number(n.into())
    }
}
impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Object(m)
    }
}
impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Value {
        Value::Array(a)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or(Value::Null, Into::into)
    }
}

/// Why a text or value was refused: where (the field path, empty for the text as a whole) and
/// why, in Dutch.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Error {
    /// Path of the field, e.g. `client.birthDate`; empty for the document as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// A `T` from JSON text: read strictly, then typed; either step's refusal names the field.
pub fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    from_value(&parse(text)?)
}

/// A `T` from a value read before; a refusal names the field.
pub fn from_value<'a, T: serde::Deserialize<'a>>(value: &'a Value) -> Result<T, Error> {
    de::from_value(value)
}

/// The value of anything serialisable (a record, a report). Fails only on a map whose keys are
/// not text, or a number no JSON can hold (neither occurs in keukentafel's types).
pub fn to_value<T: serde::Serialize + ?Sized>(v: &T) -> Result<Value, Error> {
    Ok(v.serialize(ser::ValueSerializer)?)
}

/// Compact JSON text, members in the order of the type.
pub fn to_string<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, Error> {
    Ok(to_value(v)?.to_text())
}

/// Indented JSON text (two spaces), for files people read.
pub fn to_string_pretty<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, Error> {
    Ok(to_value(v)?.to_pretty())
}
