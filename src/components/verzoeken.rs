//! Verzoeken van betrokkenen (art. 11, 14): register a request, see open requests with the
//! days left (overdue ones stand out), record the decision, sign and export like consent.

use super::instemming::PartnerKeuze;
use super::opslagstatus::Opslagstatus;
use super::velden::{Datum, Keuzelijst, Tekst};
use crate::state::{Autosave, Edits, Findings};
use crate::{browser, ondertekenen, opslag};
use keukentafel_core::flow;
use keukentafel_core::validate::validate_request;
use keukentafel_core::*;
use leptos::prelude::*;

#[component]
pub fn Verzoeken(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let open = RwSignal::new(None::<opslag::StoredRequest>);
    let version = RwSignal::new(0u32);
    let today = browser::today();
    let profile_sv = crate::app::use_profile();
    let new_request = move |_| {
        let profile = profile_sv.get_value();
        let mut r = RequestRecord {
            record_id: browser::new_record_id(),
            municipality: profile.municipality.clone(),
            profile_id: profile.profile_id.clone(),
            received: Some(today),
            ..Default::default()
        };
        if let Some(p) = opslag::last_professional() {
            r.professional = p;
        }
        r.requested_by.push(Decider::default());
        flow::normalize_request(&mut r);
        open.set(Some(opslag::StoredRequest {
            schema_version: model::SCHEMA_VERSION,
            rev: 0,
            saved_at: browser::now_iso(),
            record: r,
            signed: None,
        }));
    };
    let list = move || {
        version.track();
        match opslag::list_requests() {
            Err(e) => view! { <p class="kt-opslag-fout">{e}</p> }.into_any(),
            Ok((items, broken)) => {
                let rows = items.into_iter().map(|item| {
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
                    let item2 = item.clone();
                    view! {
                        <li class=class data-testid="verzoek" data-overdue=st.overdue.to_string()>
                            <div class="kt-concept-info">
                                <strong>{format!("Verzoek om {kind}")}</strong>
                                <span>{format!("{} {}", r.client.dossier_reference, r.client.name)}</span>
                                <span>{format!("Ontvangen {}", r.received.map(|d| d.to_dutch()).unwrap_or_default())}</span>
                                <span class="kt-verzoek-termijn">{when}</span>
                            </div>
                            <div class="kt-concept-knoppen">
                                <button type="button" class="kt-knop" on:click=move |_| open.set(Some(item2.clone()))>"Openen"</button>
                            </div>
                        </li>
                    }
                }).collect_view();
                view! {
                    <ul class="kt-concepten">{rows}</ul>
                    {(!broken.is_empty()).then(|| view! { <p class="kt-opslag-fout">{format!("{} opgeslagen verzoek(en) kunnen niet worden gelezen; ze blijven bewaard.", broken.len())}</p> })}
                }.into_any()
            }
        }
    };
    view! {
        <Show when=move || open.with(|o| o.is_some()) fallback=move || view! {
            <main class="kt-main" id="inhoud">
                <h2>"Verzoeken van betrokkenen (art. 11)"</h2>
                <p class="kt-lead">"Een cliënt (of wie volgens art. 12 voor de cliënt optreedt) mag vragen wat er is vastgelegd, het inzien of een afschrift krijgen, en vragen om correctie, aanvulling, verwijdering of afscherming. Op die laatste vier moet binnen vier weken worden beslist."</p>
                <div class="kt-acties">
                    <button type="button" class="kt-knop kt-knop--groot" data-testid="nieuw-verzoek" on:click=new_request>"Nieuw verzoek registreren"</button>
                </div>
                <section class="kt-groep" aria-labelledby="verzoeken-kop">
                    <h3 id="verzoeken-kop">"Verzoeken op dit apparaat"</h3>
                    {list}
                </section>
                <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
            </main>
        }>
            {move || open.get().map(|item| view! {
                <VerzoekFormulier item=item on_close=Callback::new(move |_| { open.set(None); version.update(|v| *v += 1); }) />
            })}
        </Show>
    }
}

