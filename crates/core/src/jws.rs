//! The signed export: JWS JSON serialization (RFC 7515 §7.2) with ES256 over the record as
//! canonical JSON (RFC 8785). See docs/SIGNING.md for the contract.
//!
//! Everything here but [`verify`] is pure format logic and compiles without any crypto crate:
//! the browser signs, hashes and verifies with WebCrypto. With the `crypto` feature the core
//! verifies natively (ring: ECDSA P-256 and SHA-256) — used by the CLI, the server and the tests.
//!
//! The reader is strict: a member given twice anywhere (the object, the protected header, the
//! payload) is refused, as is any unprotected header, a `b64` that is not a boolean, a `crit`,
//! a key with a private part, and a file over [`MAX_FILE_BYTES`]. Every refusal is a
//! [`VerifyError`]: a stable [`VerifyError::code`] a back office can branch on, and a Dutch
//! message.

use crate::json::{self, Map, Value};
use crate::model::Document;
use crate::{b64, text::quote};
use std::fmt;

/// `typ` of the protected header.
pub const TYP: &str = "keukentafel-record+json";
pub const ALG: &str = "ES256";

/// The largest signed file accepted: 4 MiB. The largest realistic record (all eight
/// categories, six signers with long strokes) is measured in docs/SIGNING.md at well under a
/// tenth of this; anything larger is refused before it is read.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Why a signed file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// Not a JWS in JSON form (with the reason).
    NotJws(String),
    /// Any unprotected `header` (keukentafel's format has none; RFC 7515 §7.2.1).
    UnprotectedHeader,
    /// The protected header cannot be read (with the reason, naming the member).
    Header(String),
    /// `alg` is not ES256.
    Algorithm(String),
    /// A `crit` extension (keukentafel knows none).
    Critical,
    /// `b64` is not a boolean, or is `false` (RFC 7797's unencoded payload).
    Unencoded,
    /// `typ` names something else.
    Type(String),
    /// The header's key has a private part (`d`).
    PrivateKey,
    /// No public key in the header.
    NoKey,
    /// The key is not a P-256 public key (with the reason).
    Key(String),
    /// `kid` is not the RFC 7638 thumbprint of the key.
    KidMismatch,
    /// The key is not among the enrolled (trusted) keys.
    Untrusted { thumbprint: String },
    /// The signature does not verify.
    Signature,
    /// The payload is no keukentafel record.
    Payload(json::Error),
}

impl VerifyError {
    /// A stable code for the reason, for a back office to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            VerifyError::TooLarge { .. } => "too-large",
            VerifyError::NotJws(_) => "not-jws",
            VerifyError::UnprotectedHeader => "unprotected-header",
            VerifyError::Header(_) => "header",
            VerifyError::Algorithm(_) => "algorithm",
            VerifyError::Critical => "crit",
            VerifyError::Unencoded => "b64",
            VerifyError::Type(_) => "typ",
            VerifyError::PrivateKey => "private-key",
            VerifyError::NoKey => "no-key",
            VerifyError::Key(_) => "key",
            VerifyError::KidMismatch => "kid",
            VerifyError::Untrusted { .. } => "untrusted-key",
            VerifyError::Signature => "signature",
            VerifyError::Payload(_) => "payload",
        }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::TooLarge { bytes } => write!(
                f,
                "het bestand is te groot ({} MB); een ondertekend keukentafel-bestand is hoogstens {} MB",
                mb(*bytes),
                mb(MAX_FILE_BYTES)
            ),
            VerifyError::NotJws(why) => write!(f, "geen geldige JWS in JSON-vorm: {why}"),
            VerifyError::UnprotectedHeader => f.write_str(
                "het bestand heeft een onbeschermde header (‘header’); een keukentafel-bestand heeft alleen een beschermde header",
            ),
            VerifyError::Header(why) => write!(f, "de beschermde header is ongeldig: {why}"),
            VerifyError::Algorithm(alg) => write!(
                f,
                "algoritme ‘{}’ wordt niet aanvaard; alleen ES256",
                quote(alg)
            ),
            VerifyError::Critical => {
                f.write_str("de header bevat ‘crit’-uitbreidingen die keukentafel niet kent")
            }
            VerifyError::Unencoded => f.write_str(
                "‘b64’ in de header moet true zijn (of ontbreken); een niet-gecodeerde payload wordt niet aanvaard",
            ),
            VerifyError::Type(t) => write!(f, "type ‘{}’ is geen keukentafel-record", quote(t)),
            VerifyError::PrivateKey => f.write_str(
                "de header bevat een privésleutel (jwk.d): dit bestand is onveilig gemaakt",
            ),
            VerifyError::NoKey => {
                f.write_str("de beschermde header bevat geen publieke sleutel (jwk)")
            }
            VerifyError::Key(why) => write!(f, "de sleutel in de header is ongeldig: {why}"),
            VerifyError::KidMismatch => {
                f.write_str("kid in de header is niet de vingerafdruk (RFC 7638) van de sleutel")
            }
            VerifyError::Untrusted { thumbprint } => write!(
                f,
                "de sleutel {thumbprint} is niet ingeschreven bij de backoffice (staat niet in de lijst van vertrouwde sleutels)"
            ),
            VerifyError::Signature => f.write_str(
                "de handtekening klopt niet: het bestand is gewijzigd of met een andere sleutel ondertekend",
            ),
            VerifyError::Payload(e) => write!(f, "de payload is geen geldig keukentafel-record: {e}"),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Megabytes with one decimal and a Dutch comma.
