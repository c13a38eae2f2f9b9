//! What the receiver logs, one JSON line per event on standard error: who (the key and the
//! professional), what (the record's hash and kind, the outcome), when. Never client data: no
//! names of clients, no dossier references, no record contents.

use keukentafel_core::json::{Map, Value};

/// One log line: the time, the event, and its fields.
pub fn line(event: &str, fields: &[(&str, &str)]) -> String {
    let mut m = Map::new();
    m.insert(
        "time".to_owned(),
        crate::clock::rfc3339(std::time::SystemTime::now()),
    );
    m.insert("event".to_owned(), event);
    for (k, v) in fields {
        m.insert((*k).to_owned(), *v);
    }
    Value::Object(m).to_text()
}
