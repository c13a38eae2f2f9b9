//! The signed file of a record, for the dossier: its name, and a download of it.

use crate::signing::Signed;
use leptos::prelude::*;

#[component]
pub fn Bestand(signed: Signed) -> impl IntoView {
    let (name, jws) = (signed.file_name.clone(), signed.jws.clone());
    view! {
        <p><code data-testid="bestandsnaam">{signed.file_name}</code></p>
        <button type="button" class="kt-knop" data-testid="opnieuw-downloaden" on:click=move |_| {
            let _ = crate::browser::download(&name, "application/jose+json", &jws);
        }>"Bestand downloaden"</button>
    }
}