fn mb(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{},{}", tenths / 10, tenths % 10)
}

/// A public P-256 key as JWK (RFC 7517). Never carries a private part: reading one with `d`
/// is refused.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PublicJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
}

impl PublicJwk {
    /// The members hashed for the RFC 7638 thumbprint, in their required order.
    pub fn thumbprint_input(&self) -> String {
        Value::object([
            ("crv", self.crv.as_str().into()),
            ("kty", self.kty.as_str().into()),
            ("x", self.x.as_str().into()),
            ("y", self.y.as_str().into()),
        ])
        .canonical()
    }

    /// The key as a JSON value.
    pub fn to_value(&self) -> Value {
        Value::object([
            ("kty", self.kty.as_str().into()),
            ("crv", self.crv.as_str().into()),
            ("x", self.x.as_str().into()),
            ("y", self.y.as_str().into()),
        ])
    }

    /// A key from a JWK object: a P-256 public key; `d` is refused.
    pub fn from_value(v: &Value) -> Result<PublicJwk, VerifyError> {
        let Some(m) = v.as_object() else {
            return Err(VerifyError::Key("jwk is geen object".into()));
        };
        if m.contains_key("d") {
            return Err(VerifyError::PrivateKey);
        }
        let member = |name: &str| -> Result<String, VerifyError> {
            match m.get(name) {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(other) => Err(VerifyError::Header(format!(
                    "jwk.{name}: verkeerd type: {}, verwacht tekst",
                    other.kind_nl()
                ))),
                None => Err(VerifyError::Header(format!(
                    "jwk.{name}: verplicht veld ‘{name}’ ontbreekt"
                ))),
            }
        };
        let jwk = PublicJwk {
            kty: member("kty")?,
            crv: member("crv")?,
            x: member("x")?,
            y: member("y")?,
        };
        jwk.point()?;
        Ok(jwk)
    }

    /// The key's point (x, y): a P-256 key with two 32-byte coordinates.
    pub fn point(&self) -> Result<([u8; 32], [u8; 32]), VerifyError> {
        if self.kty != "EC" || self.crv != "P-256" {
            return Err(VerifyError::Key(
                "geen P-256-sleutel (kty EC, crv P-256)".into(),
            ));
        }
        let coord = |s: &str, name: &str| -> Result<[u8; 32], VerifyError> {
            b64::decode(s)
                .and_then(|v| <[u8; 32]>::try_from(v).ok())
                .ok_or_else(|| {
                    VerifyError::Key(format!("coördinaat {name} is geen 32 bytes base64url"))
                })
        };
        Ok((coord(&self.x, "x")?, coord(&self.y, "y")?))
    }
}

impl<'de> serde::Deserialize<'de> for PublicJwk {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PublicJwk, D::Error> {
        let v = Value::deserialize(d)?;
        PublicJwk::from_value(&v).map_err(|e| serde::de::Error::custom(e.to_string()))
    }
}

/// The protected header keukentafel writes, as canonical JSON, for a key and its thumbprint.
pub fn protected_header(jwk: &PublicJwk, kid: &str) -> String {
    Value::object([
        ("alg", ALG.into()),
        ("jwk", jwk.to_value()),
        ("kid", kid.into()),
        ("typ", TYP.into()),
    ])
    .canonical()
}

/// `BASE64URL(protected) '.' BASE64URL(payload)`: the bytes the signature covers.
pub fn signing_input(protected_b64: &str, payload_b64: &str) -> String {
    format!("{protected_b64}.{payload_b64}")
}

