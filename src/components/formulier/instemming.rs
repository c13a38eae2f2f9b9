//! Stap 4 — Instemming: the informing checklist (art. 4 lid 1–2), the partners, and the oral
//! assent (art. 4 lid 3): outcome, who (derived from art. 12 on the assent's date), date,
//! provision.

use crate::bind;
use crate::components::widgets::keuze::Keuzerondjes;
use crate::components::widgets::partners::PartnerKeuze;
use crate::components::widgets::velden::{Datum, Meldingen, Tekst, Vinkje};
use crate::editor::{use_form, Edits};
use keukentafel_core::flow::{field_id, required_persons};
use keukentafel_core::paths;
use keukentafel_core::*;
use leptos::prelude::*;

#[component]
pub fn Instemming() -> impl IntoView {
    let form = use_form();
    let (ex_get, ex_set) = bind!(form, |r| r.informing.explained);
    let (xi_get, xi_set) = bind!(form, |r| r.informing.exchange_intended);
    let ip_get = Signal::derive(move || form.read(|r| r.informing.partners.clone()));
    let ip_set = Callback::new(move |v: Vec<String>| {
        form.edit(|r| r.set_informing_partners(v));
        Vec::new()
    });
    let (ad_get, ad_set) = bind!(form, |r| r.assent.date);
    let (pp_get, pp_set) = bind!(form, |r| r.assent.provision.purpose);
    let ppp_get = Signal::derive(move || form.read(|r| r.assent.provision.partners.clone()));
    let ppp_set = Callback::new(move |v: Vec<String>| {
        let mut added = Vec::new();
        form.edit(|r| added = r.set_assent_partners(v));
        added
    });
    let outcome = Signal::derive(move || form.read(|r| r.assent.outcome));
    let pick = Callback::new(move |o: Option<AssentOutcome>| {
        if let Some(o) = o {
            form.edit(|r| r.set_assent_outcome(o))
        }
    });
    let who = move || {
        form.read(|r| {
            let on = r.assent_decision_date()?;
            let (_, _, persons) = required_persons(r, on)?;
            Some(
                persons
                    .iter()
                    .map(|p| p.label_nl())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    };
    view! {
        <fieldset class="kt-groep">
            <legend>"Informeren (art. 4 lid 1–2)"</legend>
            <Vinkje id=field_id(paths::INFORMING_EXPLAINED) label="Ik heb uitgelegd dat persoonsgegevens worden vastgelegd en met andere organisaties kunnen worden uitgewisseld" get=ex_get set=ex_set />
            <Meldingen path=paths::INFORMING_EXPLAINED />
            <Vinkje id="informing-uitwisseling" label="Er worden gegevens uitgewisseld met partners" get=xi_get set=xi_set />
        </fieldset>
        <PartnerKeuze path=paths::INFORMING_PARTNERS label="Met welke partners? (zo concreet mogelijk)" get=ip_get set=ip_set />
        <Keuzerondjes legend="Mondelinge instemming (art. 4 lid 3)" name="instemming" path=paths::ASSENT_OUTCOME get=outcome set=pick />
        <Show when=move || outcome.get() == Some(AssentOutcome::Given)>
            <div class="kt-groep">
                <p class="kt-uitkomst" data-testid="instemming-wie">
                    {move || match who() {
                        Some(w) => format!("Instemming gegeven door: {w} (volgens art. 12)."),
                        None => "Wie instemt, volgt uit de geboortedatum en de vertegenwoordiging (stap 1 en 2).".to_owned(),
                    }}
                </p>
                <Meldingen path=paths::ASSENT_GIVEN_BY />
                <Datum label="Datum van de instemming" path=paths::ASSENT_DATE get=ad_get set=ad_set />
                <Tekst label="Voor welke gegevensverstrekking (doel)?" path=paths::ASSENT_PURPOSE get=pp_get set=pp_set multiline=true />
                <PartnerKeuze path=paths::ASSENT_PARTNERS label="Met welke partners mag worden uitgewisseld?" get=ppp_get set=ppp_set offered=ip_get />
            </div>
        </Show>
    }
}
