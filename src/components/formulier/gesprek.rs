//! Stap 1 — Gesprek en cliënt: date, the professional (the one who unlocked), client, help
//! question.

use crate::bind;
use crate::components::widgets::velden::{Datum, Meldingen, Tekst, Vinkje};
use crate::editor::{use_form, Edits};
use keukentafel_core::flow::field_id;
use keukentafel_core::paths;
use keukentafel_core::SupportDomain;
use leptos::prelude::*;

#[component]
pub fn Gesprek() -> impl IntoView {
    let form = use_form();
    let (date_get, date_set) = bind!(form, |r| r.conversation_date);
    let (dos_get, dos_set) = bind!(form, |r| r.client.dossier_reference);
    let (cn_get, cn_set) = bind!(form, |r| r.client.name);
    let (bd_get, bd_set) = bind!(form, |r| r.client.birth_date);
    let (hq_get, hq_set) = bind!(form, |r| r.help_question.description);
    let professional = move || {
        form.read(|r| {
            let p = &r.professional;
            [p.name.as_str(), p.role.as_str(), p.organisation.as_str()]
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };

    let domains = SupportDomain::ALL
        .into_iter()
        .map(|d| {
            let get = Signal::derive(move || form.read(|r| r.help_question.domains.contains(&d)));
            let set = Callback::new(move |on: bool| form.edit(|r| r.set_domain(d, on)));
            view! { <Vinkje label=d.label_nl() id=format!("domein-{}", d.label_nl()) get=get set=set /> }
        })
        .collect_view();

    view! {
        <Datum label="Datum van het gesprek" path=paths::CONVERSATION_DATE get=date_get set=date_set />
        <section class="kt-groep" aria-labelledby="professional-kop">
            <h3 id="professional-kop">"Professional"</h3>
            <p data-testid="professional">{professional}</p>
            <p class="kt-hint">"Wie ontgrendelde: dit record wordt met uw eigen sleutel ondertekend. Naam, functie en organisatie past u aan bij Instellingen."</p>
            <Meldingen path=paths::PROFESSIONAL_NAME />
        </section>
        <fieldset class="kt-groep">
            <legend>"Cliënt"</legend>
            <Tekst label="Dossiernummer" path=paths::CLIENT_DOSSIER get=dos_get set=dos_set hint="Het nummer in het eigen systeem van de gemeente. Geen BSN." />
            <Tekst label="Naam" path=paths::CLIENT_NAME get=cn_get set=cn_set />
            <Datum label="Geboortedatum" path=paths::CLIENT_BIRTH_DATE get=bd_get set=bd_set />
        </fieldset>
        <fieldset class="kt-groep" aria-describedby=format!("{}-meldingen", field_id(paths::HELP_DOMAINS))>
            <legend>"Hulpvraag: op welke gebieden is ondersteuning nodig?"</legend>
            <div class="kt-keuzes">{domains}</div>
            <Meldingen path=paths::HELP_DOMAINS />
            <Tekst label="Korte omschrijving van de hulpvraag" path=paths::HELP_DESCRIPTION get=hq_get set=hq_set multiline=true />
        </fieldset>
    }
}
