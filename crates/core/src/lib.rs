//! keukentafel-core: the record model, protocol profile, rules and state transitions of the
//! *Privacy protocol sociaal domein gemeente Landsmeer* (2016).
//!
//! No web dependency: this crate compiles natively (tests, CLI) and to wasm32 (the app).
//! The UI and the CLI call into it; neither re-implements a rule.

pub mod art12;
pub mod b64;
pub mod date;
pub mod flow;
#[cfg(feature = "json")]
pub mod jcs;
#[cfg(feature = "json")]
pub mod jws;
mod labels;
pub mod model;
#[cfg(feature = "json")]
pub mod parse;
pub mod paths;
pub mod person;
pub mod profile;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod text;
pub mod validate;

pub use date::Date;
pub use model::*;
pub use profile::Profile;
pub use rules::{Code, Finding, Severity};
pub use validate::validate;
