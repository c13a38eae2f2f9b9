//! JSON Canonicalization Scheme (RFC 8785): the deterministic bytes that are signed.
//! Values are written canonically by [`crate::json::Value::canonical`]; this module holds the
//! number form, the member order and the one-pass check the verifier asks of every payload.

use crate::json::Value;

/// The canonical form of a JSON value.
pub fn canonicalize(v: &Value) -> String {
    v.canonical()
}

/// Whether `text` is JSON in its own canonical form (RFC 8785): the same answer as parsing it
/// and comparing [`canonicalize`] of the value with the text, in one pass over the bytes without
/// building the value. The verifier asks this of every payload.
pub fn is_canonical_text(text: &str) -> bool {
    let mut c = CanonicalCheck { s: text, i: 0 };
    c.value(0) && c.i == text.len()
}

/// The reader's nesting limit: deeper text is no JSON value for us either.
const MAX_DEPTH: usize = 128; // as the reader (crate::json::MAX_DEPTH)

/// Bytes that end a run of plain text inside a string: quote, backslash, control characters.
const STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

struct CanonicalCheck<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> CanonicalCheck<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let ok = self.peek() == Some(b);
        self.i += usize::from(ok);
        ok
    }

    fn value(&mut self, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().is_some(),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => false,
        }
    }

    fn literal(&mut self, word: &str) -> bool {
        let ok = self.s[self.i..].starts_with(word);
        if ok {
            self.i += word.len();
        }
        ok
    }

    fn object(&mut self, depth: usize) -> bool {
        self.i += 1;
        if self.eat(b'}') {
            return true;
        }
        let mut previous: Option<std::borrow::Cow<'a, str>> = None;
        loop {
            let Some(key) = self.string() else {
                return false;
            };
            // Members strictly ascending: sorted, and no name twice.
            if previous
                .as_deref()
                .is_some_and(|p| utf16_cmp(p, &key).is_ge())
            {
                return false;
            }
            if !self.eat(b':') || !self.value(depth + 1) {
                return false;
            }
            if self.eat(b'}') {
                return true;
            }
            if !self.eat(b',') {
                return false;
            }
            previous = Some(key);
        }
    }

    fn array(&mut self, depth: usize) -> bool {
        self.i += 1;
        if self.eat(b']') {
            return true;
        }
        loop {
            if !self.value(depth + 1) {
                return false;
            }
            if self.eat(b']') {
                return true;
            }
            if !self.eat(b',') {
                return false;
            }
        }
    }

    /// A string written exactly as [`canonicalize`] writes it; its content, if so.
    fn string(&mut self) -> Option<std::borrow::Cow<'a, str>> {
        if !self.eat(b'"') {
            return None;
        }
        let bytes = self.s.as_bytes();
        let start = self.i;
        let mut decoded: Option<String> = None;
        let mut run = start;
        loop {
            let b = *bytes.get(self.i)?;
            match b {
                b'"' => {
                    let content = match decoded {
                        None => std::borrow::Cow::Borrowed(&self.s[start..self.i]),
                        Some(mut d) => {
                            d.push_str(&self.s[run..self.i]);
                            std::borrow::Cow::Owned(d)
                        }
                    };
                    self.i += 1;
                    return Some(content);
                }
                b'\\' => {
                    let d = decoded.get_or_insert_with(String::new);
                    d.push_str(&self.s[run..self.i]);
                    let (c, len) = match *bytes.get(self.i + 1)? {
                        b'"' => ('"', 2),
                        b'\\' => ('\\', 2),
                        b'b' => ('\u{8}', 2),
                        b'f' => ('\u{c}', 2),
                        b'n' => ('\n', 2),
                        b'r' => ('\r', 2),
                        b't' => ('\t', 2),
                        // Only control characters without a short form, in lower-case hex.
                        b'u' => {
                            let hex = bytes.get(self.i + 2..self.i + 6)?;
                            let lower = |h: u8| matches!(h, b'0'..=b'9' | b'a'..=b'f');
                            if &hex[..2] != b"00" || !lower(hex[2]) || !lower(hex[3]) {
                                return None;
                            }
                            let v = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                            if v >= 0x20 || matches!(v, 0x8 | 0x9 | 0xa | 0xc | 0xd) {
                                return None;
                            }
                            (char::from_u32(v)?, 6)
                        }
                        _ => return None,
                    };
                    d.push(c);
                    self.i += len;
                    run = self.i;
                }
                0..=0x1f => return None,
                // Plain text up to the next quote, backslash or control character at once.
                _ => {
                    self.i += bytes[self.i..]
                        .iter()
                        .position(|&b| STOPS[usize::from(b)])
                        .unwrap_or(bytes.len() - self.i)
                }
            }
        }
    }

    fn number(&mut self) -> bool {
        let rest = &self.s.as_bytes()[self.i..];
        let len = rest
            .iter()
            .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .unwrap_or(rest.len());
        let token = &self.s[self.i..self.i + len];
        self.i += len;
        // Integers a double holds exactly are their own form: no leading zero, no minus zero.
        let digits = token.strip_prefix('-').unwrap_or(token);
        if (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            return !(digits.starts_with('0') && (digits.len() > 1 || token.starts_with('-')));
        }
        // Otherwise equal to its own ECMAScript form (which is valid JSON grammar) and finite.
        fraction_is_canonical(token)
    }
}

