//! Offline support (service worker, persistent storage) and events for an embedding portal.

use std::cell::RefCell;
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
    #[wasm_bindgen(js_name = ktEmit)]
    fn kt_emit(element: &web_sys::HtmlElement, name: &str, detail: &str);
}

/// Registers the service worker; `on_update` runs when a new version waits.
pub fn register(on_update: impl Fn() + 'static) {
    let cb = Closure::<dyn Fn()>::new(on_update);
    kt_register_sw(cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

/// Requests persistent storage in the background; never blocks the UI.
pub fn request_persistence() {
    leptos::task::spawn_local(async {
        let _ = JsFuture::from(kt_persist()).await;
    });
}

#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
pub struct StorageInfo {
    pub persisted: bool,
    pub usage: Option<f64>,
    pub quota: Option<f64>,
}

pub async fn storage_info() -> StorageInfo {
    match JsFuture::from(kt_storage_info()).await {
        Ok(v) => v
            .as_string()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default(),
        Err(_) => StorageInfo::default(),
    }
}

thread_local! {
    /// The element the module is mounted in by a portal; events go there.
    static HOST: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

pub fn set_host(el: Option<web_sys::HtmlElement>) {
    HOST.with(|h| *h.borrow_mut() = el);
}

/// Dispatches `name` with `detail` on the host element, when embedded.
pub fn emit(name: &str, detail: serde_json::Value) {
    HOST.with(|h| {
        if let Some(el) = h.borrow().as_ref() {
            kt_emit(el, name, &detail.to_string());
        }
    });
}
