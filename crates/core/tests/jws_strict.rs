//! The strict JWS reader (issue: hardening): what a red-team pass found accepted that must be
//! refused, each with a Dutch reason.

use keukentafel_core::b64;
use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::parse::parse_document;
use keukentafel_core::*;
use p256::ecdsa::{signature::Signer, Signature};

mod support;
use support::key;

const TEEN: &str = include_str!("../../../examples/records/valid-12-to-15.json");

fn jwk_text(jwk: &PublicJwk) -> String {
    format!(
        r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}"#,
        jwk.x, jwk.y
    )
}

fn payload_b64() -> String {
    let doc = parse_document(TEEN).unwrap();
    b64::encode(jcs::to_canonical(&doc).unwrap().as_bytes())
}

/// A correctly signed flattened JWS with exactly this protected header text, and `extra`
/// members (JSON text, with a leading comma) in the JWS object.
fn signed_with_header(header: &str, extra: &str) -> String {
    let (sk, _) = key(5);
    let protected = b64::encode(header.as_bytes());
    let payload = payload_b64();
    let sig: Signature = sk.sign(jws::signing_input(&protected, &payload).as_bytes());
    format!(
        r#"{{"payload":"{payload}","protected":"{protected}","signature":"{}"{extra}}}"#,
        b64::encode(&sig.to_bytes())
    )
}

fn refused(file: &str) -> String {
    jws::verify(file, None)
        .map(|_| ())
        .expect_err("must be refused")
        .to_string()
}

