//! Sealed records: a JWE (RFC 7516, flattened JSON serialization) with `ECDH-ES+A256KW` and
//! `A256GCM` (RFC 7518 §4.6, §5.3) to the municipality's public P-256 key, like ODK's encrypted
//! submissions. A signed record the tablet has not handed over is kept sealed: it survives a
//! wipe of the professional's keys, and nobody on the tablet can read it back.
//!
//! The browser seals with WebCrypto (`src/js/kluis.js`) from the header and the key-derivation
//! input built here; with the `crypto` feature the core seals and opens natively (the CLI's
//! `open`, the server, the tests). Any JOSE library opens it too (npm `jose`, PyPI `jwcrypto`).

use crate::b64;
use crate::json::{self, Value};
use crate::jws::PublicJwk;
use std::fmt;

pub const ALG: &str = "ECDH-ES+A256KW";
pub const ENC: &str = "A256GCM";
/// The content type of what is sealed: a JWS in JSON serialization.
pub const CTY: &str = "jose+json";

/// Why a sealed file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Not a JWE in flattened JSON form (with the reason).
    NotJwe(String),
    /// The header names another algorithm or encryption.
    Algorithm(String),
    /// The ephemeral key in the header is not a P-256 point.
    EphemeralKey,
    /// The private key given is not a P-256 private key (with the reason).
    PrivateKey(String),
    /// Sealed to another key, or changed since: the key unwrap or the tag failed.
    Decrypt,
}

impl OpenError {
    pub fn code(&self) -> &'static str {
        match self {
            OpenError::NotJwe(_) => "not-jwe",
            OpenError::Algorithm(_) => "algorithm",
            OpenError::EphemeralKey => "epk",
            OpenError::PrivateKey(_) => "private-key",
            OpenError::Decrypt => "decrypt",
        }
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotJwe(why) => write!(f, "geen verzegeld bestand (JWE in JSON-vorm): {why}"),
            OpenError::Algorithm(what) => write!(
                f,
                "versleuteling ‘{}’ wordt niet ondersteund; alleen {ALG} met {ENC}",
                crate::text::quote(what)
            ),
            OpenError::EphemeralKey => {
                f.write_str("de tijdelijke sleutel (epk) in de header is geen geldig P-256-punt")
            }
            OpenError::PrivateKey(why) => write!(f, "de sleutel van de gemeente is onbruikbaar: {why}"),
            OpenError::Decrypt => f.write_str(
                "openen is niet gelukt: het bestand is verzegeld voor een andere sleutel, of het is gewijzigd",
            ),
        }
    }
}

impl std::error::Error for OpenError {}

/// The protected header for an ephemeral public key, as canonical JSON.
pub fn protected_header(epk: &PublicJwk, kid: &str) -> String {
    let mut members = vec![
        ("alg", Value::from(ALG)),
        ("cty", CTY.into()),
        ("enc", ENC.into()),
        ("epk", epk.to_value()),
    ];
    if !kid.is_empty() {
        members.push(("kid", kid.into()));
    }
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
    .canonical()
}

/// The Concat KDF's OtherInfo (RFC 7518 §4.6.2) for a 256-bit key-wrapping key, without
/// PartyUInfo and PartyVInfo: AlgorithmID, PartyUInfo, PartyVInfo, SuppPubInfo.
pub fn kdf_other_info() -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + ALG.len() + 12);
    out.extend_from_slice(&(ALG.len() as u32).to_be_bytes());
    out.extend_from_slice(ALG.as_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(&256u32.to_be_bytes());
    out
}

/// The flattened JWE JSON serialization, canonical, with a final newline.
pub fn flattened(
    protected_b64: &str,
    encrypted_key_b64: &str,
    iv_b64: &str,
    ciphertext_b64: &str,
    tag_b64: &str,
) -> String {
    let mut s = Value::object([
        ("ciphertext", ciphertext_b64.into()),
        ("encrypted_key", encrypted_key_b64.into()),
        ("iv", iv_b64.into()),
        ("protected", protected_b64.into()),
        ("tag", tag_b64.into()),
    ])
    .canonical();
    s.push('\n');
    s
}

/// Whether a JSON text looks like a JWE (has `ciphertext`) rather than a JWS.
pub fn is_jwe(v: &Value) -> bool {
    v.get("ciphertext").is_some()
}

/// A sealed file, read but not opened.
#[derive(Clone, Debug)]
pub struct ParsedJwe {
    pub protected_b64: String,
    pub epk: PublicJwk,
    pub kid: Option<String>,
    pub encrypted_key: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub tag: Vec<u8>,
}

