//! JSON Canonicalization Scheme (RFC 8785): the deterministic bytes that are signed.

use serde_json::Value;
use std::fmt::Write;

/// The canonical form of a JSON value.
pub fn canonicalize(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v);
    out
}

/// The canonical bytes of any serialisable value (a record).
pub fn to_canonical<T: serde::Serialize>(v: &T) -> Result<String, serde_json::Error> {
    Ok(canonicalize(&serde_json::to_value(v)?))
}

fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let f = n.as_f64().unwrap_or(0.0);
            out.push_str(&number(f));
        }
        Value::String(s) => string(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, x);
            }
            out.push(']');
        }
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            // Sorted by UTF-16 code units (RFC 8785 §3.2.3).
            keys.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, k);
                out.push(':');
                write_value(out, &o[k]);
            }
            out.push('}');
        }
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Shortest round-trip decimal digits and exponent of a positive finite double, with the
/// ECMAScript tie rule: of two equally near shortest candidates, the even one.
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
pub fn number(f: f64) -> String {
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
