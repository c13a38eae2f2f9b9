//! JSON Schema of the record types, generated from the Rust types.
//! The checked-in copy (`schema/record.schema.json`) is compared with this by a test.

use crate::model::{ConsentRecord, RequestRecord, WithdrawalRecord};

/// The schema of any keukentafel record: one of the three record types.
pub fn record_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code, clippy::large_enum_variant)]
    #[schemars(
        title = "keukentafel record",
        description = "Een record van keukentafel: toestemming (consent), intrekking (withdrawal) of verzoek van betrokkene (request). Zie docs/FORMAT.md."
    )]
    #[serde(untagged)]
    enum KeukentafelRecord {
        Consent(ConsentRecord),
        Withdrawal(WithdrawalRecord),
        Request(RequestRecord),
    }
    let mut schema = generator.into_root_schema_for::<KeukentafelRecord>();
    schema.insert(
        "$id".into(),
        "https://keukentafel.invalid/schema/record.schema.json".into(),
    );
    schema.to_value()
}

/// Pretty JSON with a final newline, as checked in.
pub fn record_schema_pretty() -> String {
    let mut s = serde_json::to_string_pretty(&record_schema()).unwrap_or_default();
    s.push('\n');
    s
}
