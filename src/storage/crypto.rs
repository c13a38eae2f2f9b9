//! The cryptography the vault's keys are used for, outside the vault's own bookkeeping:
//! signing with the unlocked professional's key, hashing, verifying another's signature.

use super::js::{self, JsFailure};
use wasm_bindgen_futures::JsFuture;

/// ES256 signature (base64url) of `text` with the unlocked professional's key.
pub async fn sign(text: &str) -> Result<String, JsFailure> {
    js::text(js::sign(text))
        .await
        .map(Option::unwrap_or_default)
}

/// SHA-256 of a text's UTF-8 bytes, base64url.
pub async fn sha256(text: &str) -> Result<String, JsFailure> {
    js::text(js::sha256(text))
        .await
        .map(Option::unwrap_or_default)
}

/// SHA-256 of base64url-encoded bytes, base64url.
pub async fn sha256_b64(data: &str) -> Result<String, JsFailure> {
    js::text(js::sha256_b64(data))
        .await
        .map(Option::unwrap_or_default)
}

/// Whether `signature` is an ES256 signature of `text` by the key `jwk` (JSON).
pub async fn verify(jwk: &str, text: &str, signature: &str) -> Result<bool, JsFailure> {
    match JsFuture::from(js::verify(jwk, text, signature)).await {
        Ok(v) => Ok(v.as_bool().unwrap_or(false)),
        Err(e) => Err(js::failure(e)),
    }
}
