//! The keukentafel conversation as state transitions, by concern: the steps of the form
//! ([`steps`]), the fields derived after every edit ([`derive`]), the named changes a screen
//! makes ([`changes`]), the way from one record to the next ([`transitions`]), the texts derived
//! from a record ([`texts`], [`statement`], [`paper`], [`explanation`]) and where a request stands ([`requests`]).
//!
//! The UI keeps a record in a signal and changes it only through these; no rule is decided in
//! the UI.

pub mod changes;
pub mod derive;
pub mod explanation;
pub mod paper;
pub mod requests;
pub mod statement;
pub mod steps;
pub mod texts;
pub mod transitions;

pub use crate::person::Person;
pub use derive::{
    normalize, normalize_request, normalize_withdrawal, required_persons, required_persons_for,
};
pub use explanation::{explanation_nl, Part, Purpose};
pub use paper::{paper_nl, representation_nl, restriction_nl, Paper, PaperSigner};
pub use requests::{request_status, RequestStatus};
pub use statement::{statement_nl, statement_title_nl, withdrawal_statement_nl};
pub use steps::*;
pub use texts::{outbox_line_nl, summary_nl};
pub use transitions::{revision_of, withdrawal_of};

#[cfg(test)]
mod tests;
