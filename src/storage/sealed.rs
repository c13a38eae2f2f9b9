//! Sealed records: every signed record not yet handed over is also kept as a JWE to the
//! municipality's key (the format from `keukentafel_core::jwe`, the cryptography WebCrypto's),
//! which nobody on the tablet can open and which survives a wipe of the professional's keys.

use super::js;
use crate::signing::Signed;
use keukentafel_core::profile::SealingKey;
use keukentafel_core::{b64, jwe, jws::PublicJwk, RecordKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Ephemeral {
    handle: f64,
    epk: PublicJwk,
}

#[derive(Deserialize)]
struct Parts {
    encrypted_key: String,
    iv: String,
    ciphertext: String,
    tag: String,
}

/// The JWE of a signed record, sealed to `key`.
pub async fn seal(signed: &Signed, key: &SealingKey) -> Result<String, String> {
    let eph: Ephemeral = js::json(js::ephemeral()).await.map_err(|e| e.message)?;
    let protected_b64 = b64::encode(jwe::protected_header(&eph.epk, &key.kid).as_bytes());
    let parts: Parts = js::json(js::seal(
        eph.handle,
        &key.jwk.to_value().to_text(),
        &protected_b64,
        &b64::encode(&jwe::kdf_other_info()),
        &signed.jws,
    ))
    .await
    .map_err(|e| e.message)?;
    Ok(jwe::flattened(
        &protected_b64,
        &parts.encrypted_key,
        &parts.iv,
        &parts.ciphertext,
        &parts.tag,
    ))
}

/// A sealed record as the tablet keeps it: no client data outside the JWE.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SealedEntry {
    pub hash: String,
    pub kind: String,
    pub created: String,
    pub jwe: String,
}

impl SealedEntry {
    pub fn kind(&self) -> Option<RecordKind> {
        RecordKind::from_key(&self.kind)
    }
}

/// Keeps the sealed copy of a signed record until it is handed over.
pub async fn keep(signed: &Signed, kind: RecordKind, sealed_jwe: &str) -> Result<(), String> {
    js::done(js::put_sealed(
        &signed.hash,
        kind.key(),
        &signed.signed_at,
        sealed_jwe,
    ))
    .await
    .map_err(|e| e.message)
}

pub async fn list() -> Result<Vec<SealedEntry>, String> {
    js::json(js::list_sealed()).await.map_err(|e| e.message)
}

pub async fn remove(hash: &str) -> Result<(), String> {
    js::done(js::delete_sealed(hash))
        .await
        .map_err(|e| e.message)
}
