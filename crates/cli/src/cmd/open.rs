//! `keukentafel open`: a sealed record (JWE) opened with the municipality's private key, to the
//! signed JWS it holds — then `verify` it as usual.

use crate::args::{Args, ArgsError};
use keukentafel_core::jwe::{self, PrivateJwk};
use std::io::Write;

pub fn key(path: &str) -> Result<PrivateJwk, ArgsError> {
    let fail = |reason: String| ArgsError::File {
        what: "sleutel",
        path: path.to_owned(),
        reason,
    };
    let bytes = crate::input::read(path, 64 * 1024).map_err(|e| fail(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| fail("geen UTF-8-tekst".into()))?;
    PrivateJwk::from_json(&text).map_err(|e| fail(e.to_string()))
}

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--key", "--out"], &[])?;
    let files = a.require_files()?;
    let key = key(a.value("--key").ok_or(ArgsError::MissingValue("--key"))?)?;
    let out_dir = a.value("--out");
    if out_dir.is_none() && files.len() > 1 {
        return Err(ArgsError::UnknownOption(
            "meerdere bestanden: geef --out MAP".into(),
        ));
    }
    let mut worst = 0u8;
    for file in files {
        let opened = crate::input::read(file, keukentafel_core::jws::MAX_FILE_BYTES * 2)
            .map_err(|e| e.to_string())
            .and_then(|b| String::from_utf8(b).map_err(|_| "geen UTF-8-tekst".to_owned()))
            .and_then(|t| jwe::open(&t, &key).map_err(|e| e.to_string()));
        match opened {
            Ok(plain) => match out_dir {
                None => {
                    let mut o = std::io::stdout().lock();
                    let _ = o.write_all(&plain);
                    let _ = o.flush();
                }
                Some(dir) => {
                    let name = std::path::Path::new(file)
                        .file_name()
                        .map(|n| n.to_string_lossy().replace(".jwe.json", ""))
                        .unwrap_or_else(|| "record".into());
                    let target = std::path::Path::new(dir).join(format!("{name}.jws.json"));
                    if let Err(e) = std::fs::write(&target, &plain) {
                        eprintln!(
                            "keukentafel: {} is niet te schrijven ({:?})",
                            target.display(),
                            e.kind()
                        );
                        worst = 2;
                    }
                }
            },
            Err(e) => {
                eprintln!("keukentafel: {file}: {e}");
                worst = worst.max(1);
            }
        }
    }
    Ok(worst)
}
