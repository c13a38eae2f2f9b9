//! The strict JSON reader (RFC 8259), with Dutch messages that say where: the field path and
//! the line and column.

use super::{Error, Map, Number, Value};
use crate::text::quote;

/// The deepest nesting of arrays and objects accepted. A record nests seven levels; deeper text
/// is refused before it can exhaust the stack of a browser tab or the back office's process.
pub const MAX_DEPTH: usize = 128;

/// One step of a field path, collected while an error unwinds.
#[derive(Clone, Debug)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Segments of a path written out; a deeper path (only hostile text nests so deep) ends in "…".
const PATH_MAX: usize = 16;

/// Writes a path as findings name it: `consent.signers[0].date`; long keys are cut.
pub(crate) fn path_text(rev: &[Seg]) -> String {
    let mut out = String::new();
    for (n, seg) in rev.iter().rev().enumerate() {
        if n == PATH_MAX {
            out.push('…');
            break;
        }
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&quote(k));
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// A refusal while reading: at byte `pos`, inside the (reversed) path.
struct Refusal {
    pos: usize,
    message: String,
    rev_path: Vec<Seg>,
}

type R<T> = Result<T, Refusal>;

/// Reads JSON bytes: they must be UTF-8 (a byte-order mark at the start is skipped).
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let at = e.valid_up_to();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let (line, col) = line_col(valid, valid.len());
            Err(Error::new(
                "",
                format!(
                    "geen geldige JSON: het bestand is geen UTF-8-tekst (ongeldige byte op regel {line}, kolom {col}); sla het op als UTF-8"
                ),
            ))
        }
    }
}

/// Reads JSON text strictly: one value, nothing after it but white space.
pub fn parse(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader {
        s: text.as_bytes(),
        i: 0,
    };
    let result = (|| {
        r.ws();
        if r.i == r.s.len() {
            return Err(r.refuse("het bestand is leeg"));
        }
        let v = r.value(0)?;
        r.ws();
        if r.i < r.s.len() {
            return Err(r.refuse("na het einde van de JSON staat nog tekst"));
        }
        Ok(v)
    })();
    result.map_err(|f| {
        let (line, col) = line_col(text, f.pos);
        Error::new(
            path_text(&f.rev_path),
            format!(
                "geen geldige JSON: {} (regel {line}, kolom {col})",
                f.message
            ),
        )
    })
}

