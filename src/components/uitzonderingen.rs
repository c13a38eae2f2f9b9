//! Stap 6 — Uitzonderingen en Veilig Thuis: processing without consent (art. 4 lid 5) and
//! provisions to Veilig Thuis (art. 10).

use super::velden::{Datum, Meldingen, Radio, Tekst, Vinkje};
use crate::state::{use_form, Edits};
use keukentafel_core::flow::{exceptions_relevant, field_id};
use keukentafel_core::*;
use leptos::prelude::*;

#[component]
pub fn Uitzonderingen() -> impl IntoView {
    let form = use_form();
    let relevant = move || form.record.with(exceptions_relevant);
    let continues = Signal::derive(move || form.record.with(|r| r.exception.processing_continues));
    let set_continues =
        Callback::new(move |v: bool| form.edit(|r| r.exception.processing_continues = v));
    let ground = Signal::derive(move || form.record.with(|r| r.exception.ground));
    let (note_get, note_set) = super::bind!(form, |r| r.exception.note);
    let signals = Signal::derive(move || form.record.with(|r| !r.veilig_thuis.is_empty()));
    let set_signals = Callback::new(move |v: bool| {
        form.edit(|r| {
            if v && r.veilig_thuis.is_empty() {
                r.veilig_thuis.push(VeiligThuisReport {
                    without_consent: true,
                    ..Default::default()
                });
            } else if !v {
                r.veilig_thuis.clear();
            }
        })
    });
    let n = Memo::new(move |_| form.record.with(|r| r.veilig_thuis.len()));
    view! {
        <p class="kt-uitkomst" role="status">{move || if relevant() {
            "Instemming of toestemming is geweigerd, (nog) niet gevraagd of uitgesteld, of er is contact met Veilig Thuis. Leg hieronder vast wat er toch met gegevens gebeurt."
        } else {
            "Niet van toepassing: instemming en toestemming zijn gegeven. Vul dit alleen in bij signalen van huiselijk geweld of kindermishandeling."
        }}</p>
        <fieldset class="kt-groep">
            <legend>"Verwerken zonder toestemming (art. 4 lid 5)"</legend>
            <Vinkje id=field_id("exception.processingContinues") label="De gegevens worden toch verwerkt" get=continues set=set_continues />
            <Show when=move || continues.get()>
                <div class="kt-ingesprongen" id=field_id("exception.ground") tabindex="-1">
                    <Radio label="Noodzakelijk en onvermijdelijk voor de ondersteuning van de cliënt" name="grond" id="grond-noodzakelijk"
                        checked=Signal::derive(move || ground.get() == Some(ExceptionGround::NecessaryForSupport))
                        on_pick=move |_| form.edit(|r| r.exception.ground = Some(ExceptionGround::NecessaryForSupport)) />
                    <Radio label="Ernstig risico voor de gezondheid of veiligheid van de cliënt, de professional of anderen" name="grond" id="grond-risico"
                        checked=Signal::derive(move || ground.get() == Some(ExceptionGround::SeriousRisk))
                        on_pick=move |_| form.edit(|r| r.exception.ground = Some(ExceptionGround::SeriousRisk)) />
                    <Meldingen path="exception.ground" />
                    <Tekst label="Aantekening voor het dossier" path="exception.note" get=note_get set=note_set multiline=true />
                </div>
            </Show>
        </fieldset>
        <fieldset class="kt-groep">
            <legend>"Veilig Thuis (art. 10)"</legend>
            <Vinkje id="veilig-thuis-signalen" label="Er zijn signalen van huiselijk geweld of kindermishandeling; gegevens zijn aan Veilig Thuis verstrekt" get=signals set=set_signals />
            {move || (0..n.get()).map(|i| view! { <Verstrekking index=i /> }).collect_view()}
            <Show when=move || signals.get()>
                <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| {
                    r.veilig_thuis.push(VeiligThuisReport { without_consent: true, ..Default::default() });
                })>"Nog een verstrekking toevoegen"</button>
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
    let (data_get, data_set) = form.bind_part(
        i,
        report,
        report_mut,
        |v| v.data_given.clone(),
        |v, s| v.data_given = s,
    );
    let (note_get, note_set) =
        form.bind_part(i, report, report_mut, |v| v.note.clone(), |v, s| v.note = s);
    let (date_get, date_set) = form.bind_part(i, report, report_mut, |v| v.date, |v, d| v.date = d);
    let (wc_get, wc_set) = form.bind_part(
        i,
        report,
        report_mut,
        |v| v.without_consent,
        |v, b| v.without_consent = b,
    );
    view! {
        <div class="kt-rij">
            <h3 class="kt-rij-kop">{format!("Verstrekking {}", i + 1)}</h3>
            <Vinkje id=format!("veld-veiligThuis-{i}-withoutConsent") label="Zonder toestemming van de cliënt (art. 10 lid 2)" get=wc_get set=wc_set />
            <Datum label="Datum van verstrekking" path=format!("veiligThuis[{i}].date") get=date_get set=date_set />
            <Tekst label="Welke gegevens zijn verstrekt?" path=format!("veiligThuis[{i}].dataGiven") get=data_get set=data_set multiline=true />
            <Tekst label="Aantekening voor het dossier" path=format!("veiligThuis[{i}].note") get=note_get set=note_set multiline=true />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| form.edit(|r| {
                if i < r.veilig_thuis.len() { r.veilig_thuis.remove(i); }
            })>{format!("Verwijder verstrekking {}", i + 1)}</button>
        </div>
    }
}
