//! Offline support (service worker, persistent storage) and events for an embedding portal.

use keukentafel_core::json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/pwa.js")]
extern "C" {
    #[wasm_bindgen(js_name = ktRegisterSw)]
    fn kt_register_sw(on_update: &js_sys::Function);
    #[wasm_bindgen(js_name = ktApplyUpdate)]
    pub fn apply_update();
    #[wasm_bindgen(js_name = ktPersist)]
    fn kt_persist() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktStorageInfo)]
    fn kt_storage_info() -> js_sys::Promise;
    #[wasm_bindgen(js_name = ktWatchForStop)]
    fn kt_watch_for_stop(element: &web_sys::HtmlElement);
    #[wasm_bindgen(js_name = ktEmit)]
    fn kt_emit(element: &web_sys::HtmlElement, name: &str, detail: &str, bubbles: bool);
}

/// Registers the service worker; `on_update` runs when a new version waits.
pub fn register(on_update: impl Fn() + 'static) {
    let cb = Closure::<dyn Fn()>::new(on_update);
    kt_register_sw(cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

/// Shows a Dutch message in `element` (the module's host, or the page) should the wasm trap.
pub fn watch_for_stop(element: &web_sys::HtmlElement) {
    kt_watch_for_stop(element);
}

/// Requests persistent storage in the background; never blocks the UI.
pub fn request_persistence() {
    leptos::task::spawn_local(async {
        let _ = JsFuture::from(kt_persist()).await;
    });
}

#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct StorageInfo {
    pub persisted: bool,
    pub usage: Option<f64>,
    pub quota: Option<f64>,
}

pub async fn storage_info() -> StorageInfo {
    match JsFuture::from(kt_storage_info()).await {
        Ok(v) => v
            .as_string()
            .and_then(|s| keukentafel_core::json::from_str(&s).ok())
            .unwrap_or_default(),
        Err(_) => StorageInfo::default(),
    }
}

/// The element a portal mounted one module in: that module's events go there, and only there.
#[derive(Clone, Debug)]
pub struct Host {
    element: send_wrapper::SendWrapper<web_sys::HtmlElement>,
    /// Whether events bubble to the page (the portal opted in).
    bubbles: bool,
}

impl Host {
    pub fn new(element: web_sys::HtmlElement, bubbles: bool) -> Host {
        Host {
            element: send_wrapper::SendWrapper::new(element),
            bubbles,
        }
    }

    pub fn element(&self) -> &web_sys::HtmlElement {
        &self.element
    }

    /// Dispatches `name` with `detail` on the host element.
    pub fn emit(&self, name: &str, detail: &Value) {
        kt_emit(&self.element, name, &detail.to_text(), self.bubbles);
    }
}

/// This module's host, when a portal mounted it.
pub fn use_host() -> Option<Host> {
    leptos::prelude::use_context::<Option<Host>>().flatten()
}
