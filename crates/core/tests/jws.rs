//! The signed export: ES256 JWS over canonical JSON, verified natively.

use keukentafel_core::b64;
use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::parse::parse_document;
use keukentafel_core::*;
use p256::ecdsa::{signature::Signer, Signature, SigningKey};

mod support;
use support::key;

/// Signs a record the way the app does.
fn sign(record_json: &str, sk: &SigningKey, jwk: &PublicJwk) -> String {
    let doc = parse_document(record_json).unwrap();
    let payload = jcs::to_canonical(&doc).unwrap();
    let kid = jws::thumbprint(jwk);
    let protected = b64::encode(jws::protected_header(jwk, &kid).as_bytes());
    let payload_b64 = b64::encode(payload.as_bytes());
    let sig: Signature = sk.sign(jws::signing_input(&protected, &payload_b64).as_bytes());
    jws::flattened(&protected, &payload_b64, &b64::encode(&sig.to_bytes()))
}

const TEEN: &str = include_str!("../../../examples/records/valid-12-to-15.json");
const WITHDRAWAL: &str = include_str!("../../../examples/records/valid-withdrawal-after-16.json");

#[test]
fn rfc7638_thumbprint_example() {
    // RFC 7638 §3.1 uses an RSA key; its input-building rule is what we share. Check ours on
    // the member order and a known EC thumbprint computed independently (RFC 7638 style).
    let (_, jwk) = key(7);
    let input = jwk.thumbprint_input();
    assert!(input.starts_with("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""));
    assert_eq!(jws::thumbprint(&jwk).len(), 43);
}

#[test]
fn a_signed_record_verifies_and_names_its_hash() {
    let (sk, jwk) = key(3);
    let file = sign(TEEN, &sk, &jwk);
    let v = jws::verify(&file, None).unwrap();
    assert_eq!(v.kid, jws::thumbprint(&jwk));
    assert!(v.canonical);
    assert_eq!(
        v.document.record_id().as_str(),
        "6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e02"
    );
    let parsed = jws::parse(&file).unwrap();
    assert_eq!(v.hash, jws::sha256_b64(&parsed.payload));
    assert!(validate::is_record_hash(&v.hash));
    // Deterministic: signing the same record again gives the same payload and hash.
    let again = jws::verify(&sign(TEEN, &sk, &jwk), None).unwrap();
    assert_eq!(again.hash, v.hash);
}

#[test]
fn general_serialization_verifies_too() {
    let (sk, jwk) = key(3);
    let flat: serde_json::Value = serde_json::from_str(&sign(TEEN, &sk, &jwk)).unwrap();
    let general = serde_json::json!({
        "payload": flat["payload"],
        "signatures": [{ "protected": flat["protected"], "signature": flat["signature"] }]
    });
    assert!(jws::verify(&general.to_string(), None).is_ok());
    let both = serde_json::json!({
        "payload": flat["payload"], "protected": flat["protected"], "signature": flat["signature"],
        "signatures": [{ "protected": flat["protected"], "signature": flat["signature"] }]
    });
    assert!(jws::verify(&both.to_string(), None).is_err());
}

#[test]
fn every_single_byte_change_is_detected() {
    let (sk, jwk) = key(4);
    let file = sign(TEEN, &sk, &jwk);
    let v: serde_json::Value = serde_json::from_str(&file).unwrap();
    for member in ["payload", "protected", "signature"] {
        let original = v[member].as_str().unwrap().to_owned();
        let bytes = b64::decode(&original).unwrap();
        let step = (bytes.len() / 60).max(1);
        for pos in (0..bytes.len()).step_by(step) {
            let mut b = bytes.clone();
            b[pos] ^= 0x01;
            let mut t = v.clone();
            t[member] = b64::encode(&b).into();
            assert!(
                jws::verify(&t.to_string(), None).is_err(),
                "{member} byte {pos} changed but accepted"
            );
        }
    }
}

#[test]
fn header_and_key_rules() {
    let (sk, jwk) = key(5);
    let (_, other) = key(6);
    let file = sign(TEEN, &sk, &jwk);
    // Enrolled keys: only those are trusted.
    assert!(jws::verify(&file, Some(std::slice::from_ref(&jwk))).is_ok());
    let err = jws::verify(&file, Some(std::slice::from_ref(&other)))
        .unwrap_err()
        .to_string();
    assert!(err.contains("niet ingeschreven bij de backoffice"), "{err}");
    // A kid that is not the key's thumbprint.
    let v: serde_json::Value = serde_json::from_str(&file).unwrap();
    let payload = v["payload"].as_str().unwrap();
    let resign = |header: serde_json::Value| {
        let protected = b64::encode(header.to_string().as_bytes());
        let sig: Signature = sk.sign(jws::signing_input(&protected, payload).as_bytes());
        serde_json::json!({"payload": payload, "protected": protected, "signature": b64::encode(&sig.to_bytes())}).to_string()
    };
    let jwk_v = serde_json::to_value(&jwk).unwrap();
    assert!(jws::verify(
        &resign(serde_json::json!({"alg": "ES256", "jwk": jwk_v, "kid": jws::thumbprint(&other)})),
        None
    )
    .is_err());
    assert!(
        jws::verify(
            &resign(serde_json::json!({"alg": "ES256", "jwk": jwk_v})),
            None
        )
        .is_ok(),
        "kid and typ are optional"
    );
    assert!(jws::verify(
        &resign(serde_json::json!({"alg": "none", "jwk": jwk_v})),
        None
    )
    .is_err());
    assert!(
        jws::verify(&resign(serde_json::json!({"alg": "ES256"})), None).is_err(),
        "key required"
    );
    assert!(jws::verify(
        &resign(serde_json::json!({"alg": "ES256", "jwk": jwk_v, "crit": ["exp"]})),
        None
    )
    .is_err());
    assert!(
        jws::verify(
            &resign(serde_json::json!({"alg": "ES256", "jwk": jwk_v, "b64": false})),
            None
        )
        .is_err(),
        "unencoded payloads (RFC 7797) are refused"
    );
    assert!(
        jws::verify(
            &resign(serde_json::json!({"alg": "ES256", "jwk": jwk_v, "b64": true, "x-note": 1})),
            None
        )
        .is_ok(),
        "b64 true is the default; unknown members are ignored"
    );
    let mut with_d = jwk_v.clone();
    with_d["d"] = "AAAA".into();
    assert!(jws::verify(
        &resign(serde_json::json!({"alg": "ES256", "jwk": with_d})),
        None
    )
    .is_err());
    assert!(jws::verify(
        &resign(serde_json::json!({"alg": "ES256", "jwk": jwk_v, "typ": "JWT"})),
        None
    )
    .is_err());
    // Signed by another key than the one in the header.
    let (sk2, _) = key(9);
    let protected = b64::encode(jws::protected_header(&jwk, &jws::thumbprint(&jwk)).as_bytes());
    let sig: Signature = sk2.sign(jws::signing_input(&protected, payload).as_bytes());
    let forged = serde_json::json!({"payload": payload, "protected": protected, "signature": b64::encode(&sig.to_bytes())});
    assert!(jws::verify(&forged.to_string(), None).is_err());
}

#[test]
fn a_payload_that_is_no_record_is_refused() {
    let (sk, jwk) = key(8);
    let protected = b64::encode(jws::protected_header(&jwk, &jws::thumbprint(&jwk)).as_bytes());
    let payload = b64::encode(b"{\"hello\":\"world\"}");
    let sig: Signature = sk.sign(jws::signing_input(&protected, &payload).as_bytes());
    let file = jws::flattened(&protected, &payload, &b64::encode(&sig.to_bytes()));
    let err = jws::verify(&file, None).unwrap_err().to_string();
    assert!(err.contains("geen geldig keukentafel-record"), "{err}");
}

#[test]
fn withdrawal_after_16_by_client_alone_is_accepted_and_by_parent_alone_rejected() {
    let (sk, jwk) = key(10);
    let today = Date::new(2028, 4, 2).unwrap();
    let profile = Profile::landsmeer();
    let ok = jws::verify(&sign(WITHDRAWAL, &sk, &jwk), None).unwrap();
    assert!(validate(&ok.document, &profile, today).is_empty());
    let by_parent =
        include_str!("../../../examples/records/invalid-withdrawal-by-parent-after-16.json");
    let bad = jws::verify(&sign(by_parent, &sk, &jwk), None).unwrap();
    let f = validate(&bad.document, &profile, today);
    assert!(f.iter().any(|x| x.code == Code::WithdrawalBy), "{f:?}");
}

#[test]
fn file_names_carry_date_and_id_not_the_client() {
    let doc = parse_document(TEEN).unwrap();
    let name = jws::file_name(&doc, Date::new(2026, 11, 20).unwrap());
    assert_eq!(
        name,
        "keukentafel-2026-11-20-consent-6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e02.jws.json"
    );
    assert!(!name.contains("Daan"));
}

/// Signs arbitrary payload text (not necessarily canonical or even a record).
fn sign_text(payload: &str, sk: &SigningKey, jwk: &PublicJwk) -> String {
    let protected = b64::encode(jws::protected_header(jwk, &jws::thumbprint(jwk)).as_bytes());
    let payload_b64 = b64::encode(payload.as_bytes());
    let sig: Signature = sk.sign(jws::signing_input(&protected, &payload_b64).as_bytes());
    jws::flattened(&protected, &payload_b64, &b64::encode(&sig.to_bytes()))
}

#[test]
fn ambiguous_files_are_refused_even_when_correctly_signed() {
    let (sk, jwk) = key(11);
    // A record member given twice: two readers could see two different records.
    let doc = parse_document(TEEN).unwrap();
    let canonical = jcs::to_canonical(&doc).unwrap();
    let twice = canonical.replacen("{", "{\"schemaVersion\":1,", 1);
    let err = jws::verify(&sign_text(&twice, &sk, &jwk), None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("‘schemaVersion’ staat er twee keer in"),
        "{err}"
    );
    // Whitespace only: the same record, verified, but reported as not canonical.
    let pretty = serde_json::to_string_pretty(&doc).unwrap();
    let v = jws::verify(&sign_text(&pretty, &sk, &jwk), None).unwrap();
    assert!(!v.canonical);
    assert_eq!(v.document, doc);
    let v = jws::verify(&sign_text(&canonical, &sk, &jwk), None).unwrap();
    assert!(v.canonical);
    // A JWS member given twice.
    let file = sign(TEEN, &sk, &jwk);
    let doubled = file.replacen("{", "{\"payload\":\"e30\",", 1);
    let err = jws::verify(&doubled, None).unwrap_err().to_string();
    assert!(err.contains("‘payload’ staat er twee keer in"), "{err}");
}
