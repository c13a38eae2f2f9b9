//! `keukentafel requests`: the open requests of data subjects (art. 11), most urgent first.

use crate::args::{Args, ArgsError};
use crate::report;
use keukentafel_core::{flow, json, jws, parse, Document};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Row {
    file: String,
    #[serde(rename = "recordId")]
    record_id: String,
    #[serde(rename = "dossierReference")]
    dossier_reference: String,
    kind: Option<keukentafel_core::RequestKind>,
    received: Option<keukentafel_core::Date>,
    deadline: Option<keukentafel_core::Date>,
    #[serde(rename = "daysLeft")]
    days_left: Option<i64>,
    overdue: bool,
}

/// The document of a record file or a signed export (which is verified first).
fn document(text: &str) -> Result<Document, String> {
    let is_jws = json::parse(text)
        .ok()
        .is_some_and(|v| v.get("payload").is_some());
    if is_jws {
        jws::verify(text, None)
            .map(|v| v.document)
            .map_err(|e| e.to_string())
    } else {
        parse::parse_document(text).map_err(|e| e.to_string())
    }
}

/// The open requests, most urgent first; requests without a deadline last.
pub fn open_requests(
    docs: impl IntoIterator<Item = (String, Document)>,
    today: keukentafel_core::Date,
) -> Vec<impl Serialize> {
    let mut rows: Vec<Row> = docs
        .into_iter()
        .filter_map(|(file, doc)| match doc {
            Document::Request(r) => {
                let st = flow::request_status(&r, today);
                st.open.then(|| Row {
                    file,
                    record_id: r.record_id.as_str().to_owned(),
                    dossier_reference: r.client.dossier_reference.clone(),
                    kind: r.kind,
                    received: r.received,
                    deadline: st.deadline,
                    days_left: st.days_left,
                    overdue: st.overdue,
                })
            }
            _ => None,
        })
        .collect();
    rows.sort_by_key(|r| r.days_left.unwrap_or(i64::MAX));
    rows
}

/// `--db`: the requests the receiver stored (`file` is the record's hash).
fn from_db(a: &Args) -> Result<Vec<(String, Document)>, u8> {
    use crate::store::Store;
    let db = crate::cmd::inbox::open_db(a)?;
    let rows = db.all_jws("request").map_err(|e| {
        eprintln!("keukentafel: {e}");
        2u8
    })?;
    let mut docs = Vec::with_capacity(rows.len());
    for (hash, text) in rows {
        match jws::verify(&text, None) {
            Ok(v) => docs.push((hash, v.document)),
            Err(e) => {
                eprintln!("keukentafel: {hash}: {e}");
                return Err(2);
            }
        }
    }
    Ok(docs)
}

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--today", "--profile", "--db"], &[])?;
    let today = a.today()?;
    if a.value("--db").is_some() {
        if let Some(f) = a.files.first() {
            return Err(ArgsError::UnknownOption(f.clone()));
        }
        let docs = match from_db(&a) {
            Ok(d) => d,
            Err(code) => return Ok(code),
        };
        let mut out = report::stdout();
        for row in open_requests(docs, today) {
            report::line(&mut out, &row);
        }
        let _ = out.flush();
        return Ok(0);
    }
    let files = a.require_files()?;
    let mut worst = 0u8;
    let mut docs = Vec::new();
    for file in files {
        let text = match crate::cmd::verify::read_signed(file) {
            Ok(t) => t,
            Err((e, _)) => {
                eprintln!("keukentafel: {file}: {e}");
                worst = 2;
                continue;
            }
        };
        match document(&text) {
            Ok(doc) => docs.push((file.clone(), doc)),
            Err(e) => {
                eprintln!("keukentafel: {file}: {e}");
                worst = 2;
            }
        }
    }
    let mut out = report::stdout();
    for row in open_requests(docs, today) {
        report::line(&mut out, &row);
    }
    let _ = out.flush();
    Ok(worst)
}
