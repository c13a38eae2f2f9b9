//! The bindings to the vault's part of `js/kluis.js` (IndexedDB, the wrapped keys, sealing).

use wasm_bindgen::prelude::*;

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
    #[wasm_bindgen(js_name = ktSha256)]
    pub fn sha256(text: &str) -> js_sys::Promise;
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
    pub fn put_sealed(
        hash: &str,
        kind: &str,
        created: &str,
        jwe: &str,
        owner: &str,
        id: &str,
        route: &str,
        endpoint: &str,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktListSealed)]
    pub fn list_sealed() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktForget)]
    pub fn forget(hash: &str, receipt: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktDeliver)]
    pub fn deliver(force: bool) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktStartDelivery)]
    pub fn start_delivery(on_change: &js_sys::Function, interval_ms: u32);
    #[wasm_bindgen(js_name = ktDeliveryLog)]
    pub fn delivery_log() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktWipeProfessional)]
    pub fn wipe_professional(id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktWipeTablet)]
    pub fn wipe_tablet() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktRemoveLegacyKey)]
    pub fn remove_legacy_key() -> js_sys::Promise;
}

pub use crate::bridge::{done, json, text};
