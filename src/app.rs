//! The app shell: the start page with the municipality of the active protocol profile.

use keukentafel_core::{rules::Code, Profile, SpecialCategory};
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let profile = Profile::landsmeer();
    view! { <Start profile=profile /> }
}

/// Start page: who this is for and what it does, from the protocol profile.
#[component]
pub fn Start(profile: Profile) -> impl IntoView {
    let partners = profile
        .partners
        .iter()
        .map(|p| view! { <li>{p.name.clone()}</li> })
        .collect_view();
    let categories = SpecialCategory::ALL
        .iter()
        .map(|c| view! { <li>{c.label_nl()}</li> })
        .collect_view();
    let rules = Code::ALL.len();
    view! {
        <header class="kt-header">
            <p class="kt-brand">"keukentafel"</p>
            <p class="kt-municipality" data-testid="municipality">{profile.municipality.clone()}</p>
        </header>
        <main class="kt-main" id="inhoud">
            <h1>"Toestemming bij het keukentafelgesprek"</h1>
            <p class="kt-lead">
                "Leg tijdens het gesprek vast dat u de cliënt hebt geïnformeerd, of de cliënt instemt, "
                "en of de cliënt schriftelijk toestemming geeft voor bijzondere persoonsgegevens: "
                "per categorie en per partner, ondertekend door wie dat volgens het protocol mag."
            </p>
            <p class="kt-protocol" data-testid="protocol">{profile.protocol.clone()}</p>
            <p class="kt-status" data-testid="rules-count">
                {format!("{rules} regels uit het protocol worden gecontroleerd, ook zonder internet.")}
            </p>
            <section aria-labelledby="partners-kop">
                <h2 id="partners-kop">"Partners van " {profile.municipality.clone()}</h2>
                <ul class="kt-list">{partners}</ul>
            </section>
            <section aria-labelledby="categorieen-kop">
                <h2 id="categorieen-kop">"Bijzondere persoonsgegevens"</h2>
                <ul class="kt-list">{categories}</ul>
            </section>
        </main>
    }
}
