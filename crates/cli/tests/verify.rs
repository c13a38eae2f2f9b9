//! `keukentafel verify` on signed exports.

use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::{b64, jcs, parse::parse_document};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_keukentafel");

fn key(seed: u8) -> (SigningKey, PublicJwk) {
    let sk = SigningKey::from_bytes(&[seed; 32].into()).unwrap();
    let p = sk.verifying_key().to_encoded_point(false);
    let jwk = PublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: b64::encode(p.x().unwrap()),
        y: b64::encode(p.y().unwrap()),
    };
    (sk, jwk)
}

fn signed(example: &str, sk: &SigningKey, jwk: &PublicJwk) -> String {
    let text = std::fs::read_to_string(format!(
        "{}/../../examples/records/{example}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let payload = jcs::to_canonical(&parse_document(&text).unwrap()).unwrap();
    let protected = b64::encode(jws::protected_header(jwk, &jws::thumbprint(jwk)).as_bytes());
    let payload_b64 = b64::encode(payload.as_bytes());
    let sig: Signature = sk.sign(jws::signing_input(&protected, &payload_b64).as_bytes());
    jws::flattened(&protected, &payload_b64, &b64::encode(&sig.to_bytes()))
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("kt-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap(),
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn verifies_signature_key_and_rules() {
    let (sk, jwk) = key(11);
    let (_, other) = key(12);
    let good = write("good.jws.json", &signed("valid-12-to-15.json", &sk, &jwk));
    let (code, l, _) = run(&["verify", "--today", "2026-11-30", &good]);
    assert_eq!(code, 0);
    assert_eq!(l[0]["valid"], true);
    assert_eq!(l[0]["kid"], jws::thumbprint(&jwk));
    assert_eq!(l[0]["recordId"], "6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e02");
    assert_eq!(l[0]["hash"].as_str().unwrap().len(), 43);

    // Enrolled keys.
    let mut named = serde_json::to_value(&jwk).unwrap();
    named["name"] = "Sanne de Vries".into();
    let trusted = write(
        "trusted.jwks",
        &serde_json::json!({"keys": [named]}).to_string(),
    );
    let (_, l, _) = run(&["verify", "--keys", &trusted, "--today", "2026-11-30", &good]);
    assert_eq!(
        l[0]["professional"], "Sanne de Vries",
        "the key set names who signed"
    );
    let untrusted = write(
        "other.jwks",
        &serde_json::json!({"keys": [other, {"kty": "RSA", "n": "x", "e": "AQAB"}]}).to_string(),
    );
    assert_eq!(
        run(&["verify", "--keys", &trusted, "--today", "2026-11-30", &good]).0,
        0
    );
    let (code, l, err) = run(&[
        "verify",
        "--keys",
        &untrusted,
        "--today",
        "2026-11-30",
        &good,
    ]);
    assert_eq!(code, 1);
    assert_eq!(l[0]["valid"], false);
    assert!(err.contains("niet ingeschreven"), "{err}");
    assert_eq!(l[0]["errorCode"], "untrusted-key");

    // A validly signed record that breaks a rule is not valid.
    let bad_rules = write(
        "rules.jws.json",
        &signed("invalid-14-without-child-signature.json", &sk, &jwk),
    );
    let (code, l, _) = run(&["verify", "--today", "2026-11-30", &bad_rules]);
    assert_eq!(code, 1);
    assert_eq!(l[0]["findings"][0]["code"], "REP-12-TO-15");

    // General serialization.
    let flat: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&good).unwrap()).unwrap();
    let general = write("general.jws.json", &serde_json::json!({"payload": flat["payload"], "signatures": [{"protected": flat["protected"], "signature": flat["signature"]}]}).to_string());
    assert_eq!(run(&["verify", "--today", "2026-11-30", &general]).0, 0);

    // Tampered, unreadable.
    let mut t = flat.clone();
    let mut sig = b64::decode(t["signature"].as_str().unwrap()).unwrap();
    sig[10] ^= 0x80;
    t["signature"] = b64::encode(&sig).into();
    let tampered = write("tampered.jws.json", &t.to_string());
    let (code, l, _) = run(&["verify", &good, &tampered]);
    assert_eq!(code, 1);
    assert_eq!(
        (l[0]["valid"].clone(), l[1]["valid"].clone()),
        (true.into(), false.into())
    );
    assert_eq!(l[1]["errorCode"], "signature");
    assert_eq!(run(&["verify", "/nonexistent.jws.json"]).0, 2);
    assert_eq!(run(&["verify", "--keys", "/nonexistent.jwks", &good]).0, 2);
}

#[test]
fn a_sealed_record_is_opened_with_the_municipality_key_and_then_verifies() {
    use keukentafel_core::jwe;
    let (sk, jwk) = key(21);
    let jws_text = signed("valid-12-to-15.json", &sk, &jwk);
    let demo_private = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/keys/municipality-demo.private.jwk.json"
    );
    let demo = jwe::PrivateJwk::from_json(&std::fs::read_to_string(demo_private).unwrap()).unwrap();
    let sealed = write(
        "record.jwe.json",
        &jwe::seal(jws_text.as_bytes(), &demo.public, "").unwrap(),
    );
    let out = std::process::Command::new(BIN)
        .args(["open", "--key", demo_private, &sealed])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), jws_text);
    // Opened into a folder, then verified as usual.
    let dir = std::path::Path::new(&sealed)
        .parent()
        .unwrap()
        .join("opened");
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(BIN)
        .args([
            "open",
            "--key",
            demo_private,
            "--out",
            dir.to_str().unwrap(),
            &sealed,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let opened = dir.join("record.jws.json");
    assert_eq!(
        run(&["verify", "--today", "2026-11-30", opened.to_str().unwrap()]).0,
        0
    );
    // Another key cannot open it.
    let other = write(
        "other.jwk",
        r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#,
    );
    let out = std::process::Command::new(BIN)
        .args(["open", "--key", &other, &sealed])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("andere sleutel"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let big = write("big.jws.json", "");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let (code, l, err) = run(&["verify", &big]);
    assert_eq!(code, 1);
    assert_eq!(l[0]["errorCode"], "too-large");
    assert!(err.contains("te groot"), "{err}");
}
