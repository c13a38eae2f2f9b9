//! Stap 4 — Instemming: the informing checklist (art. 4 lid 1–2), the partners, and the oral
//! assent (art. 4 lid 3): outcome, who (derived from art. 12), date, provision.

use super::velden::{Datum, Meldingen, Radio, Tekst, Vinkje};
use crate::state::{use_form, Edits};
use keukentafel_core::flow::{field_id, required_persons};
use keukentafel_core::*;
use leptos::prelude::*;

/// Toggle buttons for choosing partners from the profile (`aria-pressed`, touch-sized), with
/// the findings for `path`.
#[component]
pub fn PartnerKeuze(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    get: Signal<Vec<String>>,
    #[prop(into)] set: Callback<Vec<String>>,
) -> impl IntoView {
    let id = field_id(&path);
    let partners = crate::app::use_profile().with_value(|p| p.partners.clone());
    let buttons = partners
        .into_iter()
        .map(|p| {
            let (pid, pid2) = (p.id.clone(), p.id.clone());
            view! {
                <button type="button" class="kt-chip" data-partner=p.id.clone()
                    aria-pressed=move || if get.with(|v| v.contains(&pid)) { "true" } else { "false" }
                    on:click=move |_| {
                        let mut v = get.get_untracked();
                        if let Some(pos) = v.iter().position(|x| *x == pid2) { v.remove(pos); } else { v.push(pid2.clone()); }
                        set.run(v);
                    }>{p.name.clone()}</button>
            }
        })
        .collect_view();
    let described = format!("{id}-meldingen");
    view! {
        <fieldset class="kt-groep kt-groep--chips" id=id.clone() tabindex="-1" aria-describedby=described>
            <legend>{label}</legend>
            <div class="kt-chips">{buttons}</div>
            <Meldingen path=path />
        </fieldset>
    }
}

#[component]
pub fn Instemming() -> impl IntoView {
    let form = use_form();
    let (ex_get, ex_set) = bind!(form, |r| r.informing.explained);
    let (xi_get, xi_set) = bind!(form, |r| r.informing.exchange_intended);
    let (ip_get, ip_set) = bind!(form, |r| r.informing.partners);
    let (ad_get, ad_set) = bind!(form, |r| r.assent.date);
    let (pp_get, pp_set) = bind!(form, |r| r.assent.provision.purpose);
    let (ppp_get, ppp_set) = bind!(form, |r| r.assent.provision.partners);
    let outcome = Signal::derive(move || form.record.with(|r| r.assent.outcome));
    let pick = move |o: AssentOutcome| form.edit(|r| r.assent.outcome = Some(o));
    let who = move || {
        form.record.with(|r| {
            let on = r.assent.date.or(r.conversation_date)?;
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
            <Vinkje id=field_id("informing.explained") label="Ik heb uitgelegd dat persoonsgegevens worden vastgelegd en met andere organisaties kunnen worden uitgewisseld" get=ex_get set=ex_set />
            <Meldingen path="informing.explained" />
            <Vinkje id="informing-uitwisseling" label="Er worden gegevens uitgewisseld met partners" get=xi_get set=xi_set />
        </fieldset>
        <PartnerKeuze path="informing.partners" label="Met welke partners? (zo concreet mogelijk)" get=ip_get set=ip_set />
        <fieldset class="kt-groep" id=field_id("assent.outcome") tabindex="-1" aria-describedby="veld-assent-outcome-meldingen">
            <legend>"Mondelinge instemming (art. 4 lid 3)"</legend>
            <Radio label="Instemming gegeven" name="instemming" id="instemming-gegeven"
                checked=Signal::derive(move || outcome.get() == Some(AssentOutcome::Given))
                on_pick=move |_| pick(AssentOutcome::Given) />
            <Radio label="Instemming geweigerd" name="instemming" id="instemming-geweigerd"
                checked=Signal::derive(move || outcome.get() == Some(AssentOutcome::Refused))
                on_pick=move |_| pick(AssentOutcome::Refused) />
            <Radio label="(Nog) niet gevraagd" name="instemming" id="instemming-niet-gevraagd"
                checked=Signal::derive(move || outcome.get() == Some(AssentOutcome::NotAsked))
                on_pick=move |_| pick(AssentOutcome::NotAsked) />
            <Meldingen path="assent.outcome" />
        </fieldset>
        <Show when=move || outcome.get() == Some(AssentOutcome::Given)>
            <div class="kt-groep">
                <p class="kt-uitkomst" data-testid="instemming-wie">
                    {move || match who() {
                        Some(w) => format!("Instemming gegeven door: {w} (volgens art. 12)."),
                        None => "Wie instemt, volgt uit de geboortedatum en de vertegenwoordiging (stap 1 en 2).".to_owned(),
                    }}
                </p>
                <Meldingen path="assent.givenBy" />
                <Datum label="Datum van de instemming" path="assent.date" get=ad_get set=ad_set />
                <Tekst label="Voor welke gegevensverstrekking (doel)?" path="assent.provision.purpose" get=pp_get set=pp_set multiline=true />
                <PartnerKeuze path="assent.provision.partners" label="Met welke partners mag worden uitgewisseld?" get=ppp_get set=ppp_set />
            </div>
        </Show>
    }
}
