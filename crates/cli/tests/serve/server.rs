//! A real `keukentafel serve` process for the tests: its own folder, database and key set, a
//! free port, its log in a file; killed when dropped.

use keukentafel_core::jws::{self, PublicJwk};
use keukentafel_core::{b64, jcs, parse::parse_document};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_keukentafel");

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The demo municipality key (private; its public half is the profile's sealing key).
pub fn municipality_key() -> PathBuf {
    root().join("examples/keys/municipality-demo.private.jwk.json")
}

/// A fresh folder for one test.
pub fn folder(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kt-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A professional's signing key from a seed, as the tablet's WebCrypto key would be.
pub struct Professional {
    pub sk: SigningKey,
    pub jwk: PublicJwk,
    pub name: &'static str,
}

impl Professional {
    pub fn new(seed: u8, name: &'static str) -> Professional {
        let mut bytes = [seed; 32];
        bytes[0] = 1;
        let sk = SigningKey::from_bytes(&bytes.into()).unwrap();
        let p = sk.verifying_key().to_encoded_point(false);
        let jwk = PublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: b64::encode(p.x().unwrap()),
            y: b64::encode(p.y().unwrap()),
        };
        Professional { sk, jwk, name }
    }

    /// This key as an entry of the back office's JWK Set, with the professional's name.
    pub fn entry(&self) -> serde_json::Value {
        serde_json::json!({
            "kty": "EC", "crv": "P-256", "x": self.jwk.x, "y": self.jwk.y,
            "kid": jws::thumbprint(&self.jwk), "name": self.name,
        })
    }

    /// Signs a record as the app does: canonical payload, ES256, key and kid in the header.
    /// Returns the JWS and the record's hash.
    pub fn sign(&self, record: &serde_json::Value) -> (String, String) {
        let doc = parse_document(&record.to_string()).expect("a readable record");
        let payload = jcs::to_canonical(&doc).unwrap();
        let protected =
            b64::encode(jws::protected_header(&self.jwk, &jws::thumbprint(&self.jwk)).as_bytes());
        let payload_b64 = b64::encode(payload.as_bytes());
        let sig: Signature = self
            .sk
            .sign(jws::signing_input(&protected, &payload_b64).as_bytes());
        (
            jws::flattened(&protected, &payload_b64, &b64::encode(&sig.to_bytes())),
            jws::sha256_b64(payload.as_bytes()),
        )
    }
}

/// Writes a JWK Set of these professionals.
pub fn key_set(path: &Path, pros: &[&Professional]) {
    let set = serde_json::json!({ "keys": pros.iter().map(|p| p.entry()).collect::<Vec<_>>() });
    std::fs::write(path, set.to_string()).unwrap();
}

/// Sealed to the demo municipality key, as the tablet's outbox keeps it.
pub fn seal(jws_text: &str) -> String {
    let profile = keukentafel_core::Profile::landsmeer();
    let key = profile
        .sealing_key
        .expect("the demo profile has a sealing key");
    keukentafel_core::jwe::seal(jws_text.as_bytes(), &key.jwk, &key.kid).unwrap()
}

/// An example record from examples/records, as JSON.
pub fn example(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("examples/records").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The valid adult consent of the examples, with record id number `n` (a distinct record).
pub fn consent(n: u64) -> serde_json::Value {
    let mut r = example("valid-16-plus.json");
    r["recordId"] = format!("6b1f3c2e-8d4a-4b7e-9c1d-{n:012x}").into();
    r
}

/// A whole withdrawal of that consent by the client himself.
pub fn withdrawal(
    n: u64,
    consent_hash: &str,
    consent_record: &serde_json::Value,
) -> serde_json::Value {
    serde_json::json!({
        "schemaVersion": 1,
        "recordType": "withdrawal",
        "recordId": format!("7c2f3c2e-8d4a-4b7e-9c1d-{n:012x}"),
        "municipality": "Gemeente Landsmeer",
        "profileId": "landsmeer-2016",
        "professional": consent_record["professional"],
        "client": consent_record["client"],
        "representation": consent_record["representation"],
        "withdrawn": {
            "recordId": consent_record["recordId"],
            "hash": consent_hash,
            "date": "2026-11-20",
        },
        "scope": { "whole": true, "categories": [], "partners": [] },
        "date": "2026-11-27",
        "signers": [{
            "name": consent_record["client"]["name"],
            "role": "client",
            "date": "2026-11-27",
            "signature": { "strokes": [[[1200, 6000], [2000, 4000], [3000, 6500]], [[6000, 5000], [8000, 5200]]] },
        }],
    })
}

pub struct Server {
    child: Option<Child>,
    pub url: String,
    pub dir: PathBuf,
    pub db: PathBuf,
}

/// What an HTTP answer was: status, headers, body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("no JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .build()
        .into()
}

fn answer(
    res: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<Answer, ureq::Error> {
    let mut res = res?;
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut body = String::new();
    res.body_mut()
        .as_reader()
        .read_to_string(&mut body)
        .unwrap_or_default();
    Ok(Answer {
        status: res.status().as_u16(),
        headers,
        body,
    })
}

impl Server {
    /// Starts `keukentafel serve` in `dir` with the demo municipality key, the key set
    /// `dir/keys.jwks` (written first if absent: no keys), a database `dir/keukentafel.sqlite`
    /// and `extra` options; `env` is added to its environment.
    pub fn start(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let keys = dir.join("keys.jwks");
        if !keys.exists() {
            std::fs::write(&keys, r#"{"keys":[]}"#).unwrap();
        }
        let db = dir.join("keukentafel.sqlite");
        let dist = dir.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .unwrap();
        let mut cmd = Command::new(BIN);
        cmd.arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .arg("--db")
            .arg(&db)
            .arg("--dist")
            .arg(&dist)
            .arg("--key")
            .arg(municipality_key());
        if !extra.contains(&"--accept-unenrolled") {
            cmd.arg("--keys").arg(&keys);
        }
        cmd.args(extra)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(log);
        let mut child = cmd.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|_| {
            panic!(
                "serve did not start: {line}\n{}",
                std::fs::read_to_string(dir.join("server.log")).unwrap_or_default()
            )
        });
        Server {
            child: Some(child),
            url: v["url"].as_str().unwrap().trim_end_matches('/').to_owned(),
            dir: dir.to_owned(),
            db,
        }
    }

    pub fn post(&self, content_type: &str, body: &[u8]) -> Answer {
        self.try_post(content_type, body).expect("an answer")
    }

    pub fn try_post(&self, content_type: &str, body: &[u8]) -> Result<Answer, ureq::Error> {
        answer(
            agent()
                .post(format!("{}/v1/records", self.url))
                .header("Content-Type", content_type)
                .send(body),
        )
    }

    pub fn post_jose(&self, body: &str) -> Answer {
        self.post("application/jose+json", body.as_bytes())
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut req = agent().get(format!("{}{path}", self.url));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        answer(req.call()).expect("an answer")
    }

    /// Kills the process at once (SIGKILL): no shutdown, no flush.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Waits for the process to end by itself (a fault made it abort).
    pub fn wait_died(&mut self) -> std::process::ExitStatus {
        let mut c = self.child.take().expect("running");
        c.wait().unwrap()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }

    /// `keukentafel ARGS --db <this database>`: exit code and standard output.
    pub fn cli(&self, args: &[&str]) -> (i32, String) {
        let out = Command::new(BIN)
            .args(args)
            .arg("--db")
            .arg(&self.db)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    /// The rows `inbox list` prints.
    pub fn rows(&self) -> Vec<serde_json::Value> {
        let (code, out) = self.cli(&["inbox", "list"]);
        assert_eq!(code, 0, "inbox list failed");
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}
