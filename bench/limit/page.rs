//! The physical limit, part 1: the smallest Leptos page (CSR) with one typed field bound to a
//! signal and one derived line. `./scripts/bench.sh --limit` builds it exactly as the app is
//! built (profile wasm-release, wasm-bindgen, wasm-opt -Oz) and measures it: what the framework
//! costs before the app adds anything.
use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let (name, set_name) = signal(String::new());
        view! {
            <main>
                <h1>"keukentafel"</h1>
                <label for="naam">"Naam cliënt"</label>
                <input id="naam" prop:value=name on:input=move |e| set_name.set(event_target_value(&e)) />
                <p>{move || format!("{} tekens", name.get().chars().count())}</p>
            </main>
        }
    });
}
