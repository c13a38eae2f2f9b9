//! The checked-in JSON Schema must equal the one generated from the Rust types,
//! and the codes must equal those of RULES.md.

use keukentafel_core::{rules::Code, Severity};

const SCHEMA_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../schema/record.schema.json"
);

#[test]
fn checked_in_schema_matches_the_types() {
    let generated = keukentafel_core::schema::record_schema_pretty();
    if std::env::var_os("KEUKENTAFEL_BLESS").is_some() {
        std::fs::write(SCHEMA_FILE, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema/record.schema.json is out of date with the Rust types; \
         run `KEUKENTAFEL_BLESS=1 cargo test -p keukentafel-core --test schema` and review the diff"
    );
}

#[test]
fn schema_describes_what_the_parser_enforces() {
    let s = keukentafel_core::schema::record_schema();
    let text = s.to_string();
    // Unknown fields are refused by both.
    assert!(text.contains("\"additionalProperties\":false"));
    for field in [
        "schemaVersion",
        "recordType",
        "recordId",
        "birthDate",
        "signers",
        "keepUntil",
        "withdrawn",
        "partnersInformed",
    ] {
        assert!(text.contains(field), "{field} missing from schema");
    }
}

/// Codes and severities as written in RULES.md: lines like "- `CODE` (error): …".
fn rules_md_codes(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix("- `")?;
            let (code, rest) = rest.split_once('`')?;
            let sev = rest.trim_start().strip_prefix('(')?.split(')').next()?;
            Some((code.to_owned(), sev.to_owned()))
        })
        .collect()
}

#[test]
fn codes_equal_rules_md() {
    let vendored = include_str!("../../../docs/protocol/RULES.md");
    let listed = rules_md_codes(vendored);
    assert_eq!(listed.len(), Code::ALL.len(), "{listed:?}");
    for (code, sev) in &listed {
        let c = Code::from_code(code)
            .unwrap_or_else(|| panic!("{code} of RULES.md is not implemented"));
        let want = if sev == "error" {
            Severity::Error
        } else {
            Severity::Warning
        };
        assert_eq!(c.severity(), want, "{code}");
    }
    // The vendored copy must equal the project's shared copy when it is present beside the repo.
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/protocol/RULES.md"
    );
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(
            text, vendored,
            "docs/protocol/RULES.md differs from shared/protocol/RULES.md"
        );
    }
}
