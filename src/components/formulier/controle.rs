//! Stap 7 — Controle en ondertekenen: every finding grouped by step with a link to its field;
//! errors block signing, warnings do not; then exactly the signature pads art. 12 requires.

use crate::bind;
use crate::components::widgets::bevindingen::Bevindingen;
use crate::components::widgets::ondertekenaar::{Ondertekenaar, SignerFields};
use crate::components::widgets::papier::Papier;
use crate::components::widgets::velden::{Datum, Meldingen, Tekst, Vinkje};
use crate::editor::{use_form, Edits};
use crate::hooks::use_signing::use_signing;
use keukentafel_core::flow::{self, field_id, signing_blockers, step_for_path};
use keukentafel_core::paths;
use keukentafel_core::validate::keep_until;
use keukentafel_core::*;
use leptos::prelude::*;

#[component]
pub fn Controle() -> impl IntoView {
    let form = use_form();
    let errors = Memo::new(move |_| {
        form.findings
            .with(|f| f.iter().filter(|x| x.is_error()).count())
    });
    let blockers = Memo::new(move |_| form.findings.with(|f| signing_blockers(f).len()));
    let decision = Memo::new(move |_| form.read(|r| r.consent.decision));
    let n_signers = Memo::new(move |_| form.read(|r| r.consent.signers.len()));

    let status = move || {
        let e = errors.get();
        if e == 0 {
            view! { <p class="kt-status-ok" data-testid="status-compleet" role="status">"Het formulier is compleet: er zijn geen fouten meer."</p> }.into_any()
        } else {
            view! { <p class="kt-status-open" data-testid="status-open" role="status">{format!("Nog {e} {} open.", if e == 1 { "punt" } else { "punten" })}</p> }.into_any()
        }
    };

    let pads = move || {
        if decision.get() != Some(ConsentDecision::Given) {
            let text = match decision.get() {
                Some(ConsentDecision::Refused) => "Toestemming is geweigerd: er hoeft niemand te tekenen. Het formulier gaat wel in het dossier.",
                Some(ConsentDecision::Deferred) => "Toestemming is uitgesteld: er wordt nu niet getekend.",
                _ => "Er is geen schriftelijke toestemming gegeven, dus niets te ondertekenen.",
            };
            return view! { <p class="kt-hint">{text}</p> }.into_any();
        }
        if blockers.get() > 0 {
            return view! {
                <p class="kt-hint" data-testid="ondertekenen-geblokkeerd">
                    "Los eerst de punten hierboven op. Daarna verschijnen de handtekeningvakken voor precies wie volgens art. 12 tekent."
                </p>
            }
            .into_any();
        }
        if n_signers.get() == 0 {
            return view! {
                <p class="kt-hint">"Er is nog niemand die mag tekenen: vul bij Vertegenwoordiging in wie de cliënt vertegenwoordigt."</p>
            }
            .into_any();
        }
        view! {
            <div class="kt-ondertekenaars">
                {(0..n_signers.get()).map(|i| view! { <Ondertekenaar fields=SignerFields::bind(form, i) /> }).collect_view()}
            </div>
            // Findings about the list itself; each signer's own are beside their pad.
            <Meldingen path=paths::CONSENT_SIGNERS exact=true />
        }
        .into_any()
    };

    // What is signed, in plain words, before anyone touches a pad (the same text is on paper).
    let statement = move || {
        form.read(|r| form.profile.with_value(|p| flow::statement_nl(r, p)))
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view()
    };
    let go_to = Callback::new(move |path: String| {
        form.go(step_for_path(&path));
        request_animation_frame(move || crate::browser::focus(&field_id(&path)));
    });
    let group: crate::components::widgets::bevindingen::Group = |path| {
        let s = step_for_path(path);
        (s.number(), format!("{}. {}", s.number(), s.title_nl()))
    };
    view! {
        {status}
        // The paper version for the dossier: what is printed, instead of the screen.
        <Papier />
        <section aria-labelledby="bevindingen-kop" class="kt-groep kt-niet-afdrukken">
            <h3 id="bevindingen-kop">"Wat nog moet gebeuren"</h3>
            <Bevindingen testid="bevindingen" complete_id="bevindingen-geen"
                complete_text="Niets: alle regels van het protocol zijn gevolgd."
                group=group on_go=go_to />
        </section>
        <section aria-labelledby="onderteken-kop" class="kt-groep">
            <h3 id="onderteken-kop">"Ondertekenen"</h3>
            <Show when=move || decision.get().is_some()>
                <div class="kt-verklaring" data-testid="verklaring">
                    <p class="kt-verklaring-kop">{move || form.read(flow::statement_title_nl)}</p>
                    <ul>{statement}</ul>
                </div>
            </Show>
            {pads}
        </section>
        <Bewaren />
        <Show when=move || errors.get() == 0>
            <OndertekenKnop />
        </Show>
        <div class="kt-acties">
            <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| crate::browser::print()>"Afdrukken voor het dossier"</button>
        </div>
    }
}

