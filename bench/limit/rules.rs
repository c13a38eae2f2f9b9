//! The physical limit, part 2: the smallest page plus the rules — a Leptos page that reads a
//! record (the core's strict JSON layer with Dutch refusals), validates it against the shipped
//! profile, and shows the findings, the signing statement, the paper version, the summary and
//! the explanation: all the protocol's logic and texts the app carries, with none of its
//! screens, storage, vault or outbox. `./scripts/bench.sh --limit` builds and measures it.
use keukentafel_core::{flow, parse, validate, Date, Document, Profile};
use leptos::prelude::*;

fn report(text: &str) -> Vec<String> {
    let profile = Profile::landsmeer_ref();
    let today = Date::parse("2026-12-02").expect("a valid date");
    let doc = match parse::parse_document(text) {
        Ok(doc) => doc,
        Err(e) => return vec![e.to_string()],
    };
    let mut out: Vec<String> = validate(&doc, profile, today)
        .into_iter()
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect();
    if let Document::Consent(r) = &doc {
        out.extend(flow::statement_nl(r, profile));
        out.extend(flow::summary_nl(r, profile));
        out.extend(flow::paper_nl(r, profile, None).lines());
        let names = profile.partner_names(&r.informing.partners);
        out.extend(
            flow::explanation_nl(r, profile, names)
                .into_iter()
                .map(|p| p.heading),
        );
    }
    out.push(parse::to_json_pretty(&doc));
    out
}

fn main() {
    mount_to_body(|| {
        let (text, set_text) = signal(String::new());
        view! {
            <main>
                <h1>"keukentafel"</h1>
                <textarea on:input=move |e| set_text.set(event_target_value(&e))></textarea>
                <ul>{move || report(&text.get()).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </main>
        }
    });
}
