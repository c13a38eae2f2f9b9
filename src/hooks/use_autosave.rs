//! `use_autosave`: a record saved on every change, durably, with a revision check — for the
//! consent form, a withdrawal and a request alike. The hook installs its own effect (save on
//! change, one write at a time, the latest change last) and its own listener (another tab
//! saving or removing the same record stops saving here at once, so nothing is overwritten).

use crate::storage::{changes, records, SaveError, Stored};
use keukentafel_core::{Record, RecordKind};
use leptos::prelude::*;
use std::cell::Cell;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Durably saved at (local time).
    Saved(String),
    /// Not saved: a Dutch reason. The screen keeps working in memory.
    Failed(String),
    /// Another tab saved a newer version (or removed it); this one is not overwritten.
    Conflict,
}

thread_local! {
    /// Saves under way on this page: locking waits until they are done.
    static IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
}

/// Whether any record is being written right now.
pub fn saving() -> bool {
    IN_FLIGHT.with(|n| n.get() > 0)
}

/// Waits (up to a few seconds) until every save under way is durable.
pub async fn settled() {
    // The effect of the very last change runs after the current task: let it start first.
    crate::browser::sleep(0).await;
    for _ in 0..100 {
        if !saving() {
            return;
        }
        crate::browser::sleep(30).await;
    }
}

/// The saving of one record: its state for the screen, and what the editor tells it.
#[derive(Clone, Copy)]
pub struct UseAutosaveReturn {
    /// What the screen shows (`Opslagstatus`): nothing yet, saved, failed, another tab ahead.
    pub state: RwSignal<Option<SaveState>>,
    /// The revision last saved or loaded here.
    rev: StoredValue<u64>,
    /// The next change notice is the load itself: nothing to save.
    skip: StoredValue<bool>,
    /// A write is under way (the latest change waits in the hook and is written next); the
    /// status says so (`aria-busy`) until every change so far is durable.
    pub busy: RwSignal<bool>,
}

impl UseAutosaveReturn {
    /// What is stored was loaded (the newest, after a conflict): revision `rev`, or nothing
    /// (`None`: removed meanwhile), in which case the next change is saved as new.
    pub fn loaded(&self, rev: Option<u64>) {
        self.rev.set_value(rev.unwrap_or(0));
        self.skip.set_value(rev.is_some());
        self.state.set(None);
    }

    pub fn rev(&self) -> u64 {
        self.rev.get_value()
    }
}

/// Saves record `id` as `snapshot` builds it (a tracked closure: every change of what it reads
/// is a change to save), as revisions after `rev`. A `fresh` record is saved at once; a loaded
/// one from its first change.
pub fn use_autosave<R: Record>(
    id: String,
    rev: u64,
    fresh: bool,
    snapshot: impl Fn() -> Stored<R> + 'static,
) -> UseAutosaveReturn {
    let a = UseAutosaveReturn {
        state: RwSignal::new(None),
        rev: StoredValue::new(rev),
        skip: StoredValue::new(!fresh),
        busy: RwSignal::new(false),
    };
    let latest = StoredValue::new_local(None::<Stored<R>>);
    // Embedded: the portal hears of every save (no client data in the event).
    let host = StoredValue::new(crate::pwa::use_host());
    let write = move || {
        leptos::task::spawn_local(async move {
            while let Some(mut s) = latest.try_update_value(Option::take).flatten() {
                if a.state.get_untracked() == Some(SaveState::Conflict) {
                    break;
                }
                s.rev = a.rev.get_value() + 1;
                s.saved_at = crate::browser::now_iso();
                IN_FLIGHT.with(|n| n.set(n.get() + 1));
                let result = records::save(&s).await;
                IN_FLIGHT.with(|n| n.set(n.get() - 1));
                a.settle(result, R::KIND, s.id(), s.rev, &s.saved_at, host);
            }
            a.busy.set(false);
        });
    };
    Effect::new(move |_| {
        let s = snapshot();
        if std::mem::take(&mut *a.skip.write_value()) {
            return;
        }
        latest.set_value(Some(s));
        if !a.busy.get_untracked() {
            a.busy.set(true);
            write();
        }
    });

    a.watch_other_tabs(R::KIND, id);
    a
}

/// The untyped parts of the hook, one copy for every kind of record.
impl UseAutosaveReturn {
    /// What one write came to, for the screen and (embedded) for the portal.
    fn settle(
        self,
        result: Result<(), SaveError>,
        kind: RecordKind,
        id: &str,
        rev: u64,
        saved_at: &str,
        host: StoredValue<Option<crate::pwa::Host>>,
    ) {
        self.state.set(Some(match result {
            Ok(()) => {
                self.rev.set_value(rev);
                if let Some(h) = host.get_value() {
                    h.emit(
                        "draft-saved",
                        &keukentafel_core::json::Value::object([
                            ("recordId", id.into()),
                            ("recordType", kind.key().into()),
                            ("savedAt", saved_at.into()),
                        ]),
                    );
                }
                SaveState::Saved(crate::browser::local_time(saved_at))
            }
            Err(SaveError::Conflict) => SaveState::Conflict,
            Err(e) => SaveState::Failed(e.message()),
        }));
    }

    /// Another tab stores a newer revision of this record, or removes it (or the
    /// professional's whole vault): stop saving here at once.
    fn watch_other_tabs(self, kind: RecordKind, id: String) {
        let sub = changes::subscribe(move |c| {
            let me = crate::hooks::use_vault::current().map(|s| s.id);
            let whole = c.kind.is_empty() && (c.owner == "*" || Some(&c.owner) == me.as_ref());
            let this = c.kind == kind.key() && c.id == id;
            if (whole || this)
                && c.rev
                    .is_none_or(|r| r > self.rev.try_get_value().unwrap_or(0))
            {
                self.state.try_set(Some(SaveState::Conflict));
            }
        });
        on_cleanup(move || changes::unsubscribe(sub));
    }
}
