//! Sealed records: sealed and opened natively, and a file sealed by an independent library
//! (npm `jose`) opened by the core.

use keukentafel_core::jwe::{self, OpenError, PrivateJwk};
use keukentafel_core::{b64, json, Profile};

const DEMO_PRIVATE: &str =
    include_str!("../../../examples/keys/municipality-demo.private.jwk.json");

fn demo() -> PrivateJwk {
    PrivateJwk::from_json(DEMO_PRIVATE).unwrap()
}

#[test]
fn the_shipped_profile_seals_to_the_demonstration_key() {
    let p = Profile::landsmeer();
    let key = p
        .sealing_key
        .expect("the default profile has a sealing key");
    assert!(key.demo, "and says it is the demonstration key");
    assert_eq!(key.jwk, demo().public);
}

#[test]
fn sealed_natively_and_opened() {
    let plain = b"{\"payload\":\"x\"}\n";
    let sealed = jwe::seal(plain, &demo().public, "gemeente").unwrap();
    assert_eq!(jwe::open(&sealed, &demo()).unwrap(), plain);
    let v = json::parse(&sealed).unwrap();
    assert!(jwe::is_jwe(&v));
    let header = b64::decode(v.get("protected").unwrap().as_str().unwrap()).unwrap();
    let header = json::parse_bytes(&header).unwrap();
    assert_eq!(header.get("alg").unwrap().as_str(), Some("ECDH-ES+A256KW"));
    assert_eq!(header.get("enc").unwrap().as_str(), Some("A256GCM"));
    assert_eq!(header.get("kid").unwrap().as_str(), Some("gemeente"));
    // Two seals of the same record differ (fresh ephemeral key, CEK and IV).
    assert_ne!(
        sealed,
        jwe::seal(plain, &demo().public, "gemeente").unwrap()
    );
}

#[test]
fn a_file_sealed_by_npm_jose_opens() {
    let text = include_str!("fixtures/sealed-by-npm-jose.jwe.json");
    let plain = jwe::open(text, &demo()).unwrap();
    assert!(plain.starts_with(b"{\"payload\""));
}

#[test]
fn tampering_another_key_or_another_algorithm_is_refused() {
    let sealed = jwe::seal(b"geheim", &demo().public, "").unwrap();
    let v = json::parse(&sealed).unwrap();
    for member in ["ciphertext", "tag", "encrypted_key", "iv"] {
        let mut bytes = b64::decode(v.get(member).unwrap().as_str().unwrap()).unwrap();
        bytes[0] ^= 1;
        let mut m = v.as_object().unwrap().clone();
        m.insert(member, b64::encode(&bytes));
        let e = jwe::open(&json::Value::Object(m).to_text(), &demo()).unwrap_err();
        assert_eq!(e, OpenError::Decrypt, "{member}");
    }
    let other = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#;
    let e = jwe::open(&sealed, &PrivateJwk::from_json(other).unwrap()).unwrap_err();
    assert_eq!(e, OpenError::Decrypt);
    assert!(e.to_string().contains("andere sleutel"));

    let mut m = v.as_object().unwrap().clone();
    m.insert(
        "protected",
        b64::encode(br#"{"alg":"dir","enc":"A256GCM"}"#),
    );
    let e = jwe::open(&json::Value::Object(m).to_text(), &demo()).unwrap_err();
    assert!(matches!(e, OpenError::Algorithm(_)), "{e}");
    let mut m = v.as_object().unwrap().clone();
    m.insert("header", json::Value::object([("kid", "x".into())]));
    assert!(matches!(
        jwe::open(&json::Value::Object(m).to_text(), &demo()),
        Err(OpenError::NotJwe(_))
    ));
    assert!(PrivateJwk::from_json(r#"{"kty":"EC","crv":"P-256","x":"a","y":"b"}"#).is_err());
}
