//! One module per command.

pub mod open;
pub mod requests;
pub mod validate;
pub mod verify;
