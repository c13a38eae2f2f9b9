//! The command line's options, with a typed error per way they can be wrong — each with one
//! Dutch message (the shape of helix's `ParseArgsError`).

use keukentafel_core::{Date, Profile};
use std::fmt;

#[derive(Debug)]
pub enum ArgsError {
    /// An option that needs a value got none: `--today`.
    MissingValue(&'static str),
    UnknownOption(String),
    NoFiles,
    Date {
        option: &'static str,
        reason: String,
    },
    /// An option whose value cannot be used: `--max-body abc`.
    Invalid {
        option: &'static str,
        reason: String,
    },
    /// Two options that exclude each other.
    Conflict(&'static str),
    /// The system refused something (a runtime, a socket).
    System(String),
    /// A profile, key or key set that cannot be read or used.
    File {
        what: &'static str,
        path: String,
        reason: String,
    },
}

impl fmt::Display for ArgsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgsError::MissingValue(o) => write!(f, "{o} verwacht een waarde"),
            ArgsError::UnknownOption(o) => write!(f, "onbekende optie {o}"),
            ArgsError::NoFiles => {
                f.write_str("geef een of meer bestanden (of '-' voor standaardinvoer)")
            }
            ArgsError::Date { option, reason } | ArgsError::Invalid { option, reason } => {
                write!(f, "{option}: {reason}")
            }
            ArgsError::Conflict(what) => f.write_str(what),
            ArgsError::System(what) => write!(f, "fout van het systeem: {what}"),
            ArgsError::File { what, path, reason } => write!(f, "{what} {path}: {reason}"),
        }
    }
}

/// Options and files, read from the arguments of one command.
pub struct Args {
    pub files: Vec<String>,
    values: Vec<(&'static str, String)>,
    pub flags: Vec<&'static str>,
}

impl Args {
    /// Reads `args`: `options` take a value, `flags` do not; anything else not starting with
    /// '-' (or '-' itself) is a file.
    pub fn parse(
        args: &[String],
        options: &[&'static str],
        flags: &[&'static str],
    ) -> Result<Args, ArgsError> {
        let mut out = Args {
            files: Vec::new(),
            values: Vec::new(),
            flags: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if let Some(o) = options.iter().find(|o| **o == a) {
                let v = it.next().ok_or(ArgsError::MissingValue(o))?;
                out.values.push((o, v.clone()));
            } else if let Some(f) = flags.iter().find(|f| **f == a) {
                out.flags.push(f);
            } else if a == "-" || !a.starts_with('-') {
                out.files.push(a.clone());
            } else {
                return Err(ArgsError::UnknownOption(a.clone()));
            }
        }
        Ok(out)
    }

    pub fn value(&self, option: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(o, _)| *o == option)
            .map(|(_, v)| v.as_str())
    }

    pub fn require_files(&self) -> Result<&[String], ArgsError> {
        if self.files.is_empty() {
            Err(ArgsError::NoFiles)
        } else {
            Ok(&self.files)
        }
    }

    /// `--today`, else today's date (UTC) from the system clock.
    pub fn today(&self) -> Result<Date, ArgsError> {
        match self.value("--today") {
            Some(v) => Date::parse(v).map_err(|e| ArgsError::Date {
                option: "--today",
                reason: e.0,
            }),
            None => Ok(system_today()),
        }
    }

    /// `--profile`, else the shipped Landsmeer profile.
    pub fn profile(&self) -> Result<Profile, ArgsError> {
        let Some(path) = self.value("--profile") else {
            return Ok(Profile::landsmeer());
        };
        let bytes = crate::input::read(path, 1024 * 1024).map_err(|e| ArgsError::File {
            what: "profiel",
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| ArgsError::File {
            what: "profiel",
            path: path.to_owned(),
            reason: "geen UTF-8-tekst".into(),
        })?;
        Profile::from_json(&text).map_err(|e| ArgsError::File {
            what: "profiel",
            path: path.to_owned(),
            reason: format!("ongeldig: {e}"),
        })
    }
}

/// Today's date (UTC) from the system clock.
pub fn system_today() -> Date {
    crate::clock::utc_date(std::time::SystemTime::now())
}
