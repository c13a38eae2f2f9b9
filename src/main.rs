//! keukentafel: the Leptos client-side app. All protocol rules come from `keukentafel-core`.

mod app;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