/// Reads a flattened JWE; refuses other algorithms, unprotected headers and AAD.
pub fn parse(text: &str) -> Result<ParsedJwe, OpenError> {
    if text.len() > crate::jws::MAX_FILE_BYTES * 2 {
        return Err(OpenError::NotJwe("het bestand is te groot".into()));
    }
    let v = json::parse(text).map_err(|e| OpenError::NotJwe(e.to_string()))?;
    let Some(o) = v.as_object() else {
        return Err(OpenError::NotJwe(
            "een JWE in JSON-vorm is een object { … }".into(),
        ));
    };
    for refused in ["unprotected", "header", "aad", "recipients"] {
        if o.contains_key(refused) {
            return Err(OpenError::NotJwe(format!(
                "het lid ‘{refused}’ hoort niet in een verzegeld keukentafel-bestand"
            )));
        }
    }
    let member = |name: &str| -> Result<Vec<u8>, OpenError> {
        let s = o
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| OpenError::NotJwe(format!("het lid ‘{name}’ ontbreekt")))?;
        b64::decode(s)
            .ok_or_else(|| OpenError::NotJwe(format!("‘{name}’ is geen geldige base64url")))
    };
    let protected_b64 = o
        .get("protected")
        .and_then(Value::as_str)
        .ok_or_else(|| OpenError::NotJwe("het lid ‘protected’ ontbreekt".into()))?
        .to_owned();
    let header_bytes = b64::decode(&protected_b64)
        .ok_or_else(|| OpenError::NotJwe("de header is geen geldige base64url".into()))?;
    let h = json::parse_bytes(&header_bytes).map_err(|e| OpenError::NotJwe(e.to_string()))?;
    let text_of = |name: &str| h.get(name).and_then(Value::as_str).unwrap_or("");
    if text_of("alg") != ALG {
        return Err(OpenError::Algorithm(text_of("alg").to_owned()));
    }
    if text_of("enc") != ENC {
        return Err(OpenError::Algorithm(text_of("enc").to_owned()));
    }
    if h.get("zip").is_some() || h.get("crit").is_some() {
        return Err(OpenError::NotJwe(
            "‘zip’ en ‘crit’ worden niet ondersteund".into(),
        ));
    }
    let epk = h
        .get("epk")
        .and_then(|e| PublicJwk::from_value(e).ok())
        .ok_or(OpenError::EphemeralKey)?;
    let iv = member("iv")?;
    let tag = member("tag")?;
    if iv.len() != 12 || tag.len() != 16 {
        return Err(OpenError::NotJwe(
            "iv is 12 bytes en tag 16 bytes bij A256GCM".into(),
        ));
    }
    Ok(ParsedJwe {
        kid: h.get("kid").and_then(Value::as_str).map(str::to_owned),
        epk,
        encrypted_key: member("encrypted_key")?,
        iv,
        ciphertext: member("ciphertext")?,
        tag,
        protected_b64,
    })
}

/// A P-256 private key (JWK with `d`): the municipality's, for opening sealed records.
#[derive(Clone)]
pub struct PrivateJwk {
    pub public: PublicJwk,
    #[cfg_attr(not(feature = "crypto"), allow(dead_code))]
    d: Vec<u8>,
}

impl fmt::Debug for PrivateJwk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateJwk({:?}, d: …)", self.public)
    }
}

impl PrivateJwk {
    pub fn from_json(text: &str) -> Result<PrivateJwk, OpenError> {
        let v = json::parse(text).map_err(|e| OpenError::PrivateKey(e.to_string()))?;
        let d = v
            .get("d")
            .and_then(Value::as_str)
            .and_then(b64::decode)
            .filter(|d| d.len() == 32)
            .ok_or_else(|| {
                OpenError::PrivateKey("het bestand bevat geen privésleutel (d, 32 bytes)".into())
            })?;
        let mut public = v.clone();
        if let Value::Object(m) = &mut public {
            m.remove("d");
        }
        let public =
            PublicJwk::from_value(&public).map_err(|e| OpenError::PrivateKey(e.to_string()))?;
        Ok(PrivateJwk { public, d })
    }
}

#[cfg(feature = "crypto")]
fn kek_from(z: &[u8]) -> [u8; 32] {
    let mut input = Vec::with_capacity(4 + z.len() + 32);
    input.extend_from_slice(&1u32.to_be_bytes());
    input.extend_from_slice(z);
    input.extend_from_slice(&kdf_other_info());
    let digest = ring::digest::digest(&ring::digest::SHA256, &input);
    let mut kek = [0u8; 32];
    kek.copy_from_slice(digest.as_ref());
    kek
}

