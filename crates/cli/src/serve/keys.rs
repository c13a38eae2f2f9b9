//! The professionals' keys the back office has enrolled (`--keys`, a JWK Set with names). The
//! file is read again when it changes, so a key enrolled while the server runs is accepted
//! without a restart; a record refused for an unknown key is accepted on the tablet's next try.

use super::receive::{Refusal, VerifiedBy};
use keukentafel_core::jws::{self, EnrolledKey, PublicJwk, VerifyError};
use keukentafel_core::Profile;
use std::path::PathBuf;
use std::sync::RwLock;
use std::time::SystemTime;

pub enum EnrolledKeys {
    /// Demo only (`--accept-unenrolled`): any valid signature is accepted.
    Any { profile: Box<Profile> },
    File {
        path: PathBuf,
        loaded: RwLock<Loaded>,
    },
}

pub struct Loaded {
    modified: Option<SystemTime>,
    keys: Vec<EnrolledKey>,
    trusted: Vec<PublicJwk>,
}

fn load(path: &PathBuf) -> Result<Loaded, String> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let keys = crate::cmd::verify::enrolled(&path.to_string_lossy()).map_err(|e| e.to_string())?;
    let trusted = keys.iter().map(|k| k.jwk.clone()).collect();
    Ok(Loaded {
        modified,
        keys,
        trusted,
    })
}

impl EnrolledKeys {
    /// Reads the key set at `path`; a set that cannot be read is an error at start.
    pub fn from_file(path: PathBuf) -> Result<EnrolledKeys, String> {
        let loaded = load(&path)?;
        Ok(EnrolledKeys::File {
            path,
            loaded: RwLock::new(loaded),
        })
    }

    pub fn count(&self) -> Option<usize> {
        match self {
            EnrolledKeys::Any { .. } => None,
            EnrolledKeys::File { loaded, .. } => {
                Some(loaded.read().map(|l| l.keys.len()).unwrap_or(0))
            }
        }
    }

    /// Reads the file again if it changed since; false when nothing changed (or it cannot be
    /// read: then the keys known so far stay).
    fn reload(&self) -> bool {
        let EnrolledKeys::File { path, loaded } = self else {
            return false;
        };
        let now = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        if loaded.read().map(|l| l.modified == now).unwrap_or(true) {
            return false;
        }
        match load(path) {
            Ok(l) => {
                eprintln!(
                    "{}",
                    crate::serve::log::line(
                        "keys-reloaded",
                        &[("keys", &l.keys.len().to_string())]
                    )
                );
                if let Ok(mut w) = loaded.write() {
                    *w = l;
                }
                true
            }
            Err(e) => {
                eprintln!(
                    "{}",
                    crate::serve::log::line("keys-unreadable", &[("reason", &e)])
                );
                false
            }
        }
    }

    fn try_verify(&self, text: &str) -> Result<VerifiedBy, VerifyError> {
        match self {
            EnrolledKeys::Any { profile } => {
                let v = jws::verify(text, None)?;
                let professional = profile.enrolled(&v.jwk).map(|e| e.name.clone());
                Ok(VerifiedBy {
                    verified: v,
                    professional,
                })
            }
            EnrolledKeys::File { loaded, .. } => {
                let l = loaded.read().unwrap_or_else(|p| p.into_inner());
                let v = jws::verify(text, Some(&l.trusted))?;
                let point = v.jwk.point().ok();
                let professional = l
                    .keys
                    .iter()
                    .find(|k| k.jwk.point().ok() == point)
                    .and_then(|k| k.name.clone());
                Ok(VerifiedBy {
                    verified: v,
                    professional,
                })
            }
        }
    }

    /// Verifies a JWS as `keukentafel verify --keys` does; an unknown key is looked up again in
    /// the key file if that changed.
    pub fn verify(&self, text: &str) -> Result<VerifiedBy, Refusal> {
        match self.try_verify(text) {
            Err(VerifyError::Untrusted { .. }) if self.reload() => {
                self.try_verify(text).map_err(Refusal::Verify)
            }
            other => other.map_err(Refusal::Verify),
        }
    }
}