/// The flattened JWS JSON serialization (RFC 7515 §7.2.2), canonical and with a final newline.
pub fn flattened(protected_b64: &str, payload_b64: &str, signature_b64: &str) -> String {
    let mut s = Value::object([
        ("payload", payload_b64.into()),
        ("protected", protected_b64.into()),
        ("signature", signature_b64.into()),
    ])
    .canonical();
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

/// The protected header as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub alg: String,
    pub kid: Option<String>,
    pub typ: Option<String>,
    pub jwk: PublicJwk,
}

/// One signature of a parsed JWS.
#[derive(Clone, Debug)]
pub struct ParsedSignature {
    pub protected_b64: String,
    pub header: Header,
    /// The key's point (x, y), decoded and checked once while parsing.
    pub point: ([u8; 32], [u8; 32]),
    pub signature: Vec<u8>,
}

impl ParsedSignature {
    pub fn jwk(&self) -> &PublicJwk {
        &self.header.jwk
    }
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
    pub fn payload_text(&self) -> Result<&str, VerifyError> {
        std::str::from_utf8(&self.payload).map_err(|_| {
            VerifyError::Payload(json::Error::new("", "de payload is geen UTF-8-tekst"))
        })
    }
}

fn text_member<'a>(o: &'a Map, name: &str) -> Result<Option<&'a str>, VerifyError> {
    match o.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(VerifyError::NotJws(format!(
            "‘{name}’ is {}, verwacht tekst (base64url)",
            other.kind_nl()
        ))),
    }
}

fn required<'a>(o: &'a Map, name: &str) -> Result<&'a str, VerifyError> {
    text_member(o, name)?
        .ok_or_else(|| VerifyError::NotJws(format!("het JWS-lid ‘{name}’ ontbreekt")))
}

fn header(protected_b64: &str) -> Result<Header, VerifyError> {
    let bytes = b64::decode(protected_b64)
        .ok_or_else(|| VerifyError::Header("geen geldige base64url".into()))?;
    let value = json::parse_bytes(&bytes).map_err(|e| VerifyError::Header(e.to_string()))?;
    let Some(h) = value.as_object() else {
        return Err(VerifyError::Header(format!(
            "de header is {}, verwacht een object",
            value.kind_nl()
        )));
    };
    if let Some(j) = h.get("jwk") {
        if j.get("d").is_some() {
            return Err(VerifyError::PrivateKey);
        }
    }
    let alg = match h.get("alg") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(VerifyError::Header(format!(
                "alg: verkeerd type: {}, verwacht tekst",
                other.kind_nl()
            )))
        }
        None => return Err(VerifyError::Header("verplicht veld ‘alg’ ontbreekt".into())),
    };
    if alg != ALG {
        return Err(VerifyError::Algorithm(alg));
    }
    if h.contains_key("crit") {
        return Err(VerifyError::Critical);
    }
    match h.get("b64") {
        None | Some(Value::Bool(true)) => {}
        Some(_) => return Err(VerifyError::Unencoded),
    }
    let opt_text = |name: &str| -> Result<Option<String>, VerifyError> {
        match h.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(VerifyError::Header(format!(
                "{name}: verkeerd type: {}, verwacht tekst",
                other.kind_nl()
            ))),
        }
    };
    let kid = opt_text("kid")?;
    let typ = opt_text("typ")?;
    if let Some(t) = &typ {
        let t = t.to_ascii_lowercase();
        if t != TYP && t != format!("application/{TYP}") {
            return Err(VerifyError::Type(t));
        }
    }
    let jwk = PublicJwk::from_value(h.get("jwk").ok_or(VerifyError::NoKey)?)?;
    Ok(Header { alg, kid, typ, jwk })
}

fn parse_signature(o: &Map) -> Result<ParsedSignature, VerifyError> {
    if o.contains_key("header") {
        return Err(VerifyError::UnprotectedHeader);
    }
    let protected_b64 = required(o, "protected")?.to_owned();
    let header = header(&protected_b64)?;
    let point = header.jwk.point()?;
    let signature = b64::decode(required(o, "signature")?)
        .ok_or_else(|| VerifyError::NotJws("de handtekening is geen geldige base64url".into()))?;
    if signature.len() != 64 {
        return Err(VerifyError::NotJws(format!(
            "een ES256-handtekening is 64 bytes, niet {}",
            signature.len()
        )));
    }
    Ok(ParsedSignature {
        protected_b64,
        header,
        point,
        signature,
    })
}

