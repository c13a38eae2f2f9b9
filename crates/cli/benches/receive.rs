//! Load on `keukentafel serve`: 10 000 distinct signed records posted over loopback by a
//! bounded concurrent client (keep-alive connections), each stored exactly once and durably
//! (WAL, synchronous = FULL). Prints records per second and latency percentiles. Not a timed
//! test: `cargo bench -p keukentafel-cli --bench receive` (scripts/bench.sh runs it).

use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::{b64, jcs, parse::parse_document};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RECORDS: usize = 10_000;
const CONCURRENCY: usize = 32;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("kt-bench-receive-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("dist")).unwrap();

    let sk = SigningKey::from_bytes(&[7u8; 32].into()).unwrap();
    let p = sk.verifying_key().to_encoded_point(false);
    let jwk = PublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: b64::encode(p.x().unwrap()),
        y: b64::encode(p.y().unwrap()),
    };
    std::fs::write(
        dir.join("keys.jwks"),
        format!(
            r#"{{"keys":[{{"kty":"EC","crv":"P-256","x":"{}","y":"{}","name":"Sanne de Vries"}}]}}"#,
            jwk.x, jwk.y
        ),
    )
    .unwrap();
    let template: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("examples/records/valid-16-plus.json")).unwrap(),
    )
    .unwrap();
    let protected = b64::encode(jws::protected_header(&jwk, &jws::thumbprint(&jwk)).as_bytes());
    let t = Instant::now();
    let bodies: Vec<String> = (0..RECORDS)
        .map(|n| {
            let mut r = template.clone();
            r["recordId"] = format!("6b1f3c2e-8d4a-4b7e-9c1d-{n:012x}").into();
            let payload = jcs::to_canonical(&parse_document(&r.to_string()).unwrap()).unwrap();
            let payload_b64 = b64::encode(payload.as_bytes());
            let sig: Signature = sk.sign(jws::signing_input(&protected, &payload_b64).as_bytes());
            jws::flattened(&protected, &payload_b64, &b64::encode(&sig.to_bytes()))
        })
        .collect();
    eprintln!(
        "{RECORDS} records signed in {:.1} s ({} bytes each)",
        t.elapsed().as_secs_f64(),
        bodies[0].len()
    );

    let db = dir.join("keukentafel.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_keukentafel"))
        .arg("serve")
        .args(["--listen", "127.0.0.1:0", "--keys"])
        .arg(dir.join("keys.jwks"))
        .arg("--db")
        .arg(&db)
        .arg("--dist")
        .arg(dir.join("dist"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    let url = format!("{}v1/records", v["url"].as_str().unwrap());

    let post = |agent: &ureq::Agent, body: &str| -> (u16, Duration) {
        let t = Instant::now();
        let mut res = agent
            .post(&url)
            .header("Content-Type", "application/jose+json")
            .send(body)
            .unwrap();
        let mut s = String::new();
        res.body_mut().as_reader().read_to_string(&mut s).unwrap();
        (res.status().as_u16(), t.elapsed())
    };
    let run = |bodies: &[String]| -> (Vec<u16>, Vec<Duration>, Duration) {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let t = Instant::now();
        let results: Vec<Vec<(u16, Duration)>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..CONCURRENCY)
                .map(|_| {
                    s.spawn(|| {
                        let agent: ureq::Agent = ureq::Agent::config_builder()
                            .http_status_as_error(false)
                            .build()
                            .into();
                        let mut out = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(b) = bodies.get(i) else { break };
                            out.push(post(&agent, b));
                        }
                        out
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let elapsed = t.elapsed();
        let (codes, mut lat): (Vec<u16>, Vec<Duration>) = results.into_iter().flatten().unzip();
        lat.sort();
        (codes, lat, elapsed)
    };
    let pct = |lat: &[Duration], p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];

    let (codes, lat, elapsed) = run(&bodies);
    assert!(
        codes.iter().all(|&c| c == 201),
        "not every record was stored once"
    );
    println!(
        "receive: {RECORDS} new records, {CONCURRENCY} connections: {:.0} records/s durable; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        RECORDS as f64 / elapsed.as_secs_f64(),
        pct(&lat, 0.5).as_secs_f64() * 1e3,
        pct(&lat, 0.99).as_secs_f64() * 1e3,
        lat[lat.len() - 1].as_secs_f64() * 1e3,
    );
    let (codes, lat, elapsed) = run(&bodies[..2000]);
    assert!(
        codes.iter().all(|&c| c == 200),
        "a record sent again was not recognised"
    );
    println!(
        "receive: 2000 records sent again: {:.0} records/s; latency p50 {:.1} ms, p99 {:.1} ms (same receipt, no new row)",
        2000.0 / elapsed.as_secs_f64(),
        pct(&lat, 0.5).as_secs_f64() * 1e3,
        pct(&lat, 0.99).as_secs_f64() * 1e3,
    );
    let _ = child.kill();
    let _ = child.wait();
    let conn_count = Command::new(env!("CARGO_BIN_EXE_keukentafel"))
        .args(["inbox", "list", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let rows = String::from_utf8_lossy(&conn_count.stdout).lines().count();
    assert_eq!(rows, RECORDS, "rows in the database");
    println!("receive: {rows} rows in the database after kill, exactly one per record");
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!(
        "receive: database {:.1} MB for {RECORDS} records",
        size as f64 / 1e6
    );
    let _ = std::fs::remove_dir_all(&dir);
}
