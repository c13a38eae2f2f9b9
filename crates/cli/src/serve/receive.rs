//! Receiving one record: exactly what `keukentafel verify` checks (the strict reader, the
//! signature, an enrolled professional's key, the rules), after opening the seal — and a typed
//! refusal with an HTTP status and a Dutch reason for everything else. Nothing here touches
//! the store: a refused record is never stored.

use super::keys::EnrolledKeys;
use crate::report::{self, FindingOut};
use crate::store::Incoming;
use keukentafel_core::jwe::{self, OpenError, PrivateJwk};
use keukentafel_core::jws::{self, VerifyError};
use keukentafel_core::{json, rules, validate, Finding, Profile};
use serde::Serialize;
use std::fmt;
use std::time::SystemTime;

/// Why a record is refused. Each has its HTTP status, a stable code and one Dutch message.
#[derive(Debug)]
pub enum Refusal {
    /// Not `application/jose+json` (or `application/json`).
    ContentType(Option<String>),
    TooLarge {
        limit: usize,
    },
    NotUtf8,
    NotJson(json::Error),
    /// JSON, but neither a JWS nor a JWE.
    NotARecord,
    /// A JWE, and the receiver has no key to open it.
    NoSealingKey,
    Sealed(OpenError),
    /// What the JWE holds is not UTF-8 text.
    SealedNotText,
    Verify(VerifyError),
    /// The enrolled key names another professional than the record does.
    NotTheSigner {
        enrolled: String,
        named: String,
    },
    /// The record breaks the protocol's rules.
    Rules(Vec<Finding>),
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::ContentType(_) => 415,
            Refusal::TooLarge { .. } => 413,
            Refusal::NotUtf8 | Refusal::NotJson(_) | Refusal::NotARecord => 400,
            Refusal::Sealed(OpenError::NotJwe(_)) => 400,
            Refusal::Verify(VerifyError::NotJws(_)) => 400,
            Refusal::Verify(VerifyError::TooLarge { .. }) => 413,
            Refusal::Verify(VerifyError::Untrusted { .. }) => 403,
            Refusal::NoSealingKey
            | Refusal::Sealed(_)
            | Refusal::SealedNotText
            | Refusal::Verify(_)
            | Refusal::NotTheSigner { .. }
            | Refusal::Rules(_) => 422,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Refusal::ContentType(_) => "content-type",
            Refusal::TooLarge { .. } => "too-large",
            Refusal::NotUtf8 => "not-utf8",
            Refusal::NotJson(_) => "not-json",
            Refusal::NotARecord => "not-a-record",
            Refusal::NoSealingKey => "no-sealing-key",
            Refusal::Sealed(e) => e.code(),
            Refusal::SealedNotText => "not-utf8",
            Refusal::Verify(e) => e.code(),
            Refusal::NotTheSigner { .. } => "not-the-signer",
            Refusal::Rules(_) => "rules",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::ContentType(None) => f.write_str(
                "geen Content-Type: stuur een record als application/jose+json",
            ),
            Refusal::ContentType(Some(t)) => write!(
                f,
                "Content-Type ‘{}’ wordt niet aanvaard: stuur een record als application/jose+json",
                keukentafel_core::text::quote(t)
            ),
            Refusal::TooLarge { limit } => write!(
                f,
                "het record is te groot: de backoffice neemt hoogstens {} kB aan",
                limit / 1024
            ),
            Refusal::NotUtf8 => f.write_str("het record is geen UTF-8-tekst"),
            Refusal::NotJson(e) => write!(f, "het record is geen geldige JSON: {e}"),
            Refusal::NotARecord => f.write_str(
                "dit is geen ondertekend record (JWS) en geen verzegeld record (JWE)",
            ),
            Refusal::NoSealingKey => f.write_str(
                "de backoffice kan verzegelde records niet openen: zij is gestart zonder de sleutel van de gemeente (--key)",
            ),
            Refusal::Sealed(e) => write!(f, "verzegeld record: {e}"),
            Refusal::SealedNotText => {
                f.write_str("het verzegelde record bevat geen UTF-8-tekst")
            }
            Refusal::Verify(VerifyError::Untrusted { thumbprint }) => write!(
                f,
                "de sleutel waarmee is ondertekend (vingerafdruk {thumbprint}) is niet ingeschreven bij de backoffice; laat de professional zijn publieke sleutel inschrijven (Instellingen), daarna wordt het record alsnog aangenomen"
            ),
            Refusal::Verify(e) => write!(f, "{e}"),
            Refusal::NotTheSigner { enrolled, named } => write!(
                f,
                "ondertekend met de sleutel van {enrolled}, maar het record noemt {named} als professional"
            ),
            Refusal::Rules(findings) => {
                let n = findings.iter().filter(|f| f.is_error()).count();
                write!(
                    f,
                    "het record voldoet niet aan het privacyprotocol ({n} {})",
                    if n == 1 { "fout" } else { "fouten" }
                )
            }
        }
    }
}

