//! Another tab's saves and removals, as they happen (a BroadcastChannel in `js/kluis.js`): one
//! listener for the page, handing each change to the screens that subscribed.

use super::js;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

/// What another tab did: stored revision `rev` of (kind, id), or removed it (`rev: None`);
/// `kind` empty when the professional's whole vault was wiped.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub owner: String,
    pub kind: String,
    pub id: String,
    pub rev: Option<u64>,
}

type Listener = Box<dyn Fn(&Change)>;

thread_local! {
    static LISTENERS: RefCell<Vec<(u64, Listener)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u64> = const { Cell::new(1) };
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let cb = Closure::<dyn Fn(String, String, String, f64)>::new(
        |owner: String, kind: String, id: String, rev: f64| {
            let change = Change {
                owner,
                kind,
                id,
                rev: (rev >= 0.0).then_some(rev as u64),
            };
            // Listeners may subscribe or unsubscribe while being called: call a snapshot.
            let ids: Vec<u64> = LISTENERS.with(|l| l.borrow().iter().map(|(i, _)| *i).collect());
            for i in ids {
                LISTENERS.with(|l| {
                    if let Some((_, f)) = l.borrow().iter().find(|(j, _)| *j == i) {
                        f(&change);
                    }
                });
            }
        },
    );
    js::on_change(cb.as_ref().unchecked_ref());
    cb.forget(); // one listener, for the lifetime of the page
}

/// Calls `f` for every change another tab makes; returns the subscription to [`unsubscribe`].
pub fn subscribe(f: impl Fn(&Change) + 'static) -> u64 {
    install();
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    LISTENERS.with(|l| l.borrow_mut().push((id, Box::new(f))));
    id
}

pub fn unsubscribe(id: u64) {
    LISTENERS.with(|l| l.borrow_mut().retain(|(i, _)| *i != id));
}
