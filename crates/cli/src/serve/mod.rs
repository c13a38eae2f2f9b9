//! `keukentafel serve`: one process a municipality runs — it serves the built app with real
//! security headers, and receives signed records (`POST /v1/records`) into the database.

pub mod keys;
pub mod log;
pub mod receive;
pub mod site;

use crate::args::{Args, ArgsError};
use crate::store::{sqlite::Sqlite, Store, StoreError};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use keys::EnrolledKeys;
use receive::{Checker, Refusal};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;
use tower_http::services::ServeDir;

/// A record is at most this large unless `--max-body` says otherwise (the largest realistic
/// record, signed and sealed, is about 220 kB).
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;

struct Receiver {
    checker: Checker,
    store: Arc<dyn Store>,
}

fn json_response(status: u16, body: String) -> Response {
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    res
}

fn refused(r: &Refusal) -> Response {
    eprintln!(
        "{}",
        log::line(
            "refused",
            &[("status", &r.status().to_string()), ("errorCode", r.code())]
        )
    );
    let body = keukentafel_core::json::to_string(&r.body()).unwrap_or_default();
    json_response(r.status(), body)
}

fn unavailable(e: &StoreError) -> Response {
    eprintln!(
        "{}",
        log::line("store-error", &[("reason", &e.to_string())])
    );
    let body = keukentafel_core::json::Value::object([
        ("errorCode", "store".into()),
        ("message", e.to_string().into()),
    ])
    .to_text();
    let mut res = json_response(503, body);
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    res
}

/// `POST /v1/records`: a sealed (JWE) or signed (JWS) record; a receipt once it is stored.
async fn receive_record(
    State(r): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let limit = r.checker.max_body;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    if let Err(e) = receive::acceptable_type(content_type.as_deref()) {
        return refused(&e);
    }
    // Too large by its own account: refused before a byte of it is read.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return refused(&Refusal::TooLarge { limit });
    }
    let bytes = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(e) => {
            let too_large = e
                .into_inner()
                .downcast_ref::<http_body_util::LengthLimitError>()
                .is_some();
            return if too_large {
                refused(&Refusal::TooLarge { limit })
            } else {
                json_response(
                    400,
                    keukentafel_core::json::Value::object([
                        ("errorCode", "incomplete".into()),
                        (
                            "message",
                            "het record is niet volledig aangekomen; verstuur het opnieuw".into(),
                        ),
                    ])
                    .to_text(),
                )
            };
        }
    };
    let receiver = r.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let incoming = receiver
            .checker
            .check(content_type.as_deref(), &bytes, SystemTime::now())
            .map_err(Ok)?;
        let fields = (
            incoming.kind,
            incoming.kid.clone(),
            incoming.professional.clone().unwrap_or_default(),
        );
        receiver
            .store
            .put(incoming)
            .map(|(receipt, new)| (receipt, new, fields))
            .map_err(Err)
    })
    .await;
    match outcome {
        Ok(Ok((receipt, new, (kind, kid, professional)))) => {
            eprintln!(
                "{}",
                log::line(
                    if new { "received" } else { "received-again" },
                    &[
                        ("hash", &receipt.hash),
                        ("kind", kind),
                        ("kid", &kid),
                        ("professional", &professional)
                    ]
                )
            );
            let body = keukentafel_core::json::to_string(&receipt).unwrap_or_default();
            json_response(if new { 201 } else { 200 }, body)
        }
        Ok(Err(Ok(refusal))) => refused(&refusal),
        Ok(Err(Err(store))) => unavailable(&store),
        Err(_) => unavailable(&StoreError::Stopped),
    }
}

async fn method_not_allowed() -> Response {
    let mut res = json_response(
        405,
        keukentafel_core::json::Value::object([
            ("errorCode", "method".into()),
            ("message", "verstuur een record met POST".into()),
        ])
        .to_text(),
    );
    res.headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("POST"));
    res
}

async fn health(State(r): State<Arc<Receiver>>) -> Response {
    match r.store.count() {
        Ok(n) => json_response(200, format!("{{\"ok\":true,\"records\":{n}}}")),
        Err(e) => unavailable(&e),
    }
}

async fn not_found() -> impl IntoResponse {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Niet gevonden.\n",
    )
}

/// The options of `serve`.
pub struct Options {
    pub dist: PathBuf,
    pub db: PathBuf,
    pub listen: String,
    pub frame_ancestors: String,
    pub checker: Checker,
}

