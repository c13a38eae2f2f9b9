//! RFC 8785 test vectors: numbers (Appendix B), key order and string escaping (§3.2).

use keukentafel_core::jcs::{canonicalize, number};
use serde_json::Value;

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
    let v: Value = serde_json::from_str(input).unwrap();
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
    let v: Value = serde_json::from_str(input).unwrap();
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
        serde_json::from_str(r#"{"b":[{"z":1,"a":{"d":true,"c":null}}],"a":"\u0000\u001f\t\b\f"}"#)
            .unwrap();
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
