//! The screens outside the form: start, the vault (enrolling, unlocking), a signed record, a
//! withdrawal, requests, settings, the outbox (te versturen).

pub mod instellingen;
pub mod intrekking;
pub mod kluis;
pub mod ondertekend;
pub mod start;
pub mod versturen;
pub mod verzoeken;
