//! The outbox: every signed record waits here, sealed as a JWE to the municipality's key (the
//! format from `keukentafel_core::jwe`, the cryptography WebCrypto's), until the dossier has it.
//! Nobody on the tablet can open a sealed record, it survives a wipe of the professional's keys,
//! and it is delivered without them — by the app or the service worker (`js/kluis.js`).

use super::js;
use crate::signing::Signed;
use keukentafel_core::profile::{DeliveryRoute, SealingKey};
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

/// Where a record in the outbox stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    /// Waiting to be sent (again).
    Waiting,
    /// The back office refused it (the reason is in `error`); tried again later.
    Refused,
    /// Route file: waiting for the professional to confirm it was handed over.
    Download,
}

/// A record in the outbox: no client data outside the JWE.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Pending {
    pub hash: String,
    pub kind: String,
    /// When it was signed (ISO 8601).
    pub created: String,
    pub jwe: String,
    /// The professional's random id on this tablet.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub route: String,
    pub state: State,
    #[serde(default)]
    pub attempts: u32,
    /// The last reason it was not delivered (Dutch).
    #[serde(default)]
    pub error: String,
    /// This tab is sending it right now.
    #[serde(default)]
    pub sending: bool,
}

impl Pending {
    pub fn kind(&self) -> Option<RecordKind> {
        RecordKind::from_key(&self.kind)
    }
    /// The (local) date it was signed.
    pub fn signed_on(&self) -> Option<keukentafel_core::Date> {
        crate::browser::local_date(&self.created)
    }
}

/// A delivered record, as the log keeps it: no client data.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Delivered {
    pub hash: String,
    pub kind: String,
    /// When it was signed.
    pub date: String,
    /// When the dossier received it.
    pub receipt: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub route: String,
}

/// Puts a signed record in the outbox, sealed, for the profile's route.
pub async fn keep(
    signed: &Signed,
    kind: RecordKind,
    sealed_jwe: &str,
    owner: &str,
    record_id: &str,
    route: DeliveryRoute,
    endpoint: &str,
) -> Result<(), String> {
    js::done(js::put_sealed(
        &signed.hash,
        kind.key(),
        &signed.signed_at,
        sealed_jwe,
        owner,
        record_id,
        route.key(),
        endpoint,
    ))
    .await
    .map_err(|e| e.message)
}

pub async fn pending() -> Result<Vec<Pending>, String> {
    js::json(js::list_sealed()).await.map_err(|e| e.message)
}

pub async fn delivered() -> Result<Vec<Delivered>, String> {
    js::json(js::delivery_log()).await.map_err(|e| e.message)
}

/// Sends what is due now (everything when `force`).
pub async fn deliver(force: bool) {
    let _ = js::text(js::deliver(force)).await;
}

/// The dossier has it (the portal said so, or the professional handed the file over): the
/// tablet forgets every copy; the log keeps `receipt`.
pub async fn forget(hash: &str, receipt: &str) -> Result<bool, String> {
    let done = wasm_bindgen_futures::JsFuture::from(js::forget(hash, receipt))
        .await
        .map_err(|e| crate::bridge::failure(e).message)?;
    Ok(done.as_bool().unwrap_or(false))
}

/// Starts delivery while the app is open (now, on `online`, every `interval_ms`); `on_change`
/// runs whenever the outbox changes, in this tab or another.
pub fn start(on_change: impl Fn() + 'static, interval_ms: u32) {
    use wasm_bindgen::prelude::*;
    let cb = Closure::<dyn Fn()>::new(on_change);
    js::start_delivery(cb.as_ref().unchecked_ref(), interval_ms);
    cb.forget(); // lives as long as the page
}
