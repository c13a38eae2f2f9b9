//! `use_idle`: whether the professional has left the tablet — no input for `timeout`, or the
//! app hidden (another app, the screen off) for longer than `hidden_timeout`. The hook installs
//! its own listeners and its own once-a-second check, and removes them with its owner.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct UseIdleReturn {
    /// True from the moment the tablet counts as left, until `reset`.
    pub idle: ReadSignal<bool>,
    set_idle: WriteSignal<bool>,
    last_active: StoredValue<f64>,
}

impl UseIdleReturn {
    /// Counts from now again (after unlocking).
    pub fn reset(&self) {
        self.last_active.set_value(js_sys::Date::now());
        self.set_idle.set(false);
    }
}

/// What counts as the professional's input. Not `scroll`: the page scrolls by itself when its
/// content changes (a delivered record leaves the list), and that must not keep it unlocked.
const INPUT: [&str; 6] = [
    "pointerdown",
    "pointermove",
    "keydown",
    "input",
    "wheel",
    "touchstart",
];

pub fn use_idle(timeout: Duration, hidden_timeout: Duration) -> UseIdleReturn {
    let (idle, set_idle) = signal(false);
    let last_active = StoredValue::new(js_sys::Date::now());
    let hidden_since = StoredValue::new(None::<f64>);
    let r = UseIdleReturn {
        idle,
        set_idle,
        last_active,
    };
    let timeout_ms = timeout.as_millis() as f64;
    let hidden_ms = hidden_timeout.as_millis() as f64;
    let check = move || {
        let now = js_sys::Date::now();
        let quiet = now - last_active.get_value() >= timeout_ms;
        let away = hidden_since
            .get_value()
            .is_some_and(|t| now - t >= hidden_ms);
        if (quiet || away) && !idle.get_untracked() {
            set_idle.set(true);
        }
    };

    let mut handles = Vec::new();
    if let Some(w) = web_sys::window() {
        for name in INPUT {
            let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
                move |ev: web_sys::MouseEvent| {
                    // The browser's own "move" after the page changed under a resting mouse
                    // has no movement: not input.
                    if name == "pointermove" && ev.movement_x() == 0 && ev.movement_y() == 0 {
                        return;
                    }
                    last_active.set_value(js_sys::Date::now())
                },
            );
            let opts = web_sys::AddEventListenerOptions::new();
            opts.set_passive(true);
            opts.set_capture(true);
            let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
                name,
                wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()),
                &opts,
            );
            handles.push((name, send_wrapper::SendWrapper::new(cb)));
        }
    }
    // `visibilitychange` is fired at the document.
    let on_visibility = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            hidden_since.set_value(Some(js_sys::Date::now()));
        } else {
            check();
            hidden_since.set_value(None);
            last_active.set_value(js_sys::Date::now());
        }
    });
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        wasm_bindgen::JsCast::unchecked_ref(on_visibility.as_ref()),
    );
    let visibility = send_wrapper::SendWrapper::new(on_visibility);
    let interval = set_interval_with_handle(check, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(w) = web_sys::window() {
            for (name, cb) in handles {
                let cb = cb.take();
                let _ = w.remove_event_listener_with_callback_and_bool(
                    name,
                    wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()),
                    true,
                );
            }
        }
        let cb = visibility.take();
        let _ = document().remove_event_listener_with_callback(
            "visibilitychange",
            wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()),
        );
        if let Some(i) = interval {
            i.clear();
        }
    });
    r
}
