//! De kluis: enrolling a professional on this tablet, and unlocking (after start, after the
//! app locked itself, or when someone else picks up the tablet).

use crate::hooks::use_profile::use_profile;
use crate::storage::vault::{self, Enrolled, Session, Unlock};
use keukentafel_core::profile::SecretKind;
use keukentafel_core::Professional;
use leptos::prelude::*;

/// A professional enrols: name, organisation, role, and a passphrase (or a PIN where the
/// profile allows one). A forgotten passphrase cannot be recovered, and the screen says so.
#[component]
pub fn Inschrijven(
    prefill: Option<Professional>,
    #[prop(into)] on_enrolled: Callback<Session>,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let policy = use_profile().with_value(|p| p.vault.clone());
    let prefill = prefill.unwrap_or_default();
    let name = RwSignal::new(prefill.name);
    let organisation = RwSignal::new(prefill.organisation);
    let role = RwSignal::new(prefill.role);
    let pin = RwSignal::new(false);
    let secret = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let allow_pin = policy.allow_pin;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let kind = if pin.get_untracked() {
            SecretKind::Pin
        } else {
            SecretKind::Passphrase
        };
        let p = Professional {
            name: name.get_untracked().trim().to_owned(),
            organisation: organisation.get_untracked().trim().to_owned(),
            role: role.get_untracked().trim().to_owned(),
        };
        if p.name.is_empty() {
            error.set(Some(
                "Vul uw naam in; die staat straks onder alles wat u ondertekent.".into(),
            ));
            return;
        }
        if let Err(e) = policy.check_secret(kind, &secret.get_untracked(), &again.get_untracked()) {
            error.set(Some(e.to_string()));
            return;
        }
        busy.set(true);
        error.set(None);
        let policy = policy.clone();
        leptos::task::spawn_local(async move {
            match vault::enrol(p, kind, &secret.get_untracked(), &policy).await {
                Ok(s) => {
                    secret.set(String::new());
                    again.set(String::new());
                    on_enrolled.run(s)
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <main class="kt-main kt-kluis" id="inhoud">
            <h1>"Inschrijven op deze tablet"</h1>
            <p class="kt-lead">"keukentafel bewaart alles versleuteld, en alleen voor u: collega's op dezelfde tablet kunnen uw concepten niet openen. Wat u ondertekent, draagt uw naam en uw eigen sleutel."</p>
            <form class="kt-groep" on:submit=submit data-testid="inschrijven">
                <div class="kt-veld">
                    <label for="kluis-naam">"Uw naam"</label>
                    <input type="text" id="kluis-naam" autocomplete="name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                <div class="kt-veld">
                    <label for="kluis-organisatie">"Organisatie"</label>
                    <input type="text" id="kluis-organisatie" autocomplete="organization" prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev)) />
                </div>
                <div class="kt-veld">
                    <label for="kluis-functie">"Functie"</label>
                    <input type="text" id="kluis-functie" prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev)) />
                    <p class="kt-hint">"Bijvoorbeeld Wmo-consulent of jeugdprofessional"</p>
                </div>
                {allow_pin.then(|| view! {
                    <label class="kt-keuze" for="kluis-pincode">
                        <input type="checkbox" id="kluis-pincode" prop:checked=move || pin.get() on:change=move |ev| pin.set(event_target_checked(&ev)) />
                        <span>"Een pincode gebruiken in plaats van een wachtwoord"</span>
                    </label>
                })}
                <div class="kt-veld">
                    <label for="kluis-wachtwoord">{move || if pin.get() { "Kies een pincode" } else { "Kies een wachtwoord" }}</label>
                    <input type="password" id="kluis-wachtwoord" autocomplete="new-password"
                        inputmode=move || if pin.get() { "numeric" } else { "text" }
                        aria-describedby="kluis-wachtwoord-uitleg"
                        prop:value=move || secret.get() on:input=move |ev| secret.set(event_target_value(&ev)) />
                    <p class="kt-hint" id="kluis-wachtwoord-uitleg">{move || if pin.get() {
                        format!("Ten minste {} cijfers.", policy_min(true))
                    } else {
                        format!("Ten minste {} tekens. Een zin van een paar woorden is sterk en goed te onthouden.", policy_min(false))
                    }}</p>
                </div>
                <div class="kt-veld">
                    <label for="kluis-herhaal">"Nog een keer"</label>
                    <input type="password" id="kluis-herhaal" autocomplete="new-password"
                        prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev)) />
                </div>
                <p class="kt-waarschuwing" data-testid="kluis-onherstelbaar">
                    "Let op: een vergeten wachtwoord kan niemand herstellen, ook de beheerder niet. U schrijft zich dan opnieuw in; uw concepten op deze tablet zijn dan weg. Wat u al hebt ondertekend, blijft verzegeld bewaard tot het in het dossier is."
                </p>
                {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert" data-testid="kluis-fout">{e}</p> })}
                <button type="submit" class="kt-knop kt-knop--groot" data-testid="kluis-inschrijven" disabled=move || busy.get()>
                    {move || if busy.get() { "Bezig met inschrijven…" } else { "Inschrijven" }}
                </button>
                {on_cancel.map(|c| view! {
                    <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| c.run(())>"Annuleren"</button>
                })}
            </form>
        </main>
    }
}

