//! Stap 5 — Bijzondere persoonsgegevens (art. 4 lid 4, art. 5): the eight categories, for each
//! chosen one its purpose and partners (a category × partner grid of touch-sized toggles), and
//! the written-consent decision.

use super::instemming::PartnerKeuze;
use super::velden::{Datum, Meldingen, Radio, Tekst, Vinkje};
use crate::state::{use_form, Edits};
use keukentafel_core::flow::field_id;
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
    let decision = Signal::derive(move || form.record.with(|r| r.consent.decision));
    let pick = move |d: ConsentDecision| form.edit(|r| r.consent.decision = Some(d));
    let (dd_get, dd_set) = bind!(form, |r| r.consent.decision_date);
    view! {
        <p class="kt-hint">"Kies alleen wat nodig is voor de hulpvraag (art. 5). Per gekozen soort: waarom, en met welke partners."</p>
        <div class="kt-categorieen" id=field_id("consent.categories") tabindex="-1">{rows}</div>
        <Meldingen path="consent.categories" />
        <fieldset class="kt-groep" id=field_id("consent.decision") tabindex="-1" aria-describedby="veld-consent-decision-meldingen">
            <legend>"Schriftelijke toestemming"</legend>
            <Radio label="Toestemming gegeven (wordt ondertekend bij Controle en ondertekenen)" name="toestemming" id="toestemming-gegeven"
                checked=Signal::derive(move || decision.get() == Some(ConsentDecision::Given))
                on_pick=move |_| pick(ConsentDecision::Given) />
            <Radio label="Toestemming geweigerd (ook dit formulier gaat in het dossier)" name="toestemming" id="toestemming-geweigerd"
                checked=Signal::derive(move || decision.get() == Some(ConsentDecision::Refused))
                on_pick=move |_| pick(ConsentDecision::Refused) />
            <Radio label="Uitgesteld: nog niet duidelijk welke gegevens of partners nodig zijn" name="toestemming" id="toestemming-uitgesteld"
                checked=Signal::derive(move || decision.get() == Some(ConsentDecision::Deferred))
                on_pick=move |_| pick(ConsentDecision::Deferred) />
            <Meldingen path="consent.decision" />
        </fieldset>
        <Show when=move || decision.get().is_some()>
            <Datum label="Datum van het besluit" path="consent.decisionDate" get=dd_get set=dd_set />
        </Show>
    }
}

fn chosen(r: &ConsentRecord, c: SpecialCategory) -> Option<&CategoryConsent> {
    r.consent.categories.iter().find(|k| k.category == c)
}
fn chosen_mut(r: &mut ConsentRecord, c: SpecialCategory) -> Option<&mut CategoryConsent> {
    r.consent.categories.iter_mut().find(|k| k.category == c)
}

#[component]
fn Categorie(category: SpecialCategory) -> impl IntoView {
    let form = use_form();
    let index = Memo::new(move |_| {
        form.record.with(|r| {
            r.consent
                .categories
                .iter()
                .position(|k| k.category == category)
        })
    });
    let on = Signal::derive(move || index.get().is_some());
    let set_on = Callback::new(move |v: bool| {
        form.edit(|r| {
            let categories = &mut r.consent.categories;
            categories.retain(|k| k.category != category);
            if v {
                // In the order of art. 1 (`SpecialCategory::ALL`), so paths stay stable and
                // readable.
                let at = categories.partition_point(|k| k.category < category);
                categories.insert(
                    at,
                    CategoryConsent {
                        category,
                        purpose: String::new(),
                        partners: Vec::new(),
                    },
                );
            }
        })
    });
    let (purpose_get, purpose_set) = form.bind_part(
        category,
        chosen,
        chosen_mut,
        |k| k.purpose.clone(),
        |k, v| k.purpose = v,
    );
    let (partners_get, partners_set) = form.bind_part(
        category,
        chosen,
        chosen_mut,
        |k| k.partners.clone(),
        |k, v| k.partners = v,
    );
    let slug = category.slug();
    view! {
        <div class="kt-categorie" data-categorie=slug>
            <Vinkje label=format!("Gegevens over {}", category.label_nl()) id=format!("categorie-{slug}") get=on set=set_on />
            {move || index.get().map(|i| view! {
                <div class="kt-ingesprongen">
                    <Tekst label=format!("Waarom zijn gegevens over {} nodig?", category.label_nl())
                        path=format!("consent.categories[{i}].purpose") get=purpose_get set=purpose_set multiline=true />
                    <PartnerKeuze path=format!("consent.categories[{i}].partners")
                        label=format!("Delen met (gegevens over {})", category.label_nl())
                        get=partners_get set=partners_set />
                </div>
            })}
        </div>
    }
}