#[test]
fn the_baseline_file_verifies() {
    let (_, jwk) = key(5);
    let h = format!(r#"{{"alg":"ES256","jwk":{}}}"#, jwk_text(&jwk));
    assert!(jws::verify(&signed_with_header(&h, ""), None).is_ok());
}

#[test]
fn a_member_given_twice_in_the_protected_header_is_refused() {
    let (_, jwk) = key(5);
    let (_, other) = key(6);
    let j = jwk_text(&jwk);
    let with_d = format!(
        r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}","d":"AAAA"}}"#,
        jwk.x, jwk.y
    );
    for h in [
        format!(r#"{{"alg":"none","alg":"ES256","jwk":{j}}}"#),
        format!(
            r#"{{"alg":"ES256","kid":"{}","kid":"{}","jwk":{j}}}"#,
            jws::thumbprint(&other),
            jws::thumbprint(&jwk)
        ),
        format!(r#"{{"alg":"ES256","jwk":{with_d},"jwk":{j}}}"#),
        format!(r#"{{"alg":"ES256","crit":["exp"],"crit":null,"jwk":{j}}}"#),
    ] {
        let e = refused(&signed_with_header(&h, ""));
        assert!(e.contains("twee keer"), "{h}: {e}");
    }
}

#[test]
fn an_unprotected_header_is_refused() {
    let (_, jwk) = key(5);
    let h = format!(r#"{{"alg":"ES256","jwk":{}}}"#, jwk_text(&jwk));
    let e = refused(&signed_with_header(&h, r#","header":{"kid":"x"}"#));
    assert!(e.contains("onbeschermde header"), "{e}");
    // In the general form too.
    let flat = signed_with_header(&h, "");
    let v = json::parse(&flat).unwrap();
    let general = format!(
        r#"{{"payload":"{}","signatures":[{{"protected":"{}","header":{{"alg":"none"}},"signature":"{}"}}]}}"#,
        v.get("payload").unwrap().as_str().unwrap(),
        v.get("protected").unwrap().as_str().unwrap(),
        v.get("signature").unwrap().as_str().unwrap()
    );
    let e = refused(&general);
    assert!(e.contains("onbeschermde header"), "{e}");
}

#[test]
fn b64_must_be_a_boolean() {
    let (_, jwk) = key(5);
    let j = jwk_text(&jwk);
    for b in [r#""false""#, "0", "null", r#""true""#] {
        let h = format!(r#"{{"alg":"ES256","b64":{b},"jwk":{j}}}"#);
        let e = refused(&signed_with_header(&h, ""));
        assert!(e.contains("b64"), "{b}: {e}");
    }
    let h = format!(r#"{{"alg":"ES256","b64":true,"jwk":{j}}}"#);
    assert!(jws::verify(&signed_with_header(&h, ""), None).is_ok());
}

#[test]
fn header_errors_are_dutch_and_name_the_member() {
    let (_, jwk) = key(5);
    let j = jwk_text(&jwk);
    let e = refused(&signed_with_header(&format!(r#"{{"jwk":{j}}}"#), ""));
    assert!(e.contains("‘alg’") && e.contains("ontbreekt"), "{e}");
    assert!(!e.contains("missing field"), "{e}");
    let e = refused(&signed_with_header(
        &format!(
            "{}{{\"alg\":\"ES256\",\"jwk\":{j}}}{}",
            "[".repeat(200),
            "]".repeat(200)
        ),
        "",
    ));
    assert!(e.contains("te diep genest"), "{e}");
    assert!(!e.contains("recursion"), "{e}");
    let e = refused(&signed_with_header(
        r#"{"alg":"ES256","jwk":{"kty":"EC","crv":"P-256","x":1,"y":"A"}}"#,
        "",
    ));
    assert!(e.contains("jwk.x"), "{e}");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let big = format!("{{\"payload\":\"{}\"}}", "A".repeat(jws::MAX_FILE_BYTES));
    let e = refused(&big);
    assert!(e.contains("te groot"), "{e}");
    assert!(e.contains("MB"), "{e}");
}

#[test]
fn a_key_that_is_not_on_the_curve_gets_a_dutch_reason() {
    let (_, jwk) = key(5);
    let mut off = jwk.clone();
    let mut y = b64::decode(&off.y).unwrap();
    y[31] ^= 1;
    off.y = b64::encode(&y);
    let h = format!(r#"{{"alg":"ES256","jwk":{}}}"#, jwk_text(&off));
    let e = refused(&signed_with_header(&h, ""));
    assert!(e.contains("geen geldig punt op de curve"), "{e}");
}

/// The largest realistic record — all eight categories with long purposes, six signers each with
/// four long strokes — signed, is far below the size limit.
#[test]
fn the_largest_realistic_record_is_far_below_the_limit() {
    let mut r = match parse_document(TEEN).unwrap() {
        Document::Consent(r) => r,
        _ => unreachable!(),
    };
    r.consent.categories = SpecialCategory::ALL
        .iter()
        .map(|c| CategoryConsent {
            category: *c,
            purpose: "Deze gegevens zijn nodig om de ondersteuning thuis en op school goed af te stemmen met alle betrokken partners. ".repeat(4),
            partners: vec!["sociaal-team".into(), "jeugdhulpaanbieder".into(), "huisarts".into()],
        })
        .collect();
    let stroke = |k: u16| -> Vec<[u16; 2]> {
        (0..400u16)
            .map(|i| [(i * 23 + k) % 10_000 + 1000, (i * 37 + k * 7) % 9000 + 1000])
            .collect()
    };
    let signer = r.consent.signers[0].clone();
    r.consent.signers = (0..6u16)
        .map(|n| keukentafel_core::Signer {
            name: format!("Ondertekenaar met een lange naam {n}"),
            signature: keukentafel_core::Signature {
                strokes: (0..4).map(|k| stroke(n * 4 + k)).collect(),
                alternative: None,
            },
            ..signer.clone()
        })
        .collect();
    let payload = jcs::to_canonical(&Document::Consent(r)).unwrap();
    let file_bytes = payload.len() * 4 / 3 + 400;
    println!(
        "largest realistic record: payload {} bytes, signed file about {file_bytes} bytes",
        payload.len()
    );
    assert!(file_bytes * 10 < jws::MAX_FILE_BYTES, "{file_bytes}");
}
