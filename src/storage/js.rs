//! The bindings to `js/kluis.js` (WebCrypto and IndexedDB), and turning its answers into Rust:
//! JSON text read by the core's reader, failures as Dutch messages.

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/kluis.js")]
extern "C" {
    #[wasm_bindgen(js_name = ktVaultState)]
    pub fn vault_state() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktEnrol)]
    pub fn enrol(name: &str, secret: &str, kind: &str, iterations: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktUnlock)]
    pub fn unlock(id: &str, secret: &str, max_attempts: u8) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSession)]
    pub fn session() -> String;
    #[wasm_bindgen(js_name = ktLock)]
    pub fn lock();
    #[wasm_bindgen(js_name = ktChangeSecret)]
    pub fn change_secret(old: &str, new: &str, kind: &str, iterations: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktPut)]
    pub fn put(kind: &str, id: &str, rev: f64, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktGet)]
    pub fn get(kind: &str, id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktList)]
    pub fn list(kind: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktDelete)]
    pub fn delete(kind: &str, id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktOnChange)]
    pub fn on_change(f: &js_sys::Function);
    #[wasm_bindgen(js_name = ktSign)]
    pub fn sign(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSha256)]
    pub fn sha256(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSha256B64)]
    pub fn sha256_b64(data: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktVerify)]
    pub fn verify(jwk: &str, text: &str, signature: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktEphemeral)]
    pub fn ephemeral() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSeal)]
    pub fn seal(
        handle: f64,
        recipient: &str,
        protected_b64: &str,
        other_info_b64: &str,
        plaintext: &str,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktPutSealed)]
    pub fn put_sealed(hash: &str, kind: &str, created: &str, jwe: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktListSealed)]
    pub fn list_sealed() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktDeleteSealed)]
    pub fn delete_sealed(hash: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktLogDelivered)]
    pub fn log_delivered(hash: &str, kind: &str, date: &str, receipt: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktDeliveryLog)]
    pub fn delivery_log() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktWipeProfessional)]
    pub fn wipe_professional(id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktWipeTablet)]
    pub fn wipe_tablet() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktRemoveLegacyKey)]
    pub fn remove_legacy_key() -> js_sys::Promise;
}

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

pub(super) fn failure(e: JsValue) -> JsFailure {
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
