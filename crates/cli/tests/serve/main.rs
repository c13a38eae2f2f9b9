//! `keukentafel serve` as a municipality runs it: a real process, a real SQLite file, real
//! HTTP — records received exactly once, refusals that store nothing, faults injected by
//! killing the process, the back-office commands on the same database.

mod server;

use server::*;

fn alice() -> Professional {
    Professional::new(21, "Sanne de Vries")
}

/// A server with Sanne's key enrolled.
fn started(name: &str) -> Server {
    let dir = folder(name);
    key_set(&dir.join("keys.jwks"), &[&alice()]);
    Server::start(&dir, &[], &[])
}

#[test]
fn a_record_is_received_once_with_a_receipt_sealed_or_not() {
    let s = started("once");
    let (jws, hash) = alice().sign(&consent(1));
    let first = s.post_jose(&jws);
    assert_eq!(first.status, 201, "{}", first.body);
    let receipt = first.json();
    assert_eq!(receipt["hash"], hash.as_str());
    assert_eq!(receipt["recordType"], "consent");
    assert_eq!(receipt["recordId"], consent(1)["recordId"]);
    assert!(receipt["receivedAt"].as_str().unwrap().ends_with('Z'));

    // The same record again, and sealed: the same receipt, never a second row.
    let again = s.post_jose(&jws);
    assert_eq!(again.status, 200);
    assert_eq!(again.json(), receipt);
    let sealed = s.post_jose(&seal(&jws));
    assert_eq!(sealed.status, 200, "{}", sealed.body);
    assert_eq!(sealed.json(), receipt);
    let rows = s.rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["hash"], hash.as_str());
    assert_eq!(rows[0]["dossierReference"], "LM-2026-0414");
    assert_eq!(rows[0]["professional"], "Sanne de Vries");
    assert_eq!(rows[0]["keepUntil"], consent(1)["retention"]["keepUntil"]);

    // The exact JWS comes out again, and verifies.
    let (code, exported) = s.cli(&["inbox", "export", &hash]);
    assert_eq!(code, 0);
    assert_eq!(exported, jws);
    assert_eq!(s.cli(&["inbox", "export", "--as-received", &hash]).1, jws);
    let file = s.dir.join("export.jws.json");
    std::fs::write(&file, &exported).unwrap();
    let keys = s.dir.join("keys.jwks");
    let out = std::process::Command::new(BIN)
        .args(["verify", "--keys"])
        .arg(&keys)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_sealed_record_is_kept_as_received() {
    let s = started("sealed");
    let (jws, hash) = alice().sign(&consent(2));
    let jwe = seal(&jws);
    assert_eq!(s.post_jose(&jwe).status, 201);
    let (_, received) = s.cli(&["inbox", "export", "--as-received", &hash]);
    assert_eq!(received, jwe);
    let (_, exported) = s.cli(&["inbox", "export", &hash]);
    assert_eq!(exported, jws);
    let (code, _) = s.cli(&["inbox", "export", "onbekend"]);
    assert_eq!(code, 1);
}

