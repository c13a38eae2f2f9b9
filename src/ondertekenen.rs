//! Signing and verifying in the browser: the format comes from the core (`jcs`, `jws`); the
//! cryptography is WebCrypto with a non-extractable device key in IndexedDB (`js/sleutel.js`).

use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::{b64, jcs, Date, Document};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/sleutel.js")]
extern "C" {
    #[wasm_bindgen(js_name = ktPublicKey)]
    fn kt_public_key() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktKeyCreated)]
    fn kt_key_created() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSign)]
    fn kt_sign(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSha256)]
    fn kt_sha256(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktSha256B64)]
    fn kt_sha256_b64(data: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktVerify)]
    fn kt_verify(jwk: &str, text: &str, signature: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktRotate)]
    fn kt_rotate() -> js_sys::Promise;
}

fn message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "Ondertekenen is niet gelukt.".to_owned())
}

async fn text(p: js_sys::Promise) -> Result<String, String> {
    JsFuture::from(p)
        .await
        .map_err(message)?
        .as_string()
        .ok_or_else(|| "Onverwacht antwoord van de browser.".to_owned())
}

/// The device's public key, creating it on first use.
pub async fn public_key() -> Result<PublicJwk, String> {
    let json = text(kt_public_key()).await?;
    keukentafel_core::json::parse(&json)
        .ok()
        .and_then(|v| PublicJwk::from_value(&v).ok())
        .ok_or_else(|| "De sleutel van dit apparaat is onleesbaar.".to_owned())
}

/// RFC 7638 thumbprint of a key (for enrolment in the back office).
pub async fn thumbprint(jwk: &PublicJwk) -> Result<String, String> {
    text(kt_sha256(&jwk.thumbprint_input())).await
}

pub async fn key_created() -> Result<String, String> {
    text(kt_key_created()).await
}

pub async fn rotate() -> Result<PublicJwk, String> {
    let json = text(kt_rotate()).await?;
    keukentafel_core::json::parse(&json)
        .ok()
        .and_then(|v| PublicJwk::from_value(&v).ok())
        .ok_or_else(|| "De nieuwe sleutel is onleesbaar.".to_owned())
}

/// A signed export, as stored with the draft and downloaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signed {
    /// The flattened JWS JSON text.
    pub jws: String,
    /// base64url SHA-256 of the signed payload bytes.
    pub hash: String,
    pub kid: String,
    pub file_name: String,
    pub signed_at: String,
}

/// Signs a record with the device key: payload = canonical JSON (RFC 8785), ES256.
pub async fn sign(doc: &Document, date: Date) -> Result<Signed, String> {
    let payload = jcs::to_canonical(doc).map_err(|e| e.to_string())?;
    let jwk = public_key().await?;
    let kid = thumbprint(&jwk).await?;
    let protected = b64::encode(jws::protected_header(&jwk, &kid).as_bytes());
    let payload_b64 = b64::encode(payload.as_bytes());
    let signature = text(kt_sign(&jws::signing_input(&protected, &payload_b64))).await?;
    let hash = text(kt_sha256(&payload)).await?;
    Ok(Signed {
        jws: jws::flattened(&protected, &payload_b64, &signature),
        hash,
        kid,
        file_name: jws::file_name(doc, date),
        signed_at: crate::browser::now_iso(),
    })
}

impl Signed {
    /// The event detail for an embedding portal.
    pub fn event_detail(&self, doc: &Document) -> serde_json::Value {
        serde_json::json!({
            "jws": self.jws,
            "hash": self.hash,
            "kid": self.kid,
            "fileName": self.file_name,
            "recordId": doc.record_id().as_str(),
            "recordType": doc.record_type(),
        })
    }
}

/// An imported signed file, verified.
pub struct Imported {
    pub document: Document,
    pub hash: String,
    pub kid: String,
}

/// Verifies a signed file with WebCrypto: every signature, kid = thumbprint, a valid record.
pub async fn verify(file: &str) -> Result<Imported, String> {
    let parsed = jws::parse(file)
        .map_err(|e| format!("Dit bestand is geen geldige ondertekende export: {e}."))?;
    let mut kid = String::new();
    for (i, s) in parsed.signatures.iter().enumerate() {
        let tp = thumbprint(s.jwk()).await?;
        if s.header.kid.as_ref().is_some_and(|k| *k != tp) {
            return Err("De sleutel-id in dit bestand hoort niet bij de sleutel: het bestand is niet te vertrouwen.".into());
        }
        let jwk = s.jwk().to_value().to_text();
        let ok = JsFuture::from(kt_verify(
            &jwk,
            &parsed.signing_input(i),
            &b64::encode(&s.signature),
        ))
        .await
        .map_err(message)?
        .as_bool()
        .unwrap_or(false);
        if !ok {
            return Err(
                "De handtekening klopt niet: het bestand is na ondertekenen gewijzigd.".into(),
            );
        }
        if i == 0 {
            kid = tp;
        }
    }
    let payload = parsed.payload_text().map_err(|e| e.to_string())?;
    let document = keukentafel_core::parse::parse_document(payload)
        .map_err(|e| format!("De inhoud is geen geldig keukentafel-record: {e}."))?;
    let hash = text(kt_sha256_b64(&parsed.payload_b64)).await?;
    Ok(Imported {
        document,
        hash,
        kid,
    })
}
