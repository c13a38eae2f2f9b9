//! A signed consent record: read-only, with its summary, the file for the dossier, and
//! "change" as a new record that references this one's hash.

use crate::components::widgets::bestand::Bestand;
use crate::components::widgets::papier::Papier;
use crate::editor::{use_form, Edits};
use keukentafel_core::flow;
use leptos::prelude::*;

#[component]
pub fn Ondertekend(
    #[prop(into)] on_revise: Callback<()>,
    #[prop(into)] on_withdraw: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let form = use_form();
    let lines = move || form.read(|r| form.profile.with_value(|p| flow::summary_nl(r, p)));
    let signed = move || form.signed.get();
    let given = move || form.read(|r| r.can_be_withdrawn());
    view! {
        <main class="kt-main" id="inhoud">
            <h2 data-testid="ondertekend-kop">"Ondertekend en vergrendeld"</h2>
            <Papier />
            <p class="kt-status-ok" role="status">"Dit record is ondertekend en kan niet meer worden gewijzigd."</p>
            <section aria-labelledby="samenvatting-kop" class="kt-groep">
                <h3 id="samenvatting-kop">"Samenvatting"</h3>
                <ul class="kt-samenvatting" data-testid="samenvatting">{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </section>
            {move || signed().map(|s| view! {
                <section aria-labelledby="bestand-kop" class="kt-groep">
                    <h3 id="bestand-kop">"Bestand voor het dossier"</h3>
                    <p class="kt-hint">{format!("Ondertekend met de sleutel van de professional, vingerafdruk {}", s.kid)}</p>
                    <p class="kt-hint">{format!("Recordhash (SHA-256): {}", s.hash)}</p>
                    <Bestand signed=s />
                </section>
            })}
            <div class="kt-acties">
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="wijzigen" on:click=move |_| on_revise.run(())>"Wijzigen (maakt een nieuw record)"</button>
                <Show when=given fallback=|| view! {
                    <p class="kt-hint" data-testid="niets-in-te-trekken">"Er is geen schriftelijke toestemming gegeven, dus er is niets om in te trekken."</p>
                }>
                    <button type="button" class="kt-knop kt-knop--tweede" data-testid="intrekken-dit" on:click=move |_| on_withdraw.run(())>"Intrekken"</button>
                </Show>
                <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| crate::browser::print()>"Afdrukken"</button>
                <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
            </div>
        </main>
    }
}
