//! The one list of findings, for the consent form's overview, the withdrawal and the request:
//! errors and warnings styled apart, each a link to its field, grouped (by step) where the
//! screen groups them. The rule's article is shown to the professional; the rule's code is
//! kept in `data-code` only.

use crate::editor::use_findings;
use keukentafel_core::flow::field_id;
use keukentafel_core::Finding;
use leptos::prelude::*;

/// How a screen groups its findings: the group's order and heading for a finding's path.
pub type Group = fn(&str) -> (usize, String);

#[component]
pub fn Bevindingen(
    /// `data-testid` of the list.
    testid: &'static str,
    /// Shown (with `data-testid="{complete_id}"`) when there is nothing left to do.
    complete_text: &'static str,
    complete_id: &'static str,
    #[prop(optional)] group: Option<Group>,
    /// What a tap on a finding does (default: focus its field on this screen).
    #[prop(optional, into)]
    on_go: Option<Callback<String>>,
) -> impl IntoView {
    let findings = use_findings();
    let go = on_go
        .unwrap_or_else(|| Callback::new(|path: String| crate::browser::focus(&field_id(&path))));
    let item = move |x: Finding| {
        let (sev, class) = if x.is_error() {
            ("Nog nodig", "kt-bevinding kt-bevinding--fout")
        } else {
            ("Let op", "kt-bevinding kt-bevinding--waarschuwing")
        };
        let path = x.path.clone();
        view! {
            <li class=class data-code=x.code.as_str()>
                <a href=format!("#{}", field_id(&x.path)) on:click=move |ev| {
                    ev.prevent_default();
                    go.run(path.clone());
                }>
                    <strong>{sev}</strong>
                    {format!(" ({}): {}", x.article, x.message)}
                </a>
            </li>
        }
    };
    let list = move || {
        let all = findings.get();
        if all.is_empty() {
            return view! { <p class="kt-status-ok" data-testid=complete_id>{complete_text}</p> }
                .into_any();
        }
        let Some(group) = group else {
            return view! { <ul class="kt-bevindingen" data-testid=testid>{all.into_iter().map(item).collect_view()}</ul> }.into_any();
        };
        // Groups in their order; findings keep theirs within a group.
        let mut groups: Vec<(usize, String, Vec<Finding>)> = Vec::new();
        for f in all {
            let (order, heading) = group(&f.path);
            match groups.iter_mut().find(|g| g.0 == order) {
                Some(g) => g.2.push(f),
                None => {
                    let at = groups.partition_point(|g| g.0 < order);
                    groups.insert(at, (order, heading, vec![f]));
                }
            }
        }
        view! {
            <ul class="kt-bevindingen" data-testid=testid>
                {groups.into_iter().map(|(_, heading, items)| view! {
                    <li class="kt-bevinding-stap">
                        <h4>{heading}</h4>
                        <ul>{items.into_iter().map(item).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <div class="kt-bevindingen-lijst">{list}</div> }
}
