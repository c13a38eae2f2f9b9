//! `keukentafel verify`: signed exports checked — signature, header, the enrolled
//! professionals' keys — and then the rules.

use crate::args::{Args, ArgsError};
use crate::report::{self, FindingOut};
use keukentafel_core::jws::{self, EnrolledKey, VerifyError};
use keukentafel_core::{rules, validate};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct VerifyReport<'a> {
    file: &'a str,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    kid: Option<&'a str>,
    /// The professional whose key signed, as the key set names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    professional: Option<&'a str>,
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
    /// A stable code for why the file was refused (`VerifyError::code`).
    #[serde(rename = "errorCode", skip_serializing_if = "Option::is_none")]
    error_code: Option<&'a str>,
}

impl<'a> VerifyReport<'a> {
    fn failed(file: &'a str, error: String, code: &'a str) -> Self {
        VerifyReport {
            file,
            valid: false,
            kid: None,
            professional: None,
            record_type: None,
            record_id: None,
            hash: None,
            canonical: None,
            findings: vec![],
            error: Some(error),
            error_code: Some(code),
        }
    }
}

/// `--keys`: the enrolled professionals' keys (a JWK Set).
pub fn enrolled(path: &str) -> Result<Vec<EnrolledKey>, ArgsError> {
    let fail = |reason: String| ArgsError::File {
        what: "sleutellijst",
        path: path.to_owned(),
        reason,
    };
    let bytes = crate::input::read(path, 16 * 1024 * 1024).map_err(|e| fail(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| fail("geen UTF-8-tekst".into()))?;
    jws::keys_of(&text)
        .map_err(|e| fail(format!("geen bruikbare JWK Set ({{\"keys\": [...]}}): {e}")))
}

/// The text of a file to verify, refused when too large or not UTF-8.
pub fn read_signed(file: &str) -> Result<String, (String, &'static str)> {
    let bytes = crate::input::read(file, jws::MAX_FILE_BYTES).map_err(|e| match e {
        crate::input::InputError::TooLarge { .. } => {
            let e = VerifyError::TooLarge {
                bytes: jws::MAX_FILE_BYTES + 1,
            };
            (e.to_string(), e.code())
        }
        other => (other.to_string(), "unreadable"),
    })?;
    String::from_utf8(bytes).map_err(|_| {
        let e = VerifyError::NotJws("het bestand is geen UTF-8-tekst".into());
        (e.to_string(), e.code())
    })
}

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--profile", "--today", "--keys"], &[])?;
    let files = a.require_files()?;
    let profile = a.profile()?;
    let today = a.today()?;
    let keys = a.value("--keys").map(enrolled).transpose()?;
    let trusted: Option<Vec<jws::PublicJwk>> = keys
        .as_ref()
        .map(|k| k.iter().map(|e| e.jwk.clone()).collect());
    let mut out = report::stdout();
    let mut worst = 0u8;
    for file in files {
        let text = match read_signed(file) {
            Ok(t) => t,
            Err((e, code)) => {
                eprintln!("keukentafel: {file}: {e}");
                report::line(&mut out, &VerifyReport::failed(file, e, code));
                worst = worst.max(if code == "unreadable" { 2 } else { 1 });
                continue;
            }
        };
        match jws::verify(&text, trusted.as_deref()) {
            Ok(v) => {
                let findings = validate(&v.document, &profile, today);
                let ok = rules::no_errors(&findings);
                if !ok {
                    worst = worst.max(1);
                }
                let point = v.jwk.point().ok();
                let professional = keys
                    .iter()
                    .flatten()
                    .find(|k| k.jwk.point().ok() == point)
                    .and_then(|k| k.name.as_deref())
                    .or_else(|| profile.enrolled(&v.jwk).map(|e| e.name.as_str()));
                report::line(
                    &mut out,
                    &VerifyReport {
                        file,
                        valid: ok,
                        kid: Some(&v.kid),
                        professional,
                        record_type: Some(v.document.record_type()),
                        record_id: Some(v.document.record_id().as_str()),
                        hash: Some(&v.hash),
                        canonical: Some(v.canonical),
                        findings: report::findings_out(&findings),
                        error: None,
                        error_code: None,
                    },
                );
            }
            Err(e) => {
                eprintln!("keukentafel: {file}: {e}");
                report::line(
                    &mut out,
                    &VerifyReport::failed(file, e.to_string(), e.code()),
                );
                worst = worst.max(1);
            }
        }
    }
    let _ = out.flush();
    Ok(worst)
}
