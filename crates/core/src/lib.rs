//! keukentafel-core: the record model, protocol profile, rules and state transitions of the
//! *Privacy protocol sociaal domein gemeente Landsmeer* (2016).
//!
//! No web dependency: this crate compiles natively (tests, CLI) and to wasm32 (the app).
//! The UI and the CLI call into it; neither re-implements a rule.

pub mod art12;
pub mod b64;
pub mod date;
pub mod flow;
pub mod jcs;
pub mod json;
pub mod jwe;
pub mod jws;
mod labels;
pub mod model;
pub mod parse;
pub mod paths;
pub mod person;
pub mod profile;
pub mod record;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod text;
pub mod validate;

pub use date::Date;
pub use labels::{CapacityJudgement, Choice};
pub use model::*;
pub use profile::Profile;
pub use record::{HandSigned, Record, RecordKind, Represented};
pub use rules::{Code, Finding, Severity};
pub use validate::validate;