/// Each bad input: its status and code, a Dutch message, nothing stored, the server serving.
#[test]
fn bad_input_is_refused_and_nothing_is_stored() {
    let s = started("bad");
    let (jws, _) = alice().sign(&consent(3));
    let stranger = Professional::new(99, "Onbekende Collega");
    let (unenrolled, _) = stranger.sign(&consent(4));
    let mut tampered: serde_json::Value = serde_json::from_str(&jws).unwrap();
    let p = tampered["payload"].as_str().unwrap().to_owned();
    let flipped = if p.ends_with('A') { 'B' } else { 'A' };
    tampered["payload"] = format!("{}{flipped}", &p[..p.len() - 1]).into();
    let mut unsigned: serde_json::Value = serde_json::from_str(&jws).unwrap();
    unsigned.as_object_mut().unwrap().remove("signature");
    let mut invalid = consent(5);
    invalid["informing"]["explained"] = false.into();
    let (invalid, _) = alice().sign(&invalid);
    let mut someone_else = consent(6);
    someone_else["professional"]["name"] = "Karin Bakker".into();
    let (someone_else, _) = alice().sign(&someone_else);
    let mut broken_seal: serde_json::Value = serde_json::from_str(&seal(&jws)).unwrap();
    broken_seal["tag"] = "AAAAAAAAAAAAAAAAAAAAAA".into();

    let cases: Vec<(&str, &str, Vec<u8>, u16, &str)> = vec![
        (
            "tampered",
            "application/jose+json",
            tampered.to_string().into_bytes(),
            422,
            "signature",
        ),
        (
            "unsigned",
            "application/jose+json",
            unsigned.to_string().into_bytes(),
            400,
            "not-jws",
        ),
        (
            "unenrolled",
            "application/jose+json",
            unenrolled.clone().into_bytes(),
            403,
            "untrusted-key",
        ),
        (
            "breaks the rules",
            "application/jose+json",
            invalid.into_bytes(),
            422,
            "rules",
        ),
        (
            "another's name",
            "application/jose+json",
            someone_else.into_bytes(),
            422,
            "not-the-signer",
        ),
        (
            "broken seal",
            "application/jose+json",
            broken_seal.to_string().into_bytes(),
            422,
            "decrypt",
        ),
        (
            "truncated",
            "application/jose+json",
            jws.as_bytes()[..jws.len() / 2].to_vec(),
            400,
            "not-json",
        ),
        (
            "not JSON",
            "application/jose+json",
            b"dit is geen record".to_vec(),
            400,
            "not-json",
        ),
        (
            "JSON, no record",
            "application/json",
            br#"{"hallo": "wereld"}"#.to_vec(),
            400,
            "not-a-record",
        ),
        (
            "not UTF-8",
            "application/jose+json",
            vec![0xff, 0xfe, b'{'],
            400,
            "not-utf8",
        ),
        (
            "wrong content type",
            "text/plain",
            jws.clone().into_bytes(),
            415,
            "content-type",
        ),
        (
            "a form",
            "application/x-www-form-urlencoded",
            b"a=b".to_vec(),
            415,
            "content-type",
        ),
    ];
    for (what, ctype, body, status, code) in &cases {
        let a = s.post(ctype, body);
        assert_eq!(a.status, *status, "{what}: {}", a.body);
        let j = a.json();
        assert_eq!(j["errorCode"], *code, "{what}: {}", a.body);
        let message = j["message"].as_str().unwrap();
        assert!(
            message.len() > 10 && !message.contains("error"),
            "{what}: {message}"
        );
    }
    let rules = s.post(
        "application/jose+json",
        {
            let mut r = consent(7);
            r["informing"]["explained"] = false.into();
            alice().sign(&r).0
        }
        .as_bytes(),
    );
    assert!(rules.json()["findings"]
        .as_array()
        .is_some_and(|f| !f.is_empty()));
    assert!(s.rows().is_empty(), "a refused record was stored");
    // Still serving.
    assert_eq!(s.post_jose(&jws).status, 201);
    assert_eq!(s.get("/v1/health", &[]).status, 200);
    assert_eq!(s.rows().len(), 1);
}

