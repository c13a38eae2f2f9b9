//! Everything the app keeps, in one place: the vault (`vault`: enrolment, unlock, lock), the
//! records in it (`records`: one stored type, one API for all three record kinds), the sealed
//! signed records on their way into the dossier, sealed (`outbox`), small plain settings (`settings`) and the migration of
//! the plaintext the version before the vault left behind (`migrate`). All of it is ciphertext
//! at rest but the settings, which hold no client data.

pub mod changes;
mod js;
pub mod migrate;
pub mod outbox;
pub mod records;
pub mod settings;
pub mod vault;

pub use crate::bridge::JsFailure;
pub use records::{Entry, Original, SaveError, Stored};
