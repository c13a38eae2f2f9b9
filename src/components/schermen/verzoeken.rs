//! Verzoeken van betrokkenen (art. 11, 14): register a request, see open requests with the
//! days left (overdue ones stand out), record the decision, sign like consent.

use crate::bind;
use crate::bind_part;
use crate::components::widgets::bestand::Bestand;
use crate::components::widgets::bevindingen::Bevindingen;
use crate::components::widgets::keuze::{Keuzelijst, Keuzerondjes};
use crate::components::widgets::opslagstatus::Opslagstatus;
use crate::components::widgets::partners::PartnerKeuze;
use crate::components::widgets::velden::{Datum, Tekst};
use crate::editor::{use_editor, Editor, Edits};
use crate::hooks::use_loaded::use_loaded;
use crate::hooks::use_profile::use_profile;
use crate::hooks::use_signing::use_signing;
use crate::storage::{records, Entry, Stored};
use keukentafel_core::flow;
use keukentafel_core::paths;
use keukentafel_core::*;
use leptos::prelude::*;

/// A new request, received today, made by the client until said otherwise.
pub fn new_request(profile: &Profile) -> Stored<RequestRecord> {
    let mut r = RequestRecord {
        record_id: crate::browser::new_record_id(),
        municipality: profile.municipality.clone(),
        profile_id: profile.profile_id.clone(),
        received: Some(crate::browser::today()),
        ..Default::default()
    };
    if let Some(s) = crate::hooks::use_vault::current() {
        r.professional = s.professional.clone();
    }
    r.set_requester_role(None);
    r.normalize();
    Stored::new(r)
}

/// The requests on this tablet, the most urgent visible at a glance.
#[component]
pub fn Verzoeken(
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] on_new: Callback<()>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let today = crate::browser::today();
    let entries = use_loaded(records::list::<RequestRecord>);
    let list = move || {
        entries.get().map(|r| match r {
            Err(e) => view! { <p class="kt-opslag-fout">{e}</p> }.into_any(),
            Ok(items) if items.is_empty() => view! { <p>"Er zijn geen verzoeken."</p> }.into_any(),
            Ok(items) => {
                let mut broken = 0;
                let rows = items.into_iter().filter_map(|e| match e {
                    Entry::Unreadable { .. } => {
                        broken += 1;
                        None
                    }
                    Entry::Ok(item) => Some(item),
                }).map(|item| {
                    let st = flow::request_status(&item.record, today);
                    let r = &item.record;
                    let kind = r.kind.map(|k| k.label_nl()).unwrap_or("soort onbekend");
                    let when = match (st.open, st.deadline, st.days_left) {
                        (false, _, _) => if item.signed.is_some() { "beslist en ondertekend".to_owned() } else { "beslist".to_owned() },
                        (true, Some(d), Some(n)) if n < 0 => format!("TE LAAT: termijn verstreken op {} ({} dagen geleden)", d.to_dutch(), -n),
                        (true, Some(d), Some(n)) => format!("open: beslissen vóór of op {} (nog {n} {})", d.to_dutch(), if n == 1 { "dag" } else { "dagen" }),
                        _ => "open (geen wettelijke termijn)".to_owned(),
                    };
                    let class = if st.overdue { "kt-concept kt-verzoek--te-laat" } else { "kt-concept" };
                    let id = item.id().to_owned();
                    view! {
                        <li class=class data-testid="verzoek" data-overdue=st.overdue.to_string()>
                            <div class="kt-concept-info">
                                <strong>{format!("Verzoek om {kind}")}</strong>
                                <span>{format!("{} {}", keukentafel_core::text::isolate(&r.client.dossier_reference), keukentafel_core::text::isolate(&r.client.name))}</span>
                                <span>{format!("Ontvangen {}", r.received.map(|d| d.to_dutch()).unwrap_or_default())}</span>
                                <span class="kt-verzoek-termijn">{when}</span>
                            </div>
                            <div class="kt-concept-knoppen">
                                <button type="button" class="kt-knop" on:click=move |_| on_open.run(id.clone())>"Openen"</button>
                            </div>
                        </li>
                    }
                }).collect_view();
                view! {
                    <ul class="kt-concepten">{rows}</ul>
                    {(broken > 0).then(|| view! { <p class="kt-opslag-fout">{format!("{broken} opgeslagen verzoek(en) kunnen niet worden gelezen; ze blijven bewaard.")}</p> })}
                }.into_any()
            }
        })
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Verzoeken van betrokkenen (art. 11)"</h2>
            <p class="kt-lead">"Een cliënt (of wie volgens art. 12 voor de cliënt optreedt) mag vragen wat er is vastgelegd, het inzien of een afschrift krijgen, en vragen om correctie, aanvulling, verwijdering of afscherming. Op die laatste vier moet binnen vier weken worden beslist."</p>
            <div class="kt-acties">
                <button type="button" class="kt-knop kt-knop--groot" data-testid="nieuw-verzoek" on:click=move |_| on_new.run(())>"Nieuw verzoek registreren"</button>
            </div>
            <section class="kt-groep" aria-labelledby="verzoeken-kop">
                <h3 id="verzoeken-kop">"Verzoeken op dit apparaat"</h3>
                {list}
            </section>
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}