/// Sends the head of a request and `part` of its body over a plain socket, then reads the
/// answer: what a client sees that announces (or streams) more than the limit.
fn raw_post(url: &str, head: &str, part: &[u8]) -> String {
    use std::io::{Read, Write};
    let addr = url.trim_start_matches("http://");
    let mut c = std::net::TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    c.write_all(format!("POST /v1/records HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/jose+json\r\n{head}\r\n").as_bytes()).unwrap();
    let _ = c.write_all(part);
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = c.read(&mut buf) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
        if answer.windows(4).any(|w| w == b"\r\n\r\n") && answer.ends_with(b"}") {
            break;
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn an_oversized_body_is_refused_without_reading_it() {
    let s = started("oversized");
    // Announced as 100 MB, and only a byte sent: refused at once, without waiting for the rest.
    let a = raw_post(&s.url, "Content-Length: 104857600\r\n", b"{");
    assert!(a.starts_with("HTTP/1.1 413"), "{a}");
    assert!(
        a.contains("too-large") && a.contains("hoogstens 1024 kB"),
        "{a}"
    );
    // Streamed without a length: refused once it passes the limit.
    let mut chunks = Vec::new();
    for _ in 0..20 {
        chunks.extend_from_slice(format!("{:x}\r\n", 65536).as_bytes());
        chunks.extend_from_slice(&[b' '; 65536]);
        chunks.extend_from_slice(b"\r\n");
    }
    let a = raw_post(&s.url, "Transfer-Encoding: chunked\r\n", &chunks);
    assert!(a.starts_with("HTTP/1.1 413"), "{a}");
    // Nothing stored, still serving.
    assert!(s.rows().is_empty());
    assert_eq!(s.get("/v1/health", &[]).status, 200);
}

#[test]
fn other_methods_and_paths_are_answered_in_dutch() {
    let s = started("methods");
    let a = s.get("/v1/records", &[]);
    assert_eq!(a.status, 405);
    assert_eq!(a.header("allow"), Some("POST"));
    let nf = s.get("/bestaat-niet", &[]);
    assert_eq!(nf.status, 404);
    assert!(nf.body.contains("Niet gevonden"));
}

#[test]
fn a_key_enrolled_while_running_is_accepted_on_the_next_try() {
    let s = started("enrol");
    let karin = Professional::new(31, "Karin Bakker");
    let mut r = consent(8);
    r["professional"]["name"] = karin.name.into();
    let (jws, _) = karin.sign(&r);
    let refused = s.post_jose(&jws);
    assert_eq!(refused.status, 403);
    assert!(refused.json()["message"]
        .as_str()
        .unwrap()
        .contains("niet ingeschreven"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    key_set(&s.dir.join("keys.jwks"), &[&alice(), &karin]);
    let accepted = s.post_jose(&jws);
    assert_eq!(accepted.status, 201, "{}", accepted.body);
    assert_eq!(s.rows()[0]["professional"], "Karin Bakker");
}

#[test]
fn a_withdrawal_is_linked_to_its_consent_in_either_order() {
    let s = started("link");
    // Consent first, then its withdrawal.
    let c1 = consent(10);
    let (c1_jws, c1_hash) = alice().sign(&c1);
    let (w1_jws, w1_hash) = alice().sign(&withdrawal(10, &c1_hash, &c1));
    assert_eq!(s.post_jose(&c1_jws).status, 201);
    let w = s.post_jose(&w1_jws);
    assert_eq!(w.status, 201, "{}", w.body);
    // The withdrawal first, then the consent (the tablet sends in any order).
    let c2 = consent(11);
    let (c2_jws, c2_hash) = alice().sign(&c2);
    let (w2_jws, w2_hash) = alice().sign(&withdrawal(11, &c2_hash, &c2));
    assert_eq!(s.post_jose(&w2_jws).status, 201);
    assert_eq!(s.post_jose(&c2_jws).status, 201);
    let rows = s.rows();
    let row = |h: &str| rows.iter().find(|r| r["hash"] == h).unwrap().clone();
    assert_eq!(row(&c1_hash)["withdrawnBy"], w1_hash.as_str());
    assert_eq!(row(&w1_hash)["withdraws"], c1_hash.as_str());
    assert_eq!(row(&c2_hash)["withdrawnBy"], w2_hash.as_str());
    assert_eq!(row(&w2_hash)["withdraws"], c2_hash.as_str());
    // A withdrawal is kept as long as its consent.
    assert_eq!(row(&w1_hash)["keepUntil"], row(&c1_hash)["keepUntil"]);
    assert_eq!(row(&w2_hash)["keepUntil"], row(&c2_hash)["keepUntil"]);
    let (_, list) = s.cli(&["inbox", "list", "--kind", "withdrawal"]);
    assert_eq!(list.lines().count(), 2);
}

#[test]
fn retention_lists_what_has_passed_its_keep_until_date() {
    let s = started("retention");
    let mut old = consent(20);
    old["retention"] = serde_json::json!({ "supportClosed": "2020-05-01", "keepUntil": "2025-12-31", "longerReason": "" });
    let (old_jws, old_hash) = alice().sign(&old);
    let a = s.post_jose(&old_jws);
    assert_eq!(a.status, 201, "{}", a.body);
    let (w_jws, w_hash) = alice().sign(&withdrawal(20, &old_hash, &old));
    assert_eq!(s.post_jose(&w_jws).status, 201);
    let (young_jws, _) = alice().sign(&consent(21));
    assert_eq!(s.post_jose(&young_jws).status, 201);
    let (code, out) = s.cli(&["retention", "--today", "2026-01-01"]);
    assert_eq!(code, 0);
    let hashes: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["hash"].clone())
        .collect();
    assert_eq!(
        hashes,
        vec![
            serde_json::Value::from(old_hash.as_str()),
            w_hash.as_str().into()
        ]
    );
    // On the last day itself it is still kept.
    let (_, out) = s.cli(&["retention", "--today", "2025-12-31"]);
    assert_eq!(out, "");
}

#[test]
fn requests_are_listed_from_the_database() {
    let s = started("requests");
    // One request decided, one still open.
    let decided = example("valid-request-rejected.json");
    let mut open = decided.clone();
    open["recordId"] = "8d3f3c2e-8d4a-4b7e-9c1d-000000000001".into();
    open["decision"] = serde_json::Value::Null;
    open["partnersInformed"] = serde_json::json!([]);
    for r in [&decided, &open] {
        let (jws, _) = alice().sign(r);
        let a = s.post_jose(&jws);
        assert_eq!(a.status, 201, "{}", a.body);
    }
    let (code, out) = s.cli(&["requests", "--today", "2026-11-21"]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert_eq!(lines[0]["recordId"], open["recordId"]);
    assert_eq!(lines[0]["deadline"], open["deadline"]);
    assert_eq!(
        s.rows().iter().filter(|r| r["kind"] == "request").count(),
        2
    );
}

#[test]
fn two_senders_at_once_make_one_row() {
    let s = started("concurrent");
    let (jws, _) = alice().sign(&consent(30));
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..16)
            .map(|_| scope.spawn(|| s.post_jose(&jws).status))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        statuses.iter().filter(|&&c| c == 201).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|&c| c == 201 || c == 200),
        "{statuses:?}"
    );
    assert_eq!(s.rows().len(), 1);
}

/// The process dies after writing, before the commit: nothing is stored, the tablet gets no
/// receipt and sends again — one row.
#[test]
fn killed_before_the_commit_the_retry_stores_it_once() {
    let dir = folder("before-commit");
    key_set(&dir.join("keys.jwks"), &[&alice()]);
    let (jws, hash) = alice().sign(&consent(40));
    let mut s = Server::start(&dir, &[], &[("KEUKENTAFEL_TEST_FAULT", "before-commit")]);
    assert!(
        s.try_post("application/jose+json", jws.as_bytes()).is_err(),
        "no answer expected"
    );
    assert!(!s.wait_died().success());
    let s = Server::start(&dir, &[], &[]);
    assert!(s.rows().is_empty(), "nothing was committed");
    assert_eq!(s.post_jose(&jws).status, 201);
    let rows = s.rows();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["hash"], hash.as_str());
}

