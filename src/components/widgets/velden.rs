//! Form fields bound to the record, with the core's findings for their path shown beneath.
//! Every input has a visible label, an id derived from its record path (so findings link to
//! it) and `aria-describedby` pointing at its messages.

use crate::editor::use_findings;
use keukentafel_core::flow::{field_id, findings_at};
use keukentafel_core::{Date, Severity};
use leptos::prelude::*;

/// The messages (findings) for `path`, shown under a field. Always rendered, so that
/// `aria-describedby` never points at nothing.
#[component]
pub fn Meldingen(
    #[prop(into)] path: String,
    /// Only the findings at `path` itself, not those of its parts (which their own fields show).
    #[prop(optional)]
    exact: bool,
) -> impl IntoView {
    let findings = use_findings();
    let id = format!("{}-meldingen", field_id(&path));
    let p = path.clone();
    let items = move || {
        findings.with(|f| {
            findings_at(f, &p)
                .filter(|x| !exact || x.path == p)
                .map(|x| {
                    let class = if x.severity == Severity::Error {
                        "kt-melding kt-melding--fout"
                    } else {
                        "kt-melding kt-melding--waarschuwing"
                    };
                    let prefix = if x.severity == Severity::Error {
                        "Nog nodig"
                    } else {
                        "Let op"
                    };
                    view! {
                        <p class=class data-code=x.code.as_str()>
                            <strong>{prefix}</strong>
                            {format!(" ({}): {}", x.article, x.message)}
                        </p>
                    }
                })
                .collect_view()
        })
    };
    view! { <div id=id class="kt-meldingen">{items}</div> }
}

fn has_error(path: &str) -> impl Fn() -> bool + Send + Sync + 'static {
    let findings = use_findings();
    let p = path.to_owned();
    move || findings.with(|f| findings_at(f, &p).any(|x| x.severity == Severity::Error))
}

/// A one-line or multi-line text field.
#[component]
pub fn Tekst(
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    get: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(&path);
    let described = format!("{id}-meldingen");
    let invalid = has_error(&path);
    let hint_view = hint.map(|h| view! { <p class="kt-hint">{h}</p> });
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="3"
                aria-describedby=described.clone()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=id.clone()
                autocomplete=autocomplete.unwrap_or("off")
                aria-describedby=described.clone()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="kt-veld">
            <label for=id>{label}</label>
            {hint_view}
            {input}
            <Meldingen path=path />
        </div>
    }
}

/// A date field (`<input type="date">`); an empty or impossible value clears the date.
#[component]
pub fn Datum(
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    get: Signal<Option<Date>>,
    #[prop(into)] set: Callback<Option<Date>>,
) -> impl IntoView {
    let id = field_id(&path);
    let described = format!("{id}-meldingen");
    let invalid = has_error(&path);
    view! {
        <div class="kt-veld kt-veld--datum">
            <label for=id.clone()>{label}</label>
            <input
                type="date"
                id=id
                min="1890-01-01"
                max="2200-12-31"
                aria-describedby=described
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || get.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| set.run(Date::parse(&event_target_value(&ev)).ok())
                on:input=move |ev| {
                    if let Ok(d) = Date::parse(&event_target_value(&ev)) {
                        set.run(Some(d))
                    }
                }
            />
            <Meldingen path=path />
        </div>
    }
}

/// A checkbox with its label to the right; the whole row is the touch target.
#[component]
pub fn Vinkje(
    #[prop(into)] label: String,
    #[prop(into)] id: String,
    get: Signal<bool>,
    #[prop(into)] set: Callback<bool>,
) -> impl IntoView {
    let for_id = id.clone();
    view! {
        <label class="kt-keuze" for=for_id>
            <input
                type="checkbox"
                id=id
                prop:checked=move || get.get()
                on:change=move |ev| set.run(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
    }
}
