//! Te versturen: the signed records on their way into the dossier — what waits and why, what
//! was delivered and when — by the profile's route: to the back office by itself, through the
//! portal, or as a file the professional hands over and confirms.

use crate::hooks::use_loaded::use_loaded;
use crate::hooks::use_outbox::use_outbox;
use crate::hooks::use_profile::use_profile;
use crate::hooks::use_vault::use_vault;
use crate::signing::Signed;
use crate::storage::outbox::{Delivered, Pending, State};
use crate::storage::{records, Entry};
use keukentafel_core::profile::DeliveryRoute;
use keukentafel_core::{ConsentRecord, Record, RecordKind, RequestRecord, WithdrawalRecord};
use leptos::prelude::*;

/// The unlocked professional's signed records on this tablet: (hash, dossier reference, export).
async fn own_signed() -> Vec<(String, String, Signed)> {
    async fn of<R: Record>(out: &mut Vec<(String, String, Signed)>) {
        for e in records::list::<R>().await.unwrap_or_default() {
            if let Entry::Ok(s) = e {
                if let Some(signed) = s.signed.clone() {
                    out.push((
                        signed.hash.clone(),
                        s.record.client().dossier_reference.clone(),
                        signed,
                    ));
                }
            }
        }
    }
    let mut out = Vec::new();
    of::<ConsentRecord>(&mut out).await;
    of::<WithdrawalRecord>(&mut out).await;
    of::<RequestRecord>(&mut out).await;
    out
}