/// The process dies after the commit, before the answer: the record is there; the retry gets
/// the same receipt (200), still one row.
#[test]
fn killed_after_the_commit_the_retry_gets_the_same_receipt() {
    let dir = folder("after-commit");
    key_set(&dir.join("keys.jwks"), &[&alice()]);
    let (jws, hash) = alice().sign(&consent(41));
    let mut s = Server::start(&dir, &[], &[("KEUKENTAFEL_TEST_FAULT", "after-commit")]);
    assert!(
        s.try_post("application/jose+json", jws.as_bytes()).is_err(),
        "no answer expected"
    );
    assert!(!s.wait_died().success());
    let s = Server::start(&dir, &[], &[]);
    assert_eq!(s.rows().len(), 1, "committed before it died");
    let again = s.post_jose(&jws);
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["hash"], hash.as_str());
    assert_eq!(s.rows().len(), 1);
}

/// `kill -9` right after a receipt: the receipt was only sent after the commit, so the record
/// is there after a restart.
#[test]
fn a_receipt_survives_kill_9() {
    let dir = folder("kill9");
    key_set(&dir.join("keys.jwks"), &[&alice()]);
    let mut s = Server::start(&dir, &[], &[]);
    let mut hashes = vec![];
    for n in 0..20 {
        let (jws, hash) = alice().sign(&consent(50 + n));
        assert_eq!(s.post_jose(&jws).status, 201);
        hashes.push(hash);
    }
    s.kill();
    let s = Server::start(&dir, &[], &[]);
    let rows = s.rows();
    assert_eq!(rows.len(), 20);
    for h in &hashes {
        assert!(rows.iter().any(|r| r["hash"] == h.as_str()));
    }
}

