//! Choosing partners from the profile: touch-sized toggle buttons (`aria-pressed`), with the
//! findings for their path.
//!
//! The partners are chosen once, when the client is informed (art. 4 lid 2). The assent and
//! each category offer only those (`offered`); another organisation can still be added there
//! (`on_add`), which adds it to the informing list as well — and says so.

use super::velden::Meldingen;
use crate::hooks::use_profile::use_profile;
use keukentafel_core::flow::{changes::toggle, field_id};
use leptos::prelude::*;

#[component]
pub fn PartnerKeuze(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    get: Signal<Vec<String>>,
    /// The new list; returns the ids that were added to the informing list because of it.
    #[prop(into)]
    set: Callback<Vec<String>, Vec<String>>,
    /// Only these partner ids are offered as buttons (default: the profile's whole list); the
    /// others are behind "Andere organisatie toevoegen".
    #[prop(optional, into)]
    offered: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let id = field_id(&path);
    let profile = use_profile();
    let partners = StoredValue::new(profile.with_value(|p| p.partners.clone()));
    let added = RwSignal::new(Vec::<String>::new());
    let chip = move |pid: String, name: String| {
        let (pid1, pid2) = (pid.clone(), pid.clone());
        view! {
            <button type="button" class="kt-chip" data-partner=pid
                aria-pressed=move || if get.with(|v| v.contains(&pid1)) { "true" } else { "false" }
                on:click=move |_| {
                    let mut v = get.get_untracked();
                    toggle(&mut v, &pid2);
                    added.set(set.run(v));
                }>{name}</button>
        }
    };
    // (offered, the rest): everything is offered when no list is given.
    let split = move || {
        let offered = offered.map(|o| o.get());
        let chosen = get.get();
        partners.with_value(|ps| {
            ps.iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .partition::<Vec<_>, _>(|(pid, _)| {
                    offered
                        .as_ref()
                        .is_none_or(|o| o.contains(pid) || chosen.contains(pid))
                })
        })
    };
    let buttons = move || {
        split()
            .0
            .into_iter()
            .map(|(pid, name)| chip(pid, name))
            .collect_view()
    };
    let others = move || {
        let rest = split().1;
        (!rest.is_empty()).then(|| {
            view! {
                <details class="kt-meer-partners">
                    <summary>"Andere organisatie toevoegen"</summary>
                    <p class="kt-hint">"Een organisatie die hier wordt toegevoegd, komt ook bij de partners waarover de cliënt wordt geïnformeerd."</p>
                    <div class="kt-chips">{rest.into_iter().map(|(pid, name)| chip(pid, name)).collect_view()}</div>
                </details>
            }
        })
    };
    let said = move || {
        let ids = added.get();
        (!ids.is_empty()).then(|| {
            let names = profile.with_value(|p| keukentafel_core::person::join_nl(&p.partner_names(&ids)));
            view! {
                <p class="kt-hint" role="status" data-testid="partner-toegevoegd">
                    {format!("{names} staat nu ook bij de partners waarover de cliënt wordt geïnformeerd (Informeren).")}
                </p>
            }
        })
    };
    let described = format!("{id}-meldingen");
    view! {
        <fieldset class="kt-groep kt-groep--chips" id=id.clone() tabindex="-1" aria-describedby=described>
            <legend>{label}</legend>
            <div class="kt-chips">{buttons}</div>
            {move || offered.is_some().then(others)}
            {said}
            <Meldingen path=path />
        </fieldset>
    }
}
