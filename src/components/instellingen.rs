//! Instellingen: the device key's thumbprint (to enrol this tablet in the back office) and
//! rotating it.

use crate::ondertekenen;
use leptos::prelude::*;

#[component]
pub fn Instellingen(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let info = RwSignal::new(None::<Result<(String, String, String), String>>);
    let load = move || {
        leptos::task::spawn_local(async move {
            let r = async {
                let jwk = ondertekenen::public_key().await?;
                let tp = ondertekenen::thumbprint(&jwk).await?;
                let created = ondertekenen::key_created().await.unwrap_or_default();
                let jwk_text = serde_json::to_string_pretty(&jwk).unwrap_or_default();
                Ok::<_, String>((tp, crate::browser::local_time(&created), jwk_text))
            }
            .await;
            info.set(Some(r));
        });
    };
    load();
    let confirm = RwSignal::new(false);
    let rotate = move |_| {
        confirm.set(false);
        leptos::task::spawn_local(async move {
            if let Err(e) = ondertekenen::rotate().await {
                info.set(Some(Err(e)));
            } else {
                load();
            }
        });
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Instellingen"</h2>
            <section aria-labelledby="sleutel-kop" class="kt-groep">
                <h3 id="sleutel-kop">"Ondertekensleutel van dit apparaat"</h3>
                {move || match info.get() {
                    None => view! { <p>"Sleutel laden…"</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="kt-opslag-fout" role="alert">{e}</p> }.into_any(),
                    Some(Ok((tp, created, jwk))) => view! {
                        <p>"Vingerafdruk (RFC 7638) om dit apparaat bij de backoffice in te schrijven:"</p>
                        <p><code class="kt-vingerafdruk" data-testid="vingerafdruk">{tp}</code></p>
                        <p class="kt-hint">{format!("Gemaakt op {created}. De privésleutel kan dit apparaat niet verlaten.")}</p>
                        <details>
                            <summary>"Publieke sleutel (JWK)"</summary>
                            <pre data-testid="publieke-sleutel">{jwk}</pre>
                        </details>
                    }.into_any(),
                }}
                <Show when=move || !confirm.get() fallback=move || view! {
                    <p class="kt-bevestig" role="alert">
                        "Een nieuwe sleutel moet opnieuw bij de backoffice worden ingeschreven. Doorgaan? "
                        <button type="button" class="kt-knop kt-knop--klein kt-knop--gevaar" on:click=rotate>"Ja, nieuwe sleutel"</button>
                        <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| confirm.set(false)>"Annuleren"</button>
                    </p>
                }>
                    <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| confirm.set(true)>"Nieuwe sleutel maken"</button>
                </Show>
            </section>
            <Opslag />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}

/// Whether storage is persistent (protected from eviction) and how much is used.
#[component]
fn Opslag() -> impl IntoView {
    let info = RwSignal::new(None::<crate::pwa::StorageInfo>);
    leptos::task::spawn_local(async move { info.set(Some(crate::pwa::storage_info().await)) });
    // Tenths of a megabyte in integer arithmetic (keeps float formatting out of the wasm).
    let mb = |b: Option<f64>| {
        b.map_or("onbekend".to_owned(), |b| {
            let tenths = (b.max(0.0) * 10.0 / 1_048_576.0).round() as u64;
            format!("{},{} MB", tenths / 10, tenths % 10)
        })
    };
    view! {
        <section aria-labelledby="opslag-kop" class="kt-groep">
            <h3 id="opslag-kop">"Opslag op dit apparaat"</h3>
            {move || info.get().map(|i| view! {
                <p data-testid="opslag-blijvend">{if i.persisted {
                    "Blijvende opslag is toegestaan: de browser wist concepten en sleutel niet vanzelf."
                } else {
                    "Blijvende opslag is (nog) niet toegestaan. Zet keukentafel op het beginscherm van de tablet; dan beschermt de browser de gegevens beter."
                }}</p>
                <p data-testid="opslag-gebruik">{format!("In gebruik: {} van {}.", mb(i.usage), mb(i.quota))}</p>
            })}
        </section>
    }
}
