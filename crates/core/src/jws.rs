//! The signed export: JWS JSON serialization (RFC 7515 §7.2) with ES256 over the record as
//! canonical JSON (RFC 8785). See docs/SIGNING.md for the contract.
//!
//! Everything here but [`verify`] is pure format logic and compiles without any crypto crate:
//! the browser signs, hashes and verifies with WebCrypto. With the `crypto` feature the core
//! verifies natively (ring: ECDSA P-256 and SHA-256) — used by the CLI and the tests.

use crate::b64;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;

/// `typ` of the protected header.
pub const TYP: &str = "keukentafel-record+json";
pub const ALG: &str = "ES256";

/// A public P-256 key as JWK (RFC 7517). Never carries a private part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
}

impl PublicJwk {
    /// The members hashed for the RFC 7638 thumbprint, in their required order.
    pub fn thumbprint_input(&self) -> String {
        let mut o = serde_json::Map::new();
        o.insert("crv".into(), self.crv.clone().into());
        o.insert("kty".into(), self.kty.clone().into());
        o.insert("x".into(), self.x.clone().into());
        o.insert("y".into(), self.y.clone().into());
        crate::jcs::canonicalize(&Value::Object(o))
    }

    fn check(&self) -> Result<([u8; 32], [u8; 32]), String> {
        if self.kty != "EC" || self.crv != "P-256" {
            return Err("de sleutel in de header is geen P-256-sleutel (kty EC, crv P-256)".into());
        }
        let coord = |s: &str, name: &str| -> Result<[u8; 32], String> {
            b64::decode(s)
                .and_then(|v| <[u8; 32]>::try_from(v).ok())
                .ok_or_else(|| {
                    format!("coördinaat {name} van de sleutel is geen 32 bytes base64url")
                })
        };
        Ok((coord(&self.x, "x")?, coord(&self.y, "y")?))
    }
}

/// The protected header keukentafel writes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub alg: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typ: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwk: Option<PublicJwk>,
    /// Critical extensions (RFC 7515 §4.1.11): keukentafel knows none, so any is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crit: Option<Value>,
    /// RFC 7797's unencoded payload option: `false` is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b64: Option<Value>,
    // Any other member a producer put in is ignored.
}

/// The protected header as canonical JSON, for a key and its thumbprint.
pub fn protected_header(jwk: &PublicJwk, kid: &str) -> String {
    let h = Header {
        alg: ALG.into(),
        kid: Some(kid.into()),
        typ: Some(TYP.into()),
        jwk: Some(jwk.clone()),
        crit: None,
        b64: None,
    };
    crate::jcs::to_canonical(&h).unwrap_or_default()
}

/// `BASE64URL(protected) '.' BASE64URL(payload)`: the bytes the signature covers.
pub fn signing_input(protected_b64: &str, payload_b64: &str) -> String {
    format!("{protected_b64}.{payload_b64}")
}

/// The flattened JWS JSON serialization (RFC 7515 §7.2.2), canonical and with a final newline.
pub fn flattened(protected_b64: &str, payload_b64: &str, signature_b64: &str) -> String {
    let mut o = serde_json::Map::new();
    o.insert("payload".into(), payload_b64.into());
    o.insert("protected".into(), protected_b64.into());
    o.insert("signature".into(), signature_b64.into());
    let mut s = crate::jcs::canonicalize(&Value::Object(o));
    s.push('\n');
    s
}

/// The export's file name: date and record id, never the client's name.
pub fn file_name(doc: &Document, date: crate::Date) -> String {
    format!(
        "keukentafel-{date}-{}-{}.jws.json",
        doc.record_type(),
        doc.record_id().as_str()
    )
}

/// One signature of a parsed JWS.
#[derive(Clone, Debug)]
pub struct ParsedSignature {
    pub protected_b64: String,
    pub header: Header,
    pub jwk: PublicJwk,
    /// The key's point (x, y), decoded and checked once while parsing.
    pub point: ([u8; 32], [u8; 32]),
    pub signature: Vec<u8>,
}