/// A full disk (SQLite's own SQLITE_FULL, at a size limit the test sets): refused with 503
/// and a Dutch reason, nothing half-stored, and everything goes in once there is room.
#[test]
fn a_full_disk_refuses_with_503_and_loses_nothing() {
    let dir = folder("full");
    key_set(&dir.join("keys.jwks"), &[&alice()]);
    let records: Vec<(String, String)> =
        (0..200).map(|n| alice().sign(&consent(100 + n))).collect();
    let stored_before;
    {
        let s = Server::start(&dir, &[], &[("KEUKENTAFEL_TEST_MAX_PAGES", "40")]);
        let mut full = None;
        for (jws, _) in &records {
            let a = s.post_jose(jws);
            if a.status == 503 {
                full = Some(a);
                break;
            }
            assert_eq!(a.status, 201, "{}", a.body);
        }
        let full = full.expect("the database became full");
        assert_eq!(full.json()["errorCode"], "store");
        assert!(full.json()["message"].as_str().unwrap().contains("vol"));
        assert_eq!(full.header("retry-after"), Some("30"));
        stored_before = s.rows().len();
        assert!(stored_before > 0 && stored_before < records.len());
        // Still serving what is there.
        assert_eq!(s.get("/v1/health", &[]).status, 200);
    }
    let s = Server::start(&dir, &[], &[]);
    assert_eq!(s.rows().len(), stored_before);
    for (jws, _) in &records {
        let a = s.post_jose(jws);
        assert!(a.status == 201 || a.status == 200, "{}", a.body);
    }
    assert_eq!(s.rows().len(), records.len());
}

