//! Choosing partners from the profile: touch-sized toggle buttons (`aria-pressed`), with the
//! findings for their path.

use super::velden::Meldingen;
use crate::hooks::use_profile::use_profile;
use keukentafel_core::flow::{changes::toggle, field_id};
use leptos::prelude::*;

#[component]
pub fn PartnerKeuze(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    get: Signal<Vec<String>>,
    #[prop(into)] set: Callback<Vec<String>>,
    /// Only these partner ids are offered (default: the profile's whole list).
    #[prop(optional, into)]
    offered: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let id = field_id(&path);
    let partners = use_profile().with_value(|p| p.partners.clone());
    let buttons = move || {
        let offered = offered.map(|o| o.get());
        partners
            .iter()
            .filter(|p| offered.as_ref().is_none_or(|o| o.contains(&p.id)))
            .map(|p| {
                let (pid, pid2) = (p.id.clone(), p.id.clone());
                view! {
                    <button type="button" class="kt-chip" data-partner=p.id.clone()
                        aria-pressed=move || if get.with(|v| v.contains(&pid)) { "true" } else { "false" }
                        on:click=move |_| {
                            let mut v = get.get_untracked();
                            toggle(&mut v, &pid2);
                            set.run(v);
                        }>{p.name.clone()}</button>
                }
            })
            .collect_view()
    };
    let described = format!("{id}-meldingen");
    view! {
        <fieldset class="kt-groep kt-groep--chips" id=id.clone() tabindex="-1" aria-describedby=described>
            <legend>{label}</legend>
            <div class="kt-chips">{buttons}</div>
            <Meldingen path=path />
        </fieldset>
    }
}
