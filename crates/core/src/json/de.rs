//! Typing a read value: a serde `Deserializer` over [`Value`] whose every refusal is Dutch and
//! carries the field path, collected as the error unwinds (no path is built on success).

use super::read::{path_text, Seg};
use super::{Error, Map, Value};
use crate::text::quote;
use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use std::fmt;

/// A refusal while typing a [`Value`], with the path so far (innermost segment first); turned
/// into an [`Error`] by [`super::from_value`].
#[derive(Debug)]
pub struct DeError {
    rev_path: Vec<Seg>,
    message: String,
}

impl DeError {
    fn at(mut self, seg: Seg) -> DeError {
        self.rev_path.push(seg);
        self
    }
    fn msg(message: String) -> DeError {
        DeError {
            rev_path: Vec::new(),
            message,
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

/// A value serde says it did not expect, in Dutch.
fn unexpected_nl(u: &Unexpected) -> String {
    match u {
        Unexpected::Bool(b) => format!("ja/nee-waarde {b}"),
        Unexpected::Unsigned(n) => format!("geheel getal {n}"),
        Unexpected::Signed(n) => format!("geheel getal {n}"),
        Unexpected::Float(f) => format!("kommagetal {f}"),
        Unexpected::Char(c) => format!("teken ‘{c}’"),
        Unexpected::Str(s) => format!("tekst ‘{}’", quote(s)),
        Unexpected::Bytes(_) => "bytes".into(),
        Unexpected::Unit => "leeg (null)".into(),
        Unexpected::Option => "een optionele waarde".into(),
        Unexpected::Seq => "een lijst".into(),
        Unexpected::Map => "een object".into(),
        Unexpected::Enum
        | Unexpected::UnitVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant
        | Unexpected::StructVariant => "een keuze".into(),
        _ => "een waarde".into(),
    }
}

/// What serde's own visitors expected, in Dutch where it is one of their stable phrases;
/// `None` otherwise (then the message names only what was found, never English).
fn expected_nl(exp: &dyn Expected) -> Option<String> {
    let e = exp.to_string();
    let known = match e.as_str() {
        "a string" | "a borrowed string" | "a character" => "tekst",
        "a boolean" => "ja of nee (true of false)",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "een geheel getal (0 of meer)",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "een geheel getal",
        "f32" | "f64" => "een getal",
        "a sequence" => "een lijst [ … ]",
        "a map" => "een object { … }",
        "unit" => "leeg (null)",
        _ => {
            if let Some(n) = e
                .strip_prefix("an array of length ")
                .or_else(|| e.strip_prefix("a tuple of size "))
            {
                return Some(format!("een lijst van {n} elementen"));
            }
            if e.starts_with("struct ") {
                return Some("een object { … }".into());
            }
            if e.starts_with("enum ") {
                return Some("een van de toegestane waarden".into());
            }
            // Our own types say what they expect in Dutch already.
            if !e.is_ascii() {
                return Some(e);
            }
            return None;
        }
    };
    Some(known.to_owned())
}

fn list(names: &[&str]) -> String {
    names.join(", ")
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::msg(msg.to_string())
    }
    fn invalid_type(unexp: Unexpected, exp: &dyn Expected) -> Self {
        DeError::msg(match expected_nl(exp) {
            Some(e) => format!("verkeerd type: {}, verwacht {e}", unexpected_nl(&unexp)),
            None => format!("verkeerd type: {} hoort hier niet", unexpected_nl(&unexp)),
        })
    }
    fn invalid_value(unexp: Unexpected, exp: &dyn Expected) -> Self {
        DeError::msg(match expected_nl(exp) {
            Some(e) => format!("ongeldige waarde: {}, verwacht {e}", unexpected_nl(&unexp)),
            None => format!("ongeldige waarde: {}", unexpected_nl(&unexp)),
        })
    }
    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        DeError::msg(match expected_nl(exp) {
            Some(e) => format!("verkeerd aantal elementen ({len}), verwacht {e}"),
            None => format!("verkeerd aantal elementen ({len})"),
        })
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::msg(format!(
            "onbekende waarde ‘{}’; toegestaan: {}",
            quote(variant),
            list(expected)
        ))
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DeError::msg(format!(
            "onbekend veld ‘{}’; dit veld hoort hier niet (wel: {})",
            quote(field),
            list(expected)
        ))
    }
    fn missing_field(field: &'static str) -> Self {
        DeError::msg(format!("verplicht veld ‘{field}’ ontbreekt"))
    }
    fn duplicate_field(field: &'static str) -> Self {
        DeError::msg(format!(
            "veld ‘{field}’ staat er twee keer in; elk veld mag maar één keer voorkomen"
        ))
    }
}

pub(crate) fn from_value<'a, T: de::Deserialize<'a>>(v: &'a Value) -> Result<T, Error> {
    T::deserialize(v).map_err(|e| Error::new(path_text(&e.rev_path), e.message))
}

/// "verkeerd type: tekst ‘ja’, verwacht ja of nee (true of false)".
fn wrong(v: &Value, expected: &str) -> DeError {
    let found = match v {
        Value::Null => "leeg (null)".to_owned(),
        Value::Bool(b) => format!("ja/nee-waarde {b}"),
        Value::Number(n) => format!("getal {}", quote(n.as_str())),
        Value::String(s) => format!("tekst ‘{}’", quote(s)),
        Value::Array(_) => "een lijst".to_owned(),
        Value::Object(_) => "een object".to_owned(),
    };
    DeError::msg(format!("verkeerd type: {found}, verwacht {expected}"))
}

macro_rules! integer {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            match self {
                Value::Number(n) => match n.as_str().parse::<$t>() {
                    Ok(x) => visitor.$visit(x),
                    Err(_) => Err(DeError::msg(if n.is_integer() {
                        format!(
                            "het getal {} past hier niet: verwacht een geheel getal van {} tot en met {}",
                            quote(n.as_str()), <$t>::MIN, <$t>::MAX
                        )
                    } else {
                        format!("verkeerd type: kommagetal {}, verwacht een geheel getal", quote(n.as_str()))
                    })),
                },
                other => Err(wrong(other, "een geheel getal")),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &'de Value {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64())
                }
            }
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visit_array(a, visitor),
            Value::Object(m) => visit_object(m, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(wrong(other, "ja of nee (true of false)")),
        }
    }

    integer! {
        deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16, deserialize_u32 visit_u32 u32,
        deserialize_u64 visit_u64 u64, deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Number(n) => visitor.visit_f64(n.as_f64()),
            other => Err(wrong(other, "een getal")),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(wrong(other, "tekst")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Null => visitor.visit_none(),
            v => visitor.visit_some(v),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Null => visitor.visit_unit(),
            other => Err(wrong(other, "leeg (null)")),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Array(a) => visit_array(a, visitor),
            other => Err(wrong(other, "een lijst [ … ]")),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self {
            Value::Array(a) => visit_array(a, visitor),
            other => Err(wrong(other, &format!("een lijst van {len} elementen"))),
        }
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Object(m) => visit_object(m, visitor),
            other => Err(wrong(other, "een object { … }")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            Value::Object(m) if m.len() == 1 => {
                let (k, v) = m.iter().next().unwrap_or(("", &Value::Null));
                visitor
                    .visit_enum(Variant { name: k, value: v })
                    .map_err(|e| e.at(Seg::Key(k.to_owned())))
            }
            other => Err(wrong(other, &format!("een van: {}", list(variants)))),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

fn visit_array<'de, V: Visitor<'de>>(a: &'de [Value], visitor: V) -> Result<V::Value, DeError> {
    let mut seq = Seq { items: a, next: 0 };
    let v = visitor.visit_seq(&mut seq)?;
    if seq.next < a.len() {
        return Err(DeError::msg(format!(
            "te veel elementen: {}, verwacht {}",
            a.len(),
            seq.next
        )));
    }
    Ok(v)
}

fn visit_object<'de, V: Visitor<'de>>(m: &'de Map, visitor: V) -> Result<V::Value, DeError> {
    visitor.visit_map(Members {
        items: &m.0,
        next: 0,
    })
}

struct Seq<'de> {
    items: &'de [Value],
    next: usize,
}

impl<'de> SeqAccess<'de> for &mut Seq<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(v) = self.items.get(self.next) else {
            return Ok(None);
        };
        let i = self.next;
        self.next += 1;
        seed.deserialize(v)
            .map(Some)
            .map_err(|e| e.at(Seg::Index(i)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next)
    }
}

struct Members<'de> {
    items: &'de [(String, Value)],
    next: usize,
}

