//! `keukentafel`: the back office's command line for keukentafel records.
//!
//! Every rule comes from `keukentafel-core`; this file only reads files and prints JSON lines.

use keukentafel_core::parse::{parse_document, ParseError};
use keukentafel_core::{rules, validate, Date, Finding, Profile};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

// The same allocator as the throughput benchmark measures (benches/throughput.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
keukentafel — controle van keukentafel-records (privacyprotocol sociaal domein)

Gebruik:
  keukentafel validate [--profile PROFIEL.json] [--today JJJJ-MM-DD] BESTAND...
      Controleert records (toestemming, intrekking, verzoek) tegen de regels van het
      protocol. Eén JSON-regel per bestand; '-' leest standaardinvoer.
      Afsluitcode 0: geen fouten; 1: een bestand heeft fouten; 2: onleesbare invoer.
  keukentafel verify [--keys VERTROUWD.jwks] [--profile P] [--today JJJJ-MM-DD] BESTAND...
      Controleert ondertekende exports (JWS JSON, afgevlakt of algemeen, ES256): handtekening,
      header (kid = vingerafdruk van jwk), met --keys alleen ingeschreven apparaatsleutels
      (JWK Set), daarna de regels van het protocol. Eén JSON-regel per bestand.
      Afsluitcode 0: alles geldig; 1: een bestand is ongeldig; 2: onleesbare invoer.
  keukentafel requests [--today JJJJ-MM-DD] BESTAND...
      Lijst van open verzoeken van betrokkenen (art. 11) met hun termijn, als JSON-regels;
      leest records en ondertekende exports (die worden eerst geverifieerd).
  keukentafel schema     Drukt het JSON Schema van een record af.
  keukentafel profile    Drukt het standaardprofiel (Landsmeer) af.
  keukentafel --help     Deze uitleg.
";

#[derive(Serialize)]
struct FindingOut<'a> {
    code: &'a str,
    severity: &'a str,
    article: &'a str,
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    valid: bool,
    #[serde(rename = "recordType", skip_serializing_if = "Option::is_none")]
    record_type: Option<&'a str>,
    #[serde(rename = "recordId", skip_serializing_if = "Option::is_none")]
    record_id: Option<&'a str>,
    findings: Vec<FindingOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a ParseError>,
}

impl<'a> FileReport<'a> {
    /// A file that could not be read or is not a record.
    fn failed(file: &'a str, error: &'a ParseError) -> Self {
        FileReport {
            file,
            valid: false,
            record_type: None,
            record_id: None,
            findings: vec![],
            error: Some(error),
        }
    }
}

fn finding_out(f: &Finding) -> FindingOut<'_> {
    FindingOut {
        code: f.code.as_str(),
        severity: f.severity.as_str(),
        article: &f.article,
        path: &f.path,
        message: &f.message,
    }
}

/// Today's date (UTC) from the system clock.
fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days((secs / 86_400) as i64).unwrap_or(Date::new(1970, 1, 1).expect("valid"))
}

fn read_input(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(file)
    }
}

fn print_line(out: &mut impl Write, value: &impl Serialize) {
    // Writing to a closed pipe is not an error worth a panic.
    let _ = serde_json::to_writer(&mut *out, value);
    let _ = out.write_all(b"\n");
}

struct Common {
    profile: Profile,
    today: Date,
    files: Vec<String>,
}

/// `--profile`, `--today` and the files, shared by `validate` and `verify`.
fn parse_common(args: &[String]) -> Result<Common, ExitCode> {
    let mut profile = None;
    let mut today = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--profile" | "--today" => {
                let Some(v) = it.next() else {
                    eprintln!("keukentafel: {a} verwacht een waarde");
                    return Err(ExitCode::from(2));
                };
                if a == "--profile" {
                    let p = match std::fs::read_to_string(v) {
                        Ok(text) => Profile::from_json(&text),
                        Err(e) => {
                            eprintln!("keukentafel: profiel {v} is niet te lezen: {e}");
                            return Err(ExitCode::from(2));
                        }
                    };
                    match p {
                        Ok(p) => profile = Some(p),
                        Err(e) => {
                            eprintln!("keukentafel: profiel {v} is ongeldig: {e}");
                            return Err(ExitCode::from(2));
                        }
                    }
                } else {
                    match Date::parse(v) {
                        Ok(d) => today = Some(d),
                        Err(e) => {
                            eprintln!("keukentafel: --today: {e}");
                            return Err(ExitCode::from(2));
                        }
                    }
                }
            }
            "-" => files.push(a.clone()),
            s if s.starts_with('-') => {
                eprintln!("keukentafel: onbekende optie {s}\n\n{USAGE}");
                return Err(ExitCode::from(2));
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        eprintln!("keukentafel: geef een of meer bestanden (of '-')\n\n{USAGE}");
        return Err(ExitCode::from(2));
    }
    Ok(Common {
        profile: profile.unwrap_or_else(Profile::landsmeer),
        today: today.unwrap_or_else(system_today),
        files,
    })
}

