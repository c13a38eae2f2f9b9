//! The vault (kluis) as the app sees it: who is enrolled on this tablet, enrolling, unlocking,
//! locking and changing the passphrase. The keys themselves never reach Rust: `js/kluis.js`
//! holds them, non-extractable, while unlocked.

use super::js;
use keukentafel_core::jws::PublicJwk;
use keukentafel_core::profile::{SecretKind, VaultPolicy};
use keukentafel_core::Professional;
use serde::Deserialize;

/// A professional enrolled on this tablet, as the start screen lists them (names only).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Enrolled {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub failed: u32,
}

impl Enrolled {
    pub fn secret_kind(&self) -> SecretKind {
        SecretKind::from_key(&self.kind).unwrap_or(SecretKind::Passphrase)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct VaultState {
    pub available: bool,
    pub professionals: Vec<Enrolled>,
    #[serde(default)]
    pub message: Option<String>,
}

/// The unlocked professional: who, and their public key and its thumbprint (the `kid` of
/// everything they sign).
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub id: String,
    pub name: String,
    pub jwk: PublicJwk,
    pub kid: String,
    /// Name, organisation and role, as enrolled (stored encrypted).
    pub professional: Professional,
}

#[derive(Deserialize)]
struct Keys {
    id: Option<String>,
    jwk: PublicJwk,
}

/// Who is enrolled, and whether this browser can keep a vault at all.
pub async fn state() -> VaultState {
    js::json(js::vault_state()).await.unwrap_or_default()
}

const IDENTITY: &str = "professional";

async fn session_for(
    id: String,
    name: String,
    jwk: PublicJwk,
    stored: Option<Professional>,
) -> Result<Session, String> {
    let kid = crate::crypto::thumbprint(&jwk).await?;
    let professional = match stored {
        Some(p) => p,
        None => js::text(js::get(IDENTITY, &id))
            .await
            .ok()
            .flatten()
            .and_then(|t| keukentafel_core::json::from_str(&t).ok())
            .unwrap_or_else(|| Professional {
                name: name.clone(),
                ..Professional::default()
            }),
    };
    Ok(Session {
        id,
        name,
        jwk,
        kid,
        professional,
    })
}

/// Enrols a professional with a new passphrase (checked by the profile's rules) and unlocks.
pub async fn enrol(
    professional: Professional,
    kind: SecretKind,
    secret: &str,
    policy: &VaultPolicy,
) -> Result<Session, String> {
    let keys: Keys = js::json(js::enrol(
        professional.name.trim(),
        secret,
        kind.key(),
        policy.iterations(),
    ))
    .await
    .map_err(|e| e.message)?;
    let id = keys.id.unwrap_or_default();
    let text = keukentafel_core::json::to_string(&professional).unwrap_or_default();
    js::done(js::put(IDENTITY, &id, 1.0, &text))
        .await
        .map_err(|e| e.message)?;
    session_for(
        id,
        professional.name.trim().to_owned(),
        keys.jwk,
        Some(professional),
    )
    .await
}

/// What an unlock attempt came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Unlock {
    Unlocked(Box<Session>),
    /// A wrong passphrase; so many attempts are left.
    Wrong {
        left: u32,
    },
    /// The last attempt failed: that professional's keys and drafts are gone.
    Wiped,
    /// Not enrolled (any more) on this tablet.
    Gone,
}

#[derive(Deserialize)]
struct UnlockAnswer {
    ok: bool,
    #[serde(default)]
    jwk: Option<PublicJwk>,
    #[serde(default)]
    left: Option<u32>,
    #[serde(default)]
    wiped: bool,
}

pub async fn unlock(who: &Enrolled, secret: &str, policy: &VaultPolicy) -> Result<Unlock, String> {
    let a: UnlockAnswer = js::json(js::unlock(&who.id, secret, policy.max_attempts.max(1)))
        .await
        .map_err(|e| e.message)?;
    Ok(match (a.ok, a.jwk) {
        (true, Some(jwk)) => Unlock::Unlocked(Box::new(
            session_for(who.id.clone(), who.name.clone(), jwk, None).await?,
        )),
        _ if a.wiped => Unlock::Wiped,
        _ => match a.left {
            Some(left) => Unlock::Wrong { left },
            None => Unlock::Gone,
        },
    })
}

/// Drops the keys.
pub fn lock() {
    js::lock();
}

/// Re-wraps the keys under a new passphrase.
pub async fn change_secret(
    old: &str,
    new: &str,
    kind: SecretKind,
    policy: &VaultPolicy,
) -> Result<(), String> {
    js::done(js::change_secret(old, new, kind.key(), policy.iterations()))
        .await
        .map_err(|e| e.message)
}

/// Removes one professional's keys and records (sealed records stay).
pub async fn wipe_professional(id: &str) -> Result<(), String> {
    js::done(js::wipe_professional(id))
        .await
        .map_err(|e| e.message)
}

/// Everything but the sealed records not yet handed over.
pub async fn wipe_tablet() -> Result<(), String> {
    js::done(js::wipe_tablet()).await.map_err(|e| e.message)
}

/// Stores the unlocked professional's name, organisation and role (encrypted).
pub async fn remember(p: &Professional, rev: u64) -> Result<(), String> {
    let s = js::session();
    let id = keukentafel_core::json::parse(&s)
        .ok()
        .and_then(|v| v.get("id").and_then(|x| x.as_str().map(str::to_owned)))
        .ok_or("De kluis is vergrendeld.")?;
    let text = keukentafel_core::json::to_string(p).unwrap_or_default();
    js::done(js::put(IDENTITY, &id, rev as f64, &text))
        .await
        .map_err(|e| e.message)
}