/// Parses a JWS in flattened or general JSON serialization.
pub fn parse(text: &str) -> Result<ParsedJws, VerifyError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(VerifyError::TooLarge { bytes: text.len() });
    }
    let value = json::parse(text).map_err(|e| VerifyError::NotJws(e.to_string()))?;
    let Some(o) = value.as_object() else {
        return Err(VerifyError::NotJws(
            "een JWS in JSON-vorm is een object { … }".into(),
        ));
    };
    let payload_b64 = required(o, "payload")?.to_owned();
    let payload = b64::decode(&payload_b64)
        .ok_or_else(|| VerifyError::NotJws("de payload is geen geldige base64url".into()))?;
    let signatures = match o.get("signatures") {
        Some(Value::Array(list)) => {
            if o.contains_key("protected") || o.contains_key("signature") {
                return Err(VerifyError::NotJws(
                    "een JWS is óf algemeen (signatures) óf afgevlakt, niet beide".into(),
                ));
            }
            if o.contains_key("header") {
                return Err(VerifyError::UnprotectedHeader);
            }
            if list.is_empty() {
                return Err(VerifyError::NotJws(
                    "de JWS bevat geen handtekeningen".into(),
                ));
            }
            list.iter()
                .map(|s| match s {
                    Value::Object(m) => parse_signature(m),
                    _ => Err(VerifyError::NotJws(
                        "een handtekening in ‘signatures’ is geen object".into(),
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?
        }
        Some(other) => {
            return Err(VerifyError::NotJws(format!(
                "‘signatures’ is {}, verwacht een lijst",
                other.kind_nl()
            )))
        }
        None => vec![parse_signature(o)?],
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
    /// The signing key (of the first signature).
    pub jwk: PublicJwk,
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
pub fn verify(text: &str, trusted: Option<&[PublicJwk]>) -> Result<Verified, VerifyError> {
    use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

    let jws = parse(text)?;
    let mut kid = String::new();
    for (i, s) in jws.signatures.iter().enumerate() {
        let tp = thumbprint(&s.header.jwk);
        if s.header.kid.as_ref().is_some_and(|k| *k != tp) {
            return Err(VerifyError::KidMismatch);
        }
        let (x, y) = s.point;
        // SEC 1 uncompressed point.
        let mut point = Vec::with_capacity(65);
        point.push(4);
        point.extend_from_slice(&x);
        point.extend_from_slice(&y);
        if p256::PublicKey::from_sec1_bytes(&point).is_err() {
            return Err(VerifyError::Key(
                "de publieke sleutel is geen geldig punt op de curve P-256".into(),
            ));
        }
        if let Some(keys) = trusted {
            // The same key is the same point (what the thumbprint stands for), compared
            // without hashing every enrolled key for every file.
            if !keys.iter().any(|k| k.point().is_ok_and(|c| c == (x, y))) {
                return Err(VerifyError::Untrusted { thumbprint: tp });
            }
        }
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &point)
            .verify(jws.signing_input(i).as_bytes(), &s.signature)
            .map_err(|_| VerifyError::Signature)?;
        if i == 0 {
            kid = tp;
        }
    }
    let payload = jws.payload_text()?;
    let (document, canonical) =
        crate::parse::parse_document_canonical(payload).map_err(VerifyError::Payload)?;
    Ok(Verified {
        kid,
        jwk: jws.signatures[0].header.jwk.clone(),
        hash: sha256_b64(&jws.payload),
        canonical,
        document,
    })
}

/// An enrolled key of a JWK Set: the key, and the professional's name when the set gives it
/// (member `name`; docs/SIGNING.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnrolledKey {
    pub jwk: PublicJwk,
    pub name: Option<String>,
}

/// The P-256 public keys of a JWK Set (RFC 7517 §5, `{"keys": [...]}`); other key types are
/// skipped, a key with a private part is refused.
pub fn keys_of(text: &str) -> Result<Vec<EnrolledKey>, VerifyError> {
    let v = json::parse(text).map_err(|e| VerifyError::NotJws(e.to_string()))?;
    let Some(Value::Array(keys)) = v.get("keys") else {
        return Err(VerifyError::NotJws(
            "een JWK Set is een object met een lijst ‘keys’".into(),
        ));
    };
    let mut out = Vec::new();
    for k in keys {
        if k.get("kty").and_then(Value::as_str) != Some("EC")
            || k.get("crv").and_then(Value::as_str) != Some("P-256")
        {
            continue;
        }
        out.push(EnrolledKey {
            jwk: PublicJwk::from_value(k)?,
            name: k.get("name").and_then(Value::as_str).map(str::to_owned),
        });
    }
    Ok(out)
}
