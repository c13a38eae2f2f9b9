//! The app as the server hands it out: the built `dist` folder (precompressed where the build
//! wrote `.br`/`.gz` files), with the security headers every response carries and the caching
//! each file needs.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::path::Path;
use std::sync::Arc;

/// What every response carries.
pub struct Headers {
    csp: HeaderValue,
    frame_options: Option<HeaderValue>,
}

/// Where the app may be framed (`frame-ancestors`): by nobody (the default), or by the listed
/// origins (`'self'` or `https://portaal.example.nl`).
pub fn frame_ancestors(option: Option<&str>) -> Result<String, String> {
    let Some(list) = option else {
        return Ok("'none'".to_owned());
    };
    let sources: Vec<&str> = list.split([' ', ',']).filter(|s| !s.is_empty()).collect();
    if sources.is_empty() {
        return Err("geef 'self' of een of meer herkomsten (https://...)".into());
    }
    for s in &sources {
        let origin_like = (s.starts_with("https://") || s.starts_with("http://"))
            && !s[s.find("//").map_or(0, |i| i + 2)..].contains('/')
            && s.len() > 8;
        if !(origin_like || *s == "'self'" || *s == "'none'") {
            return Err(format!(
                "‘{}’ is geen herkomst (zoals https://portaal.gemeente.nl) en geen 'self'",
                keukentafel_core::text::quote(s)
            ));
        }
    }
    Ok(sources.join(" "))
}

/// The Content-Security-Policy the build put in `index.html` as a `<meta>`: a header carries
/// the same policy, plus what a meta tag cannot say (`frame-ancestors`).
pub fn meta_csp(index_html: &str) -> Option<String> {
    let at = index_html.find("http-equiv=\"Content-Security-Policy\"")?;
    let rest = &index_html[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    let end = rest[start..].find('"')?;
    Some(rest[start..start + end].to_owned())
}

impl Headers {
    /// The headers for the app in `dist` (a policy that allows nothing when there is no app).
    pub fn new(dist: &Path, frame_ancestors: &str) -> Result<Headers, String> {
        let base = std::fs::read_to_string(dist.join("index.html"))
            .ok()
            .and_then(|html| meta_csp(&html))
            .unwrap_or_else(|| "default-src 'none'".to_owned());
        let csp = format!("{base}; frame-ancestors {frame_ancestors}");
        Ok(Headers {
            csp: HeaderValue::from_str(&csp)
                .map_err(|_| "ongeldige CSP in index.html".to_owned())?,
            frame_options: match frame_ancestors {
                "'none'" => Some(HeaderValue::from_static("DENY")),
                "'self'" => Some(HeaderValue::from_static("SAMEORIGIN")),
                // Other origins: only the CSP can say which (X-Frame-Options cannot).
                _ => None,
            },
        })
    }
}

/// Whether a path names a file whose name holds a hash of its contents (Trunk's 16 hex digits):
/// such a file never changes, and may be cached for a year.
pub fn is_hashed(path: &str) -> bool {
    path.split('/').any(|part| {
        let stem = part.split('.').next().unwrap_or("");
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        stem.rsplit_once('-').is_some_and(|(_, h)| {
            h.len() == 16
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    })
}

/// Whether the request reached the reverse proxy over TLS (then HSTS is sent).
fn behind_tls(h: &HeaderMap) -> bool {
    let is = |name: HeaderName, f: fn(&str) -> bool| {
        h.get(name).and_then(|v| v.to_str().ok()).is_some_and(f)
    };
    is(HeaderName::from_static("x-forwarded-proto"), |v| {
        v.trim().eq_ignore_ascii_case("https")
    }) || is(header::FORWARDED, |v| {
        v.to_ascii_lowercase().contains("proto=https")
    })
}

const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()";

/// Adds the security headers to every response, and the caching a file of the app needs.
pub async fn headers(State(h): State<Arc<Headers>>, req: Request, next: Next) -> Response {
    let tls = behind_tls(req.headers());
    let path = req.uri().path().to_owned();
    let api = path.starts_with("/v1/");
    let mut res = next.run(req).await;
    let ok = res.status().is_success();
    let out = res.headers_mut();
    out.insert(header::CONTENT_SECURITY_POLICY, h.csp.clone());
    out.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    out.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    out.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS),
    );
    out.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if let Some(x) = &h.frame_options {
        out.insert(header::X_FRAME_OPTIONS, x.clone());
    }
    if tls {
        out.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    let cache = if api {
        "no-store"
    } else if ok && is_hashed(&path) {
        "public, max-age=31536000, immutable"
    } else {
        // index.html, sw.js, the manifest, keukentafel.js: always asked again (a 304 when
        // unchanged), so a new version reaches the tablet.
        "no-cache"
    };
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if !api {
        out.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_files_are_recognised() {
        assert!(is_hashed("/keukentafel-app-d60868327b543935_bg.wasm"));
        assert!(is_hashed("/keukentafel-app-d60868327b543935.js"));
        assert!(is_hashed("/main-9011c1183fe9f8cf.css"));
        assert!(is_hashed(
            "/snippets/keukentafel-app-1a2b3c4d5e6f7a8b/src/js/kluis.js"
        ));
        assert!(!is_hashed("/"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/sw.js"));
        assert!(!is_hashed("/keukentafel.js"));
        assert!(!is_hashed("/manifest.webmanifest"));
        assert!(!is_hashed("/icon-192.png"));
    }

    #[test]
    fn the_meta_csp_is_read_from_the_build() {
        let html = r#"<meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-x='" />"#;
        assert_eq!(
            meta_csp(html).as_deref(),
            Some("default-src 'self'; script-src 'self' 'sha256-x='")
        );
        assert_eq!(meta_csp("<html></html>"), None);
    }

    #[test]
    fn frame_ancestors_take_origins_only() {
        assert_eq!(frame_ancestors(None).unwrap(), "'none'");
        assert_eq!(
            frame_ancestors(Some("https://portaal.landsmeer.nl 'self'")).unwrap(),
            "https://portaal.landsmeer.nl 'self'"
        );
        assert!(frame_ancestors(Some("*")).is_err());
        assert!(frame_ancestors(Some("https://a.nl/pad")).is_err());
        assert!(frame_ancestors(Some("")).is_err());
        assert!(frame_ancestors(Some("'self'; script-src *")).is_err());
    }
}