/// A structurally valid JWS (either JSON form), not yet cryptographically verified.
#[derive(Clone, Debug)]
pub struct ParsedJws {
    pub payload_b64: String,
    pub payload: Vec<u8>,
    pub signatures: Vec<ParsedSignature>,
}

impl ParsedJws {
    pub fn signing_input(&self, i: usize) -> String {
        signing_input(&self.signatures[i].protected_b64, &self.payload_b64)
    }
    pub fn payload_text(&self) -> Result<&str, String> {
        std::str::from_utf8(&self.payload).map_err(|_| "de payload is geen UTF-8-tekst".into())
    }
}

/// The members of a JWS in JSON form (RFC 7515 §7.2) that keukentafel reads, borrowed from the
/// text (the payload is most of it); other members are ignored, a member given twice is refused.
#[derive(Deserialize)]
struct Members<'a> {
    #[serde(borrow, default)]
    payload: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    protected: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    signature: Option<Cow<'a, str>>,
    #[serde(default)]
    header: Option<Value>,
    #[serde(borrow, default)]
    signatures: Option<Vec<Members<'a>>>,
}

fn required<'a>(member: &'a Option<Cow<'_, str>>, name: &str) -> Result<&'a str, String> {
    member
        .as_deref()
        .ok_or_else(|| format!("het JWS-lid ‘{name}’ ontbreekt"))
}

fn parse_signature(o: &Members) -> Result<ParsedSignature, String> {
    let protected_b64 = required(&o.protected, "protected")?.to_owned();
    let header_bytes =
        b64::decode(&protected_b64).ok_or("de beschermde header is geen geldige base64url")?;
    let header_value: Value = serde_json::from_slice(&header_bytes)
        .map_err(|e| format!("de beschermde header is geen geldige JSON: {e}"))?;
    if header_value.get("jwk").and_then(|j| j.get("d")).is_some() {
        return Err(
            "de header bevat een privésleutel (jwk.d): dit bestand is onveilig gemaakt".into(),
        );
    }
    let header = Header::deserialize(&header_value)
        .map_err(|e| format!("de beschermde header is ongeldig: {e}"))?;
    if header.alg != ALG {
        return Err(format!(
            "algoritme ‘{}’ wordt niet aanvaard; alleen ES256",
            header.alg
        ));
    }
    if header.crit.is_some() {
        return Err("de header bevat ‘crit’-uitbreidingen die keukentafel niet kent".into());
    }
    if header.b64 == Some(Value::Bool(false)) {
        return Err("een niet-gecodeerde payload (b64: false) wordt niet aanvaard".into());
    }
    if let Some(t) = &header.typ {
        let t = t.to_ascii_lowercase();
        if t != TYP && t != format!("application/{TYP}") {
            return Err(format!("type ‘{t}’ is geen keukentafel-record"));
        }
    }
    let jwk = header
        .jwk
        .clone()
        .ok_or("de beschermde header bevat geen publieke sleutel (jwk)")?;
    let point = jwk.check()?;
    if let Some(h) = &o.header {
        if !h.is_object() {
            return Err("de onbeschermde header is geen object".into());
        }
    }
    let signature = b64::decode(required(&o.signature, "signature")?)
        .ok_or("de handtekening is geen geldige base64url")?;
    if signature.len() != 64 {
        return Err(format!(
            "een ES256-handtekening is 64 bytes, niet {}",
            signature.len()
        ));
    }
    Ok(ParsedSignature {
        protected_b64,
        header,
        jwk,
        point,
        signature,
    })
}

