//! The JavaScript API for the municipal portal: `mount(element, config)`, `validate(record)`,
//! `verify(jws)`. Served by the same core and the same components as the app. See
//! docs/EMBEDDING.md.
//!
//! Each mount is its own module: its own host element (events go there and nowhere else), its
//! own state, its own unmount. A bad call is refused with a Dutch error naming what is wrong.

use crate::app::{App, AppConfig};
use keukentafel_core::json::{self, Value};
use keukentafel_core::{rules, Client, Professional, Profile};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The configuration a portal passes; an unknown key (a typo such as `profesional`) is refused.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MountConfig {
    /// A full protocol profile; default: Landsmeer.
    #[serde(default)]
    profile: Option<Value>,
    /// The professional, to prefill their enrolment in the vault.
    #[serde(default)]
    professional: Option<Professional>,
    /// Prefill of the client for new forms.
    #[serde(default)]
    client: Option<Client>,
    /// Let the `signed` event bubble to the page (default: only the host element hears it).
    #[serde(default)]
    bubbles: bool,
    /// `false`: no service worker (no offline start, no Background Sync) — for a portal that
    /// runs its own on this origin. Default: registered, answering only keukentafel's own files.
    #[serde(default = "yes")]
    service_worker: bool,
}

fn yes() -> bool {
    true
}

/// A mounted module; `unmount()` removes it (and only it).
#[wasm_bindgen]
pub struct Handle {
    inner: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
    host: web_sys::HtmlElement,
}

const MOUNTED: &str = "data-keukentafel";

#[wasm_bindgen]
impl Handle {
    pub fn unmount(&mut self) {
        self.inner.take();
        let _ = self.host.remove_attribute(MOUNTED);
    }

    /// The portal has stored the record with this hash in the dossier: the tablet forgets every
    /// copy of it (a log entry without client data remains). Resolves to whether it was there.
    pub fn delivered(&self, hash: String) -> js_sys::Promise {
        wasm_bindgen_futures::future_to_promise(async move {
            crate::storage::outbox::forget(&hash, &crate::browser::now_iso())
                .await
                .map(JsValue::from)
                .map_err(js_error)
        })
    }
}

fn js_error(msg: impl Into<String>) -> JsValue {
    js_sys::Error::new(&msg.into()).into()
}

/// A JavaScript value as JSON text, read by the core's strict reader (nesting limited, Dutch
/// refusals that name the key) — never deserialised recursively from the JS object itself.
fn read<T: serde::de::DeserializeOwned>(v: &JsValue, what: &str) -> Result<T, JsValue> {
    let text = js_sys::JSON::stringify(v)
        .map(String::from)
        .map_err(|_| js_error(format!("keukentafel: {what} is geen JSON-waarde")))?;
    json::from_str(&text).map_err(|e| js_error(format!("keukentafel: ongeldige {what}: {e}")))
}

/// Mounts keukentafel in `element`. Events `signed`, `withdrawn`, `draft-saved` are dispatched
/// on that element.
#[wasm_bindgen]
pub fn mount(element: JsValue, config: JsValue) -> Result<Handle, JsValue> {
    let Some(host) = element.dyn_ref::<web_sys::HtmlElement>().cloned() else {
        return Err(js_error(
            "keukentafel.mount: geef een HTML-element, bijvoorbeeld document.getElementById('keukentafel') — geen tekst, null of object",
        ));
    };
    if host.has_attribute(MOUNTED) {
        return Err(js_error(
            "keukentafel.mount: in dit element staat al een keukentafel-module; roep eerst unmount() aan op de vorige",
        ));
    }
    let cfg: MountConfig = if config.is_undefined() || config.is_null() {
        json::from_str("{}").map_err(|e| js_error(e.to_string()))?
    } else {
        read(&config, "configuratie")?
    };
    let profile = match cfg.profile {
        None => Profile::landsmeer(),
        Some(v) => json::from_value(&v)
            .map_err(|e| js_error(format!("keukentafel: ongeldig profiel: {e}")))?,
    };
    let app = AppConfig {
        profile,
        professional: cfg.professional,
        client: cfg.client,
        host: Some(crate::pwa::Host::new(host.clone(), cfg.bubbles)),
        service_worker: cfg.service_worker,
    };
    let _ = host.set_attribute(MOUNTED, "");
    let handle = leptos::mount::mount_to(host.clone(), move || {
        use leptos::prelude::*;
        view! { <App config=app.clone() /> }.into_any()
    });
    Ok(Handle {
        inner: Some(handle),
        host,
    })
}

/// Validates a record (object or JSON text) with the default profile; returns the findings
/// `[{code, severity, article, path, message}]`, or throws with the field path when the
/// record cannot be read.
#[wasm_bindgen]
pub fn validate(record: JsValue, today: Option<String>) -> Result<JsValue, JsValue> {
    let text = match record.as_string() {
        Some(s) => s,
        None => js_sys::JSON::stringify(&record)
            .map(String::from)
            .map_err(|_| js_error("keukentafel: record is geen JSON"))?,
    };
    let doc =
        keukentafel_core::parse::parse_document(&text).map_err(|e| js_error(e.to_string()))?;
    let today = today
        .and_then(|t| keukentafel_core::Date::parse(&t).ok())
        .unwrap_or_else(crate::browser::today);
    let findings = keukentafel_core::validate(&doc, Profile::landsmeer_ref(), today);
    serde_wasm_bindgen::to_value(&findings).map_err(|e| js_error(e.to_string()))
}

/// Verifies a signed export (flattened or general JWS JSON) with WebCrypto and checks the
/// record: resolves to the same fields as `keukentafel verify` — `{valid, kid, professional?,
/// recordType, recordId, hash, canonical, findings}` — or `{valid: false, error, errorCode}`.
#[wasm_bindgen]
pub async fn verify(jws: String) -> JsValue {
    let out = match crate::signing::verify(&jws).await {
        Ok(imp) => {
            let profile = Profile::landsmeer_ref();
            let findings =
                keukentafel_core::validate(&imp.document, profile, crate::browser::today());
            let mut m = json::Map::new();
            m.insert("valid", rules::no_errors(&findings));
            m.insert("kid", imp.kid.as_str());
            if let Some(p) = profile.enrolled(&imp.jwk) {
                m.insert("professional", p.name.as_str());
            }
            m.insert("recordType", imp.document.record_type());
            m.insert("recordId", imp.document.record_id().as_str());
            m.insert("hash", imp.hash.as_str());
            m.insert("canonical", imp.canonical);
            m.insert("findings", json::to_value(&findings).unwrap_or(Value::Null));
            Value::Object(m)
        }
        Err(e) => Value::object([
            ("valid", false.into()),
            ("error", e.to_string().into()),
            ("errorCode", e.code().into()),
        ]),
    };
    js_sys::JSON::parse(&out.to_text()).unwrap_or(JsValue::NULL)
}