/// "Toestemming", "Intrekking", "Verzoek".
fn kind_label(kind: &str) -> String {
    let label = RecordKind::from_key(kind).map_or("record", RecordKind::label_nl);
    // The labels are ASCII words: no Unicode case tables for this.
    let mut out = label.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

fn state_text(p: &Pending, route: DeliveryRoute) -> String {
    if p.sending {
        return "Wordt nu verstuurd…".into();
    }
    match (p.state, route) {
        (State::Download, _) => {
            "Wacht tot u bevestigt dat het bestand in het dossier staat.".into()
        }
        (State::Refused, _) => p.error.clone(),
        (State::Waiting, DeliveryRoute::Portal) => {
            "Wacht tot het portaal bevestigt dat het in het dossier staat.".into()
        }
        (State::Waiting, _) if p.attempts == 0 => "Wacht op verbinding met de backoffice.".into(),
        (State::Waiting, _) => format!("{} ({}× geprobeerd)", p.error, p.attempts),
    }
}

#[component]
pub fn Versturen(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let outbox = use_outbox();
    let profile = use_profile();
    let me = StoredValue::new(
        use_vault()
            .session
            .get_untracked()
            .map(|s| s.id)
            .unwrap_or_default(),
    );
    let route = profile.with_value(|p| p.delivery.route);
    let municipality = profile.with_value(|p| p.municipality.clone());
    let mine = use_loaded(move || {
        outbox.pending.track();
        own_signed()
    });
    let how = match route {
        DeliveryRoute::Http => format!("Ondertekende records gaan vanzelf naar de backoffice van {municipality} zodra de tablet verbinding heeft. Pas na een ontvangstbewijs verdwijnen ze van deze tablet."),
        DeliveryRoute::Portal => "Ondertekende records gaan via het portaal naar het dossier. Pas als het portaal dat bevestigt, verdwijnen ze van deze tablet.".to_owned(),
        DeliveryRoute::File => "Download het bestand van elk ondertekend record en zet het in het dossier; bevestig daarna hier dat het is overgedragen. Pas dan verdwijnt het van deze tablet.".to_owned(),
    };
    let row = move |p: Pending| {
        let own = mine
            .get()
            .unwrap_or_default()
            .into_iter()
            .find(|(h, _, _)| *h == p.hash);
        let title = match (&own, me.with_value(|m| p.owner == *m)) {
            (Some((_, dossier, _)), _) if !dossier.is_empty() => {
                format!(
                    "{} — {}",
                    kind_label(&p.kind),
                    keukentafel_core::text::isolate(dossier)
                )
            }
            (_, true) => kind_label(&p.kind),
            (_, false) => format!("{} van een collega", kind_label(&p.kind)),
        };
        let refused = p.state == State::Refused;
        let file = (p.state == State::Download).then(|| {
            let hash = p.hash.clone();
            view! {
                {own.map(|(_, _, s)| view! {
                    <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| {
                        let _ = crate::browser::download(&s.file_name, "application/jose+json", &s.jws);
                    }>"Bestand downloaden"</button>
                })}
                <button type="button" class="kt-knop" data-testid="overgedragen" on:click=move |_| outbox.handed_over.run(hash.clone())>"Staat in het dossier"</button>
            }
        });
        view! {
            <li class="kt-concept" data-testid="te-versturen" data-hash=p.hash.clone()>
                <div class="kt-concept-info">
                    <strong>{title}</strong>
                    <span>{format!("Ondertekend {}", crate::browser::local_time(&p.created))}</span>
                    <span class=if refused { "kt-opslag-fout" } else { "kt-hint" } data-testid="verzendstatus">{state_text(&p, route)}</span>
                </div>
                <div class="kt-concept-knoppen">{file}</div>
            </li>
        }
    };
    let delivered = move || {
        let mine: Vec<Delivered> = outbox
            .delivered
            .get()
            .into_iter()
            .filter(|d| me.with_value(|m| d.owner == *m))
            .take(20)
            .collect();
        if mine.is_empty() {
            return view! { <p class="kt-hint">"Nog niets van u afgeleverd op deze tablet."</p> }
                .into_any();
        }
        view! {
            <ul class="kt-list">
                {mine.into_iter().map(|d| view! {
                    <li data-testid="afgeleverd" data-hash=d.hash.clone()>
                        {format!("{}, ondertekend {} — in het dossier sinds {}", kind_label(&d.kind), crate::browser::local_time(&d.date), crate::browser::local_time(&d.receipt))}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Te versturen"</h2>
            <p class="kt-lead">{how}</p>
            {move || {
                let list = outbox.pending.get();
                if list.is_empty() {
                    view! { <p class="kt-status-ok" role="status" data-testid="niets-te-versturen">"Alles wat op deze tablet is ondertekend, staat in het dossier."</p> }.into_any()
                } else {
                    view! {
                        <ul class="kt-concepten" aria-label="Nog niet in het dossier">{list.into_iter().map(row).collect_view()}</ul>
                        <Show when=move || route == DeliveryRoute::Http>
                            <button type="button" class="kt-knop" data-testid="nu-versturen" on:click=move |_| outbox.send_now.run(())>"Nu versturen"</button>
                        </Show>
                    }.into_any()
                }
            }}
            <section aria-labelledby="afgeleverd-kop" class="kt-groep">
                <h3 id="afgeleverd-kop">"In het dossier"</h3>
                {delivered}
            </section>
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}

/// On the start screen: how many records wait, and prominently those older than the profile's
/// limit (art. 4 lid 4: the form goes into the dossier).
#[component]
pub fn Wachtrij(#[prop(into)] on_open: Callback<()>) -> impl IntoView {
    let outbox = use_outbox();
    let delivery = use_profile().with_value(|p| p.delivery.clone());
    let days = delivery.undelivered_alert_days;
    move || {
        let list = outbox.pending.get();
        let today = crate::browser::today();
        let late = list
            .iter()
            .filter(|p| p.signed_on().is_some_and(|d| delivery.is_overdue(d, today)))
            .count();
        (!list.is_empty()).then(|| {
            let text = keukentafel_core::flow::outbox_line_nl(list.len(), late, days);
            let (class, role) = if late > 0 {
                ("kt-opslag-fout", "alert")
            } else {
                ("kt-status", "status")
            };
            let testid = if late > 0 { "te-lang-niet-verstuurd" } else { "wachtrij" };
            view! {
                <p class=class role=role data-testid=testid>
                    {text} " "
                    <button type="button" class="kt-knop kt-knop--klein" data-testid="naar-versturen" on:click=move |_| on_open.run(())>"Te versturen"</button>
                </p>
            }
        })
    }
}
