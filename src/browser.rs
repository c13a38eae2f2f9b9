//! Small wrappers around browser APIs. Nothing here panics.

use keukentafel_core::{Date, RecordId};
use wasm_bindgen::JsCast;

/// Today in the device's local time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
    .unwrap_or_default()
}

/// Now as ISO 8601 (UTC).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The local date of an ISO time.
pub fn local_date(iso: &str) -> Option<Date> {
    let d = js_sys::Date::new(&iso.into());
    if d.get_time().is_nan() {
        return None;
    }
    Date::new(
        d.get_full_year() as i32,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
}

/// "30-11-2026 15:40" in local time, from an ISO string.
pub fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&iso.into());
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}-{:02}-{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A fresh version-4 record id from the browser's CSPRNG.
pub fn new_record_id() -> RecordId {
    let mut bytes = [0u8; 16];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut bytes);
    }
    if bytes == [0; 16] {
        // No CSPRNG: fall back to time and Math.random (ids only need to be unique).
        let t = js_sys::Date::now().to_bits().to_le_bytes();
        bytes[..8].copy_from_slice(&t);
        bytes[8..].copy_from_slice(&(js_sys::Math::random().to_bits()).to_le_bytes());
    }
    RecordId::from_random_bytes(bytes)
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = || "Downloaden is niet gelukt.".to_owned();
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(fail)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| fail())?
        .dyn_into()
        .map_err(|_| fail())?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Revoking at once can cancel the download; the URL is freed a minute later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Moves focus to the field with `id` (and scrolls it into view).
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
        if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Marks a moment for the benchmarks (`performance.mark`).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Waits `ms` milliseconds (0: until the current task and its microtasks are done).
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The id of the element that has focus, if it has one.
pub fn focused_id() -> Option<String> {
    let el = web_sys::window()?.document()?.active_element()?;
    let id = el.id();
    (!id.is_empty()).then_some(id)
}

/// Focuses the element `id` as soon as it is on screen (a screen that loads its record first);
/// gives up after two seconds.
pub fn focus_when_ready(id: &str) {
    let id = id.to_owned();
    leptos::task::spawn_local(async move {
        for _ in 0..40 {
            let found = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .is_some();
            if found {
                focus(&id);
                return;
            }
            sleep(50).await;
        }
    });
}
