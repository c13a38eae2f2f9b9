//! Native benchmarks (no extra harness): validate one full record; verify + validate signed
//! exports on one core. Prints medians over repeated runs. Run: `cargo bench -p keukentafel-cli`.

// As in the `keukentafel` binary (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::{b64, jcs, parse::parse_document, validate, Date, Profile};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use std::hint::black_box;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let text = include_str!("../../../examples/records/valid-under-12.json");
    let doc = parse_document(text).unwrap();
    let profile = Profile::landsmeer();
    let today = Date::new(2026, 11, 30).unwrap();

    // validate one full record
    let mut runs = Vec::new();
    for _ in 0..15 {
        let n = 20_000;
        let t = Instant::now();
        for _ in 0..n {
            black_box(validate(black_box(&doc), &profile, today));
        }
        runs.push(t.elapsed().as_secs_f64() * 1e6 / f64::from(n));
    }
    let validate_us = median(runs);

    // verify + validate a signed export
    let sk = SigningKey::from_bytes(&[7u8; 32].into()).unwrap();
    let p = sk.verifying_key().to_encoded_point(false);
    let jwk = PublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: b64::encode(p.x().unwrap()),
        y: b64::encode(p.y().unwrap()),
    };
    let payload = b64::encode(jcs::to_canonical(&doc).unwrap().as_bytes());
    let protected = b64::encode(jws::protected_header(&jwk, &jws::thumbprint(&jwk)).as_bytes());
    let sig: Signature = sk.sign(jws::signing_input(&protected, &payload).as_bytes());
    let file = jws::flattened(&protected, &payload, &b64::encode(&sig.to_bytes()));
    let mut runs = Vec::new();
    for _ in 0..7 {
        let n = 1_000;
        let t = Instant::now();
        for _ in 0..n {
            let v = jws::verify(black_box(&file), None).unwrap();
            black_box(validate(&v.document, &profile, today));
        }
        runs.push(f64::from(n) / t.elapsed().as_secs_f64());
    }
    let per_s = median(runs);

    // The same through the `keukentafel verify` binary: files on disk, JSON lines out.
    let dir = std::env::temp_dir().join(format!("keukentafel-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<_> = (0..5_000)
        .map(|i| {
            let p = dir.join(format!("{i}.jws.json"));
            std::fs::write(&p, &file).unwrap();
            p
        })
        .collect();
    let mut runs = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_keukentafel"))
            .args(["verify", "--today", "2026-11-30"])
            .args(&files)
            .output()
            .unwrap();
        let secs = t.elapsed().as_secs_f64();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            out.stdout.iter().filter(|&&b| b == b'\n').count(),
            files.len()
        );
        runs.push(files.len() as f64 / secs);
    }
    let binary_per_s = median(runs);
    let _ = std::fs::remove_dir_all(&dir);

    println!("validate one full record (native)\t{validate_us:.2} µs\tbudget ≤ 20 µs");
    println!("verify + validate, one core\t{per_s:.0} records/s\tbudget ≥ 20000 records/s");
    println!(
        "  the same with `keukentafel verify` on 5 000 files (reading, JSON lines out)\t{binary_per_s:.0} records/s"
    );
}
