//! Stap 3 — Uitleg aan de cliënt: a screen to turn towards the client. Every text comes from
//! the core's table (`flow::explanation_nl`), addressed to who decides and naming the partners
//! chosen; the articles are under "Meer weten".

use crate::editor::{use_form, Edits};
use keukentafel_core::flow::{explanation_nl, Part};
use leptos::prelude::*;

fn deel(p: Part) -> impl IntoView {
    let (id, labelled) = (
        format!("u-{}", p.purpose.key()),
        format!("u-{}", p.purpose.key()),
    );
    let para = |t: String| view! { <p>{t}</p> };
    let partners = p.partners.map(|(intro, names)| {
        view! {
            <p data-testid="uitleg-partners">{intro}</p>
            {(!names.is_empty()).then(|| view! {
                <ul data-testid="uitleg-partnerlijst">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
        }
    });
    view! {
        <section aria-labelledby=labelled data-purpose=p.purpose.key()>
            <h3 id=id>{p.heading}</h3>
            {p.body.into_iter().map(para).collect_view()}
            {partners}
            {p.after.into_iter().map(para).collect_view()}
            <details class="kt-meer-weten">
                <summary>"Meer weten"</summary>
                {p.more.into_iter().map(para).collect_view()}
            </details>
        </section>
    }
}

#[component]
pub fn Uitleg() -> impl IntoView {
    let form = use_form();
    let parts = move || {
        let partners = form.read(|r| {
            let mut ids: Vec<String> = r.informing.partners.clone();
            for c in &r.consent.categories {
                for p in &c.partners {
                    if !ids.contains(p) {
                        ids.push(p.clone());
                    }
                }
            }
            ids
        });
        let parts = form.read(|r| {
            form.profile
                .with_value(|p| explanation_nl(r, p, p.partner_names(&partners)))
        });
        parts.into_iter().map(deel).collect_view()
    };
    view! { <div class="kt-uitleg" lang="nl">{parts}</div> }
}
