//! Signing and verifying in the browser: the format comes from the core (`jcs`, `jws`); the
//! cryptography is WebCrypto with the unlocked professional's non-extractable key
//! (`js/kluis.js`). Every signature names the professional: the `kid` is their key's
//! thumbprint, and the record holds their name, organisation and role.

use crate::crypto;
use keukentafel_core::jws::{self, PublicJwk, VerifyError};
use keukentafel_core::{b64, jcs, Date, Document};
use serde::{Deserialize, Serialize};

/// A signed export, as stored with the record and handed over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signed {
    /// The flattened JWS JSON text.
    pub jws: String,
    /// base64url SHA-256 of the signed payload bytes: the record's identity.
    pub hash: String,
    pub kid: String,
    pub file_name: String,
    pub signed_at: String,
}

/// Signs a record with the unlocked professional's key (`jwk`, thumbprint `kid`): payload =
/// canonical JSON (RFC 8785), ES256, the key and its thumbprint in the protected header.
pub async fn sign(
    doc: &Document,
    date: Date,
    jwk: &PublicJwk,
    kid: &str,
) -> Result<Signed, String> {
    let payload = jcs::to_canonical(doc).map_err(|e| e.to_string())?;
    let protected = b64::encode(jws::protected_header(jwk, kid).as_bytes());
    let payload_b64 = b64::encode(payload.as_bytes());
    let input = jws::signing_input(&protected, &payload_b64);
    let signature = crypto::sign(&input).await.map_err(|e| e.message)?;
    let hash = crypto::sha256(&payload).await.map_err(|e| e.message)?;
    Ok(Signed {
        jws: jws::flattened(&protected, &payload_b64, &signature),
        hash,
        kid: kid.to_owned(),
        file_name: jws::file_name(doc, date),
        signed_at: crate::browser::now_iso(),
    })
}

/// An opened signed file, verified.
pub struct Imported {
    pub document: Document,
    pub hash: String,
    pub kid: String,
    pub jwk: PublicJwk,
    pub canonical: bool,
}

/// Verifies a signed file with WebCrypto: the strict reader of the core, every signature,
/// kid = thumbprint, a valid record. Every refusal has a Dutch reason.
pub async fn verify(file: &str) -> Result<Imported, VerifyError> {
    let parsed = jws::parse(file)?;
    let mut kid = String::new();
    for (i, s) in parsed.signatures.iter().enumerate() {
        let tp = crypto::thumbprint(s.jwk())
            .await
            .map_err(VerifyError::Key)?;
        if s.header.kid.as_ref().is_some_and(|k| *k != tp) {
            return Err(VerifyError::KidMismatch);
        }
        let ok = crypto::verify(
            &s.jwk().to_value().to_text(),
            &parsed.signing_input(i),
            &b64::encode(&s.signature),
        )
        .await
        .map_err(|e| VerifyError::Key(e.message))?;
        if !ok {
            return Err(VerifyError::Signature);
        }
        if i == 0 {
            kid = tp;
        }
    }
    let payload = parsed.payload_text()?;
    let (document, canonical) =
        keukentafel_core::parse::parse_document_canonical(payload).map_err(VerifyError::Payload)?;
    let hash = crypto::sha256_b64(&parsed.payload_b64)
        .await
        .map_err(|e| VerifyError::Key(e.message))?;
    Ok(Imported {
        document,
        hash,
        kid,
        jwk: parsed.signatures[0].jwk().clone(),
        canonical,
    })
}

impl Signed {
    /// The event detail for an embedding portal.
    pub fn event_detail(&self, doc: &Document) -> keukentafel_core::json::Value {
        keukentafel_core::json::Value::object([
            ("jws", self.jws.as_str().into()),
            ("hash", self.hash.as_str().into()),
            ("kid", self.kid.as_str().into()),
            ("fileName", self.file_name.as_str().into()),
            ("recordId", doc.record_id().as_str().into()),
            ("recordType", doc.record_type().into()),
        ])
    }
}