#[test]
fn the_log_names_who_and_what_but_no_client_data() {
    let s = started("log");
    let (jws, hash) = alice().sign(&consent(60));
    assert_eq!(s.post_jose(&jws).status, 201);
    s.post("text/plain", b"x");
    let log = s.log();
    assert!(log.contains(&hash));
    assert!(log.contains("Sanne de Vries"));
    assert!(log.contains("\"refused\""));
    for client_data in [
        "Ahmed",
        "El Amrani",
        "LM-2026-0414",
        "1981-06-30",
        "Schulden",
    ] {
        assert!(
            !log.contains(client_data),
            "the log holds client data: {client_data}"
        );
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    let dir = folder("headers");
    key_set(&dir.join("keys.jwks"), &[&alice()]);
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        r#"<!DOCTYPE html><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'" /><title>k</title>"#,
    )
    .unwrap();
    std::fs::write(dist.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.join("sw.js"), b"// sw").unwrap();
    std::fs::write(dist.join("main-0123456789abcdef.css"), b"body{}").unwrap();
    std::fs::write(dist.join("main-0123456789abcdef.css.br"), b"brotli!").unwrap();
    let s = Server::start(&dir, &[], &[]);
    let (jws, _) = alice().sign(&consent(70));
    let responses = [
        ("/", s.get("/", &[])),
        ("/sw.js", s.get("/sw.js", &[])),
        ("wasm", s.get("/app-0123456789abcdef_bg.wasm", &[])),
        ("404", s.get("/nergens", &[])),
        ("POST", s.post_jose(&jws)),
        ("refused", s.post("text/plain", b"x")),
    ];
    for (what, r) in &responses {
        let csp = r
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{what}: no CSP"));
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{what}"
        );
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{what}");
        assert!(
            r.header("permissions-policy")
                .is_some_and(|p| p.contains("camera=()")),
            "{what}"
        );
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{what}");
        assert_eq!(
            r.header("strict-transport-security"),
            None,
            "{what}: HSTS over plain HTTP"
        );
    }
    let index = &responses[0].1;
    assert!(index
        .header("content-security-policy")
        .unwrap()
        .starts_with("default-src 'self'; script-src 'self'"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    assert_eq!(responses[1].1.header("cache-control"), Some("no-cache"));
    assert_eq!(
        responses[2].1.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        responses[2].1.header("content-type"),
        Some("application/wasm")
    );
    assert_eq!(responses[4].1.header("cache-control"), Some("no-store"));
    // Behind the municipality's TLS proxy: HSTS.
    let tls = s.get("/", &[("X-Forwarded-Proto", "https")]);
    assert!(tls
        .header("strict-transport-security")
        .is_some_and(|h| h.contains("max-age=31536000")));
    // Precompressed when the browser takes it, the plain file otherwise.
    let br = s.get("/main-0123456789abcdef.css", &[("Accept-Encoding", "br")]);
    assert_eq!(br.header("content-encoding"), Some("br"));
    let plain = s.get(
        "/main-0123456789abcdef.css",
        &[("Accept-Encoding", "identity")],
    );
    assert_eq!(plain.body, "body{}");
    // Revalidation: unchanged is a 304.
    let etag = index
        .header("last-modified")
        .map(str::to_owned)
        .expect("last-modified");
    let again = s.get("/", &[("If-Modified-Since", &etag)]);
    assert_eq!(again.status, 304);
}

#[test]
fn serve_refuses_bad_options_in_dutch() {
    let dir = folder("options");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(BIN)
            .arg("serve")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("--keys"), "{err}");
    let (code, err) = run(&["--accept-unenrolled", "--max-body", "veel"]);
    assert_eq!(code, 2);
    assert!(err.contains("--max-body"), "{err}");
    let (code, err) = run(&["--accept-unenrolled", "--frame-ancestors", "*"]);
    assert_eq!(code, 2);
    assert!(err.contains("geen herkomst"), "{err}");
    let not_a_db = dir.join("tekst.sqlite");
    std::fs::write(&not_a_db, "dit is geen database, maar een tekstbestand met genoeg tekens erin om op een header te lijken.").unwrap();
    let (code, err) = run(&[
        "--accept-unenrolled",
        "--db",
        not_a_db.to_str().unwrap(),
        "--listen",
        "127.0.0.1:0",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("geen SQLite-database"), "{err}");
    let (code, err) = run(&["--keys", "/bestaat/niet.jwks"]);
    assert_eq!(code, 2);
    assert!(err.contains("bestaat niet"), "{err}");
}
