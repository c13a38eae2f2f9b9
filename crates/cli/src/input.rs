//! Reading input files (or standard input) as bytes, refusing what is too large before it is
//! read, with Dutch reasons.

use std::fmt;
use std::io::Read;

#[derive(Debug)]
pub enum InputError {
    NotFound,
    NoPermission,
    IsDirectory,
    TooLarge { limit: usize },
    Other(std::io::ErrorKind),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => f.write_str("niet te lezen: het bestand bestaat niet"),
            InputError::NoPermission => {
                f.write_str("niet te lezen: geen toestemming om het bestand te lezen")
            }
            InputError::IsDirectory => f.write_str("niet te lezen: dit is een map, geen bestand"),
            InputError::TooLarge { limit } => write!(
                f,
                "te groot: een keukentafel-bestand is hoogstens {} MB",
                limit / (1024 * 1024)
            ),
            InputError::Other(kind) => write!(f, "niet te lezen (fout van het systeem: {kind:?})"),
        }
    }
}

fn io(e: std::io::Error) -> InputError {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => InputError::NotFound,
        PermissionDenied => InputError::NoPermission,
        IsADirectory => InputError::IsDirectory,
        k => InputError::Other(k),
    }
}

/// The bytes of `file` (or standard input for "-"), at most `limit` of them.
pub fn read(file: &str, limit: usize) -> Result<Vec<u8>, InputError> {
    let mut reader: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin())
    } else {
        let f = std::fs::File::open(file).map_err(io)?;
        let meta = f.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory);
        }
        if meta.len() > limit as u64 {
            return Err(InputError::TooLarge { limit });
        }
        Box::new(f)
    };
    let mut buf = Vec::new();
    reader
        .by_ref()
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(io)?;
    if buf.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(buf)
}