/// The JSON body of a refusal.
#[derive(Serialize)]
pub struct RefusalBody<'a> {
    #[serde(rename = "errorCode")]
    pub error_code: &'a str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<FindingOut<'a>>,
}

impl Refusal {
    pub fn body(&self) -> RefusalBody<'_> {
        RefusalBody {
            error_code: self.code(),
            message: self.to_string(),
            findings: match self {
                Refusal::Rules(f) => report::findings_out(f),
                _ => vec![],
            },
        }
    }
}

/// What the receiver needs to check a record.
pub struct Checker {
    pub profile: Profile,
    pub sealing_key: Option<PrivateJwk>,
    pub keys: EnrolledKeys,
    pub max_body: usize,
}

/// Whether a Content-Type names JSON for JOSE: `application/jose+json` or `application/json`,
/// with any parameters.
pub fn acceptable_type(content_type: Option<&str>) -> Result<(), Refusal> {
    let Some(t) = content_type else {
        return Err(Refusal::ContentType(None));
    };
    let essence = t
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence == "application/jose+json" || essence == "application/json" {
        Ok(())
    } else {
        Err(Refusal::ContentType(Some(t.to_owned())))
    }
}

impl Checker {
    /// Checks a received body; the record to store, or why not.
    pub fn check(
        &self,
        content_type: Option<&str>,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Incoming, Refusal> {
        acceptable_type(content_type)?;
        if body.len() > self.max_body {
            return Err(Refusal::TooLarge {
                limit: self.max_body,
            });
        }
        let text = std::str::from_utf8(body).map_err(|_| Refusal::NotUtf8)?;
        let value = json::parse(text).map_err(Refusal::NotJson)?;
        let opened;
        let jws_text: &str = if value.get("ciphertext").is_some() {
            let key = self.sealing_key.as_ref().ok_or(Refusal::NoSealingKey)?;
            opened = jwe::open(text, key).map_err(Refusal::Sealed)?;
            std::str::from_utf8(&opened).map_err(|_| Refusal::SealedNotText)?
        } else if value.get("payload").is_some() {
            text
        } else {
            return Err(Refusal::NotARecord);
        };
        let verified = self.keys.verify(jws_text)?;
        let document = &verified.verified.document;
        if let Some(name) = &verified.professional {
            if !document.names_signer(name) {
                return Err(Refusal::NotTheSigner {
                    enrolled: name.clone(),
                    named: document.professional().name.clone(),
                });
            }
        }
        let findings = validate::validate_as_signed(document, &self.profile);
        if !rules::no_errors(&findings) {
            return Err(Refusal::Rules(findings));
        }
        let professional = verified
            .professional
            .clone()
            .or_else(|| Some(document.professional().name.clone()).filter(|n| !n.is_empty()));
        let v = verified.verified;
        Ok(Incoming {
            record_id: v.document.record_id().as_str().to_owned(),
            kind: v.document.record_type(),
            kid: v.kid,
            professional,
            dossier: v.document.dossier_reference().to_owned(),
            keep_until: v.document.keep_until(),
            withdraws: v.document.withdraws().map(str::to_owned),
            hash: v.hash,
            received: (body != jws_text.as_bytes()).then(|| body.to_vec()),
            jws: jws_text.to_owned(),
            received_at: crate::clock::rfc3339(now),
        })
    }
}

/// A JWS verified against the enrolled keys, with the professional the key set names.
pub struct VerifiedBy {
    pub verified: jws::Verified,
    pub professional: Option<String>,
}
