//! The screens of keukentafel, named after the protocol: the form's seven steps
//! (`formulier`), the other screens (`schermen`), and the widgets they share (`widgets`).

pub mod formulier;
pub mod schermen;
pub mod widgets;
