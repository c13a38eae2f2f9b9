//! The start screen's list of drafts: client reference, date, step, last change; resume;
//! delete with confirmation. Drafts from another schema version or damaged ones are listed
//! with a clear message and can be downloaded; nothing is dropped silently.

use crate::{browser, opslag};
use keukentafel_core::flow::Step;
use leptos::prelude::*;

#[component]
pub fn Concepten(#[prop(into)] on_open: Callback<String>) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let confirm = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let entries = move || {
        version.track();
        opslag::list()
    };
    let row = move |e: opslag::Entry| {
        let id = e.id().to_owned();
        let id_del = id.clone();
        let id_yes = id.clone();
        let confirming = {
            let id = id.clone();
            move || confirm.get().as_deref() == Some(id.as_str())
        };
        let delete = view! {
            <Show when=confirming.clone() fallback=move || {
                let id = id_del.clone();
                view! { <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| confirm.set(Some(id.clone()))>"Verwijderen"</button> }
            }>
                <span class="kt-bevestig" role="alert">
                    "Weet u zeker dat u dit concept wilt verwijderen? Dit kan niet ongedaan worden gemaakt. "
                    <button type="button" class="kt-knop kt-knop--klein kt-knop--gevaar" data-testid="bevestig-verwijderen" on:click={
                        let id = id_yes.clone();
                        move |_| {
                            if let Err(e) = opslag::delete(&id) { error.set(Some(e)); }
                            confirm.set(None);
                            version.update(|v| *v += 1);
                        }
                    }>"Ja, verwijderen"</button>
                    <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| confirm.set(None)>"Annuleren"</button>
                </span>
            </Show>
        };
        match e {
            opslag::Entry::Ok { id, dossier, client, date, step, saved_at, signed } => {
                let step = Step::from_slug(&step).map(|s| format!("{}. {}", s.number(), s.title_nl())).unwrap_or_default();
                let title = if dossier.is_empty() { "(nog geen dossiernummer)".to_owned() } else { dossier };
                let open_id = id.clone();
                view! {
                    <li class="kt-concept" data-testid="concept">
                        <div class="kt-concept-info">
                            <strong>{title}</strong>
                            <span>{client}</span>
                            <span>{if date.is_empty() { String::new() } else { format!("Gesprek {date}") }}</span>
                            <span>{if signed { "Ondertekend en geëxporteerd".to_owned() } else { format!("Stap {step}") }}</span>
                            <span>{format!("Laatst gewijzigd {}", browser::local_time(&saved_at))}</span>
                        </div>
                        <div class="kt-concept-knoppen">
                            <button type="button" class="kt-knop" on:click=move |_| on_open.run(open_id.clone())>{if signed { "Bekijken" } else { "Verder" }}</button>
                            {delete}
                        </div>
                    </li>
                }
                .into_any()
            }
            // Not openable here: kept, offered as a download, with the reason.
            opslag::Entry::OtherVersion { id, version: v, raw } => unopenable(id, raw, "concept-andere-versie",
                format!("Gemaakt met schemaversie {v}; deze versie van keukentafel kan het niet openen. Download het en neem contact op met de beheerder; het concept blijft bewaard."), delete),
            opslag::Entry::Broken { id, raw, error: why } => unopenable(id, raw, "concept-beschadigd", why, delete),
        }
    };
    view! {
        <section aria-labelledby="concepten-kop" class="kt-groep">
            <h2 id="concepten-kop">"Concepten op dit apparaat"</h2>
            {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert">{e}</p> })}
            {move || match entries() {
                Err(e) => view! { <p class="kt-opslag-fout">{e}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p>"Er zijn geen concepten."</p> }.into_any(),
                Ok(list) => view! { <ul class="kt-concepten">{list.into_iter().map(row).collect_view()}</ul> }.into_any(),
            }}
        </section>
    }
}

/// A stored draft this version cannot open: its id, why, a download of the stored text, delete.
fn unopenable(
    id: String,
    raw: String,
    testid: &'static str,
    why: String,
    delete: impl IntoView + 'static,
) -> AnyView {
    view! {
        <li class="kt-concept kt-concept--anders" data-testid=testid>
            <div class="kt-concept-info">
                <strong>{format!("Concept {}", &id[..8.min(id.len())])}</strong>
                <span>{why}</span>
            </div>
            <div class="kt-concept-knoppen">
                <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| { let _ = browser::download(&format!("concept-{id}.json"), "application/json", &raw); }>"Download"</button>
                {delete}
            </div>
        </li>
    }
    .into_any()
}
