//! Het startscherm: a new conversation, the professional's drafts, withdrawals in progress and
//! requests, the other screens, and what this module does for this municipality.

use crate::components::schermen::versturen::Wachtrij;
use crate::hooks::use_loaded::use_loaded;
use crate::storage::{migrate, records, Entry};
use keukentafel_core::flow::Step;
use keukentafel_core::{
    rules::Code, ConsentRecord, Profile, RecordKind, SpecialCategory, WithdrawalRecord,
};
use leptos::prelude::*;

#[component]
pub fn Start(
    profile: Profile,
    #[prop(into)] on_new: Callback<()>,
    #[prop(into)] on_open: Callback<String>,
    #[prop(into)] on_open_withdrawal: Callback<String>,
    #[prop(into)] on_withdraw: Callback<()>,
    #[prop(into)] on_requests: Callback<()>,
    #[prop(into)] on_settings: Callback<()>,
    #[prop(into)] on_outbox: Callback<()>,
    message: RwSignal<Option<String>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let partners = profile
        .partners
        .iter()
        .map(|p| view! { <li>{p.name.clone()}</li> })
        .collect_view();
    let categories = SpecialCategory::ALL
        .iter()
        .map(|c| view! { <li>{c.label_nl()}</li> })
        .collect_view();
    let rules = Code::ALL.len();
    let version = RwSignal::new(0u32);
    // A delivered record is forgotten: the lists are read again.
    let outbox = crate::hooks::use_outbox::use_outbox();
    Effect::new(move |prev: Option<usize>| {
        let n = outbox.delivered.with(Vec::len);
        if prev.is_some_and(|p| p != n) {
            version.update(|v| *v += 1);
        }
        n
    });
    let withdrawals = use_loaded(move || {
        version.track();
        records::list::<WithdrawalRecord>()
    });
    let in_progress = move || {
        withdrawals.get().and_then(|r| r.ok()).map(|list| {
            list.into_iter()
                .filter_map(|e| match e {
                    Entry::Ok(w) if w.signed.is_none() => Some(w),
                    _ => None,
                })
                .map(|w| {
                    let id = w.id().to_owned();
                    view! {
                        <p class="kt-status" data-testid="intrekking-bezig" role="status">
                            {format!(
                                "Een intrekking voor {} ({}) is begonnen en nog niet ondertekend. ",
                                keukentafel_core::text::isolate(&w.record.client.name),
                                keukentafel_core::text::isolate(&w.record.client.dossier_reference)
                            )}
                            <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekking-verder"
                                on:click=move |_| on_open_withdrawal.run(id.clone())>"Verder met de intrekking"</button>
                        </p>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h1>"Toestemming bij het keukentafelgesprek"</h1>
            <p class="kt-lead">
                "Leg tijdens het gesprek vast dat u de cliënt hebt geïnformeerd, of de cliënt instemt, "
                "en of de cliënt schriftelijk toestemming geeft voor bijzondere persoonsgegevens: "
                "per categorie en per partner, ondertekend door wie dat volgens het protocol mag."
            </p>
            {move || message.get().map(|m| view! { <p class="kt-opslag-fout" role="alert">{m}</p> })}
            {move || notice.get().map(|n| view! {
                <p class="kt-status" role="status" data-testid="kluis-melding">
                    {n} " "
                    <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| notice.set(None)>"Sluiten"</button>
                </p>
            })}
            <Wachtrij on_open=on_outbox />
            <div class="kt-acties kt-start-acties">
                <button type="button" class="kt-knop kt-knop--groot" data-testid="nieuw-gesprek" on:click=move |_| on_new.run(())>"Nieuw gesprek"</button>
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="intrekken" on:click=move |_| on_withdraw.run(())>"Toestemming intrekken"</button>
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="verzoeken" on:click=move |_| on_requests.run(())>"Verzoeken van betrokkenen"</button>
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="instellingen" on:click=move |_| on_settings.run(())>"Instellingen"</button>
            </div>
            {in_progress}
            <Concepten on_open=on_open version=version />
            <p class="kt-protocol" data-testid="protocol">{profile.protocol.clone()}</p>
            <p class="kt-status" data-testid="rules-count">
                {format!("{rules} regels uit het protocol worden gecontroleerd, ook zonder internet.")}
            </p>
            <section aria-labelledby="partners-kop">
                <h2 id="partners-kop">"Partners van " {profile.municipality.clone()}</h2>
                <ul class="kt-list">{partners}</ul>
            </section>
            <section aria-labelledby="categorieen-kop">
                <h2 id="categorieen-kop">"Bijzondere persoonsgegevens"</h2>
                <ul class="kt-list">{categories}</ul>
            </section>
        </main>
    }
}

/// The professional's consent drafts and signed records on this tablet: client reference,
/// date, step, last change; resume; delete with confirmation. What cannot be opened (another
/// schema version, damaged, kept from before the vault) is listed with the reason and can be
/// downloaded; nothing is dropped silently.
#[component]
fn Concepten(#[prop(into)] on_open: Callback<String>, version: RwSignal<u32>) -> impl IntoView {
    let confirm = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let drafts = use_loaded(move || {
        version.track();
        async move {
            let list = records::list::<ConsentRecord>().await?;
            let legacy = records::list_raw(migrate::LEGACY).await.unwrap_or_default();
            Ok::<_, String>((list, legacy))
        }
    });
    let remove = move |kind: Option<RecordKind>, id: String| {
        leptos::task::spawn_local(async move {
            let r = match kind {
                Some(k) => records::delete(k, &id).await,
                None => records::delete_raw(migrate::LEGACY, &id).await,
            };
            if let Err(e) = r {
                error.set(Some(e));
            }
            confirm.set(None);
            version.update(|v| *v += 1);
        });
    };
    let delete_button = move |kind: Option<RecordKind>, id: String| {
        let confirming = {
            let id = id.clone();
            move || confirm.get().as_deref() == Some(id.as_str())
        };
        let (ask, yes) = (id.clone(), id);
        view! {
            <Show when=confirming.clone() fallback=move || {
                let id = ask.clone();
                view! { <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| confirm.set(Some(id.clone()))>"Verwijderen"</button> }
            }>
                <span class="kt-bevestig" role="alert">
                    "Weet u zeker dat u dit concept wilt verwijderen? Dit kan niet ongedaan worden gemaakt. "
                    <button type="button" class="kt-knop kt-knop--klein kt-knop--gevaar" data-testid="bevestig-verwijderen" on:click={
                        let id = yes.clone();
                        move |_| remove(kind, id.clone())
                    }>"Ja, verwijderen"</button>
                    <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| confirm.set(None)>"Annuleren"</button>
                </span>
            </Show>
        }
    };
    let row = move |e: Entry<ConsentRecord>| match e {
        Entry::Ok(d) => {
            let id = d.id().to_owned();
            let r = &d.record;
            let step = Step::from_slug(&d.place)
                .map(|s| format!("{}. {}", s.number(), s.title_nl()))
                .unwrap_or_default();
            let title = if r.client.dossier_reference.is_empty() {
                "(nog geen dossiernummer)".to_owned()
            } else {
                r.client.dossier_reference.clone()
            };
            let date = r
                .conversation_date
                .map(|x| x.to_dutch())
                .unwrap_or_default();
            let signed = d.signed.is_some();
            let open_id = id.clone();
            view! {
                <li class="kt-concept" data-testid="concept">
                    <div class="kt-concept-info">
                        <strong>{title}</strong>
                        <span>{r.client.name.clone()}</span>
                        <span>{if date.is_empty() { String::new() } else { format!("Gesprek {date}") }}</span>
                        <span>{if signed { "Ondertekend".to_owned() } else { format!("Stap {step}") }}</span>
                        <span>{format!("Laatst gewijzigd {}", crate::browser::local_time(&d.saved_at))}</span>
                    </div>
                    <div class="kt-concept-knoppen">
                        <button type="button" class="kt-knop" on:click=move |_| on_open.run(open_id.clone())>{if signed { "Bekijken" } else { "Verder" }}</button>
                        {delete_button(Some(RecordKind::Consent), id)}
                    </div>
                </li>
            }
            .into_any()
        }
        Entry::Unreadable { id, why, raw } => {
            let testid = if why.contains("schemaversie") {
                "concept-andere-versie"
            } else {
                "concept-beschadigd"
            };
            unopenable(
                id.clone(),
                raw,
                testid,
                format!("Dit concept is {why}; het blijft bewaard."),
                delete_button(Some(RecordKind::Consent), id),
            )
        }
    };
    view! {
        <section aria-labelledby="concepten-kop" class="kt-groep">
            <h2 id="concepten-kop">"Concepten op dit apparaat"</h2>
            {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert">{e}</p> })}
            {move || drafts.get().map(|r| match r {
                Err(e) => view! { <p class="kt-opslag-fout">{e}</p> }.into_any(),
                Ok((list, legacy)) if list.is_empty() && legacy.is_empty() => view! { <p>"Er zijn geen concepten."</p> }.into_any(),
                Ok((list, legacy)) => view! {
                    <ul class="kt-concepten">
                        {list.into_iter().map(row).collect_view()}
                        {legacy.into_iter().map(|(id, raw)| unopenable(
                            id.clone(), Some(raw), "concept-van-voor-de-kluis",
                            "Van vóór de kluis: deze versie van keukentafel kan het niet openen. Download het en neem contact op met de beheerder; het blijft bewaard.".into(),
                            delete_button(None, id),
                        )).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </section>
    }
}

/// A stored entry this version cannot open: which, why, a download of what is stored, delete.
fn unopenable(
    id: String,
    raw: Option<String>,
    testid: &'static str,
    why: String,
    delete: impl IntoView + 'static,
) -> AnyView {
    let short: String = id
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    view! {
        <li class="kt-concept kt-concept--anders" data-testid=testid>
            <div class="kt-concept-info">
                <strong>{format!("Concept …{short}")}</strong>
                <span>{why}</span>
            </div>
            <div class="kt-concept-knoppen">
                {raw.map(|raw| view! {
                    <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| { let _ = crate::browser::download("concept.json", "application/json", &raw); }>"Download"</button>
                })}
                {delete}
            </div>
        </li>
    }
    .into_any()
}
