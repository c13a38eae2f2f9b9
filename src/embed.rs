//! The JavaScript API for the municipal portal: `mount(element, config)`, `validate(record)`,
//! `verify(jws)`. Served by the same core and the same components as the app. See
//! docs/EMBEDDING.md.

use crate::app::{App, AppConfig};
use crate::pwa;
use keukentafel_core::{parse, rules, Client, Professional, Profile};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct MountConfig {
    /// A full protocol profile; default: Landsmeer.
    #[serde(default)]
    profile: Option<serde_json::Value>,
    #[serde(default)]
    professional: Option<Professional>,
    /// Prefill of the client for new forms.
    #[serde(default)]
    client: Option<Client>,
}

/// A mounted module; `unmount()` removes it.
#[wasm_bindgen]
pub struct Handle {
    inner: Option<leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>>,
}

#[wasm_bindgen]
impl Handle {
    pub fn unmount(&mut self) {
        self.inner.take();
        pwa::set_host(None);
    }
}

fn js_error(msg: impl Into<String>) -> JsValue {
    js_sys::Error::new(&msg.into()).into()
}

/// Mounts keukentafel in `element`. Events `signed`, `draft-saved` and `withdrawn` are
/// dispatched on that element.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue) -> Result<Handle, JsValue> {
    let cfg: MountConfig = if config.is_undefined() || config.is_null() {
        MountConfig::default()
    } else {
        serde_wasm_bindgen::from_value(config)
            .map_err(|e| js_error(format!("keukentafel: ongeldige configuratie: {e}")))?
    };
    let profile = match cfg.profile {
        None => Profile::landsmeer(),
        Some(v) => Profile::from_json(&v.to_string())
            .map_err(|e| js_error(format!("keukentafel: ongeldig profiel: {e}")))?,
    };
    let app = AppConfig {
        profile,
        professional: cfg.professional,
        client: cfg.client,
    };
    pwa::set_host(Some(element.clone()));
    let handle = leptos::mount::mount_to(element, move || {
        use leptos::prelude::*;
        view! { <App config=app.clone() /> }.into_any()
    });
    Ok(Handle {
        inner: Some(handle),
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
    let doc = parse::parse_document(&text).map_err(|e| js_error(e.to_string()))?;
    let today = today
        .and_then(|t| keukentafel_core::Date::parse(&t).ok())
        .unwrap_or_else(crate::browser::today);
    let findings = keukentafel_core::validate(&doc, Profile::landsmeer_ref(), today);
    serde_wasm_bindgen::to_value(&findings).map_err(|e| js_error(e.to_string()))
}

/// Verifies a signed export (flattened or general JWS JSON) with WebCrypto and checks the
/// record: resolves to `{valid, kid, hash, recordId, recordType, findings}` or
/// `{valid: false, error}`.
#[wasm_bindgen]
pub async fn verify(jws: String) -> JsValue {
    let out = match crate::ondertekenen::verify(&jws).await {
        Ok(imp) => {
            let findings = keukentafel_core::validate(
                &imp.document,
                Profile::landsmeer_ref(),
                crate::browser::today(),
            );
            serde_json::json!({
                "valid": rules::no_errors(&findings),
                "kid": imp.kid,
                "hash": imp.hash,
                "recordId": imp.document.record_id().as_str(),
                "recordType": imp.document.record_type(),
                "findings": findings,
            })
        }
        Err(e) => serde_json::json!({ "valid": false, "error": e }),
    };
    js_sys::JSON::parse(&out.to_string()).unwrap_or(JsValue::NULL)
}
