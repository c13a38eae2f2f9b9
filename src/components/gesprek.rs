//! Stap 1 — Gesprek en cliënt: date, professional, client, help question.

use super::velden::{Datum, Meldingen, Tekst, Vinkje};
use crate::state::{use_form, Edits};
use keukentafel_core::SupportDomain;
use leptos::prelude::*;

#[component]
pub fn Gesprek() -> impl IntoView {
    let form = use_form();
    let (date_get, date_set) = bind!(form, |r| r.conversation_date);
    let (pn_get, pn_set) = bind!(form, |r| r.professional.name);
    let (po_get, po_set) = bind!(form, |r| r.professional.organisation);
    let (pr_get, pr_set) = bind!(form, |r| r.professional.role);
    let (dos_get, dos_set) = bind!(form, |r| r.client.dossier_reference);
    let (cn_get, cn_set) = bind!(form, |r| r.client.name);
    let (bd_get, bd_set) = bind!(form, |r| r.client.birth_date);
    let (hq_get, hq_set) = bind!(form, |r| r.help_question.description);

    let domains = SupportDomain::ALL
        .into_iter()
        .map(|d| {
            let get = Signal::derive(move || form.record.with(|r| r.help_question.domains.contains(&d)));
            let set = Callback::new(move |on: bool| {
                form.edit(|r| {
                    let domains = &mut r.help_question.domains;
                    domains.retain(|x| *x != d);
                    if on {
                        // In the profile's order (kept sorted without sorting the list).
                        domains.insert(domains.partition_point(|x| *x < d), d);
                    }
                })
            });
            view! { <Vinkje label=d.label_nl() id=format!("domein-{}", d.label_nl()) get=get set=set /> }
        })
        .collect_view();

    view! {
        <Datum label="Datum van het gesprek" path="conversationDate" get=date_get set=date_set />
        <fieldset class="kt-groep">
            <legend>"Professional"</legend>
            <Tekst label="Naam" path="professional.name" get=pn_get set=pn_set autocomplete="name" />
            <Tekst label="Organisatie" path="professional.organisation" get=po_get set=po_set autocomplete="organization" />
            <Tekst label="Functie" path="professional.role" get=pr_get set=pr_set hint="Bijvoorbeeld Wmo-consulent of jeugdprofessional" />
        </fieldset>
        <fieldset class="kt-groep">
            <legend>"Cliënt"</legend>
            <Tekst label="Dossiernummer" path="client.dossierReference" get=dos_get set=dos_set hint="Het nummer in het eigen systeem van de gemeente. Geen BSN." />
            <Tekst label="Naam" path="client.name" get=cn_get set=cn_set />
            <Datum label="Geboortedatum" path="client.birthDate" get=bd_get set=bd_set />
        </fieldset>
        <fieldset class="kt-groep" aria-describedby="veld-helpQuestion-domains-meldingen">
            <legend>"Hulpvraag: op welke gebieden is ondersteuning nodig?"</legend>
            <div class="kt-keuzes">{domains}</div>
            <Meldingen path="helpQuestion.domains" />
            <Tekst label="Korte omschrijving van de hulpvraag" path="helpQuestion.description" get=hq_get set=hq_set multiline=true />
        </fieldset>
    }
}
