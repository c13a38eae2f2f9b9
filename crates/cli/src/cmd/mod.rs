//! One module per command.

pub mod inbox;
pub mod open;
pub mod requests;
pub mod retention;
pub mod validate;
pub mod verify;
