//! Deserialisation refuses bad input with a Dutch message naming the field path, never panics.

use keukentafel_core::parse::{self, parse_document, ParseError};
use keukentafel_core::*;

const UNDER_12: &str = include_str!("../../../examples/records/valid-under-12.json");

fn err(json: &str) -> ParseError {
    parse_document(json).expect_err("must be refused")
}

fn with(path: &[&str], value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(UNDER_12).unwrap();
    let mut cur = &mut v;
    for (i, key) in path.iter().enumerate() {
        if i + 1 == path.len() {
            cur[*key] = value.clone();
        } else if let Ok(n) = key.parse::<usize>() {
            cur = &mut cur[n];
        } else {
            cur = &mut cur[*key];
        }
    }
    serde_json::to_string(&v).unwrap()
}

#[test]
fn unknown_field_is_refused_with_its_path() {
    let e = err(include_str!(
        "../../../examples/records/malformed-unknown-field.json"
    ));
    assert_eq!(e.path, "client.bsn");
    assert!(e.message.contains("onbekend veld ‘bsn’"), "{e}");
}

#[test]
fn impossible_date_is_refused_with_its_path() {
    let e = err(include_str!(
        "../../../examples/records/malformed-impossible-date.json"
    ));
    assert_eq!(e.path, "client.birthDate");
    assert!(e.message.contains("februari 2016 heeft 29 dagen"), "{e}");
}

#[test]
fn wrong_types_name_the_field() {
    let e = err(&with(&["informing", "explained"], serde_json::json!("ja")));
    assert_eq!(e.path, "informing.explained");
    assert!(e.message.starts_with("verkeerd type"), "{e}");

    let e = err(&with(
        &["consent", "signers", "0", "signature", "strokes"],
        serde_json::json!([[[1.5, 2]]]),
    ));
    assert_eq!(e.path, "consent.signers[0].signature.strokes[0][0][0]");

    let e = err(&with(
        &["consent", "signers", "1", "relationship"],
        serde_json::json!("oom"),
    ));
    assert_eq!(e.path, "consent.signers[1].relationship");
    assert!(e.message.contains("onbekende waarde ‘oom’"), "{e}");
    assert!(e.message.contains("parentWithAuthority"), "{e}");
}

#[test]
fn record_level_errors() {
    let e = err(&with(&["schemaVersion"], serde_json::json!(3)));
    assert_eq!(e.path, "schemaVersion");
    assert!(
        e.message.contains("schemaversie 3 wordt niet ondersteund"),
        "{e}"
    );
    for old_or_new in [1, 2] {
        let text = with(&["schemaVersion"], serde_json::json!(old_or_new));
        let doc = parse_document(&text).expect("versions 1 and 2 are read");
        assert!(matches!(doc, Document::Consent(_)));
    }

    let e = err(&with(&["recordType"], serde_json::json!("brief")));
    assert_eq!(e.path, "recordType");

    let e = err(&with(&["recordId"], serde_json::json!("1234")));
    assert_eq!(e.path, "recordId");

    let e = err("{\"schemaVersion\": 1}");
    assert_eq!(e.path, "recordType");

    let e = err("[1,2]");
    assert!(e.message.contains("JSON-object"), "{e}");

    let e = err("{\"recordType\": \"consent\"");
    assert!(e.message.contains("regel 1"), "{e}");
    assert_dutch(&e);

    let e = err(&format!("{UNDER_12} {{}}"));
    assert!(e.message.contains("geen geldige JSON"), "{e}");

    let v: serde_json::Value = serde_json::from_str(UNDER_12).unwrap();
    let mut o = v.as_object().unwrap().clone();
    o.remove("recordId");
    let e = err(&serde_json::to_string(&o).unwrap());
    assert!(
        e.message.contains("verplicht veld ‘recordId’ ontbreekt"),
        "{e}"
    );
}

#[test]
fn records_round_trip() {
    for json in [
        UNDER_12,
        include_str!("../../../examples/records/valid-withdrawal-after-16.json"),
        include_str!("../../../examples/records/valid-request-rejected.json"),
    ] {
        let doc = parse_document(json).unwrap();
        let again = parse_document(&parse::to_json_pretty(&doc)).unwrap();
        assert_eq!(doc, again);
    }
}

