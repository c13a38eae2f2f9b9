//! Instellingen: the unlocked professional's name and key (to be enrolled by the back office),
//! changing the passphrase, storage on this device, and wiping the tablet.

use crate::hooks::use_profile::use_profile;
use crate::hooks::use_vault::use_vault;
use crate::storage::vault;
use keukentafel_core::json::Value;
use keukentafel_core::profile::SecretKind;
use leptos::prelude::*;

#[component]
pub fn Instellingen(
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_wiped: Callback<()>,
) -> impl IntoView {
    let v = use_vault();
    let session = move || v.session.get();
    let key = move || {
        session().map(|s| {
            // The JWK Set entry the back office enrols: the key and the professional's name.
            let mut entry = s.jwk.to_value();
            if let Value::Object(m) = &mut entry {
                m.insert("kid", s.kid.clone());
                m.insert("name", s.professional.name.clone());
            }
            let set = Value::object([("keys", Value::Array(vec![entry]))]).to_pretty();
            view! {
                <p>{format!("Ondertekend wordt met de sleutel van {}.", keukentafel_core::text::isolate(&s.professional.name))}</p>
                <p>"Vingerafdruk (RFC 7638) om uw sleutel bij de backoffice in te schrijven:"</p>
                <p><code class="kt-vingerafdruk" data-testid="vingerafdruk">{s.kid.clone()}</code></p>
                <p class="kt-hint">"De privésleutel kan deze tablet niet verlaten; hij is alleen bruikbaar met uw wachtwoord."</p>
                <details>
                    <summary>"Publieke sleutel (JWK Set voor de backoffice)"</summary>
                    <pre data-testid="publieke-sleutel">{set}</pre>
                </details>
            }
        })
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Instellingen"</h2>
            <section aria-labelledby="sleutel-kop" class="kt-groep">
                <h3 id="sleutel-kop">"Uw ondertekensleutel"</h3>
                {key}
            </section>
            <Wachtwoord />
            <Opslag />
            <TabletWissen on_wiped=on_wiped />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}

/// Changing the passphrase: the keys are wrapped again, nothing is re-encrypted.
#[component]
fn Wachtwoord() -> impl IntoView {
    let policy = use_profile().with_value(|p| p.vault.clone());
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = SecretKind::Passphrase;
        if let Err(e) = policy.check_secret(kind, &new.get_untracked(), &again.get_untracked()) {
            message.set(Some((false, e.to_string())));
            return;
        }
        busy.set(true);
        let policy = policy.clone();
        leptos::task::spawn_local(async move {
            let r = vault::change_secret(&old.get_untracked(), &new.get_untracked(), kind, &policy)
                .await;
            message.set(Some(match r {
                Ok(()) => (true, "Uw wachtwoord is gewijzigd.".to_owned()),
                Err(e) => (false, e),
            }));
            for s in [old, new, again] {
                s.set(String::new());
            }
            busy.set(false);
        });
    };
    let field = |id: &'static str,
                 label: &'static str,
                 auto: &'static str,
                 sig: RwSignal<String>| {
        view! {
            <div class="kt-veld">
                <label for=id>{label}</label>
                <input type="password" id=id autocomplete=auto prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <form class="kt-groep" aria-labelledby="wachtwoord-kop" on:submit=submit>
            <h3 id="wachtwoord-kop">"Wachtwoord wijzigen"</h3>
            {field("wachtwoord-oud", "Huidig wachtwoord", "current-password", old)}
            {field("wachtwoord-nieuw", "Nieuw wachtwoord", "new-password", new)}
            {field("wachtwoord-herhaal", "Nieuw wachtwoord, nog een keer", "new-password", again)}
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "kt-status-ok" } else { "kt-opslag-fout" } role="status" data-testid="wachtwoord-melding">{m}</p>
            })}
            <button type="submit" class="kt-knop kt-knop--tweede" disabled=move || busy.get()>"Wachtwoord wijzigen"</button>
        </form>
    }
}

/// "Tablet wissen": every professional's keys and records, after a clear confirmation; sealed
/// records not yet handed over stay.
#[component]
fn TabletWissen(#[prop(into)] on_wiped: Callback<()>) -> impl IntoView {
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let wipe = move |_| {
        leptos::task::spawn_local(async move {
            match vault::wipe_tablet().await {
                Ok(()) => {
                    crate::storage::settings::forget_all();
                    on_wiped.run(())
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section aria-labelledby="wissen-kop" class="kt-groep">
            <h3 id="wissen-kop">"Tablet wissen"</h3>
            <p class="kt-hint">"Verwijdert van deze tablet alle inschrijvingen, sleutels, concepten, intrekkingen en verzoeken van iedereen. Ondertekende records die nog niet in het dossier zijn, blijven verzegeld bewaard tot ze zijn overgedragen."</p>
            <Show when=move || confirm.get() fallback=move || view! {
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="tablet-wissen" on:click=move |_| confirm.set(true)>"Tablet wissen"</button>
            }>
                <p class="kt-bevestig" role="alert">
                    "Alles van iedereen op deze tablet wordt gewist. Dit kan niet ongedaan worden gemaakt. Doorgaan? "
                    <button type="button" class="kt-knop kt-knop--klein kt-knop--gevaar" data-testid="bevestig-wissen" on:click=wipe>"Ja, tablet wissen"</button>
                    <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| confirm.set(false)>"Annuleren"</button>
                </p>
            </Show>
            {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert">{e}</p> })}
        </section>
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