fn cmd_validate(args: &[String]) -> ExitCode {
    let Common {
        profile,
        today,
        files,
    } = match parse_common(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    // One write per batch of lines, not per line: thousands of files go through here.
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut worst = 0u8;
    for file in &files {
        let text = match read_input(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("keukentafel: {file} is niet te lezen: {e}");
                let err = ParseError {
                    path: String::new(),
                    message: format!("niet te lezen: {e}"),
                };
                print_line(&mut out, &FileReport::failed(file, &err));
                worst = 2;
                continue;
            }
        };
        match parse_document(&text) {
            Ok(doc) => {
                let findings = validate(&doc, &profile, today);
                let ok = rules::no_errors(&findings);
                if !ok {
                    worst = worst.max(1);
                }
                print_line(
                    &mut out,
                    &FileReport {
                        file,
                        valid: ok,
                        record_type: Some(doc.record_type()),
                        record_id: Some(doc.record_id().as_str()),
                        findings: findings.iter().map(finding_out).collect(),
                        error: None,
                    },
                );
            }
            Err(e) => {
                eprintln!("keukentafel: {file} is geen geldig record: {e}");
                print_line(&mut out, &FileReport::failed(file, &e));
                worst = 2;
            }
        }
    }
    let _ = out.flush();
    ExitCode::from(worst)
}

#[derive(Serialize)]
struct VerifyReport<'a> {
    file: &'a str,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    kid: Option<&'a str>,
    #[serde(rename = "recordType", skip_serializing_if = "Option::is_none")]
    record_type: Option<&'a str>,
    #[serde(rename = "recordId", skip_serializing_if = "Option::is_none")]
    record_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical: Option<bool>,
    findings: Vec<FindingOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl<'a> VerifyReport<'a> {
    /// A file that could not be read or did not verify.
    fn failed(file: &'a str, error: String) -> Self {
        VerifyReport {
            file,
            valid: false,
            kid: None,
            record_type: None,
            record_id: None,
            hash: None,
            canonical: None,
            findings: vec![],
            error: Some(error),
        }
    }
}

fn cmd_verify(args: &[String]) -> ExitCode {
    use keukentafel_core::jws;
    let mut keys = None;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--keys" {
            let Some(path) = it.next() else {
                eprintln!("keukentafel: --keys verwacht een bestand (JWK Set)");
                return ExitCode::from(2);
            };
            let set = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<jws::JwkSet>(&t).map_err(|e| e.to_string()));
            match set {
                Ok(set) => keys = Some(jws::keys_of(&set)),
                Err(e) => {
                    eprintln!(
                        "keukentafel: {path} is geen bruikbare JWK Set ({{\"keys\": [...]}}): {e}"
                    );
                    return ExitCode::from(2);
                }
            }
        } else {
            rest.push(a.clone());
        }
    }
    let opts = match parse_common(&rest) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    // One write per batch of lines, not per line: thousands of files go through here.
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut worst = 0u8;
    for file in &opts.files {
        let text = match read_input(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("keukentafel: {file} is niet te lezen: {e}");
                print_line(
                    &mut out,
                    &VerifyReport::failed(file, format!("niet te lezen: {e}")),
                );
                worst = 2;
                continue;
            }
        };
        match jws::verify(&text, keys.as_deref()) {
            Ok(v) => {
                let findings = validate(&v.document, &opts.profile, opts.today);
                let ok = rules::no_errors(&findings);
                if !ok {
                    worst = worst.max(1);
                }
                print_line(
                    &mut out,
                    &VerifyReport {
                        file,
                        valid: ok,
                        kid: Some(&v.kid),
                        record_type: Some(v.document.record_type()),
                        record_id: Some(v.document.record_id().as_str()),
                        hash: Some(&v.hash),
                        canonical: Some(v.canonical),
                        findings: findings.iter().map(finding_out).collect(),
                        error: None,
                    },
                );
            }
            Err(e) => {
                eprintln!("keukentafel: {file}: {e}");
                print_line(&mut out, &VerifyReport::failed(file, e));
                worst = worst.max(1);
            }
        }
    }
    let _ = out.flush();
    ExitCode::from(worst)
}

fn cmd_requests(args: &[String]) -> ExitCode {
    use keukentafel_core::{flow, jws, Document};
    let opts = match parse_common(args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    // One write per batch of lines, not per line: thousands of files go through here.
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut worst = 0u8;
    let mut rows = Vec::new();
    for file in &opts.files {
        let text = match read_input(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("keukentafel: {file} is niet te lezen: {e}");
                worst = 2;
                continue;
            }
        };
        let is_jws = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .is_some_and(|v| v.get("payload").is_some());
        let doc = if is_jws {
            jws::verify(&text, None).map(|v| v.document)
        } else {
            parse_document(&text).map_err(|e| e.to_string())
        };
        match doc {
            Ok(Document::Request(r)) => {
                let st = flow::request_status(&r, opts.today);
                if st.open {
                    rows.push((file.clone(), r, st));
                }
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("keukentafel: {file}: {e}");
                worst = 2;
            }
        }
    }
    // Most urgent first; requests without a deadline last.
    rows.sort_by_key(|(_, _, st)| st.days_left.unwrap_or(i64::MAX));
    for (file, r, st) in rows {
        let line = serde_json::json!({
            "file": file,
            "recordId": r.record_id.as_str(),
            "dossierReference": r.client.dossier_reference,
            "kind": r.kind,
            "received": r.received,
            "deadline": st.deadline,
            "daysLeft": st.days_left,
            "overdue": st.overdue,
        });
        print_line(&mut out, &line);
    }
    let _ = out.flush();
    ExitCode::from(worst)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => cmd_validate(&args[1..]),
        Some("verify") => cmd_verify(&args[1..]),
        Some("requests") => cmd_requests(&args[1..]),
        Some("schema") => {
            print!("{}", keukentafel_core::schema::record_schema_pretty());
            ExitCode::SUCCESS
        }
        Some("profile") => {
            print!("{}", keukentafel_core::profile::LANDSMEER_JSON);
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("keukentafel: onbekende opdracht ‘{other}’\n\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