#[component]
pub fn VerzoekFormulier(
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let vz: Editor<RequestRecord> = use_editor();
    let profile = use_profile();
    let today = crate::browser::today();
    let signing = use_signing(vz);
    let signed = move || vz.signed.with(|s| s.is_some());

    let (dossier_get, dossier_set) = bind!(vz, |r| r.client.dossier_reference);
    let (name_get, name_set) = bind!(vz, |r| r.client.name);
    let (birth_get, birth_set) = bind!(vz, |r| r.client.birth_date);
    let (received_get, received_set) = bind!(vz, |r| r.received);
    let (kind_get, kind_set) = bind!(vz, |r| r.kind);
    // Who made the request: the client or a representative (the first of `requestedBy`).
    let by_name_get = Signal::derive(move || {
        vz.read(|r| r.requested_by.first().map(|d| d.name.clone()))
            .unwrap_or_default()
    });
    let by_name_set = Callback::new(move |v: String| vz.edit(|r| r.requester_mut().name = v));
    let as_get =
        Signal::derive(move || vz.read(|r| r.requested_by.first().and_then(|d| d.relationship)));
    let as_set =
        Callback::new(move |v: Option<RepresentativeRole>| vz.edit(|r| r.set_requester_role(v)));
    let (decision_date_get, decision_date_set) =
        bind_part!(vz, (), decision, decision_mut, |d| d.date);
    let (reasons_get, reasons_set) = bind_part!(vz, (), decision, decision_mut, |d| d.reasons);
    let outcome = Signal::derive(move || vz.read(|r| r.decision.as_ref().map(|d| d.outcome)));
    let pick = Callback::new(move |o: Option<RequestOutcome>| vz.edit(|r| r.set_outcome(o, today)));
    let deadline_text = move || {
        vz.read(|r| {
            let st = flow::request_status(r, today);
            match (st.deadline, st.days_left) {
                (Some(d), Some(n)) if st.open && n < 0 => format!(
                    "Termijn verstreken op {}: beslis zo snel mogelijk.",
                    d.to_dutch()
                ),
                (Some(d), Some(n)) if st.open => format!(
                    "Beslissen uiterlijk op {} (nog {n} dagen, art. 11 lid 5).",
                    d.to_dutch()
                ),
                (Some(d), _) => format!("Termijn: {}.", d.to_dutch()),
                _ => "Voor dit soort verzoek geldt geen termijn van vier weken.".to_owned(),
            }
        })
    };
    let informed = Signal::derive(move || {
        vz.read(|r| {
            r.partners_informed
                .iter()
                .map(|p| p.partner.clone())
                .collect::<Vec<_>>()
        })
    });
    let set_informed = Callback::new(move |ids: Vec<String>| {
        vz.edit(|r| r.set_partners_informed(ids, today));
        Vec::new()
    });
    let contacts = profile.with_value(|p| p.contacts.clone());

    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Verzoek van betrokkene"</h2>
            <fieldset class="kt-groep" disabled=signed>
                <legend>"Verzoek"</legend>
                <Tekst label="Dossiernummer" path=paths::CLIENT_DOSSIER get=dossier_get set=dossier_set />
                <Tekst label="Naam cliënt" path=paths::CLIENT_NAME get=name_get set=name_set />
                <Datum label="Geboortedatum cliënt" path=paths::CLIENT_BIRTH_DATE get=birth_get set=birth_set />
                <Keuzelijst label="Soort verzoek" path=paths::REQUEST_KIND get=kind_get set=kind_set />
                <Datum label="Datum van ontvangst" path=paths::RECEIVED get=received_get set=received_set />
                <p class="kt-uitkomst" data-testid="termijn" role="status">{deadline_text}</p>
                <Tekst label="Ingediend door (naam)" path=paths::requested_by(0).name() get=by_name_get set=by_name_set />
                <Keuzelijst label="Als" path=paths::requested_by(0).role() get=as_get set=as_set none="cliënt zelf" />
            </fieldset>
            <fieldset class="kt-groep" disabled=signed>
                <Keuzerondjes legend="Beslissing" name="beslissing" path=paths::DECISION none="Nog niet beslist" get=outcome set=pick />
                <Show when=move || outcome.get().is_some()>
                    <Datum label="Datum van de beslissing" path=paths::DECISION_DATE get=decision_date_get set=decision_date_set />
                    <Tekst label="Motivering (verplicht bij (gedeeltelijke) afwijzing)" path=paths::DECISION_REASONS get=reasons_get set=reasons_set multiline=true />
                    <PartnerKeuze path=paths::PARTNERS_INFORMED label="Partners die op de hoogte zijn gebracht (art. 11 lid 6)" get=informed set=set_informed />
                </Show>
            </fieldset>
            <section class="kt-groep" aria-labelledby="bezwaar-kop">
                <h3 id="bezwaar-kop">"Bezwaar en klachten (art. 14) — vertel dit de cliënt"</h3>
                <p>{contacts.objection_municipality}</p>
                <p>{contacts.objection_other}</p>
                <p>{contacts.complaint_municipality}</p>
                <p>{contacts.complaint_other}</p>
            </section>
            <section class="kt-groep" aria-labelledby="verzoek-controle-kop">
                <h3 id="verzoek-controle-kop">"Controle"</h3>
                <Bevindingen testid="verzoek-bevindingen" complete_id="verzoek-compleet" complete_text="Het verzoek is compleet vastgelegd." />
                {move || match vz.signed.get() {
                    Some(s) => view! {
                        <p class="kt-status-ok" data-testid="verzoek-ondertekend">"Ondertekend."</p>
                        <Bestand signed=s />
                    }.into_any(),
                    None => view! {
                        <button type="button" class="kt-knop kt-knop--groot" data-testid="verzoek-ondertekenen"
                            disabled=move || signing.busy.get() || vz.findings.with(|f| f.iter().any(|x| x.is_error()))
                            on:click=move |_| signing.sign.run(())>"Ondertekenen"</button>
                    }.into_any(),
                }}
                {move || signing.error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert">{e}</p> })}
                <Opslagstatus state=vz.autosave.state busy=vz.autosave.busy wat="Verzoek" dit="Dit verzoek" on_reload=on_reload />
            </section>
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar de verzoeken"</button>
        </main>
    }
}

/// The decision, once an outcome is picked.
fn decision(r: &RequestRecord, _: ()) -> Option<&RequestDecision> {
    r.decision.as_ref()
}
fn decision_mut(r: &mut RequestRecord, _: ()) -> Option<&mut RequestDecision> {
    r.decision.as_mut()
}
