//! The protocol profile: everything municipality-specific, as data.

use crate::jws::PublicJwk;
use crate::model::SpecialCategory;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PartnerKind {
    Municipality,
    Organisation,
    IndependentProfessional,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
}

/// Texts for art. 14 (objections and complaints), shown to the client.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contacts {
    pub objection_municipality: String,
    pub objection_other: String,
    pub complaint_municipality: String,
    pub complaint_other: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    pub profile_id: String,
    /// The controller, e.g. "Gemeente Landsmeer".
    pub municipality: String,
    /// The protocol's title and date.
    pub protocol: String,
    pub partners: Vec<Partner>,
    pub special_categories: Vec<SpecialCategory>,
    /// Art. 6: years after the year support was closed.
    pub retention_years: u16,
    pub contacts: Contacts,
    /// How the tablet's vault protects what it stores.
    #[serde(default)]
    pub vault: VaultPolicy,
    /// The municipality's public key: signed records not yet handed over are kept sealed to
    /// it (a JWE), and only the back office can open them.
    #[serde(default)]
    pub sealing_key: Option<SealingKey>,
    /// How signed records reach the dossier.
    #[serde(default)]
    pub delivery: Delivery,
    /// The professionals' keys the back office has enrolled, with their names: a tablet names
    /// who signed a file it did not sign itself.
    #[serde(default)]
    pub enrolled_keys: Vec<EnrolledProfessional>,
}

/// The vault's settings (defaults: a passphrase of at least 10 characters, no PIN, locked
/// after 5 minutes without input, wiped after 5 wrong passphrases in a row).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct VaultPolicy {
    /// Whether a PIN of digits may be used instead of a passphrase.
    pub allow_pin: bool,
    pub min_passphrase_length: u16,
    pub min_pin_length: u16,
    /// Minutes without input before the app locks.
    pub lock_after_minutes: u16,
    /// Wrong passphrases in a row before that professional's keys and drafts are wiped.
    pub max_attempts: u8,
    /// PBKDF2-HMAC-SHA256 iterations for the passphrase (at least 600 000, OWASP).
    pub pbkdf2_iterations: u32,
}

impl Default for VaultPolicy {
    fn default() -> Self {
        VaultPolicy {
            allow_pin: false,
            min_passphrase_length: 10,
            min_pin_length: 6,
            lock_after_minutes: 5,
            max_attempts: 5,
            pbkdf2_iterations: 600_000,
        }
    }
}

/// What unlocks a professional's keys: a passphrase, or (where the profile allows) a PIN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretKind {
    Passphrase,
    Pin,
}

impl SecretKind {
    pub fn key(self) -> &'static str {
        match self {
            SecretKind::Passphrase => "passphrase",
            SecretKind::Pin => "pin",
        }
    }
    pub fn from_key(k: &str) -> Option<SecretKind> {
        match k {
            "passphrase" => Some(SecretKind::Passphrase),
            "pin" => Some(SecretKind::Pin),
            _ => None,
        }
    }
}

/// Why a new passphrase or PIN is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretError {
    TooShort { kind: SecretKind, min: u16 },
    PinNotAllowed,
    PinNotDigits,
    Mismatch,
}

impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretError::TooShort { kind: SecretKind::Passphrase, min } => write!(
                f,
                "Kies een wachtwoord van ten minste {min} tekens; een zin van een paar woorden is sterk en goed te onthouden."
            ),
            SecretError::TooShort { kind: SecretKind::Pin, min } => {
                write!(f, "Een pincode heeft ten minste {min} cijfers.")
            }
            SecretError::PinNotAllowed => f.write_str(
                "In deze gemeente is een pincode niet toegestaan; kies een wachtwoord.",
            ),
            SecretError::PinNotDigits => f.write_str("Een pincode bestaat alleen uit cijfers."),
            SecretError::Mismatch => {
                f.write_str("De twee wachtwoorden zijn niet gelijk; typ ze opnieuw.")
            }
        }
    }
}

impl VaultPolicy {
    /// Whether `secret` (typed twice: `again`) may protect a professional's keys.
    pub fn check_secret(
        &self,
        kind: SecretKind,
        secret: &str,
        again: &str,
    ) -> Result<(), SecretError> {
        let n = secret.chars().count();
        match kind {
            SecretKind::Pin if !self.allow_pin => return Err(SecretError::PinNotAllowed),
            SecretKind::Pin if !secret.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(SecretError::PinNotDigits)
            }
            SecretKind::Pin if n < usize::from(self.min_pin_length) => {
                return Err(SecretError::TooShort {
                    kind,
                    min: self.min_pin_length,
                })
            }
            SecretKind::Passphrase if n < usize::from(self.min_passphrase_length) => {
                return Err(SecretError::TooShort {
                    kind,
                    min: self.min_passphrase_length,
                })
            }
            _ => {}
        }
        if secret != again {
            return Err(SecretError::Mismatch);
        }
        Ok(())
    }

    /// The PBKDF2 iterations used: the profile's, never fewer than 600 000 (OWASP).
    pub fn iterations(&self) -> u32 {
        self.pbkdf2_iterations.max(600_000)
    }
}

/// The municipality's key for sealed records (ECDH-ES+A256KW, P-256).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SealingKey {
    /// The key's id as the back office knows it (its RFC 7638 thumbprint by default).
    #[serde(default)]
    pub kid: String,
    pub jwk: PublicJwk,
    /// True for the demonstration key shipped with keukentafel, whose private half is public.
    #[serde(default)]
    pub demo: bool,
}

