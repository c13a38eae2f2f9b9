//! The save status of a record being edited (a draft, the withdrawal in progress, a request):
//! when it was saved on this device, why it could not be (the screen works on in memory), or
//! that another tab saved a newer version — then this screen stops saving, so nothing is
//! overwritten, and offers to load that version. While a save is under way it is `aria-busy`.

use crate::hooks::use_autosave::SaveState;
use leptos::prelude::*;

#[component]
pub fn Opslagstatus(
    state: RwSignal<Option<SaveState>>,
    /// A save is under way: the status is `aria-busy` until every change so far is durable.
    busy: RwSignal<bool>,
    /// What is saved, as a sentence's subject: "Concept", "Intrekking", "Verzoek".
    wat: &'static str,
    /// The same with its demonstrative: "Dit concept", "Deze intrekking", "Dit verzoek".
    dit: &'static str,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let status = move || {
        match state.get() {
        None => ().into_any(),
        Some(SaveState::Saved(t)) => view! {
            <span data-testid="opgeslagen">{format!("{wat} opgeslagen op dit apparaat ({t})")}</span>
        }
        .into_any(),
        Some(SaveState::Failed(msg)) => view! {
            <span class="kt-opslag-fout" data-testid="opslag-fout">{msg}</span>
        }
        .into_any(),
        Some(SaveState::Conflict) => view! {
            <span class="kt-opslag-fout" data-testid="opslag-conflict">
                {dit}
                " is in een ander tabblad gewijzigd. Uw wijzigingen hier worden niet opgeslagen, zodat niets wordt overschreven. "
                <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_reload.run(())>"Laad de nieuwste versie"</button>
            </span>
        }
        .into_any(),
    }
    };
    // Something is not being saved: kept in view (sticky at the bottom) wherever one scrolls.
    let melding = move || {
        matches!(
            state.get(),
            Some(SaveState::Failed(_) | SaveState::Conflict)
        )
    };
    view! {
        <p class="kt-opslag" class:kt-opslag--melding=melding role="status" aria-live="polite"
            aria-busy=move || if busy.get() { "true" } else { "false" }>
            {status}
        </p>
    }
}
