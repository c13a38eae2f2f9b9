//! RFC 8785 test vectors: numbers (Appendix B), key order and string escaping (§3.2).

use keukentafel_core::jcs::{canonicalize, is_canonical_text, number};
use keukentafel_core::json::{self, Value};
use proptest::prelude::*;

#[test]
fn rfc8785_appendix_b_numbers() {
    let vectors: &[(u64, &str)] = &[
        (0x0000000000000000, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ];
    for (bits, want) in vectors {
        assert_eq!(number(f64::from_bits(*bits)), *want, "{bits:016x}");
    }
}

#[test]
fn rfc8785_section_3_2_example() {
    let input = r#"{
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
    }"#;
    let v: Value = json::parse(input).unwrap();
    assert_eq!(
        canonicalize(&v),
        r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
    );
}

#[test]
fn rfc8785_property_sorting_by_utf16_code_units() {
    let input = r#"{
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\ud83d\ude00": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"
    }"#;
    let v: Value = json::parse(input).unwrap();
    let out = canonicalize(&v);
    let order: Vec<&str> = ["\\r", "1", "\u{80}", "ö", "€", "😀", "\u{fb33}"].to_vec();
    let mut last = 0;
    for k in order {
        let pos = out
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k} missing in {out}"));
        assert!(pos >= last, "{k} out of order in {out}");
        last = pos;
    }
    // UTF-8 byte order would put U+FB33 before the emoji; UTF-16 puts the surrogate first.
    assert!(out.find("😀").unwrap() < out.find('\u{fb33}').unwrap());
}

#[test]
fn nested_structures_and_escapes() {
    let v: Value =
        json::parse(r#"{"b":[{"z":1,"a":{"d":true,"c":null}}],"a":"\u0000\u001f\t\b\f"}"#).unwrap();
    assert_eq!(
        canonicalize(&v),
        r#"{"a":"\u0000\u001f\t\b\f","b":[{"a":{"c":null,"d":true},"z":1}]}"#
    );
}

#[test]
fn records_are_canonical_after_a_round_trip() {
    let text = include_str!("../../../examples/records/valid-12-to-15.json");
    let doc = keukentafel_core::parse::parse_document(text).unwrap();
    let c = keukentafel_core::jcs::to_canonical(&doc).unwrap();
    let again = keukentafel_core::parse::parse_document(&c).unwrap();
    assert_eq!(doc, again);
    assert_eq!(
        keukentafel_core::jcs::to_canonical(&again).unwrap(),
        c,
        "idempotent"
    );
}

proptest::proptest! {
    #[test]
    fn numbers_round_trip(bits in proptest::prelude::any::<u64>()) {
        let f = f64::from_bits(bits);
        if f.is_finite() {
            let s = number(f);
            let back: f64 = s.parse().unwrap();
            proptest::prop_assert_eq!(back, if f == 0.0 { 0.0 } else { f }, "{}", s);
        }
    }
}

/// The definition the one-pass check must agree with: parse, canonicalise, compare.
fn canonical_by_value(s: &str) -> bool {
    json::parse(s).is_ok_and(|v| canonicalize(&v) == s)
}

#[test]
fn canonical_text_check_on_hand_made_cases() {
    let cases: &[(&str, bool)] = &[
        (r#"{"a":1,"b":[true,false,null],"c":"x"}"#, true),
        (r#"{"b":1,"a":2}"#, false), // unsorted
        (r#"{"a":1,"a":1}"#, false), // duplicate member
        (r#"{"a": 1}"#, false),      // whitespace
        (r#"{"a":1.0}"#, false),     // not the shortest number
        (r#"{"a":-0}"#, false),      // minus zero is written 0
        (r#"{"a":1e+30,"b":0.002}"#, true),
        (r#"{"a":1E30}"#, false),
        (r#"{"a":"\/"}"#, false),     // needless escape
        (r#"{"a":"\u0041"}"#, false), // A needs no escape
        (r#"{"a":"\u000a"}"#, false), // \n has a short form
        (r#"{"a":"\u001f\n\"\\"}"#, true),
        (r#"{"a":"\u001F"}"#, false), // upper-case hex
        (r#"{"\r":1,"1":2}"#, true),  // keys compare decoded: CR (U+000D) before "1"
        (r#"{"1":1,"\r":2}"#, false),
        ("{\"😀\":1,\"\u{fb33}\":2}", true), // UTF-16 order, not UTF-8 order
        ("{\"\u{fb33}\":1,\"😀\":2}", false),
        ("\"a\u{1}\"", false), // raw control character
        ("[1,2]x", false),
        ("", false),
        ("{", false),
        ("9007199254740993", false), // not what a double holds
        ("9007199254740992", true),
        ("-5", true),
        ("05", false),
        ("-05", false),
    ];
    for (text, want) in cases {
        assert_eq!(is_canonical_text(text), *want, "{text}");
        assert_eq!(
            canonical_by_value(text),
            *want,
            "reference disagrees on {text}"
        );
    }
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert!(!is_canonical_text(&deep), "deeper than the reader reads");
    assert!(!canonical_by_value(&deep));
}

#[test]
fn canonical_text_check_on_records() {
    for name in [
        "valid-under-12",
        "valid-12-to-15",
        "valid-16-plus",
        "valid-incapable-mentor",
        "valid-request-rejected",
        "valid-withdrawal-after-16",
    ] {
        let path = format!(
            "{}/../../examples/records/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let v: Value = json::parse(&text).unwrap();
        let c = canonicalize(&v);
        assert!(is_canonical_text(&c), "{name}");
        assert_eq!(is_canonical_text(&text), text == c, "{name} as written");
        let (_, canonical) = keukentafel_core::parse::parse_document_canonical(&c).unwrap();
        assert!(canonical);
        let (_, canonical) = keukentafel_core::parse::parse_document_canonical(&text).unwrap();
        assert_eq!(canonical, text == c);
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| Value::from(i64::from(n))),
        (-1e6f64..1e6).prop_map(|f| json::to_value(&f).unwrap()),
        "[a-c\\\\\"\u{0}-\u{1f}é€😀\u{fb33}/]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map("[a-c\r😀\u{fb33}é]{0,3}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The one-pass check agrees with parse-canonicalise-compare on canonical text and on
    /// small corruptions of it (inserted, removed or replaced bytes).
    #[test]
    fn canonical_text_check_agrees_with_the_definition(
        v in json_value(),
        at in any::<prop::sample::Index>(),
        edit in 0..4u8,
        byte in prop::sample::select(b" ,:{}[]\"\\ue0123456789.-+Ea\r\n".to_vec()),
    ) {
        let c = canonicalize(&v);
        prop_assert!(is_canonical_text(&c), "{}", c);
        let mut b = c.clone().into_bytes();
        let i = at.index(b.len() + 1);
        match edit {
            0 => b.insert(i, byte),
            1 if i < b.len() => {
                b.remove(i);
            }
            2 if i < b.len() => b[i] = byte,
            _ => b.insert(i, b' '),
        }
        if let Ok(s) = String::from_utf8(b) {
            prop_assert_eq!(is_canonical_text(&s), canonical_by_value(&s), "{}", s);
        }
    }
}