impl<'de> MapAccess<'de> for Members<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((k, _)) = self.items.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(de::value::BorrowedStrDeserializer::<DeError>::new(k))
            .map(Some)
            .map_err(|e| e.at(Seg::Key(k.clone())))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some((k, v)) = self.items.get(self.next) else {
            return Err(DeError::msg("een veld zonder waarde".into()));
        };
        self.next += 1;
        seed.deserialize(v).map_err(|e| e.at(Seg::Key(k.clone())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next)
    }
}

struct Variant<'de> {
    name: &'de str,
    value: &'de Value,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = DeError;
    type Variant = &'de Value;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, &'de Value), DeError> {
        let v = seed.deserialize(de::value::BorrowedStrDeserializer::<DeError>::new(
            self.name,
        ))?;
        Ok((v, self.value))
    }
}

impl<'de> VariantAccess<'de> for &'de Value {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        de::Deserialize::deserialize(self)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{from_str, parse};
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Inner {
        points: Vec<[u16; 2]>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    enum Kind {
        Given,
        Refused,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        name: String,
        ok: bool,
        inner: Vec<Inner>,
    }

    fn err(text: &str) -> super::Error {
        from_str::<Outer>(text).expect_err(text)
    }

    #[test]
    fn types_a_value() {
        let o: Outer = from_str(
            r#"{"name": "x", "ok": true, "inner": [{"points": [[1, 2], [3, 4]], "kind": "given"}]}"#,
        )
        .unwrap();
        assert_eq!(o.inner[0].points, [[1, 2], [3, 4]]);
        assert_eq!(o.inner[0].kind, Some(Kind::Given));
    }

    #[test]
    fn every_refusal_is_dutch_with_its_path() {
        let base = |inner: &str| format!(r#"{{"name": "x", "ok": true, "inner": [{inner}]}}"#);
        let cases = [
            (
                base(r#"{"points": [[1, 70000]]}"#),
                "inner[0].points[0][1]",
                "past hier niet",
            ),
            (
                base(r#"{"points": [[1.5, 2]]}"#),
                "inner[0].points[0][0]",
                "kommagetal 1.5",
            ),
            (
                base(r#"{"points": [[1]]}"#),
                "inner[0].points[0]",
                "verkeerd aantal elementen",
            ),
            (
                base(r#"{"points": [[1, 2, 3]]}"#),
                "inner[0].points[0]",
                "te veel elementen",
            ),
            (
                base(r#"{"points": "x"}"#),
                "inner[0].points",
                "verwacht een lijst",
            ),
            (
                base(r#"{"points": [], "kind": "maybe"}"#),
                "inner[0].kind",
                "onbekende waarde ‘maybe’; toegestaan: given, refused",
            ),
            (
                base(r#"{"points": [], "kind": 3}"#),
                "inner[0].kind",
                "verwacht een van: given, refused",
            ),
            (
                base(r#"{"points": [], "bsn": 1}"#),
                "inner[0].bsn",
                "onbekend veld ‘bsn’",
            ),
            (
                base(r#"{}"#),
                "inner[0]",
                "verplicht veld ‘points’ ontbreekt",
            ),
            (
                r#"{"name": 5, "ok": true, "inner": []}"#.to_owned(),
                "name",
                "verkeerd type: getal 5, verwacht tekst",
            ),
            (
                r#"{"name": "x", "ok": "ja", "inner": []}"#.to_owned(),
                "ok",
                "verkeerd type: tekst ‘ja’, verwacht ja of nee",
            ),
            (r#"[1]"#.to_owned(), "", "verwacht een object"),
        ];
        for (text, path, part) in cases {
            let e = err(&text);
            assert_eq!(e.path, path, "{text}: {e}");
            assert!(e.message.contains(part), "{text}: {e}");
            assert!(
                !e.message.contains("expected") && !e.message.contains("invalid"),
                "{e}"
            );
        }
        // A huge refused value is quoted short.
        let e = err(&format!(
            r#"{{"name": "x", "ok": "{}", "inner": []}}"#,
            "j".repeat(5_000_000)
        ));
        assert!(e.message.len() < 300, "{}", e.message.len());
        assert!(parse("{}").is_ok());
    }
}
