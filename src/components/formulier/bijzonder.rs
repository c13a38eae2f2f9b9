//! Stap 5 — Bijzondere persoonsgegevens (art. 4 lid 4, art. 5): the eight categories, for each
//! chosen one its purpose and partners (a category × partner grid of touch-sized toggles), and
//! the written-consent decision.

use crate::bind;
use crate::bind_part;
use crate::components::widgets::keuze::Keuzerondjes;
use crate::components::widgets::partners::PartnerKeuze;
use crate::components::widgets::velden::{Datum, Meldingen, Tekst, Vinkje};
use crate::editor::{use_form, Edits};
use keukentafel_core::flow::field_id;
use keukentafel_core::paths;
use keukentafel_core::*;
use leptos::prelude::*;

#[component]
pub fn Bijzonder() -> impl IntoView {
    let form = use_form();
    let categories = form.profile.with_value(|p| p.special_categories.clone());
    let rows = categories
        .into_iter()
        .map(|c| view! { <Categorie category=c /> })
        .collect_view();
    let decision = Signal::derive(move || form.read(|r| r.consent.decision));
    let pick = Callback::new(move |d: Option<ConsentDecision>| {
        if let Some(d) = d {
            form.edit(|r| r.set_consent_decision(d))
        }
    });
    let (dd_get, dd_set) = bind!(form, |r| r.consent.decision_date);
    view! {
        <p class="kt-hint">"Kies alleen wat nodig is voor de hulpvraag (art. 5). Per gekozen soort: waarom, en met welke partners."</p>
        <div class="kt-categorieen" id=field_id(paths::CONSENT_CATEGORIES) tabindex="-1">{rows}</div>
        <Meldingen path=paths::CONSENT_CATEGORIES />
        <Keuzerondjes legend="Schriftelijke toestemming" name="toestemming" path=paths::CONSENT_DECISION get=decision set=pick />
        <Show when=move || decision.get().is_some()>
            <Datum label="Datum van het besluit" path=paths::CONSENT_DECISION_DATE get=dd_get set=dd_set />
        </Show>
    }
}

fn chosen(r: &ConsentRecord, c: SpecialCategory) -> Option<&CategoryConsent> {
    r.category(c)
}
fn chosen_mut(r: &mut ConsentRecord, c: SpecialCategory) -> Option<&mut CategoryConsent> {
    r.category_mut(c)
}

#[component]
fn Categorie(category: SpecialCategory) -> impl IntoView {
    let form = use_form();
    let index = Memo::new(move |_| {
        form.read(|r| {
            r.consent
                .categories
                .iter()
                .position(|k| k.category == category)
        })
    });
    let on = Signal::derive(move || index.get().is_some());
    let set_on = Callback::new(move |v: bool| form.edit(|r| r.set_category(category, v)));
    let (purpose_get, purpose_set) = bind_part!(form, category, chosen, chosen_mut, |k| k.purpose);
    let partners_get = Signal::derive(move || {
        form.read(|r| r.category(category).map(|c| c.partners.clone()))
            .unwrap_or_default()
    });
    let partners_set = Callback::new(move |v: Vec<String>| {
        let mut added = Vec::new();
        form.edit(|r| added = r.set_category_partners(category, v));
        added
    });
    let informed = Signal::derive(move || form.read(|r| r.informing.partners.clone()));
    let slug = category.slug();
    view! {
        <div class="kt-categorie" data-categorie=slug>
            <Vinkje label=category.data_label_nl() id=format!("categorie-{slug}") get=on set=set_on />
            {move || index.get().map(|i| {
                let p = paths::category(i);
                view! {
                    <div class="kt-ingesprongen">
                        <Tekst label=format!("Waarom zijn gegevens over {} nodig?", category.label_nl())
                            path=p.purpose() get=purpose_get set=purpose_set multiline=true />
                        <PartnerKeuze path=p.partners()
                            label=format!("Delen met (gegevens over {})", category.label_nl())
                            get=partners_get set=partners_set offered=informed />
                    </div>
                }
            })}
        </div>
    }
}
