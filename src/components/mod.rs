//! The screens of keukentafel, named after the protocol. One file per component.

/// A field of a record being edited (`crate::state::Edits`) as a (getter signal, setter
/// callback) pair for the field components.
macro_rules! bind {
    ($form:ident, |$r:ident| $($field:tt)+) => {
        (
            Signal::derive(move || $crate::state::Edits::read(&$form, |$r| $($field)+.clone())),
            Callback::new(move |v| $crate::state::Edits::edit(&$form, |$r| $($field)+ = v)),
        )
    };
}
pub(crate) use bind;

pub mod bijzonder;
pub mod concepten;
pub mod controle;
pub mod gesprek;
pub mod handtekening;
pub mod instellingen;
pub mod instemming;
pub mod intrekking;
pub mod ondertekend;
pub mod opslagstatus;
pub mod stappen;
pub mod uitleg;
pub mod uitzonderingen;
pub mod velden;
pub mod vertegenwoordiging;
pub mod verzoeken;
