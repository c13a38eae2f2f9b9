//! `keukentafel inbox`: what the receiver has stored — `list` (JSON lines) and `export HASH`
//! (the exact JWS, verifiable by any JOSE library; or the bytes as they arrived).

use crate::args::{Args, ArgsError};
use crate::report;
use crate::store::{sqlite::Sqlite, Filter, Store};
use std::io::Write;

pub const DEFAULT_DB: &str = "keukentafel.sqlite";

/// `--db`, opened read-only; a Dutch reason when it cannot be.
pub fn open_db(a: &Args) -> Result<Sqlite, u8> {
    let path = a.value("--db").unwrap_or(DEFAULT_DB);
    Sqlite::open_read_only(std::path::Path::new(path)).map_err(|e| {
        eprintln!("keukentafel: {e}");
        2
    })
}

fn list(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--db", "--kind", "--dossier"], &[])?;
    if let Some(f) = a.files.first() {
        return Err(ArgsError::UnknownOption(f.clone()));
    }
    let kind = a.value("--kind").map(str::to_owned);
    if let Some(k) = &kind {
        if keukentafel_core::RecordKind::from_key(k).is_none() {
            return Err(ArgsError::Invalid {
                option: "--kind",
                reason: format!(
                    "‘{}’ is geen soort record: consent, withdrawal of request",
                    keukentafel_core::text::quote(k)
                ),
            });
        }
    }
    let db = match open_db(&a) {
        Ok(db) => db,
        Err(code) => return Ok(code),
    };
    let filter = Filter {
        kind,
        dossier: a.value("--dossier").map(str::to_owned),
        expired_on: None,
    };
    match db.list(&filter) {
        Ok(rows) => {
            let mut out = report::stdout();
            for r in &rows {
                report::line(&mut out, r);
            }
            let _ = out.flush();
            Ok(0)
        }
        Err(e) => {
            eprintln!("keukentafel: {e}");
            Ok(2)
        }
    }
}

fn export(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--db"], &["--as-received"])?;
    let [hash] = a.files.as_slice() else {
        return Err(ArgsError::Invalid {
            option: "inbox export",
            reason: "geef precies één hash (zoals inbox list die toont)".into(),
        });
    };
    let db = match open_db(&a) {
        Ok(db) => db,
        Err(code) => return Ok(code),
    };
    let found = if a.flags.contains(&"--as-received") {
        db.received(hash)
    } else {
        db.jws(hash).map(|j| j.map(String::into_bytes))
    };
    match found {
        Ok(Some(bytes)) => {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&bytes);
            let _ = o.flush();
            Ok(0)
        }
        Ok(None) => {
            eprintln!(
                "keukentafel: geen record met hash ‘{}’ in {}",
                keukentafel_core::text::quote(hash),
                db.path().display()
            );
            Ok(1)
        }
        Err(e) => {
            eprintln!("keukentafel: {e}");
            Ok(2)
        }
    }
}

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("list") => list(rest),
        Some("export") => export(rest),
        _ => Err(ArgsError::Invalid {
            option: "inbox",
            reason: "geef list of export".into(),
        }),
    }
}