/// Signs the complete record with the professional's key (the editor's one signing flow).
#[component]
fn OndertekenKnop() -> impl IntoView {
    let signing = use_signing(use_form());
    view! {
        <section aria-labelledby="export-kop" class="kt-groep kt-niet-afdrukken">
            <h3 id="export-kop">"Ondertekenen en versturen"</h3>
            <p class="kt-hint">"Het record wordt met uw eigen sleutel ondertekend en gaat naar het dossier. Daarna kan het niet meer worden gewijzigd; een wijziging wordt een nieuw record dat naar dit record verwijst."</p>
            <button type="button" class="kt-knop kt-knop--groot" data-testid="ondertekenen" disabled=move || signing.busy.get() on:click=move |_| signing.sign.run(())>
                {move || if signing.busy.get() { "Bezig met ondertekenen…" } else { "Ondertekenen" }}
            </button>
            {move || signing.error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert" data-testid="onderteken-fout">{e}</p> })}
        </section>
    }
}

/// Art. 6: keep-until once support is closed.
#[component]
fn Bewaren() -> impl IntoView {
    let form = use_form();
    let (closed_get, closed_set) = bind!(form, |r| r.retention.support_closed);
    let (until_get, until_set) = bind!(form, |r| r.retention.keep_until);
    let (why_get, why_set) = bind!(form, |r| r.retention.longer_reason);
    let years = form.profile.with_value(|p| p.retention_years);
    let closed = Signal::derive(move || closed_get.get().is_some());
    let suggestion = move || closed_get.get().and_then(|c| keep_until(c, years));
    let longer = move || matches!((until_get.get(), suggestion()), (Some(u), Some(s)) if u > s);
    let open = RwSignal::new(false);
    view! {
        <section aria-labelledby="bewaren-kop" class="kt-groep kt-niet-afdrukken">
            <h3 id="bewaren-kop">"Bewaartermijn (art. 6)"</h3>
            <Vinkje id="bewaren-afgesloten" label="De ondersteuning is afgesloten" get=Signal::derive(move || open.get() || closed.get())
                set=Callback::new(move |v: bool| { open.set(v); if !v { form.edit(|r| r.reopen_support()); } }) />
            <Show when=move || open.get() || closed.get()>
                <Datum label="Datum van afsluiten" path=paths::SUPPORT_CLOSED get=closed_get set=closed_set />
                {move || suggestion().map(|s| view! {
                    <p class="kt-hint">{format!("Bewaren tot en met {} ({} jaar na het jaar van afsluiten).", s.to_dutch(), years)}</p>
                    <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| r.use_keep_until(years))>
                        {format!("Gebruik {}", s.to_dutch())}
                    </button>
                })}
                <Datum label="Bewaren tot en met" path=paths::KEEP_UNTIL get=until_get set=until_set />
                <Show when=longer>
                    <Tekst label="Wettelijke grondslag of reden voor langer bewaren" path=paths::LONGER_REASON get=why_get set=why_set multiline=true />
                </Show>
            </Show>
        </section>
    }
}
