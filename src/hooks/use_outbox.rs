//! `use_outbox`: the records on their way into the dossier, as the screens see them — what
//! waits, what was delivered, and the professional's actions on them. `provide_outbox` (once,
//! in the app shell) starts delivery: at start, on unlock, when the tablet comes online, every
//! two minutes while open; and for a portal, a `pending` event per record it has not confirmed.

use crate::storage::outbox::{self, Delivered, Pending};
use keukentafel_core::json::Value;
use keukentafel_core::profile::DeliveryRoute;
use leptos::prelude::*;

/// How often the open app tries to deliver what waits.
const INTERVAL_MS: u32 = 2 * 60 * 1000;

#[derive(Clone, Copy)]
pub struct UseOutboxReturn {
    /// Signed records not yet in the dossier, oldest first.
    pub pending: RwSignal<Vec<Pending>>,
    /// The delivery log (no client data), newest first.
    pub delivered: RwSignal<Vec<Delivered>>,
    /// "Nu versturen": sends everything waiting now, ignoring the backoff.
    pub send_now: Callback<()>,
    /// Route file: the professional confirms the file is in the dossier (by hash).
    pub handed_over: Callback<String>,
}

/// Reads the outbox and the log into the signals; returns what waits.
async fn load(r: UseOutboxReturn) -> Vec<Pending> {
    // A read that fails leaves the lists as they were.
    let pending = match outbox::pending().await {
        Ok(p) => {
            r.pending.set(p.clone());
            p
        }
        Err(_) => Vec::new(),
    };
    if let Ok(d) = outbox::delivered().await {
        r.delivered.set(d);
    }
    pending
}

fn refresh(r: UseOutboxReturn) {
    leptos::task::spawn_local(async move {
        load(r).await;
    });
}

pub fn provide_outbox(route: DeliveryRoute, host: Option<crate::pwa::Host>) -> UseOutboxReturn {
    let r = UseOutboxReturn {
        pending: RwSignal::new(Vec::new()),
        delivered: RwSignal::new(Vec::new()),
        send_now: Callback::new(move |_| {
            leptos::task::spawn_local(outbox::deliver(true));
        }),
        handed_over: Callback::new(move |hash: String| {
            leptos::task::spawn_local(async move {
                let _ = outbox::forget(&hash, &crate::browser::now_iso()).await;
            });
        }),
    };
    outbox::start(move || refresh(r), INTERVAL_MS);
    // For a portal: a `pending` event per record it has not confirmed yet, from the same read.
    let portal = if route == DeliveryRoute::Portal {
        host
    } else {
        None
    };
    leptos::task::spawn_local(async move {
        let pending = load(r).await;
        let Some(host) = portal else { return };
        for p in pending
            .iter()
            .filter(|p| p.route == DeliveryRoute::Portal.key())
        {
            host.emit(
                "pending",
                &Value::object([
                    ("hash", p.hash.as_str().into()),
                    ("recordType", p.kind.as_str().into()),
                    ("signedAt", p.created.as_str().into()),
                    ("jwe", p.jwe.as_str().into()),
                ]),
            );
        }
    });
    provide_context(r);
    r
}

pub fn use_outbox() -> UseOutboxReturn {
    expect_context::<UseOutboxReturn>()
}