/// 1-based line and column (in characters) of byte `pos`.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let mut p = pos;
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    let before = &text[..p];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn refuse(&self, message: impl Into<String>) -> Refusal {
        Refusal {
            pos: self.i,
            message: message.into(),
            rev_path: Vec::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eof(&self) -> Refusal {
        self.refuse("het bestand houdt onverwacht op; is het volledig?")
    }

    /// What stands at the current position, for "verwacht … maar hier staat …".
    fn here(&self) -> String {
        let rest = std::str::from_utf8(&self.s[self.i..]).unwrap_or("");
        match rest.chars().next() {
            None => "het einde van het bestand".to_owned(),
            Some(c) if c.is_control() => format!("stuurteken U+{:04X}", c as u32),
            Some(c) => format!("‘{c}’"),
        }
    }

    fn value(&mut self, depth: usize) -> R<Value> {
        match self.peek() {
            None => Err(self.eof()),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.refuse(format!(
                "verwacht een waarde (tekst, getal, lijst, object, true, false of null), maar hier staat {}",
                self.here()
            ))),
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> R<Value> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.refuse(format!(
                "onbekend woord; bedoelt u {word}? (JSON kent alleen true, false en null, in kleine letters)"
            )))
        }
    }

    fn too_deep(&self, depth: usize) -> R<()> {
        if depth > MAX_DEPTH {
            Err(self.refuse(format!(
                "de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus); een keukentafel-bestand is veel platter"
            )))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> R<Value> {
        self.too_deep(depth)?;
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            let index = items.len();
            let v = self.value(depth).map_err(|mut f| {
                f.rev_path.push(Seg::Index(index));
                f
            })?;
            items.push(v);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.eof()),
                Some(_) => {
                    return Err(self.refuse(format!(
                        "verwacht ‘,’ of ‘]’ in een lijst, maar hier staat {}",
                        self.here()
                    )))
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> R<Value> {
        self.too_deep(depth)?;
        self.i += 1;
        let mut map = Map::new();
        // Objects are small; a set is kept only for a large one (a hostile file must not make
        // the duplicate check quadratic).
        let mut seen: Option<std::collections::HashSet<String>> = None;
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.eof()),
                Some(_) => {
                    return Err(self.refuse(format!(
                        "verwacht de naam van een veld tussen aanhalingstekens, maar hier staat {}",
                        self.here()
                    )))
                }
            }
            let key_at = self.i;
            let key = self.string()?;
            let twice = match &mut seen {
                Some(set) => !set.insert(key.clone()),
                None => {
                    let dup = map.contains_key(&key);
                    if map.len() >= 16 {
                        seen = Some(map.keys().map(str::to_owned).chain([key.clone()]).collect());
                    }
                    dup
                }
            };
            if twice {
                return Err(Refusal {
                    pos: key_at,
                    message: format!(
                        "veld ‘{}’ staat er twee keer in; elk veld mag maar één keer voorkomen",
                        quote(&key)
                    ),
                    rev_path: vec![Seg::Key(key)],
                });
            }
            self.ws();
            if self.peek() != Some(b':') {
                return Err(match self.peek() {
                    None => self.eof(),
                    Some(_) => self.refuse(format!(
                        "verwacht ‘:’ na de naam van veld ‘{}’, maar hier staat {}",
                        quote(&key),
                        self.here()
                    )),
                });
            }
            self.i += 1;
            self.ws();
            let v = match self.value(depth) {
                Ok(v) => v,
                Err(mut f) => {
                    f.rev_path.push(Seg::Key(key));
                    return Err(f);
                }
            };
            map.push_unchecked(key, v);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.eof()),
                Some(_) => {
                    return Err(self.refuse(format!(
                        "verwacht ‘,’ of ‘}}’ in een object, maar hier staat {}",
                        self.here()
                    )))
                }
            }
        }
    }

    fn hex4(&mut self) -> R<u32> {
        let Some(h) = self.s.get(self.i..self.i + 4) else {
            return Err(self.eof());
        };
        let text = std::str::from_utf8(h).unwrap_or("");
        match u32::from_str_radix(text, 16) {
            Ok(v) if text.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.i += 4;
                Ok(v)
            }
            _ => Err(self.refuse("na \\u horen vier hexadecimale cijfers (0–9, a–f)")),
        }
    }

    fn string(&mut self) -> R<String> {
        let start_quote = self.i;
        self.i += 1;
        let mut out = String::new();
        let mut run = self.i;
        loop {
            let Some(b) = self.peek() else {
                self.i = start_quote;
                return Err(self.refuse(
                    "een tekst tussen aanhalingstekens wordt niet afgesloten; het bestand houdt onverwacht op",
                ));
            };
            match b {
                b'"' => {
                    out.push_str(self.text(run, self.i));
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text(run, self.i));
                    let esc_at = self.i;
                    self.i += 1;
                    let Some(e) = self.peek() else {
                        return Err(self.eof());
                    };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let lone = |r: &Self, v: u32| {
                                let mut f = r.refuse(format!(
                                    "\\u{v:04x} is een losse helft van een UTF-16-paar (surrogaat) en geen teken"
                                ));
                                f.pos = esc_at;
                                f
                            };
                            if (0xDC00..0xE000).contains(&hi) {
                                return Err(lone(self, hi));
                            }
                            if (0xD800..0xDC00).contains(&hi) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(lone(self, hi));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(lone(self, hi));
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                    .unwrap_or('\u{fffd}')
                            } else {
                                char::from_u32(hi).unwrap_or('\u{fffd}')
                            }
                        }
                        _ => {
                            self.i = esc_at;
                            return Err(self.refuse(format!(
                                "onbekende escape \\{} in een tekst (toegestaan: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                                char::from(e).escape_default()
                            )));
                        }
                    };
                    out.push(c);
                    run = self.i;
                }
                0..=0x1f => {
                    return Err(self.refuse(format!(
                        "een stuurteken (U+{b:04X}, bijvoorbeeld een regeleinde) mag niet letterlijk in een tekst staan; schrijf \\n of \\u{b:04x}"
                    )))
                }
                _ => {
                    // Plain text up to the next quote, backslash or control character at once.
                    let rest = &self.s[self.i..];
                    self.i += rest
                        .iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                        .unwrap_or(rest.len());
                }
            }
        }
    }

    fn text(&self, from: usize, to: usize) -> &str {
        // Cut at ASCII bytes only, so always at character boundaries of the UTF-8 input.
        std::str::from_utf8(&self.s[from..to]).unwrap_or("")
    }

    fn number(&mut self) -> R<Value> {
        let start = self.i;
        let digits = |r: &mut Self| {
            let from = r.i;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.i += 1;
            }
            r.i - from
        };
        let bad = |r: &Self| {
            let end = r.s[start..]
                .iter()
                .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                .map_or(r.s.len(), |n| start + n);
            let mut f = r.refuse(format!(
                "‘{}’ is geen geldig getal in JSON (geen voorloopnullen, geen + vooraf, cijfers na de punt)",
                quote(r.text(start, end))
            ));
            f.pos = start;
            f
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(bad(self));
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(bad(self)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(bad(self));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(bad(self));
            }
        }
        let text = self.text(start, self.i);
        // An integer of up to 308 digits is a finite double; only others need the conversion.
        let integer = !text.contains(['.', 'e', 'E']);
        let fits = (integer && text.len() <= 308) || super::fits_double(text);
        if !fits {
            let mut f = self.refuse(format!(
                "het getal {} is te groot (geen getal in JSON mag groter zijn dan ongeveer 1,8 × 10^308)",
                quote(text)
            ));
            f.pos = start;
            return Err(f);
        }
        Ok(Value::Number(Number::from_text(text.to_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Error {
        parse(text).expect_err(text)
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(
            " {\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\", true, false, null, {}], \"b\": []} ",
        )
        .unwrap();
        let a = v.get("a").unwrap().as_array().unwrap();
        assert_eq!(a[0].as_u64(), Some(1));
        assert_eq!(a[2].as_str(), Some("xé😀"));
        assert_eq!(a[3], Value::Bool(true));
        assert!(a[5].is_null());
        assert_eq!(v.get("b").unwrap().as_array().unwrap().len(), 0);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(
            parse("\u{feff}{\"a\":1}")
                .unwrap()
                .get("a")
                .unwrap()
                .as_u64(),
            Some(1)
        );
        assert!(parse_bytes(b"\xef\xbb\xbf[1]").is_ok());
    }

    #[test]
    fn refusals_are_dutch_and_say_where() {
        let e = refused("{\"a\": {\"b\": [1, 2, tru]}}");
        assert_eq!(e.path, "a.b[2]");
        assert!(
            e.message.starts_with("geen geldige JSON: onbekend woord"),
            "{e}"
        );
        assert!(e.message.contains("regel 1, kolom 20"), "{e}");

        let e = refused("{\"a\": 1, \"a\": 2}");
        assert_eq!(e.path, "a");
        assert!(e.message.contains("veld ‘a’ staat er twee keer in"), "{e}");

        let e = refused("{\"n\": 1e400}");
        assert_eq!(e.path, "n");
        assert!(e.message.contains("het getal 1e400 is te groot"), "{e}");

        let e = refused("[\"\\ud800\"]");
        assert_eq!(e.path, "[0]");
        assert!(e.message.contains("losse helft"), "{e}");
        assert!(refused("\"\\udc00\"").message.contains("losse helft"));
        assert!(refused("\"\\ud800\\u0041\"")
            .message
            .contains("losse helft"));

        let deep = "[".repeat(5000) + &"]".repeat(5000);
        let e = refused(&deep);
        assert!(e.message.contains("te diep genest"), "{e}");
        assert!(parse(&("[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH))).is_ok());

        let e = parse_bytes(b"{\"a\": \"\xff\"}").unwrap_err();
        assert!(e.message.contains("geen UTF-8"), "{e}");

        for (text, part) in [
            ("", "leeg"),
            ("{\"a\": 1", "houdt onverwacht op"),
            ("{\"a\": 1} x", "na het einde"),
            ("{a: 1}", "naam van een veld"),
            ("[01]", "geen geldig getal"),
            ("[1.]", "geen geldig getal"),
            ("[+1]", "verwacht een waarde"),
            ("\"a\nb\"", "stuurteken"),
            ("\"\\x\"", "onbekende escape"),
            ("{\"a\" 1}", "verwacht ‘:’"),
            ("[1 2]", "verwacht ‘,’ of ‘]’"),
            ("\"abc", "niet afgesloten"),
        ] {
            let e = refused(text);
            assert!(e.message.contains(part), "{text}: {e}");
            assert!(e.message.starts_with("geen geldige JSON: "), "{text}: {e}");
        }
    }

    #[test]
    fn a_long_refused_value_is_quoted_short() {
        let text = format!("[{}x]", "1".repeat(5_000_000));
        let e = refused(&text);
        assert!(e.message.len() < 400, "{} bytes", e.message.len());
    }

    #[test]
    fn never_panics_on_any_prefix_or_byte() {
        let base = "{\"a\": [1, \"é\\u00e9\", {\"b\": null}], \"c\": -0.5e-3}";
        for i in 0..base.len() {
            if base.is_char_boundary(i) {
                let _ = parse(&base[..i]);
            }
        }
        for b in 0u8..=255 {
            let mut bytes = base.as_bytes().to_vec();
            bytes[7] = b;
            let _ = parse_bytes(&bytes);
        }
    }
}
