//! Het formulier: the seven steps of the conversation and the step bar, over the consent
//! record's editor (`crate::editor::Form`).

pub mod bijzonder;
pub mod controle;
pub mod gesprek;
pub mod instemming;
pub mod uitleg;
pub mod uitzonderingen;
pub mod vertegenwoordiging;

use crate::components::widgets::opslagstatus::Opslagstatus;
use crate::editor::use_form;
use keukentafel_core::flow::{step_status, steps_done, Step, StepStatus};
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

/// The form: step bar with the truth about every step, the current step, previous/next, and
/// the draft's save status.
#[component]
pub fn Formulier(
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let form = use_form();
    // The step on screen counts as visited.
    Effect::new(move |_| {
        let s = form.step();
        if !form
            .visited
            .with_untracked(|v| v.iter().any(|x| x == s.slug()))
        {
            form.visited.update(|v| v.push(s.slug().to_owned()));
        }
    });
    let status = move |s: Step| {
        let visited = form.visited.with(|v| v.iter().any(|x| x == s.slug()));
        form.findings
            .with(|f| form.record.with(|r| step_status(s, f, visited, r)))
    };
    let nav = Step::ALL
        .into_iter()
        .map(|s| {
            let current = move || form.step() == s;
            view! {
                <li class="kt-stap" class:kt-stap--actief=current
                    class:kt-stap--open=move || matches!(status(s), StepStatus::Open(_))
                    class:kt-stap--klaar=move || matches!(status(s), StepStatus::Done | StepStatus::NotApplicable)>
                    <button type="button" class="kt-stap-knop" data-stap=s.slug()
                        aria-current=move || if current() { Some("step") } else { None }
                        on:click=move |_| form.go(s)>
                        <span class="kt-stap-nr" aria-hidden="true">{s.number()}</span>
                        <span class="kt-stap-titel">{nav_title(s)}</span>
                        <span class="kt-stap-status" data-testid="stap-status">{move || status(s).label_nl()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();

    let body = move || match form.step() {
        Step::Gesprek => view! { <gesprek::Gesprek /> }.into_any(),
        Step::Vertegenwoordiging => view! { <vertegenwoordiging::Vertegenwoordiging /> }.into_any(),
        Step::Uitleg => view! { <uitleg::Uitleg /> }.into_any(),
        Step::Instemming => view! { <instemming::Instemming /> }.into_any(),
        Step::Bijzonder => view! { <bijzonder::Bijzonder /> }.into_any(),
        Step::Uitzonderingen => view! { <uitzonderingen::Uitzonderingen /> }.into_any(),
        Step::Controle => view! { <controle::Controle /> }.into_any(),
    };

    view! {
        <nav class="kt-stappen" aria-label="Stappen van het formulier">
            <p class="kt-voortgang" data-testid="voortgang">{move || {
                let done = form.findings.with(|f| form.record.with(|r| steps_done(f, &form.visited_steps(), r)));
                format!("Stap {} van 7 · {} van 7 stappen in orde", form.step().number(), done)
            }}</p>
            <ol>{nav}</ol>
        </nav>
        <main class="kt-main kt-formulier" id="inhoud">
            <h2 class="kt-stap-kop" data-testid="stap-kop">{move || { let s = form.step(); format!("{}. {}", s.number(), s.title_nl()) }}</h2>
            <div class="kt-stap-inhoud" data-stap=move || form.step().slug()>{body}</div>
            <div class="kt-navigatie">
                {move || form.step().previous().map(|p| view! {
                    <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.go(p)>{format!("Vorige: {}", p.title_nl())}</button>
                })}
                {move || form.step().next().map(|n| view! {
                    <button type="button" class="kt-knop" data-testid="volgende" on:click=move |_| form.go(n)>{format!("Volgende: {}", n.title_nl())}</button>
                })}
            </div>
            <Opslagstatus state=form.autosave.state busy=form.autosave.busy wat="Concept" dit="Dit concept" on_reload=on_reload />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}
