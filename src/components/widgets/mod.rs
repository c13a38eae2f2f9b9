//! The widgets every screen that records something uses: labelled fields with their findings,
//! typed choices, partner toggles, the signature pad and a signer, the findings list, the save status, the paper version.

pub mod bestand;
pub mod bevindingen;
pub mod handtekening;
pub mod keuze;
pub mod ondertekenaar;
pub mod opslagstatus;
pub mod papier;
pub mod partners;
pub mod velden;