fn file_error(what: &'static str, path: &str, reason: String) -> ArgsError {
    ArgsError::File {
        what,
        path: path.to_owned(),
        reason,
    }
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, ArgsError> {
        let a = Args::parse(
            args,
            &[
                "--dist",
                "--db",
                "--listen",
                "--key",
                "--keys",
                "--profile",
                "--max-body",
                "--frame-ancestors",
            ],
            &["--accept-unenrolled"],
        )?;
        if let Some(f) = a.files.first() {
            return Err(ArgsError::UnknownOption(f.clone()));
        }
        let profile = a.profile()?;
        let keys = match (a.value("--keys"), a.flags.contains(&"--accept-unenrolled")) {
            (Some(path), false) => EnrolledKeys::from_file(path.into())
                .map_err(|e| file_error("sleutellijst", path, e))?,
            (None, true) => EnrolledKeys::Any {
                profile: Box::new(profile.clone()),
            },
            (Some(_), true) => {
                return Err(ArgsError::Conflict(
                    "--accept-unenrolled en --keys sluiten elkaar uit: kies één",
                ))
            }
            (None, false) => {
                return Err(ArgsError::MissingValue(
                    "--keys (de ingeschreven sleutels van de professionals; alleen voor een demo: --accept-unenrolled)",
                ))
            }
        };
        let sealing_key = a.value("--key").map(crate::cmd::open::key).transpose()?;
        let max_body = match a.value("--max-body") {
            None => DEFAULT_MAX_BODY,
            Some(v) => v
                .parse::<usize>()
                .ok()
                .filter(|n| (1024..=64 * 1024 * 1024).contains(n))
                .ok_or_else(|| ArgsError::Invalid {
                    option: "--max-body",
                    reason: format!(
                        "‘{}’ is geen aantal bytes tussen 1024 en 67108864",
                        keukentafel_core::text::quote(v)
                    ),
                })?,
        };
        let frame_ancestors = site::frame_ancestors(a.value("--frame-ancestors")).map_err(|e| {
            ArgsError::Invalid {
                option: "--frame-ancestors",
                reason: e,
            }
        })?;
        Ok(Options {
            dist: a.value("--dist").unwrap_or("dist").into(),
            db: a.value("--db").unwrap_or("keukentafel.sqlite").into(),
            listen: a.value("--listen").unwrap_or("127.0.0.1:8080").to_owned(),
            frame_ancestors,
            checker: Checker {
                profile,
                sealing_key,
                keys,
                max_body,
            },
        })
    }
}

pub fn run(args: &[String]) -> Result<u8, ArgsError> {
    let o = Options::parse(args)?;
    let store: Arc<dyn Store> = match Sqlite::open(&o.db) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("keukentafel: {e}");
            return Ok(2);
        }
    };
    let headers = match site::Headers::new(&o.dist, &o.frame_ancestors) {
        Ok(h) => Arc::new(h),
        Err(e) => {
            eprintln!("keukentafel: {e}");
            return Ok(2);
        }
    };
    if !o.dist.join("index.html").exists() {
        eprintln!(
            "keukentafel: geen gebouwde app in {} (bouw haar met trunk build --release); alleen de ontvanger draait",
            o.dist.display()
        );
    }
    if o.checker.sealing_key.is_none() {
        eprintln!("keukentafel: zonder --key kunnen verzegelde records (JWE) niet worden geopend en worden ze geweigerd");
    }
    let enrolled = o.checker.keys.count();
    if enrolled.is_none() {
        eprintln!("keukentafel: DEMO — elke geldige handtekening wordt aanvaard (--accept-unenrolled); gebruik in productie --keys");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ArgsError::System(e.to_string()))?;
    let receiver = Arc::new(Receiver {
        checker: o.checker,
        store,
    });
    let app = Router::new()
        .route(
            "/v1/records",
            post(receive_record).fallback(method_not_allowed),
        )
        .route("/v1/health", get(health))
        .with_state(receiver)
        .fallback_service(
            ServeDir::new(&o.dist)
                .precompressed_br()
                .precompressed_gzip()
                .not_found_service(axum::routing::any(not_found)),
        )
        .layer(axum::middleware::from_fn_with_state(headers, site::headers));
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(&o.listen).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "keukentafel: kan niet luisteren op {} ({:?}): is de poort al in gebruik?",
                    o.listen,
                    e.kind()
                );
                return Ok(2);
            }
        };
        let addr = listener
            .local_addr()
            .map_err(|e| ArgsError::System(e.to_string()))?;
        let url = format!("http://{addr}/");
        println!(
            "{}",
            keukentafel_core::json::Value::object([
                ("event", "listening".into()),
                ("url", url.as_str().into()),
                ("db", o.db.display().to_string().into()),
            ])
            .to_text()
        );
        eprintln!("keukentafel: de app en de ontvanger draaien op {url} (Ctrl-C stopt)");
        let shutdown = async {
            let ctrl_c = tokio::signal::ctrl_c();
            #[cfg(unix)]
            {
                let mut term =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                        .expect("signal handler");
                tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
            }
            #[cfg(not(unix))]
            let _ = ctrl_c.await;
        };
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| ArgsError::System(e.to_string()))?;
        Ok(0)
    })
}
