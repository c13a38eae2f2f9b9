//! keukentafel: the Leptos client-side app. All protocol rules come from `keukentafel-core`.
//! A library, so that the browser component tests (`tests/wasm_*.rs`) can mount components.
//!
//! Layout: `app` (the shell and the way between screens), `components` (the screens and their
//! widgets, named in Dutch after the protocol), `editor` (the one record editor), `hooks`
//! (one hook per file), `storage` (the vault and everything kept in it), `signing`,
//! `delivery`, `browser`, `pwa`, `embed` (the portal API). Dutch for what the professional
//! sees, English for mechanisms (docs/ARCHITECTURE.md).

pub mod app;
pub mod bridge;
pub mod browser;
pub mod components;
pub mod crypto;
pub mod delivery;
pub mod editor;
pub mod embed;
pub mod hooks;
pub mod pwa;
pub mod signing;
pub mod storage;

/// Mounts the full app on `<body>` — only on keukentafel's own page (which carries
/// `<meta name="keukentafel" content="app">`); a portal mounts it with `embed::mount`.
pub fn start() {
    let own_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=keukentafel][content=app]")
                .ok()
                .flatten()
        })
        .is_some();
    if !own_page {
        return;
    }
    leptos::mount::mount_to_body(|| {
        use leptos::prelude::*;
        view! { <app::App config=app::AppConfig::default() /> }
    });
    browser::mark("keukentafel:mounted");
}
