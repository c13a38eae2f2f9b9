//! What the commands print: one JSON line per file, written by the core's JSON writer.

use keukentafel_core::{json, Finding};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
pub struct FindingOut<'a> {
    pub code: &'a str,
    pub severity: &'a str,
    pub article: &'a str,
    pub path: &'a str,
    pub message: &'a str,
}

pub fn findings_out(f: &[Finding]) -> Vec<FindingOut<'_>> {
    f.iter()
        .map(|f| FindingOut {
            code: f.code.as_str(),
            severity: f.severity.as_str(),
            article: &f.article,
            path: &f.path,
            message: &f.message,
        })
        .collect()
}

/// Writes one JSON line; a closed pipe is not worth a panic.
pub fn line(out: &mut impl Write, value: &impl Serialize) {
    if let Ok(text) = json::to_string(value) {
        let _ = out.write_all(text.as_bytes());
        let _ = out.write_all(b"\n");
    }
}

/// Standard output, buffered: thousands of files go through the commands.
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}