/// Parses a JWS in flattened or general JSON serialization.
pub fn parse(text: &str) -> Result<ParsedJws, String> {
    let text = text.trim_start_matches('\u{feff}');
    if !text.trim_start().starts_with('{') {
        return Err("een JWS in JSON-vorm is een object { … }".into());
    }
    let o: Members = serde_json::from_str(text).map_err(|e| {
        format!(
            "geen geldige JWS in JSON-vorm: {}",
            crate::parse::dutch(&e.to_string())
        )
    })?;
    let payload_b64 = required(&o.payload, "payload")?.to_owned();
    let payload = b64::decode(&payload_b64).ok_or("de payload is geen geldige base64url")?;
    let signatures = match &o.signatures {
        Some(list) => {
            if o.protected.is_some() || o.signature.is_some() {
                return Err("een JWS is óf algemeen (signatures) óf afgevlakt, niet beide".into());
            }
            if list.is_empty() {
                return Err("de JWS bevat geen handtekeningen".into());
            }
            list.iter()
                .map(parse_signature)
                .collect::<Result<Vec<_>, _>>()?
        }
        None => vec![parse_signature(&o)?],
    };
    Ok(ParsedJws {
        payload_b64,
        payload,
        signatures,
    })
}

/// Result of verifying one file.
#[derive(Clone, Debug)]
pub struct Verified {
    /// RFC 7638 thumbprint of the (first) signing key.
    pub kid: String,
    /// base64url SHA-256 of the signed payload bytes: the record's stable identity.
    pub hash: String,
    /// Whether the payload is exactly the canonical (RFC 8785) form of itself.
    pub canonical: bool,
    pub document: Document,
}

#[cfg(feature = "crypto")]
pub fn sha256_b64(data: &[u8]) -> String {
    b64::encode(ring::digest::digest(&ring::digest::SHA256, data).as_ref())
}

#[cfg(feature = "crypto")]
pub fn thumbprint(jwk: &PublicJwk) -> String {
    sha256_b64(jwk.thumbprint_input().as_bytes())
}

/// Verifies every signature (ES256), the header's consistency (`kid` = thumbprint of `jwk`),
/// optionally that the key is one of `trusted`, and that the payload is a keukentafel record.
/// The record's rules are checked separately with [`crate::validate`].
#[cfg(feature = "crypto")]
pub fn verify(text: &str, trusted: Option<&[PublicJwk]>) -> Result<Verified, String> {
    use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

    let jws = parse(text)?;
    let mut kid = String::new();
    for (i, s) in jws.signatures.iter().enumerate() {
        let tp = thumbprint(&s.jwk);
        if let Some(kid) = &s.header.kid {
            if *kid != tp {
                return Err(
                    "kid in de header is niet de vingerafdruk (RFC 7638) van de sleutel".into(),
                );
            }
        }
        let (x, y) = s.point;
        if let Some(keys) = trusted {
            // The same key is the same point (what the thumbprint stands for), compared
            // without hashing every enrolled key for every file.
            if !keys.iter().any(|k| k.check().is_ok_and(|c| c == (x, y))) {
                return Err(format!(
                    "de sleutel {tp} staat niet in de lijst van vertrouwde apparaten"
                ));
            }
        }
        // SEC 1 uncompressed point; ring checks that it lies on the curve.
        let mut point = Vec::with_capacity(65);
        point.push(4);
        point.extend_from_slice(&x);
        point.extend_from_slice(&y);
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &point)
            .verify(jws.signing_input(i).as_bytes(), &s.signature)
            .map_err(|_| "de handtekening klopt niet: het bestand is gewijzigd of met een andere sleutel ondertekend".to_owned())?;
        if i == 0 {
            kid = tp;
        }
    }
    let payload = jws.payload_text()?;
    let (document, canonical) = crate::parse::parse_document_canonical(payload)
        .map_err(|e| format!("de payload is geen geldig keukentafel-record: {e}"))?;
    Ok(Verified {
        kid,
        hash: sha256_b64(&jws.payload),
        canonical,
        document,
    })
}

/// A JWK Set (RFC 7517 §5) of enrolled device keys.
#[derive(Clone, Debug, Deserialize)]
pub struct JwkSet {
    pub keys: Vec<Value>,
}

/// The P-256 public keys of a JWK Set; other key types are skipped.
pub fn keys_of(set: &JwkSet) -> Vec<PublicJwk> {
    set.keys
        .iter()
        .filter_map(|k| serde_json::from_value::<PublicJwk>(k.clone()).ok())
        .filter(|k| k.kty == "EC" && k.crv == "P-256")
        .collect()
}
