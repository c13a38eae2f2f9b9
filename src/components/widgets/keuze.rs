//! Typed choices: a radio group and a select list over any enumeration that is a
//! `keukentafel_core::Choice` — its values, keys and labels come from the core, so no screen
//! binds a choice through hand-written strings.

use super::velden::Meldingen;
use crate::editor::use_findings;
use keukentafel_core::flow::{field_id, findings_at};
use keukentafel_core::{Choice, Severity};
use leptos::prelude::*;

/// A group of radio buttons, one per value of `T` (or of `choices`), as a fieldset with a
/// legend. Each input's id is `{name}-{key}`. With `none`, a first button sets no value.
/// With `path`, the findings for that path are shown in the group and it is focusable there.
#[component]
pub fn Keuzerondjes<T: Choice>(
    #[prop(into)] legend: String,
    name: &'static str,
    get: Signal<Option<T>>,
    #[prop(into)] set: Callback<Option<T>>,
    #[prop(optional)] choices: Option<Vec<T>>,
    #[prop(optional)] none: Option<&'static str>,
    #[prop(optional, into)] path: Option<String>,
) -> impl IntoView {
    let choices = choices.unwrap_or_else(|| T::CHOICES.to_vec());
    let button = move |value: Option<T>, key: &'static str, label: &'static str| {
        let id = format!("{name}-{key}");
        let for_id = id.clone();
        view! {
            <label class="kt-keuze" for=for_id>
                <input type="radio" name=name id=id
                    prop:checked=move || get.get() == value
                    on:change=move |_| set.run(value) />
                <span>{label}</span>
            </label>
        }
    };
    let buttons = none
        .map(|label| button(None, "geen", label))
        .into_iter()
        .chain(
            choices
                .into_iter()
                .map(|c| button(Some(c), c.key(), c.label())),
        )
        .collect_view();
    let group_id = path.as_deref().map(field_id);
    let described = group_id.as_ref().map(|id| format!("{id}-meldingen"));
    let tabindex = path.as_ref().map(|_| "-1");
    view! {
        <fieldset class="kt-groep" id=group_id tabindex=tabindex aria-describedby=described>
            <legend>{legend}</legend>
            {buttons}
            {path.map(|p| view! { <Meldingen path=p /> })}
        </fieldset>
    }
}

/// A select list of the values of `T` (or of `choices`); its first option, "— kies —" or
/// `none`, means no value. Findings for `path` show beneath it.
#[component]
pub fn Keuzelijst<T: Choice>(
    #[prop(into)] label: String,
    #[prop(into)] path: String,
    get: Signal<Option<T>>,
    #[prop(into)] set: Callback<Option<T>>,
    #[prop(optional, into)] choices: Option<Signal<Vec<T>>>,
    #[prop(optional)] none: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(&path);
    let described = format!("{id}-meldingen");
    let findings = use_findings();
    let p = path.clone();
    let invalid =
        move || findings.with(|f| findings_at(f, &p).any(|x| x.severity == Severity::Error));
    let choices = choices.unwrap_or_else(|| Signal::derive(|| T::CHOICES.to_vec()));
    let options = move || {
        choices
            .get()
            .into_iter()
            .map(|c| {
                view! { <option value=c.key() selected=move || get.get() == Some(c)>{c.label()}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="kt-veld">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=described
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || get.get().map_or("", Choice::key)
                on:change=move |ev| set.run(T::from_key(&event_target_value(&ev)))
            >
                <option value="">{none.unwrap_or("— kies —")}</option>
                {options}
            </select>
            <Meldingen path=path />
        </div>
    }
}