/// Which way a signed record goes into the dossier.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum DeliveryRoute {
    /// HTTP POST to the endpoint (`keukentafel serve`).
    #[default]
    Http,
    /// The embedding portal stores it (events `signed`/`pending`, `handle.delivered`).
    Portal,
    /// A file the professional hands over.
    File,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Delivery {
    pub route: DeliveryRoute,
    /// The receiver (route `http`): a path on the app's own origin, or an https address.
    pub endpoint: String,
    /// Undelivered records older than this are shown prominently on the start screen.
    pub undelivered_alert_days: u16,
}

impl Default for Delivery {
    fn default() -> Self {
        Delivery {
            route: DeliveryRoute::Http,
            endpoint: "/v1/records".into(),
            undelivered_alert_days: 3,
        }
    }
}

impl DeliveryRoute {
    pub fn key(self) -> &'static str {
        match self {
            DeliveryRoute::Http => "http",
            DeliveryRoute::Portal => "portal",
            DeliveryRoute::File => "file",
        }
    }
}

impl Delivery {
    /// Whether a record signed on `signed_on` and still not in the dossier on `today` is
    /// overdue: older than the profile's limit (art. 4 lid 4: the form goes into the dossier).
    pub fn is_overdue(&self, signed_on: crate::Date, today: crate::Date) -> bool {
        today.to_days() - signed_on.to_days() > i64::from(self.undelivered_alert_days)
    }
}

/// A professional's key as the back office enrolled it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnrolledProfessional {
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    pub jwk: PublicJwk,
}

/// The Landsmeer profile shipped as the default.
pub const LANDSMEER_JSON: &str = include_str!("../profiles/landsmeer.json");

impl Profile {
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }
    pub fn partner_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.partner(id).map_or(id, |p| p.name.as_str())
    }

    /// The names of these partners, in order (an unknown id as itself).
    pub fn partner_names(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|p| self.partner_name(p).to_owned())
            .collect()
    }

    /// The enrolled professional whose key has this point, if the profile lists one.
    pub fn enrolled(&self, jwk: &PublicJwk) -> Option<&EnrolledProfessional> {
        let point = jwk.point().ok()?;
        self.enrolled_keys
            .iter()
            .find(|e| e.jwk.point().is_ok_and(|p| p == point))
    }
}

impl Profile {
    /// The Landsmeer profile. It is compiled in and covered by a test, so this cannot fail.
    pub fn landsmeer() -> Profile {
        Profile::landsmeer_ref().clone()
    }

    /// The shipped Landsmeer profile, read once (the portal API validates with it on every
    /// call).
    pub fn landsmeer_ref() -> &'static Profile {
        static LANDSMEER: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
        LANDSMEER.get_or_init(|| {
            Profile::from_json(LANDSMEER_JSON).expect("the shipped Landsmeer profile is valid")
        })
    }

    pub fn from_json(s: &str) -> Result<Profile, crate::parse::ParseError> {
        crate::parse::parse_with_path::<Profile>(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undelivered_is_overdue_after_the_limit() {
        let d = |s: &str| crate::Date::parse(s).unwrap();
        let delivery = Delivery::default();
        assert_eq!(delivery.undelivered_alert_days, 3);
        assert!(!delivery.is_overdue(d("2026-12-01"), d("2026-12-01")));
        assert!(!delivery.is_overdue(d("2026-12-01"), d("2026-12-04")));
        assert!(delivery.is_overdue(d("2026-12-01"), d("2026-12-05")));
        assert!(
            delivery.is_overdue(d("2026-12-30"), d("2027-01-03")),
            "across the year"
        );
        assert_eq!(DeliveryRoute::File.key(), "file");
    }

    #[test]
    fn passphrase_and_pin_rules() {
        let p = VaultPolicy::default();
        let pass = SecretKind::Passphrase;
        assert!(p.check_secret(pass, "keukentafel", "keukentafel").is_ok());
        assert_eq!(
            p.check_secret(pass, "kort", "kort"),
            Err(SecretError::TooShort {
                kind: pass,
                min: 10
            })
        );
        assert!(
            p.check_secret(pass, "éééééééééé", "éééééééééé").is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            p.check_secret(pass, "keukentafel", "keukentafe1"),
            Err(SecretError::Mismatch)
        );
        assert_eq!(
            p.check_secret(SecretKind::Pin, "123456", "123456"),
            Err(SecretError::PinNotAllowed)
        );
        let pin = VaultPolicy {
            allow_pin: true,
            ..VaultPolicy::default()
        };
        assert!(pin
            .check_secret(SecretKind::Pin, "123456", "123456")
            .is_ok());
        assert_eq!(
            pin.check_secret(SecretKind::Pin, "12345", "12345"),
            Err(SecretError::TooShort {
                kind: SecretKind::Pin,
                min: 6
            })
        );
        assert_eq!(
            pin.check_secret(SecretKind::Pin, "12345a", "12345a"),
            Err(SecretError::PinNotDigits)
        );
        assert!(SecretError::TooShort {
            kind: pass,
            min: 10
        }
        .to_string()
        .contains("10 tekens"));
        assert_eq!(
            VaultPolicy {
                pbkdf2_iterations: 1000,
                ..p.clone()
            }
            .iterations(),
            600_000
        );
    }
}