/// The order of member names: by UTF-16 code units (RFC 8785 §3.2.3). Byte order is the same
/// unless a character from U+E000 up is involved (UTF-8 lead byte 0xEE and above).
pub(crate) fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.bytes().chain(b.bytes()).any(|x| x >= 0xEE) {
        a.encode_utf16().cmp(b.encode_utf16())
    } else {
        a.cmp(b)
    }
}

/// The canonical bytes of any serialisable value (a record).
pub fn to_canonical<T: serde::Serialize>(v: &T) -> Result<String, crate::json::Error> {
    Ok(crate::json::to_value(v)?.canonical())
}

#[cfg(feature = "floats")]
fn fraction_is_canonical(token: &str) -> bool {
    token
        .parse::<f64>()
        .is_ok_and(|f| f.is_finite() && number(f) == token)
}

/// Without exact float printing (the browser bundle) a number with a fraction is not taken for
/// canonical; no record holds one.
#[cfg(not(feature = "floats"))]
fn fraction_is_canonical(_: &str) -> bool {
    false
}

/// Shortest round-trip decimal digits and exponent of a positive finite double, with the
/// ECMAScript tie rule: of two equally near shortest candidates, the even one.
#[cfg(feature = "floats")]
fn shortest_digits(a: f64) -> (String, i32) {
    let split = |s: &str| -> (String, i32) {
        let (m, e) = s.split_once('e').unwrap_or((s, "0"));
        (
            m.chars().filter(|c| c.is_ascii_digit()).collect(),
            e.parse().unwrap_or(0),
        )
    };
    // Rust's `{:e}` gives the shortest round-trip digits.
    let (mut digits, exp) = split(&format!("{a:e}"));
    // The exact decimal expansion tells whether the value lies exactly halfway.
    let (exact, exact_exp) = split(&format!("{a:.1100e}"));
    let k = digits.len();
    if exact_exp == exp && exact.len() > k {
        let rest = &exact[k..];
        let tie = rest.starts_with('5') && rest[1..].bytes().all(|b| b == b'0');
        if tie {
            let low = exact[..k].to_owned();
            let last = low.as_bytes()[k - 1] - b'0';
            if last.is_multiple_of(2) {
                digits = low;
            } else if last < 9 {
                let mut high = low.into_bytes();
                high[k - 1] += 1;
                digits = String::from_utf8(high).unwrap_or(digits);
            }
        }
    }
    (digits, exp)
}

/// ECMAScript `Number.prototype.toString` for a finite double (RFC 8785 §3.2.2.3).
#[cfg(feature = "floats")]
pub fn number(f: f64) -> String {
    use std::fmt::Write;
    if f == 0.0 || !f.is_finite() {
        return "0".to_owned();
    }
    // Fast path: integers that doubles hold exactly (all numbers in a keukentafel record).
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        return format!("{}", f as i64);
    }
    let neg = f < 0.0;
    let (digits, exp) = shortest_digits(f.abs());
    let k = digits.len() as i32;
    let n = exp + 1;
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if k <= n && n <= 21 {
        s.push_str(&digits);
        s.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        s.push_str(&digits[..n as usize]);
        s.push('.');
        s.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', (-n) as usize));
        s.push_str(&digits);
    } else {
        s.push_str(&digits[..1]);
        if k > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        s.push('e');
        s.push(if n > 0 { '+' } else { '-' });
        let _ = write!(s, "{}", (n - 1).abs());
    }
    s
}

/// Without the `floats` feature: integers a double holds exactly in their own form, anything
/// else as Rust prints the integer part (no record holds a fraction).
#[cfg(not(feature = "floats"))]
pub fn number(f: f64) -> String {
    if f == 0.0 || !f.is_finite() {
        return "0".to_owned();
    }
    format!("{}", f as i64)
}
