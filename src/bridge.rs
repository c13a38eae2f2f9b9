//! From a JavaScript promise to Rust: JSON text read by the core's reader, failures as Dutch
//! messages (the browser's own errors, which are English or empty, are never shown as they are).

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A failure from the browser: its Dutch message and the kind (`Error.name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsFailure {
    pub name: String,
    pub message: String,
}

impl std::fmt::Display for JsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

pub fn failure(e: JsValue) -> JsFailure {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => {
            let name = String::from(err.name());
            // kluis.js throws plain Errors (or its own names) with Dutch messages; the
            // browser's own (a WebCrypto DataError, a TypeError) have English or no text.
            let ours = name == "Error" || !name.ends_with("Error");
            JsFailure {
                message: if ours {
                    String::from(err.message())
                } else if name == "QuotaExceededError" {
                    "De opslag van deze browser is vol.".to_owned()
                } else {
                    format!("De browser kon deze bewerking niet uitvoeren ({name}).")
                },
                name,
            }
        }
        None => JsFailure {
            name: String::new(),
            message: e
                .as_string()
                .unwrap_or_else(|| "De browser kon deze bewerking niet uitvoeren.".to_owned()),
        },
    }
}

/// Awaits a promise that resolves to nothing of interest.
pub async fn done(p: js_sys::Promise) -> Result<(), JsFailure> {
    JsFuture::from(p).await.map(|_| ()).map_err(failure)
}

/// Awaits a promise that resolves to text (or null: `None`).
pub async fn text(p: js_sys::Promise) -> Result<Option<String>, JsFailure> {
    JsFuture::from(p)
        .await
        .map(|v| v.as_string())
        .map_err(failure)
}

/// Awaits a promise that resolves to JSON text, read into `T`.
pub async fn json<T: DeserializeOwned>(p: js_sys::Promise) -> Result<T, JsFailure> {
    let t = text(p).await?.unwrap_or_default();
    keukentafel_core::json::from_str(&t).map_err(|e| JsFailure {
        name: "Damaged".into(),
        message: format!("Onverwacht antwoord van de browser ({e})."),
    })
}
