//! The cryptography of `js/kluis.js` outside the vault's bookkeeping: signing with the unlocked
//! professional's key, hashing, verifying another's signature, a key's thumbprint.

use crate::bridge::{self, JsFailure};
use keukentafel_core::jws::PublicJwk;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/kluis.js")]
extern "C" {
    #[wasm_bindgen(js_name = ktSign)]
    fn kt_sign(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSha256)]
    fn kt_sha256(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSha256B64)]
    fn kt_sha256_b64(data: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktVerify)]
    fn kt_verify(jwk: &str, text: &str, signature: &str) -> js_sys::Promise;
}

async fn text(p: js_sys::Promise) -> Result<String, JsFailure> {
    bridge::text(p).await.map(Option::unwrap_or_default)
}

/// ES256 signature (base64url) of `text` with the unlocked professional's key.
pub async fn sign(text_to_sign: &str) -> Result<String, JsFailure> {
    text(kt_sign(text_to_sign)).await
}

/// SHA-256 of a text's UTF-8 bytes, base64url.
pub async fn sha256(data: &str) -> Result<String, JsFailure> {
    text(kt_sha256(data)).await
}

/// SHA-256 of base64url-encoded bytes, base64url.
pub async fn sha256_b64(data: &str) -> Result<String, JsFailure> {
    text(kt_sha256_b64(data)).await
}

/// The RFC 7638 thumbprint of a key.
pub async fn thumbprint(jwk: &PublicJwk) -> Result<String, String> {
    sha256(&jwk.thumbprint_input()).await.map_err(|e| e.message)
}

/// Whether `signature` is an ES256 signature of `text` by the key `jwk` (JSON).
pub async fn verify(jwk: &str, signed_text: &str, signature: &str) -> Result<bool, JsFailure> {
    match JsFuture::from(kt_verify(jwk, signed_text, signature)).await {
        Ok(v) => Ok(v.as_bool().unwrap_or(false)),
        Err(e) => Err(bridge::failure(e)),
    }
}
