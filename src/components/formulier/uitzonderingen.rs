//! Stap 6 — Uitzonderingen en Veilig Thuis: processing without consent (art. 4 lid 5) and
//! provisions to Veilig Thuis (art. 10).

use crate::bind;
use crate::bind_part;
use crate::components::widgets::keuze::Keuzerondjes;
use crate::components::widgets::velden::{Datum, Tekst, Vinkje};
use crate::editor::{use_form, Edits};
use keukentafel_core::flow::{exceptions_relevant, field_id};
use keukentafel_core::paths;
use keukentafel_core::*;
use leptos::prelude::*;

#[component]
pub fn Uitzonderingen() -> impl IntoView {
    let form = use_form();
    let relevant = move || form.read(exceptions_relevant);
    let (continues, set_continues) = bind!(form, |r| r.exception.processing_continues);
    let (ground, set_ground) = bind!(form, |r| r.exception.ground);
    let (note_get, note_set) = bind!(form, |r| r.exception.note);
    let reported = Signal::derive(move || form.read(|r| !r.veilig_thuis.is_empty()));
    let set_reported = Callback::new(move |v: bool| form.edit(|r| r.set_veilig_thuis_reported(v)));
    let n = Memo::new(move |_| form.read(|r| r.veilig_thuis.len()));
    view! {
        <p class="kt-uitkomst" role="status">{move || if relevant() {
            "Instemming of toestemming is geweigerd, (nog) niet gevraagd of uitgesteld, of er is contact met Veilig Thuis. Leg hieronder vast wat er toch met gegevens gebeurt."
        } else {
            "Niet van toepassing: instemming en toestemming zijn gegeven. Vul dit alleen in bij signalen van huiselijk geweld of kindermishandeling."
        }}</p>
        <fieldset class="kt-groep">
            <legend>"Verwerken zonder toestemming (art. 4 lid 5)"</legend>
            <Vinkje id=field_id(paths::EXCEPTION_CONTINUES) label="De gegevens worden toch verwerkt" get=continues set=set_continues />
            <Show when=move || continues.get()>
                <div class="kt-ingesprongen">
                    <Keuzerondjes legend="Op welke grond?" name="grond" path=paths::EXCEPTION_GROUND get=ground set=set_ground />
                    <Tekst label="Aantekening voor het dossier" path=paths::EXCEPTION_NOTE get=note_get set=note_set multiline=true />
                </div>
            </Show>
        </fieldset>
        <fieldset class="kt-groep">
            <legend>"Veilig Thuis (art. 10)"</legend>
            <Vinkje id="veilig-thuis-signalen" label="Er zijn signalen van huiselijk geweld of kindermishandeling; gegevens zijn aan Veilig Thuis verstrekt" get=reported set=set_reported />
            {move || (0..n.get()).map(|i| view! { <Verstrekking index=i /> }).collect_view()}
            <Show when=move || reported.get()>
                <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| r.add_veilig_thuis_report())>"Nog een verstrekking toevoegen"</button>
            </Show>
        </fieldset>
    }
}

fn report(r: &ConsentRecord, i: usize) -> Option<&VeiligThuisReport> {
    r.veilig_thuis.get(i)
}
fn report_mut(r: &mut ConsentRecord, i: usize) -> Option<&mut VeiligThuisReport> {
    r.veilig_thuis.get_mut(i)
}

#[component]
fn Verstrekking(index: usize) -> impl IntoView {
    let form = use_form();
    let i = index;
    let p = paths::veilig_thuis(i);
    let (data_get, data_set) = bind_part!(form, i, report, report_mut, |v| v.data_given);
    let (note_get, note_set) = bind_part!(form, i, report, report_mut, |v| v.note);
    let (date_get, date_set) = bind_part!(form, i, report, report_mut, |v| v.date);
    let (wc_get, wc_set) = bind_part!(form, i, report, report_mut, |v| v.without_consent);
    view! {
        <div class="kt-rij">
            <h3 class="kt-rij-kop">{format!("Verstrekking {}", i + 1)}</h3>
            <Vinkje id=field_id(&p.without_consent()) label="Zonder toestemming van de cliënt (art. 10 lid 2)" get=wc_get set=wc_set />
            <Datum label="Datum van verstrekking" path=p.date() get=date_get set=date_set />
            <Tekst label="Welke gegevens zijn verstrekt?" path=p.data_given() get=data_get set=data_set multiline=true />
            <Tekst label="Aantekening voor het dossier" path=p.note() get=note_get set=note_set multiline=true />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| form.edit(|r| r.remove_veilig_thuis_report(i))>{format!("Verwijder verstrekking {}", i + 1)}</button>
        </div>
    }
}
