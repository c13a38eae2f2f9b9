//! Het papieren formulier: the paper version of a consent record as the core derives it
//! (`flow::paper_nl`), laid out for A4. Shown only in print; when it is on the page, printing
//! shows nothing else. Signatures are drawn from their vectors, so the paper shows exactly what
//! was signed.

use crate::editor::{use_form, Edits};
use keukentafel_core::flow::{self, PaperSigner};
use leptos::prelude::*;

/// The stroke points as SVG polyline points, in the pad's 0..=10000 space.
fn points(stroke: &[[u16; 2]]) -> String {
    let mut s = String::with_capacity(stroke.len() * 10);
    for [x, y] in stroke {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&x.to_string());
        s.push(',');
        s.push_str(&y.to_string());
    }
    s
}

fn handtekening(s: PaperSigner) -> impl IntoView {
    let drawn = (!s.strokes.is_empty()).then(|| {
        view! {
            <svg class="kt-papier-krabbel" viewBox="0 0 10000 10000" preserveAspectRatio="none" role="img" aria-label=format!("Handtekening van {}", s.label)>
                {s.strokes.iter().map(|st| view! {
                    <polyline points=points(st) fill="none" stroke="#000" stroke-width="2" vector-effect="non-scaling-stroke" stroke-linecap="round" stroke-linejoin="round" />
                }).collect_view()}
            </svg>
        }
    });
    view! {
        <div class="kt-papier-teken" data-testid="papier-ondertekenaar">
            <p class="kt-papier-wie">{s.label}</p>
            {drawn}
            {s.alternative.map(|a| view! { <p>{a}</p> })}
            {s.unsigned.map(|u| view! { <p class="kt-papier-leeg" data-testid="papier-niet-getekend">{u}</p> })}
            <p>{s.date}</p>
        </div>
    }
}

/// The paper version of the consent record being edited (or signed: then with its hash),
/// re-derived whenever the record changes.
#[component]
pub fn Papier() -> impl IntoView {
    let form = use_form();
    let body = move || {
        let hash = form.signed.with(|s| s.as_ref().map(|s| s.hash.clone()));
        let p = form.read(|r| {
            form.profile
                .with_value(|pr| flow::paper_nl(r, pr, hash.as_deref()))
        });
        let deel = |s: flow::paper::Section| {
            view! {
                <section class="kt-papier-deel">
                    <h3>{s.heading}</h3>
                    <ul>{s.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </section>
            }
        };
        // What is signed and the signatures, together on one page.
        let signing = view! {
            <div class="kt-papier-tekenen">
                {p.statement.map(deel)}
                {(p.to_sign && !p.signers.is_empty()).then(|| view! {
                    <section class="kt-papier-handtekeningen">
                        <h3>"Handtekeningen"</h3>
                        {p.signers.into_iter().map(handtekening).collect_view()}
                    </section>
                })}
            </div>
        };
        view! {
            <header class="kt-papier-kop">
                <h2>{p.title}</h2>
                <p>{p.issuer}</p>
            </header>
            {p.sections.into_iter().map(deel).collect_view()}
            {signing}
            <footer class="kt-papier-voet" data-testid="papier-voet">{p.footer}</footer>
        }
    };
    view! {
        <article class="kt-papier kt-alleen-afdruk" data-testid="papier" aria-hidden="true">{body}</article>
    }
}
