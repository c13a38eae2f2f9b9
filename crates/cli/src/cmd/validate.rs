//! `keukentafel validate`: records checked against the rules of the protocol.

use crate::args::{Args, ArgsError};
use crate::report::{self, FindingOut};
use keukentafel_core::parse::{parse_document_bytes, ParseError};
use keukentafel_core::{rules, validate};
use serde::Serialize;
use std::io::Write;

/// The largest record file read.
pub const MAX_RECORD_BYTES: usize = keukentafel_core::jws::MAX_FILE_BYTES;

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

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--profile", "--today"], &[])?;
    let files = a.require_files()?;
    let profile = a.profile()?;
    let today = a.today()?;
    let mut out = report::stdout();
    let mut worst = 0u8;
    for file in files {
        let parsed = crate::input::read(file, MAX_RECORD_BYTES)
            .map_err(|e| ParseError::new("", e.to_string()))
            .and_then(|bytes| parse_document_bytes(&bytes));
        match parsed {
            Ok(doc) => {
                let findings = validate(&doc, &profile, today);
                let ok = rules::no_errors(&findings);
                if !ok {
                    worst = worst.max(1);
                }
                report::line(
                    &mut out,
                    &FileReport {
                        file,
                        valid: ok,
                        record_type: Some(doc.record_type()),
                        record_id: Some(doc.record_id().as_str()),
                        findings: report::findings_out(&findings),
                        error: None,
                    },
                );
            }
            Err(e) => {
                eprintln!("keukentafel: {file}: {e}");
                report::line(
                    &mut out,
                    &FileReport {
                        file,
                        valid: false,
                        record_type: None,
                        record_id: None,
                        findings: vec![],
                        error: Some(&e),
                    },
                );
                worst = 2;
            }
        }
    }
    let _ = out.flush();
    Ok(worst)
}
