//! The `keukentafel` binary as the back office uses it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_keukentafel");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/records");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("binary runs")
}

fn ex(name: &str) -> String {
    format!("{EXAMPLES}/{name}")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn valid_examples_exit_0_with_one_line_each() {
    let files: Vec<String> = std::fs::read_dir(EXAMPLES)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.contains("/valid-"))
        .collect();
    assert!(files.len() >= 6);
    let mut args = vec!["validate", "--today", "2026-11-30"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let l = lines(&out);
    assert_eq!(l.len(), files.len());
    for (line, file) in l.iter().zip(&files) {
        assert_eq!(line["file"], file.as_str());
        assert_eq!(line["valid"], true);
        assert_eq!(line["findings"], serde_json::json!([]));
    }
}

#[test]
fn an_invalid_record_exits_1_with_findings() {
    let out = run(&[
        "validate",
        "--today",
        "2026-11-30",
        &ex("valid-16-plus.json"),
        &ex("invalid-14-without-child-signature.json"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let l = lines(&out);
    assert_eq!(l[0]["valid"], true);
    assert_eq!(l[1]["valid"], false);
    let f = &l[1]["findings"][0];
    assert_eq!(f["code"], "REP-12-TO-15");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["article"], "art. 12 lid 1");
    assert_eq!(f["path"], "consent.signers");
    assert!(f["message"].as_str().unwrap().contains("14 jaar"));
    let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["article", "code", "message", "path", "severity"]);
}

#[test]
fn warnings_do_not_fail() {
    let text = std::fs::read_to_string(ex("valid-16-plus.json"))
        .unwrap()
        .replace("\"decision\": \"given\"", "\"decision\": \"deferred\"");
    let mut child = Command::new(BIN)
        .args(["validate", "--today", "2026-11-30", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let l = lines(&out);
    assert_eq!(l[0]["file"], "-");
    assert_eq!(l[0]["findings"][0]["code"], "CONSENT-DEFERRED");
    assert_eq!(l[0]["findings"][0]["severity"], "warning");
}

#[test]
fn unreadable_input_exits_2_with_a_clear_message() {
    let out = run(&[
        "validate",
        &ex("valid-16-plus.json"),
        "/nonexistent/record.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/record.json: niet te lezen: het bestand bestaat niet"),
        "{err}"
    );
    assert_eq!(lines(&out).len(), 2);

    let out = run(&["validate", &ex("malformed-impossible-date.json")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("client.birthDate") && err.contains("februari 2016 heeft 29 dagen"),
        "{err}"
    );
    assert_eq!(lines(&out)[0]["error"]["path"], "client.birthDate");

    let out = run(&["validate", &ex("malformed-unknown-field.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("client.bsn"));

    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(
        run(&[
            "validate",
            "--today",
            "2026-02-30",
            &ex("valid-16-plus.json")
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn today_decides_whether_a_request_is_overdue() {
    let text = std::fs::read_to_string(ex("valid-request-rejected.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["decision"] = serde_json::Value::Null;
    let path = std::env::temp_dir().join(format!("kt-open-request-{}.json", std::process::id()));
    std::fs::write(&path, v.to_string()).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(
        run(&["validate", "--today", "2026-11-30", p]).status.code(),
        Some(0)
    );
    let out = run(&["validate", "--today", "2026-12-01", p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out)[0]["findings"][0]["code"], "REQUEST-DEADLINE");
    std::fs::remove_file(path).ok();
}

#[test]
fn a_custom_profile_changes_the_partner_list() {
    let mut p: serde_json::Value =
        serde_json::from_str(&String::from_utf8(run(&["profile"]).stdout).unwrap()).unwrap();
    p["partners"] = serde_json::json!([{ "id": "sociaal-team", "name": "Sociaal Team", "kind": "organisation" }]);
    let path = std::env::temp_dir().join(format!("kt-profile-{}.json", std::process::id()));
    std::fs::write(&path, p.to_string()).unwrap();
    let out = run(&[
        "validate",
        "--profile",
        path.to_str().unwrap(),
        "--today",
        "2026-11-30",
        &ex("valid-16-plus.json"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let codes: Vec<String> = lines(&out)[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        codes.contains(&"INFO-PARTNERS".to_owned()) && codes.contains(&"CONSENT-SCOPE".to_owned()),
        "{codes:?}"
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn schema_and_profile_are_printed() {
    let s = run(&["schema"]);
    assert!(s.status.success());
    let checked_in = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schema/record.schema.json"
    ))
    .unwrap();
    assert_eq!(String::from_utf8(s.stdout).unwrap(), checked_in);
    let p = run(&["profile"]);
    let v: serde_json::Value = serde_json::from_slice(&p.stdout).unwrap();
    assert_eq!(v["municipality"], "Gemeente Landsmeer");
}

#[test]
fn open_requests_are_listed_with_their_deadlines() {
    let text = std::fs::read_to_string(ex("valid-request-rejected.json")).unwrap();
    let mut open: serde_json::Value = serde_json::from_str(&text).unwrap();
    open["decision"] = serde_json::Value::Null;
    open["recordId"] = "6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e66".into();
    let mut later = open.clone();
    later["recordId"] = "6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e67".into();
    later["received"] = "2026-11-20".into();
    later["deadline"] = "2026-12-18".into();
    let dir = std::env::temp_dir().join(format!("kt-requests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("open.json"), dir.join("later.json"));
    std::fs::write(&a, open.to_string()).unwrap();
    std::fs::write(&b, later.to_string()).unwrap();
    let out = run(&[
        "requests",
        "--today",
        "2026-12-01",
        b.to_str().unwrap(),
        a.to_str().unwrap(),
        &ex("valid-request-rejected.json"),
        &ex("valid-16-plus.json"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let l = lines(&out);
    assert_eq!(
        l.len(),
        2,
        "closed requests and consent records are not listed"
    );
    assert_eq!(
        l[0]["recordId"], "6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e66",
        "most urgent first"
    );
    assert_eq!(l[0]["deadline"], "2026-11-30");
    assert_eq!(l[0]["daysLeft"], -1);
    assert_eq!(l[0]["overdue"], true);
    assert_eq!(l[1]["deadline"], "2026-12-18");
    assert_eq!(l[1]["daysLeft"], 17);
    assert_eq!(l[1]["overdue"], false);
    assert_eq!(l[1]["kind"], "correction");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn files_as_windows_writes_them_and_bad_bytes_get_a_dutch_message() {
    let dir = std::env::temp_dir().join(format!("kt-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read(ex("valid-16-plus.json")).unwrap();
    // A UTF-8 byte-order mark (Windows Notepad) is accepted.
    let bom = dir.join("bom.json");
    std::fs::write(&bom, [&[0xef, 0xbb, 0xbf][..], &text].concat()).unwrap();
    let out = run(&["validate", "--today", "2026-11-30", bom.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Latin-1 instead of UTF-8.
    let latin = dir.join("latin1.json");
    let mut bad = text.clone();
    let at = String::from_utf8_lossy(&text).find("Ahmed").unwrap();
    bad[at] = 0xe9;
    std::fs::write(&latin, bad).unwrap();
    let out = run(&["validate", latin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen UTF-8-tekst"));
    // A directory, and a file far too large, are refused before anything is read.
    let out = run(&["validate", dir.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("dit is een map"));
    let big = dir.join("big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(64 * 1024 * 1024).unwrap();
    let out = run(&["validate", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("te groot"));
    // Unknown options and missing values, in Dutch.
    let out = run(&["validate", "--vandaag", "2026-11-30", bom.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("onbekende optie --vandaag"));
    let out = run(&["validate", "--today"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--today verwacht een waarde"));
    std::fs::remove_dir_all(&dir).unwrap();
}