/// Opens a sealed file with the municipality's private key: the plaintext (the signed JWS).
#[cfg(feature = "crypto")]
pub fn open(text: &str, key: &PrivateJwk) -> Result<Vec<u8>, OpenError> {
    use ring::aead;
    let jwe = parse(text)?;
    let secret = p256::SecretKey::from_slice(&key.d)
        .map_err(|_| OpenError::PrivateKey("d is geen geldige P-256-privésleutel".into()))?;
    let (x, y) = jwe.epk.point().map_err(|_| OpenError::EphemeralKey)?;
    let mut sec1 = vec![4u8];
    sec1.extend_from_slice(&x);
    sec1.extend_from_slice(&y);
    let epk = p256::PublicKey::from_sec1_bytes(&sec1).map_err(|_| OpenError::EphemeralKey)?;
    let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), epk.as_affine());
    let kek = kek_from(shared.raw_secret_bytes().as_slice());
    let mut cek = [0u8; 32];
    aes_kw::KekAes256::from(kek)
        .unwrap(&jwe.encrypted_key, &mut cek)
        .map_err(|_| OpenError::Decrypt)?;
    let key = aead::LessSafeKey::new(
        aead::UnboundKey::new(&aead::AES_256_GCM, &cek).map_err(|_| OpenError::Decrypt)?,
    );
    let nonce = aead::Nonce::try_assume_unique_for_key(&jwe.iv).map_err(|_| OpenError::Decrypt)?;
    let mut data = jwe.ciphertext.clone();
    data.extend_from_slice(&jwe.tag);
    let plain = key
        .open_in_place(
            nonce,
            aead::Aad::from(jwe.protected_b64.as_bytes()),
            &mut data,
        )
        .map_err(|_| OpenError::Decrypt)?;
    Ok(plain.to_vec())
}

/// Seals `plaintext` to `recipient` natively (the server's tests, the CLI's test fixtures; the
/// tablet seals with WebCrypto the same way).
#[cfg(feature = "crypto")]
pub fn seal(plaintext: &[u8], recipient: &PublicJwk, kid: &str) -> Result<String, OpenError> {
    use ring::rand::SecureRandom;
    use ring::{aead, agreement, rand};
    let rng = rand::SystemRandom::new();
    let fail = || OpenError::PrivateKey("verzegelen is niet gelukt".into());
    let eph = agreement::EphemeralPrivateKey::generate(&agreement::ECDH_P256, &rng)
        .map_err(|_| fail())?;
    let eph_pub = eph.compute_public_key().map_err(|_| fail())?;
    let bytes = eph_pub.as_ref();
    let epk = PublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: b64::encode(&bytes[1..33]),
        y: b64::encode(&bytes[33..65]),
    };
    let (x, y) = recipient.point().map_err(|_| fail())?;
    let mut peer = vec![4u8];
    peer.extend_from_slice(&x);
    peer.extend_from_slice(&y);
    let kek = agreement::agree_ephemeral(
        eph,
        &agreement::UnparsedPublicKey::new(&agreement::ECDH_P256, &peer),
        kek_from,
    )
    .map_err(|_| fail())?;
    let mut cek = [0u8; 32];
    rng.fill(&mut cek).map_err(|_| fail())?;
    let mut iv = [0u8; 12];
    rng.fill(&mut iv).map_err(|_| fail())?;
    let mut wrapped = [0u8; 40];
    aes_kw::KekAes256::from(kek)
        .wrap(&cek, &mut wrapped)
        .map_err(|_| fail())?;
    let protected_b64 = b64::encode(protected_header(&epk, kid).as_bytes());
    let key = aead::LessSafeKey::new(
        aead::UnboundKey::new(&aead::AES_256_GCM, &cek).map_err(|_| fail())?,
    );
    let mut data = plaintext.to_vec();
    let tag = key
        .seal_in_place_separate_tag(
            aead::Nonce::assume_unique_for_key(iv),
            aead::Aad::from(protected_b64.as_bytes()),
            &mut data,
        )
        .map_err(|_| fail())?;
    Ok(flattened(
        &protected_b64,
        &b64::encode(&wrapped),
        &b64::encode(&iv),
        &b64::encode(&data),
        &b64::encode(tag.as_ref()),
    ))
}
