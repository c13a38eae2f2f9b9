//! keukentafel: the Leptos client-side app. All protocol rules come from `keukentafel-core`.
//! A library, so that the browser component tests (`tests/wasm_*.rs`) can mount components.

pub mod app;
pub mod browser;
pub mod components;
pub mod ondertekenen;
pub mod opslag;
pub mod state;

/// Mounts the app on `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
    browser::mark("keukentafel:mounted");
}
