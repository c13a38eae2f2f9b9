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
    #[cfg(feature = "floats")]
    pub fn as_f64(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }
    /// Without the `floats` feature (the browser bundle): exact for integers a double holds,
    /// close for anything else. Records hold no fractions, and this keeps Rust's float parser
    /// (about 12 KB gzip, most of it a table of powers of five) out of the bundle.
    #[cfg(not(feature = "floats"))]
    pub fn as_f64(&self) -> f64 {
        match self.as_i64() {
            Some(i) => i as f64,
            None => approximate_f64(&self.0),
        }
    }
    /// Whether the text is an integer (no fraction, no exponent).
    pub fn is_integer(&self) -> bool {
        !self.0.contains(['.', 'e', 'E'])
    }
    pub(crate) fn from_text(s: String) -> Number {
        Number(s)
    }
}

/// A JSON number's text as its sign, its significant digits (no leading or trailing zeros,
/// empty for zero) and the power of ten of the first of them: `-0.0250e3` is `(true, "25", 1)`.
fn decimal(text: &str) -> (bool, String, i64) {
    let (negative, t) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text),
    };
    let (mantissa, exponent) = t.split_once(['e', 'E']).unwrap_or((t, "0"));
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    // A longer exponent is beyond any double either way; saturated, its sign still counts.
    let saturated = if exponent.starts_with('-') {
        -1_000_000
    } else {
        1_000_000
    };
    let exponent: i64 = exponent
        .parse()
        .unwrap_or(saturated)
        .clamp(-1_000_000, 1_000_000);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int_sig = int.trim_start_matches('0');
    let (digits, e10) = if int_sig.is_empty() {
        let frac_sig = frac.trim_start_matches('0');
        (
            frac_sig.to_owned(),
            exponent - (frac.len() - frac_sig.len()) as i64 - 1,
        )
    } else {
        (
            format!("{int_sig}{frac}"),
            exponent + int_sig.len() as i64 - 1,
        )
    };
    (negative, digits.trim_end_matches('0').to_owned(), e10)
}

/// A close double for a JSON number's text (the first 19 significant digits, scaled): no
/// float parser, for the browser bundle's [`Number::as_f64`].
#[cfg_attr(feature = "floats", allow(dead_code))]
fn approximate_f64(text: &str) -> f64 {
    let (negative, digits, e10) = decimal(text);
    let kept = digits.len().min(19);
    let m = digits
        .bytes()
        .take(kept)
        .fold(0u64, |m, d| m * 10 + u64::from(d - b'0'));
    let scale = (e10 - kept as i64 + 1).clamp(-400, 400) as i32;
    // Two steps, so that a large mantissa times a tiny power does not underflow on the way.
    let f = m as f64 * 10f64.powi(scale / 2) * 10f64.powi(scale - scale / 2);
    if negative {
        -f
    } else {
        f
    }
}

/// The digits of 2^1024 − 2^970, halfway between the largest double and 2^1024: a decimal at or
/// above it (10^308 × 1.797…) rounds to infinity.
const OVERFLOW_DIGITS: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether a JSON number's text is a finite double (below the overflow threshold), decided
/// exactly on its digits: no float parser needed.
pub(crate) fn fits_double(text: &str) -> bool {
    let (_, digits, e10) = decimal(text);
    digits.is_empty() || e10 < 308 || (e10 == 308 && digits.as_bytes() < OVERFLOW_DIGITS)
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

#[cfg(test)]
mod number_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimal_parts() {
        assert_eq!(decimal("-0.0250e3"), (true, "25".into(), 1));
        assert_eq!(decimal("120"), (false, "12".into(), 2));
        assert_eq!(decimal("0.000"), (false, "".into(), -4));
        assert_eq!(decimal("1.5E+2"), (false, "15".into(), 2));
        assert_eq!(
            decimal("7e-99999999999999999999999"),
            (false, "7".into(), -1_000_000)
        );
    }

    #[test]
    fn finite_exactly_at_the_overflow_threshold() {
        let t = std::str::from_utf8(OVERFLOW_DIGITS).unwrap();
        let cases = [
            "1.7976931348623157e308".to_owned(),
            "1.7976931348623158e308".to_owned(),
            "1.7976931348623159e308".to_owned(),
            "1.8e308".to_owned(),
            "1e309".to_owned(),
            "-1e309".to_owned(),
            "1e-400".to_owned(),
            "0e99999999999".to_owned(),
            "5e99999999999".to_owned(),
            format!("{}.{}e308", &t[..1], &t[1..]),
            format!("{}.{}e308", &t[..1], &t[1..t.len() - 1]),
            format!("{}.{}1e308", &t[..1], &t[1..]),
            t.to_owned(),
            t[..308].to_owned(),
        ];
        for c in &cases {
            let std = c.parse::<f64>().unwrap().is_finite();
            assert_eq!(fits_double(c), std, "{c}");
        }
    }

    proptest! {
        #[test]
        fn fits_double_agrees_with_the_float_parser(
            neg in any::<bool>(), int in "[0-9]{1,20}", frac in "[0-9]{0,20}", exp in -400i32..400,
        ) {
            let text = format!("{}{int}{}{frac}e{exp}", if neg { "-" } else { "" }, if frac.is_empty() { "" } else { "." });
            let parsed = text.parse::<f64>().unwrap();
            prop_assert_eq!(fits_double(&text), parsed.is_finite(), "{}", text);
            if parsed.is_finite() && parsed != 0.0 && parsed.abs() > 1e-300 {
                let a = approximate_f64(&text);
                prop_assert!(((a - parsed) / parsed).abs() < 1e-12, "{} → {} vs {}", text, a, parsed);
            }
        }
    }
}
