//! Writing a [`Value`] as text: compact (members in their order), pretty (two-space indent),
//! and canonical (RFC 8785: members sorted by UTF-16 code units, numbers as ECMAScript prints
//! them) — the bytes that are signed.

use super::{Number, Value};

impl Value {
    /// Compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, None, 0);
        out
    }

    /// Indented JSON text, two spaces per level.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, Some(2), 0);
        out
    }

    /// The canonical form (RFC 8785).
    pub fn canonical(&self) -> String {
        let mut out = String::new();
        canonical(&mut out, self);
        out
    }
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(n) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', n * level));
    }
}

fn write(out: &mut String, v: &Value, indent: Option<usize>, level: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) => string(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write(out, x, indent, level + 1);
            }
            if !a.is_empty() {
                newline(out, indent, level);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                string(out, k);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write(out, x, indent, level + 1);
            }
            if !m.is_empty() {
                newline(out, indent, level);
            }
            out.push('}');
        }
    }
}

fn canonical(out: &mut String, v: &Value) {
    match v {
        Value::Number(n) => out.push_str(&canonical_number(n)),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            let mut members: Vec<(&str, usize, &Value)> =
                m.iter().enumerate().map(|(i, (k, v))| (k, i, v)).collect();
            // Usually the members are already in this order: then there is nothing to sort.
            if !members
                .windows(2)
                .all(|w| crate::jcs::utf16_cmp(w[0].0, w[1].0).is_lt())
            {
                // By name, then by place (so the order is total, as a stable sort's would be).
                heap_sort(&mut members, |a, b| {
                    crate::jcs::utf16_cmp(a.0, b.0).then(a.1.cmp(&b.1)).is_lt()
                });
            }
            out.push('{');
            for (i, (k, _, x)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, k);
                out.push(':');
                canonical(out, x);
            }
            out.push('}');
        }
        other => write(out, other, None, 0),
    }
}

/// A number as ECMAScript prints the double it denotes; integers a double holds exactly (all a
/// record has) are their own form already.
fn canonical_number(n: &Number) -> String {
    let t = n.as_str();
    let digits = t.strip_prefix('-').unwrap_or(t);
    if (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        if digits.bytes().all(|b| b == b'0') {
            return "0".to_owned();
        }
        return t.to_owned();
    }
    #[cfg(feature = "floats")]
    {
        crate::jcs::number(n.as_f64())
    }
    // Without exact float printing (the browser bundle: records hold only integers) a number
    // with a fraction keeps the text it was read with.
    #[cfg(not(feature = "floats"))]
    {
        t.to_owned()
    }
}

/// A JSON string: escapes for the quote, the backslash and control characters only (the
/// canonical form's escaping, RFC 8785 §3.2.2.2).
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    // Runs of characters that need no escape are written in one piece.
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Sorts by `less` in place: a heap sort, O(n log n) at worst (an object can have many members)
/// and a few dozen bytes of code — the library's sort is a few KB of generic code in the
/// browser bundle, for the one place that sorts.
fn heap_sort<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heap_sort_sorts_as_the_library_does(mut v in proptest::collection::vec(any::<(u8, u16)>(), 0..300)) {
            let mut expected = v.clone();
            expected.sort();
            super::heap_sort(&mut v, |a, b| a < b);
            prop_assert_eq!(v, expected);
        }
    }

    use super::super::parse;

    #[test]
    fn writes_compact_pretty_and_canonical() {
        let v =
            parse(r#"{"b": [1, {"x": "é\n"}], "a": null, "c": -0, "d": 1.50, "e": 1E3}"#).unwrap();
        assert_eq!(
            v.to_text(),
            r#"{"b":[1,{"x":"é\n"}],"a":null,"c":-0,"d":1.50,"e":1E3}"#
        );
        assert_eq!(
            v.canonical(),
            r#"{"a":null,"b":[1,{"x":"é\n"}],"c":0,"d":1.5,"e":1000}"#
        );
        assert_eq!(
            parse(r#"{"a": [1, 2], "b": {}, "c": []}"#)
                .unwrap()
                .to_pretty(),
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}"
        );
        let text = parse("\"\\u0001\\u001f\\\"\\\\\"").unwrap().to_text();
        assert_eq!(text, "\"\\u0001\\u001f\\\"\\\\\"");
    }
}