fn policy_min(pin: bool) -> u16 {
    use_profile().with_value(|p| {
        if pin {
            p.vault.min_pin_length
        } else {
            p.vault.min_passphrase_length
        }
    })
}

/// Unlocking: the professionals enrolled on this tablet (names only), and the passphrase.
#[component]
pub fn Ontgrendelen(
    enrolled: Vec<Enrolled>,
    /// The professional preselected (who locked, or who unlocked last).
    preselect: Option<String>,
    /// Shown above the form: "Vergrendeld …", keys lost, a wipe.
    #[prop(optional, into)]
    notice: Option<String>,
    #[prop(into)] on_unlocked: Callback<Session>,
    #[prop(into)] on_enrol: Callback<()>,
    #[prop(into)] on_wiped: Callback<String>,
) -> impl IntoView {
    let policy = use_profile().with_value(|p| p.vault.clone());
    let chosen = RwSignal::new(
        preselect
            .filter(|id| enrolled.iter().any(|e| e.id == *id))
            .or_else(|| enrolled.first().map(|e| e.id.clone())),
    );
    let enrolled = StoredValue::new(enrolled);
    let secret = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let who = move || {
        let id = chosen.get()?;
        enrolled.with_value(|l| l.iter().find(|e| e.id == id).cloned())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = who() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let policy = policy.clone();
        leptos::task::spawn_local(async move {
            let attempt = vault::unlock(&p, &secret.get_untracked(), &policy).await;
            secret.set(String::new());
            match attempt {
                Ok(Unlock::Unlocked(s)) => on_unlocked.run(*s),
                Ok(Unlock::Wrong { left }) => error.set(Some(format!(
                    "Onjuist wachtwoord. Nog {left} {} voordat de sleutels en concepten van {} van deze tablet worden gewist.",
                    if left == 1 { "poging" } else { "pogingen" },
                    p.name
                ))),
                Ok(Unlock::Wiped) => on_wiped.run(p.name.clone()),
                Ok(Unlock::Gone) => on_wiped.run(p.name.clone()),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let pin = move || who().is_some_and(|e| e.secret_kind() == SecretKind::Pin);
    view! {
        <main class="kt-main kt-kluis" id="inhoud">
            <h1>"Ontgrendelen"</h1>
            {notice.map(|n| view! { <p class="kt-status" role="status" data-testid="kluis-melding">{n}</p> })}
            <form class="kt-groep" on:submit=submit data-testid="ontgrendelen">
                <fieldset class="kt-groep">
                    <legend>"Wie bent u?"</legend>
                    {move || enrolled.get_value().into_iter().map(|e| {
                        let id = format!("kluis-wie-{}", e.id);
                        let (for_id, v1, v2) = (id.clone(), e.id.clone(), e.id.clone());
                        view! {
                            <label class="kt-keuze" for=for_id>
                                <input type="radio" name="kluis-wie" id=id prop:checked=move || chosen.get().as_deref() == Some(v1.as_str())
                                    on:change=move |_| { chosen.set(Some(v2.clone())); error.set(None); } />
                                <span data-testid="kluis-naam">{e.name.clone()}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="kt-veld">
                    <label for="kluis-ontgrendel">{move || if pin() { "Pincode" } else { "Wachtwoord" }}</label>
                    <input type="password" id="kluis-ontgrendel" autocomplete="current-password"
                        inputmode=move || if pin() { "numeric" } else { "text" }
                        prop:value=move || secret.get() on:input=move |ev| secret.set(event_target_value(&ev)) />
                </div>
                {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert" data-testid="kluis-fout">{e}</p> })}
                <button type="submit" class="kt-knop kt-knop--groot" data-testid="kluis-ontgrendelen" disabled=move || busy.get()>
                    {move || if busy.get() { "Bezig met ontgrendelen…" } else { "Ontgrendelen" }}
                </button>
            </form>
            <button type="button" class="kt-knop kt-knop--tweede" data-testid="kluis-nieuw" on:click=move |_| on_enrol.run(())>"Een andere professional inschrijven"</button>
        </main>
    }
}