#[test]
fn the_landsmeer_profile_loads() {
    let p = Profile::landsmeer();
    assert_eq!(p.municipality, "Gemeente Landsmeer");
    assert_eq!(p.profile_id, "landsmeer-2016");
    assert_eq!(p.retention_years, 5);
    assert_eq!(p.special_categories, SpecialCategory::ALL.to_vec());
    assert!(p.partners.len() >= 5);
    assert!(p
        .contacts
        .objection_municipality
        .contains("College van B&W van Landsmeer"));
    let mut ids: Vec<_> = p.partners.iter().map(|x| x.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), p.partners.len(), "partner ids are unique");
}

#[test]
fn record_ids_are_v4_uuids() {
    let id = RecordId::from_random_bytes([0xff; 16]);
    assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert!(RecordId::parse(id.as_str()).is_ok());
    assert!(RecordId::parse("FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF").is_err());
}

/// Words of serde's or serde_json's English messages: none may reach a user.
const ENGLISH: &[&str] = &[
    "expected",
    "invalid",
    "missing",
    "unknown",
    "recursion",
    "number out of range",
    "at line",
    "column",
    "EOF",
    "trailing",
    "surrogate",
    "utf-8",
    "duplicate",
];

fn assert_dutch(e: &ParseError) {
    let lower = e.message.to_lowercase();
    for w in ENGLISH {
        // "UTF-8" appears in Dutch messages too, written in capitals.
        if *w == "utf-8" && e.message.contains("UTF-8") {
            continue;
        }
        assert!(!lower.contains(w), "English ‘{w}’ in: {e}");
    }
}

#[test]
fn every_refusal_is_dutch_names_the_field_and_quotes_little() {
    let deep = format!(
        "{{\"schemaVersion\":1,\"recordType\":\"consent\",\"client\":{{\"name\":{}1{}}}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let huge = with(
        &["client", "name"],
        serde_json::json!({"x": "y".repeat(5_000_000)}),
    );
    let cases: Vec<(String, &str, &str)> = vec![
        (
            deep,
            "client.name[0][0][0][0][0][0][0][0][0][0][0][0][0][0]…",
            "te diep genest",
        ),
        (
            UNDER_12.replacen("\"schemaVersion\": 1", "\"schemaVersion\": 1e400", 1),
            "schemaVersion",
            "te groot",
        ),
        (
            UNDER_12.replacen("\"Noor Bakker\"", "\"\\ud800\"", 1),
            "client.name",
            "losse helft",
        ),
        (
            with(&["client", "dossierReference"], serde_json::json!(5)),
            "client.dossierReference",
            "verwacht tekst",
        ),
        (
            with(
                &["consent", "signers", "0", "date"],
                serde_json::json!("gisteren"),
            ),
            "consent.signers[0].date",
            "gisteren",
        ),
        (
            with(&["assent", "outcome"], serde_json::json!("misschien")),
            "assent.outcome",
            "onbekende waarde ‘misschien’",
        ),
        (
            with(
                &["representation", "representatives"],
                serde_json::json!({}),
            ),
            "representation.representatives",
            "verwacht een lijst",
        ),
        (huge, "client.name", "verwacht tekst"),
        (
            with(
                &["client", "birthDate"],
                serde_json::json!("x".repeat(1_000_000)),
            ),
            "client.birthDate",
            "JJJJ-MM-DD",
        ),
        (
            with(&["recordId"], serde_json::json!("z".repeat(1_000_000))),
            "recordId",
            "geen geldige record-id",
        ),
    ];
    for (text, path, part) in cases {
        let e = err(&text);
        assert_eq!(e.path, path, "{e}");
        assert!(e.message.contains(part), "{e}");
        assert_dutch(&e);
        assert!(
            e.message.chars().count() < 400,
            "{} characters: {}",
            e.message.len(),
            &e.message[..200]
        );
    }
    // Invalid UTF-8 in a file.
    let mut bytes = UNDER_12.as_bytes().to_vec();
    let at = UNDER_12.find("Noor").unwrap();
    bytes[at] = 0xff;
    let e = parse::parse_document_bytes(&bytes).unwrap_err();
    assert!(e.message.contains("geen UTF-8"), "{e}");
    assert_dutch(&e);
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let with_bom = format!("\u{feff}{UNDER_12}");
    assert_eq!(
        parse_document(&with_bom).unwrap(),
        parse_document(UNDER_12).unwrap()
    );
    let mut bytes = vec![0xef, 0xbb, 0xbf];
    bytes.extend_from_slice(UNDER_12.as_bytes());
    assert!(parse::parse_document_bytes(&bytes).is_ok());
}
