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
    let e = err(&with(&["schemaVersion"], serde_json::json!(2)));
    assert_eq!(e.path, "schemaVersion");
    assert!(
        e.message.contains("schemaversie 2 wordt niet ondersteund"),
        "{e}"
    );

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

/// The browser build reads without `paths` and finds the path from the error's position
/// (`parse::path_at`); on every refused document here it must name the same field.
#[test]
fn the_path_from_the_position_equals_the_tracked_path() {
    let dir = format!("{}/../../examples/records", env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let base: serde_json::Value = serde_json::from_str(UNDER_12).unwrap();
    let mutate = |path: &[&str], v: serde_json::Value| with(path, v);
    texts.push(mutate(&["client", "bsn"], "123".into()));
    texts.push(mutate(&["client", "birthDate"], "2010-02-30".into()));
    texts.push(mutate(&["informing", "explained"], "ja".into()));
    texts.push(mutate(&["schemaVersion"], 7.into()));
    texts.push(mutate(
        &["consent", "signers", "1", "relationship"],
        "oom".into(),
    ));
    texts.push(mutate(
        &["consent", "signers", "0", "signature", "strokes"],
        serde_json::json!([[[1.5, 2]]]),
    ));
    texts.push(mutate(
        &["client", "name"],
        serde_json::json!({"a": [1, "}"]}),
    ));
    let mut compact = base.clone();
    compact["consent"]["signers"][0]["signature"]["strokes"] = serde_json::json!([[[1, 2, "x"]]]);
    texts.push(compact.to_string());
    texts.push(serde_json::to_string_pretty(&compact).unwrap());
    let mut checked = 0;
    for text in &texts {
        let Err(tracked) = parse::parse_with_path::<ConsentRecord>(text) else {
            continue;
        };
        let e = serde_json::from_str::<ConsentRecord>(text).unwrap_err();
        if e.classify() != serde_json::error::Category::Data {
            continue;
        }
        assert_eq!(
            parse::path_at(text, e.line(), e.column()),
            tracked.path,
            "{}",
            tracked.message
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} cases");
}
