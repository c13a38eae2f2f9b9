//! The form shell: step navigation with progress, the current step, previous/next, and the
//! draft's save status (including storage errors and a conflict with another tab).

use super::{
    bijzonder::Bijzonder, controle::Controle, gesprek::Gesprek, instemming::Instemming,
    opslagstatus::Opslagstatus, uitleg::Uitleg, uitzonderingen::Uitzonderingen,
    vertegenwoordiging::Vertegenwoordiging,
};
use crate::state::use_form;
use keukentafel_core::flow::{exceptions_relevant, step_for_path, Step};
use leptos::prelude::*;

/// Step titles with soft hyphens where long Dutch words must break in the narrow step bar.
fn nav_title(s: Step) -> &'static str {
    match s {
        Step::Vertegenwoordiging => "Vertegen\u{ad}woordiging",
        Step::Bijzonder => "Bijzondere persoons\u{ad}gegevens",
        Step::Uitzonderingen => "Uitzonde\u{ad}ringen en Veilig Thuis",
        Step::Controle => "Controle en onder\u{ad}tekenen",
        other => other.title_nl(),
    }
}

#[component]
pub fn Formulier(
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let form = use_form();
    let errors_in = move |s: Step| {
        form.findings.with(|f| {
            f.iter()
                .filter(|x| x.is_error() && step_for_path(&x.path) == s)
                .count()
        })
    };
    let nav = Step::ALL
        .into_iter()
        .map(|s| {
            let current = move || form.step.get() == s;
            view! {
                <li class="kt-stap" class:kt-stap--actief=current>
                    <button type="button" class="kt-stap-knop" data-stap=s.slug()
                        aria-current=move || if current() { Some("step") } else { None }
                        on:click=move |_| form.go(s)>
                        <span class="kt-stap-nr" aria-hidden="true">{s.number()}</span>
                        <span class="kt-stap-titel">{nav_title(s)}</span>
                        <span class="kt-stap-status">{move || {
                            let n = errors_in(s);
                            if s == Step::Uitzonderingen && !form.record.with(exceptions_relevant) && n == 0 {
                                "niet van toepassing".to_owned()
                            } else if n == 0 { "in orde".to_owned() } else { format!("{n} open") }
                        }}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let body = move || match form.step.get() {
        Step::Gesprek => view! { <Gesprek /> }.into_any(),
        Step::Vertegenwoordiging => view! { <Vertegenwoordiging /> }.into_any(),
        Step::Uitleg => view! { <Uitleg /> }.into_any(),
        Step::Instemming => view! { <Instemming /> }.into_any(),
        Step::Bijzonder => view! { <Bijzonder /> }.into_any(),
        Step::Uitzonderingen => view! { <Uitzonderingen /> }.into_any(),
        Step::Controle => view! { <Controle /> }.into_any(),
    };

    view! {
        <nav class="kt-stappen" aria-label="Stappen van het formulier">
            <p class="kt-voortgang">{move || {
                let done = form.findings.with(|f| keukentafel_core::flow::steps_done(f));
                format!("Stap {} van 7 · {} van 7 stappen in orde", form.step.get().number(), done)
            }}</p>
            <ol>{nav}</ol>
        </nav>
        <main class="kt-main kt-formulier" id="inhoud">
            <h2 class="kt-stap-kop" data-testid="stap-kop">{move || { let s = form.step.get(); format!("{}. {}", s.number(), s.title_nl()) }}</h2>
            <div class="kt-stap-inhoud" data-stap=move || form.step.get().slug()>{body}</div>
            <div class="kt-navigatie">
                {move || form.step.get().previous().map(|p| view! {
                    <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.go(p)>{format!("Vorige: {}", p.title_nl())}</button>
                })}
                {move || form.step.get().next().map(|n| view! {
                    <button type="button" class="kt-knop" data-testid="volgende" on:click=move |_| form.go(n)>{format!("Volgende: {}", n.title_nl())}</button>
                })}
            </div>
            <Opslagstatus state=form.autosave.state wat="Concept" dit="Dit concept" on_reload=on_reload />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}
