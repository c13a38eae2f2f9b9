//! `use_signing`: the sign button of any record's screen — the editor's one signing flow, busy
//! while it runs, its failure in Dutch, and what the delivery route does right after.

use crate::editor::Editor;
use keukentafel_core::Record;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct UseSigningReturn {
    /// Signing is under way (the button is disabled).
    pub busy: RwSignal<bool>,
    /// Why the last attempt failed.
    pub error: RwSignal<Option<String>>,
    /// Signs now (ignored while busy).
    pub sign: Callback<()>,
}

pub fn use_signing<R: Record>(editor: Editor<R>) -> UseSigningReturn {
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let route = super::use_profile::use_profile().with_value(|p| p.delivery.route);
    let sign = Callback::new(move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match editor.sign().await {
                Ok(signed) => crate::delivery::after_signing(&signed, route),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    });
    UseSigningReturn { busy, error, sign }
}
