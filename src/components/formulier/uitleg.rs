//! Stap 3 — Uitleg aan de cliënt: a screen to turn towards the client. Large, plain Dutch,
//! built from the profile and the partners chosen.

use crate::editor::use_form;
use leptos::prelude::*;

#[component]
pub fn Uitleg() -> impl IntoView {
    let form = use_form();
    let municipality = form.profile.with_value(|p| p.municipality.clone());
    let years = form.profile.with_value(|p| p.retention_years);
    let contacts = form.profile.with_value(|p| p.contacts.clone());
    let partners = move || {
        form.record.with(|r| {
            let mut ids: Vec<String> = r.informing.partners.clone();
            for c in &r.consent.categories {
                for p in &c.partners {
                    if !ids.contains(p) {
                        ids.push(p.clone());
                    }
                }
            }
            form.profile.with_value(|p| {
                ids.iter()
                    .map(|id| p.partner_name(id).to_owned())
                    .collect::<Vec<_>>()
            })
        })
    };
    let partner_list = move || {
        let names = partners();
        if names.is_empty() {
            view! { <p data-testid="uitleg-partners">"Met welke organisaties, kiezen we zo samen. Ze komen dan hier te staan."</p> }.into_any()
        } else {
            view! {
                <p data-testid="uitleg-partners">"We willen gegevens kunnen delen met:"</p>
                <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="kt-uitleg" lang="nl">
            <section aria-labelledby="u-wat">
                <h3 id="u-wat">"Wat we vastleggen"</h3>
                <p>{format!("Om u goed te helpen, schrijven we gegevens over u en uw hulpvraag op in een dossier van {municipality}. Soms moeten we die gegevens delen met andere organisaties die u ondersteunen.")}</p>
                {partner_list}
                <p>"Gaat het om gevoelige gegevens, zoals over uw gezondheid, geloof of een strafblad? Dan vragen we daarvoor apart uw schriftelijke toestemming: per soort gegeven en per organisatie."</p>
            </section>
            <section aria-labelledby="u-toch">
                <h3 id="u-toch">"Wanneer we gegevens toch delen (art. 4 lid 5, art. 10)"</h3>
                <p>"Soms delen we gegevens ook als u geen toestemming geeft: als het echt nodig is om u te helpen, of als er ernstig gevaar is voor de gezondheid of veiligheid van u of een ander. Bij zorgen over huiselijk geweld of kindermishandeling kunnen we Veilig Thuis inschakelen. Als het kan, vertellen we u dat vooraf."</p>
            </section>
            <section aria-labelledby="u-wie">
                <h3 id="u-wie">"Wie uw gegevens kan zien (art. 7)"</h3>
                <p>"Alleen de medewerkers die u helpen. Als het nodig is ook hun leidinggevende, de medewerker die bezwaren en klachten behandelt, en bij huiselijk geweld Veilig Thuis. Niemand anders, tenzij de wet dat verplicht."</p>
            </section>
            <section aria-labelledby="u-geheim">
                <h3 id="u-geheim">"Geheimhouding (art. 13)"</h3>
                <p>"Iedereen die uw gegevens ziet, moet die geheimhouden."</p>
            </section>
            <section aria-labelledby="u-intrekken">
                <h3 id="u-intrekken">"U kunt altijd terug (art. 4 lid 6)"</h3>
                <p>"U mag uw toestemming op elk moment intrekken, helemaal of voor een deel. Zeg het tegen uw contactpersoon."</p>
            </section>
            <section aria-labelledby="u-bewaren">
                <h3 id="u-bewaren">"Hoe lang we gegevens bewaren (art. 6)"</h3>
                <p>{format!("Hoogstens {years} jaar, gerekend vanaf het jaar waarin de ondersteuning stopt. Daarna vernietigen we ze, tenzij de wet langer bewaren voorschrijft.")}</p>
            </section>
            <section aria-labelledby="u-bezwaar">
                <h3 id="u-bezwaar">"Bezwaar en klachten (art. 14)"</h3>
                <p>{contacts.objection_municipality}</p>
                <p>{contacts.objection_other}</p>
                <p>{contacts.complaint_municipality}</p>
                <p>{contacts.complaint_other}</p>
            </section>
        </div>
    }
}
