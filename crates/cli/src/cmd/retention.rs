//! `keukentafel retention`: the art. 6 destruction list — stored records whose keep-until date
//! has passed (a withdrawal follows its consent's date).

use crate::args::{Args, ArgsError};
use crate::report;
use crate::store::{Filter, Store};
use std::io::Write;

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let a = Args::parse(args, &["--db", "--today"], &[])?;
    if let Some(f) = a.files.first() {
        return Err(ArgsError::UnknownOption(f.clone()));
    }
    let today = a.today()?;
    let db = match crate::cmd::inbox::open_db(&a) {
        Ok(db) => db,
        Err(code) => return Ok(code),
    };
    let filter = Filter {
        expired_on: Some(today),
        ..Filter::default()
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
