//! Another tab saved a newer version of what this screen edits: the screen stops saving (so
//! nothing is overwritten) and offers to load the newest version. Drafts and withdrawals.

use leptos::prelude::*;

#[component]
pub fn AnderTabblad(
    /// What was changed, as the sentence's subject: "Dit concept", "Deze intrekking".
    wat: &'static str,
    testid: &'static str,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    view! {
        <span class="kt-opslag-fout" data-testid=testid>
            {wat}
            " is in een ander tabblad gewijzigd. Uw wijzigingen hier worden niet opgeslagen, zodat niets wordt overschreven. "
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_reload.run(())>"Laad de nieuwste versie"</button>
        </span>
    }
}
