//! Typed choices: a radio group and a select list over any enumeration that is a
//! `keukentafel_core::Choice` — its values, keys and labels come from the core, so no screen
//! binds a choice through hand-written strings. The typed components only translate to keys;
//! the markup is one non-generic component each, so the bundle holds it once.

use super::velden::Meldingen;
use crate::editor::use_findings;
use keukentafel_core::flow::{field_id, findings_at};
use keukentafel_core::{Choice, Severity};
use leptos::prelude::*;

/// (key, label) of each choice offered.
type Options = Vec<(&'static str, &'static str)>;

fn options<T: Choice>(choices: &[T]) -> Options {
    choices.iter().map(|c| (c.key(), c.label())).collect()
}

/// A group of radio buttons, one per value of `T` (or of `choices`), as a fieldset with a
/// legend. Each input's id is `{name}-{key}`. With `none`, a first button (`{name}-geen`) sets
/// no value. With `path`, the findings for that path are shown in the group, which is
/// focusable there.
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
    let mut opts = none
        .map(|label| ("geen", label))
        .into_iter()
        .collect::<Options>();
    opts.extend(options(choices.as_deref().unwrap_or(T::CHOICES)));
    view! {
        <Rondjes legend=legend name=name options=opts path=path
            get=Signal::derive(move || get.get().map_or("geen", Choice::key))
            set=Callback::new(move |k: &'static str| set.run(T::from_key(k))) />
    }
}

#[component]
fn Rondjes(
    legend: String,
    name: &'static str,
    options: Options,
    get: Signal<&'static str>,
    set: Callback<&'static str>,
    path: Option<String>,
) -> impl IntoView {
    let buttons = options
        .into_iter()
        .map(|(key, label)| {
            let id = format!("{name}-{key}");
            let for_id = id.clone();
            view! {
                <label class="kt-keuze" for=for_id>
                    <input type="radio" name=name id=id
                        prop:checked=move || get.get() == key
                        on:change=move |_| set.run(key) />
                    <span>{label}</span>
                </label>
            }
        })
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
    let opts = Signal::derive(move || match choices {
        Some(c) => options(&c.get()),
        None => options(T::CHOICES),
    });
    view! {
        <Lijst label=label path=path options=opts none=none.unwrap_or("— kies —")
            get=Signal::derive(move || get.get().map_or("", Choice::key))
            set=Callback::new(move |k: String| set.run(T::from_key(&k))) />
    }
}

#[component]
fn Lijst(
    label: String,
    path: String,
    options: Signal<Options>,
    none: &'static str,
    get: Signal<&'static str>,
    set: Callback<String>,
) -> impl IntoView {
    let id = field_id(&path);
    let described = format!("{id}-meldingen");
    let findings = use_findings();
    let p = path.clone();
    let invalid =
        move || findings.with(|f| findings_at(f, &p).any(|x| x.severity == Severity::Error));
    let items = move || {
        options
            .get()
            .into_iter()
            .map(|(key, label)| view! { <option value=key selected=move || get.get() == key>{label}</option> })
            .collect_view()
    };
    view! {
        <div class="kt-veld">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=described
                aria-invalid=move || if invalid() { "true" } else { "false" }
                prop:value=move || get.get()
                on:change=move |ev| set.run(event_target_value(&ev))
            >
                <option value="">{none}</option>
                {items}
            </select>
            <Meldingen path=path />
        </div>
    }
}
