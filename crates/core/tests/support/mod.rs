//! What the signing tests share: a P-256 key from a seed, as the app's WebCrypto key would be.

use keukentafel_core::b64;
use keukentafel_core::jws::PublicJwk;
use p256::ecdsa::SigningKey;

/// A signing key and its public JWK, the same for the same seed.
pub fn key(seed: u8) -> (SigningKey, PublicJwk) {
    let mut bytes = [seed; 32];
    bytes[0] = 1;
    let sk = SigningKey::from_bytes(&bytes.into()).unwrap();
    let point = sk.verifying_key().to_encoded_point(false);
    let jwk = PublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: b64::encode(point.x().unwrap()),
        y: b64::encode(point.y().unwrap()),
    };
    (sk, jwk)
}