#[component]
fn VerzoekFormulier(
    item: opslag::StoredRequest,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let profile = crate::app::use_profile();
    let today = browser::today();
    // A request opened from the list is stored already; a new one is stored on this first save.
    let autosave = Autosave::new(item.rev, item.rev > 0);
    autosave.watch(opslag::request_key(item.record.record_id.as_str()));
    let id = item.record.record_id.clone();
    let rec = RwSignal::new(item.record);
    let signed = RwSignal::new(item.signed);
    let sign_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let vz = Verzoek { rec, signed };
    let findings =
        Memo::new(move |_| rec.with(|r| profile.with_value(|p| validate_request(r, p, today))));
    Effect::new(move |_| {
        let record = rec.get();
        let signed = signed.get();
        let Some(rev) = autosave.next() else {
            return;
        };
        let stored = opslag::StoredRequest {
            schema_version: model::SCHEMA_VERSION,
            rev,
            saved_at: browser::now_iso(),
            record,
            signed,
        };
        autosave.saved(rev, opslag::save_request(&stored));
    });
    // The version another tab saved, after a conflict.
    let reload = Callback::new(move |_| {
        if let Some(newest) = opslag::load_request(id.as_str()) {
            autosave.loaded(Some(newest.rev));
            rec.set(newest.record);
            signed.set(newest.signed);
        }
    });

    // The field components show these findings beside their fields, as in the consent form.
    provide_context(Findings(findings));
    let (dossier_get, dossier_set) = bind!(vz, |r| r.client.dossier_reference);
    let (name_get, name_set) = bind!(vz, |r| r.client.name);
    let (birth_get, birth_set) = bind!(vz, |r| r.client.birth_date);
    let (received_get, received_set) = bind!(vz, |r| r.received);
    let kind_get =
        Signal::derive(move || vz.read(|r| r.kind.map_or("", RequestKind::key).to_owned()));
    let kind_set = Callback::new(move |v: String| vz.edit(|r| r.kind = RequestKind::from_key(&v)));
    let kind_options = RequestKind::ALL
        .into_iter()
        .map(|k| (k.key(), k.label_nl()))
        .collect::<Vec<_>>();
    // Who made the request: the client or a representative (the first of `requestedBy`).
    let (by_name_get, by_name_set) = vz.bind_part(
        0,
        requester,
        requester_mut,
        |d| d.name.clone(),
        |d, v| d.name = v,
    );
    let (as_get, as_set) = vz.bind_part(
        0,
        requester,
        requester_mut,
        |d| match d.role {
            PartyRole::Client => "client".to_owned(),
            PartyRole::Representative => d
                .relationship
                .map_or("", RepresentativeRole::key)
                .to_owned(),
        },
        |d, v: String| {
            d.relationship = RepresentativeRole::from_key(&v);
            d.role = if d.relationship.is_some() {
                PartyRole::Representative
            } else {
                PartyRole::Client
            };
        },
    );
    let as_options = std::iter::once(("client", "cliënt zelf"))
        .chain(
            RepresentativeRole::ALL
                .into_iter()
                .map(|r| (r.key(), r.label_nl())),
        )
        .collect::<Vec<_>>();
    let (decision_date_get, decision_date_set) =
        vz.bind_part((), decision, decision_mut, |d| d.date, |d, v| d.date = v);
    let (reasons_get, reasons_set) = vz.bind_part(
        (),
        decision,
        decision_mut,
        |d| d.reasons.clone(),
        |d, v| d.reasons = v,
    );
    let outcome = Signal::derive(move || rec.with(|r| r.decision.as_ref().map(|d| d.outcome)));
    let pick = move |o: Option<RequestOutcome>| {
        vz.edit(|r| match o {
            None => r.decision = None,
            Some(o) => {
                let d = r.decision.get_or_insert(RequestDecision {
                    outcome: o,
                    date: Some(browser::today()),
                    reasons: String::new(),
                });
                d.outcome = o;
            }
        })
    };
    let radio = move |label: &'static str, id: &'static str, o: Option<RequestOutcome>| {
        view! {
            <label class="kt-keuze" for=id>
                <input type="radio" name="beslissing" id=id prop:checked=move || outcome.get() == o on:change=move |_| pick(o) />
                <span>{label}</span>
            </label>
        }
    };
    let deadline_text = move || {
        rec.with(|r| {
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
        rec.with(|r| {
            r.partners_informed
                .iter()
                .map(|p| p.partner.clone())
                .collect::<Vec<_>>()
        })
    });
    let set_informed = Callback::new(move |ids: Vec<String>| {
        vz.edit(|r| {
            let date = Some(browser::today());
            r.partners_informed = ids
                .into_iter()
                .map(|partner| PartnerInformed { partner, date })
                .collect();
        })
    });
    let contacts = profile.with_value(|p| p.contacts.clone());
    let sign = move |_| {
        busy.set(true);
        let record = rec.get_untracked();
        leptos::task::spawn_local(async move {
            let d = record.received.unwrap_or(today);
            let doc = Document::Request(record);
            match ondertekenen::sign(&doc, d).await {
                Ok(s) => {
                    crate::pwa::emit("signed", s.event_detail(&doc));
                    let _ = browser::download(&s.file_name, "application/jose+json", &s.jws);
                    signed.set(Some(s));
                }
                Err(e) => sign_error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Verzoek van betrokkene"</h2>
            <fieldset class="kt-groep" disabled=move || signed.with(|s| s.is_some())>
                <legend>"Verzoek"</legend>
                <Tekst label="Dossiernummer" path="client.dossierReference" get=dossier_get set=dossier_set />
                <Tekst label="Naam cliënt" path="client.name" get=name_get set=name_set />
                <Datum label="Geboortedatum cliënt" path="client.birthDate" get=birth_get set=birth_set />
                <Keuzelijst label="Soort verzoek" path="kind" options=kind_options get=kind_get set=kind_set />
                <Datum label="Datum van ontvangst" path="received" get=received_get set=received_set />
                <p class="kt-uitkomst" data-testid="termijn" role="status">{deadline_text}</p>
                <Tekst label="Ingediend door (naam)" path="requestedBy[0].name" get=by_name_get set=by_name_set />
                <Keuzelijst label="Als" path="requestedBy[0].role" options=as_options get=as_get set=as_set />
            </fieldset>
            <fieldset class="kt-groep" disabled=move || signed.with(|s| s.is_some())>
                <legend>"Beslissing"</legend>
                {radio("Nog niet beslist", "beslissing-open", None)}
                {radio("Toegewezen", "beslissing-toegewezen", Some(RequestOutcome::Granted))}
                {radio("Gedeeltelijk toegewezen", "beslissing-deels", Some(RequestOutcome::Partly))}
                {radio("Afgewezen", "beslissing-afgewezen", Some(RequestOutcome::Rejected))}
                <Show when=move || outcome.get().is_some()>
                    <Datum label="Datum van de beslissing" path="decision.date" get=decision_date_get set=decision_date_set />
                    <Tekst label="Motivering (verplicht bij (gedeeltelijke) afwijzing)" path="decision.reasons" get=reasons_get set=reasons_set multiline=true />
                    <PartnerKeuze path="partnersInformed" label="Partners die op de hoogte zijn gebracht (art. 11 lid 6)" get=informed set=set_informed />
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
                {move || {
                    let f = findings.get();
                    if f.is_empty() {
                        view! { <p class="kt-status-ok" data-testid="verzoek-compleet">"Het verzoek is compleet vastgelegd."</p> }.into_any()
                    } else {
                        view! { <ul class="kt-bevindingen" data-testid="verzoek-bevindingen">{f.into_iter().map(|x| {
                            let class = if x.is_error() { "kt-bevinding kt-bevinding--fout" } else { "kt-bevinding kt-bevinding--waarschuwing" };
                            view! { <li class=class data-code=x.code.as_str()><span>{format!("{} ({}): {}", x.code.as_str(), x.article, x.message)}</span></li> }
                        }).collect_view()}</ul> }.into_any()
                    }
                }}
                {move || match signed.get() {
                    Some(s) => view! { <p class="kt-status-ok" data-testid="verzoek-ondertekend">{format!("Ondertekend en opgeslagen als {}.", s.file_name)}</p> }.into_any(),
                    None => view! {
                        <button type="button" class="kt-knop kt-knop--groot" data-testid="verzoek-ondertekenen"
                            disabled=move || busy.get() || findings.with(|f| f.iter().any(|x| x.is_error()))
                            on:click=sign>"Ondertekenen en exporteren"</button>
                    }.into_any(),
                }}
                {move || sign_error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert">{e}</p> })}
                <Opslagstatus state=autosave.state wat="Verzoek" dit="Dit verzoek" on_reload=reload />
            </section>
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar de verzoeken"</button>
        </main>
    }
}

/// The person who made the request (the first of `requestedBy`).
fn requester(r: &RequestRecord, i: usize) -> Option<&Decider> {
    r.requested_by.get(i)
}
/// The same for a change: added when there is none.
fn requester_mut(r: &mut RequestRecord, i: usize) -> Option<&mut Decider> {
    if r.requested_by.len() <= i {
        r.requested_by.resize_with(i + 1, Decider::default);
    }
    r.requested_by.get_mut(i)
}

/// The request being recorded; frozen once signed.
#[derive(Clone, Copy)]
struct Verzoek {
    rec: RwSignal<RequestRecord>,
    signed: RwSignal<Option<ondertekenen::Signed>>,
}

impl Edits<RequestRecord> for Verzoek {
    fn read<T: Default>(&self, f: impl FnOnce(&RequestRecord) -> T) -> T {
        self.rec.with(f)
    }

    fn edit(&self, f: impl FnOnce(&mut RequestRecord)) {
        if self.signed.get_untracked().is_some() {
            return;
        }
        self.rec.update(|r| {
            f(r);
            flow::normalize_request(r);
        });
    }
}

/// The decision, once an outcome is picked.
fn decision(r: &RequestRecord, _: ()) -> Option<&RequestDecision> {
    r.decision.as_ref()
}
fn decision_mut(r: &mut RequestRecord, _: ()) -> Option<&mut RequestDecision> {
    r.decision.as_mut()
}
