//! The form's reactive state: the record in a signal, findings from the core on every change,
//! the current step; what every screen that edits a record shares (`Edits`, `Autosave`).

use crate::{browser, opslag};
use keukentafel_core::flow::{self, Step};
use keukentafel_core::validate::validate_consent;
use keukentafel_core::{ConsentRecord, Finding, Profile};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Saved at (local time).
    Saved(String),
    /// Not saved: storage error, in Dutch. The screen keeps working in memory.
    Failed(String),
    /// Another tab saved a newer version; this one is not overwritten.
    Conflict,
}

/// Everything a step needs; `Copy`, passed through context.
#[derive(Clone, Copy)]
pub struct Form {
    pub record: RwSignal<ConsentRecord>,
    pub step: RwSignal<Step>,
    pub findings: Memo<Vec<Finding>>,
    pub profile: StoredValue<Profile>,
    /// Saving the draft on every change, and its status.
    pub autosave: Autosave,
    /// The signed export, once signed; the record is then read-only.
    pub signed: RwSignal<Option<crate::ondertekenen::Signed>>,
}

impl Form {
    pub fn new(record: ConsentRecord, step: Step, rev: u64, profile: Profile) -> Form {
        Form::with_signed(record, step, rev, profile, None)
    }

    pub fn with_signed(
        record: ConsentRecord,
        step: Step,
        rev: u64,
        profile: Profile,
        signed: Option<crate::ondertekenen::Signed>,
    ) -> Form {
        let today = browser::today();
        let record = RwSignal::new(record);
        let profile = StoredValue::new(profile);
        let findings = Memo::new(move |_| {
            record.with(|r| profile.with_value(|p| validate_consent(r, p, today)))
        });
        Form {
            record,
            step: RwSignal::new(step),
            findings,
            profile,
            autosave: Autosave::new(rev, false),
            signed: RwSignal::new(signed),
        }
    }

    /// Writes the draft now (unless another tab is ahead). Called by an effect after every
    /// change, and once signed.
    pub fn save(&self) {
        let Some(rev) = self.autosave.next() else {
            return;
        };
        let draft = opslag::Draft {
            schema_version: keukentafel_core::model::SCHEMA_VERSION,
            rev,
            saved_at: browser::now_iso(),
            step: self.step.get_untracked().slug().to_owned(),
            record: self.record.get_untracked(),
            signed: self.signed.get_untracked(),
        };
        let result = opslag::save(&draft);
        if result.is_ok() {
            opslag::remember_professional(&draft.record.professional);
            crate::pwa::emit(
                "draft-saved",
                serde_json::json!({
                    "recordId": draft.record.record_id.as_str(),
                    "savedAt": draft.saved_at,
                    "step": draft.step,
                }),
            );
        }
        self.autosave.saved(rev, result);
    }

    /// Makes this form, and its findings for the field components, available to the steps.
    pub fn provide(self) {
        provide_context(self);
        provide_context(Findings(self.findings));
    }

    pub fn go(&self, step: Step) {
        self.step.set(step);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// A record being edited on a screen — the consent form, a withdrawal, a request: read
/// reactively, changed only through the core's normalisation, and never once signed. The field
/// components get (getter, setter) pairs for its fields from `bind!` and `bind_part`.
pub trait Edits<R: 'static>: Copy + Send + Sync + 'static {
    /// Reads the record (tracked); the default while there is none yet.
    fn read<T: Default>(&self, f: impl FnOnce(&R) -> T) -> T;

    /// Applies a change and then the core's derived-field transitions. Nothing happens while
    /// there is no record or once it is signed.
    fn edit(&self, f: impl FnOnce(&mut R));

    /// A (getter, setter) pair for one field of a part of the record that may be absent — a
    /// list element by index, a category by its key. Reading an absent part gives the default;
    /// writing to it does nothing (the part was removed meanwhile).
    fn bind_part<K, P, V>(
        &self,
        key: K,
        find: fn(&R, K) -> Option<&P>,
        find_mut: fn(&mut R, K) -> Option<&mut P>,
        get: fn(&P) -> V,
        set: fn(&mut P, V),
    ) -> (Signal<V>, Callback<V>)
    where
        K: Copy + Send + Sync + 'static,
        P: 'static,
        V: Clone + Default + Send + Sync + 'static,
    {
        let this = *self;
        (
            Signal::derive(move || this.read(|r| find(r, key).map(get).unwrap_or_default())),
            Callback::new(move |v: V| {
                this.edit(|r| {
                    if let Some(p) = find_mut(r, key) {
                        set(p, v);
                    }
                })
            }),
        )
    }
}

impl Edits<ConsentRecord> for Form {
    fn read<T: Default>(&self, f: impl FnOnce(&ConsentRecord) -> T) -> T {
        self.record.with(f)
    }

    fn edit(&self, f: impl FnOnce(&mut ConsentRecord)) {
        if self.signed.get_untracked().is_some() {
            return; // a signed record never changes
        }
        self.record.update(|r| {
            f(r);
            flow::normalize(r);
        });
    }
}

pub fn use_form() -> Form {
    expect_context::<Form>()
}

/// The findings the field components (velden.rs) show beside each field: the consent form's,
/// or those of another screen that records something (a withdrawal).
#[derive(Clone, Copy)]
pub struct Findings(pub Memo<Vec<Finding>>);

pub fn use_findings() -> Memo<Vec<Finding>> {
    expect_context::<Findings>().0
}

/// Saving on every change with a revision check, for every screen that edits a stored record
/// (a draft, the withdrawal in progress, a request): another tab's newer save is never
/// overwritten, and a storage failure is shown while the screen works on in memory.
#[derive(Clone, Copy)]
pub struct Autosave {
    /// The revision last saved or loaded here.
    rev: StoredValue<u64>,
    /// The next change notice is only the load itself: nothing to save.
    skip: StoredValue<bool>,
    /// What the screen shows (`Opslagstatus`): nothing yet, saved, failed, another tab ahead.
    pub state: RwSignal<Option<SaveState>>,
}

impl Autosave {
    /// For a record at revision `rev`; `loaded` when it comes from storage as it is (its first
    /// change notice then has nothing to save).
    pub fn new(rev: u64, loaded: bool) -> Autosave {
        Autosave {
            rev: StoredValue::new(rev),
            skip: StoredValue::new(loaded),
            state: RwSignal::new(None),
        }
    }

    /// The revision to write now, or `None` when nothing is to be written (the change was the
    /// load itself, or another tab is ahead).
    pub fn next(&self) -> Option<u64> {
        let skip = std::mem::take(&mut *self.skip.write_value());
        let behind = self.state.get_untracked() == Some(SaveState::Conflict);
        (!skip && !behind).then(|| self.rev.get_value() + 1)
    }

    /// Records the outcome of writing revision `rev`.
    pub fn saved(&self, rev: u64, result: Result<(), opslag::SaveError>) {
        self.state.set(Some(match result {
            Ok(()) => {
                self.rev.set_value(rev);
                SaveState::Saved(browser::local_time(&browser::now_iso()))
            }
            Err(opslag::SaveError::Conflict) => SaveState::Conflict,
            Err(opslag::SaveError::Storage(e)) => SaveState::Failed(e),
        }));
    }

    /// What is stored was loaded (the newest, after a conflict): revision `rev`, or nothing
    /// (`None`: removed meanwhile), in which case the next change is saved as new.
    pub fn loaded(&self, rev: Option<u64>) {
        if let Some(rev) = rev {
            self.rev.set_value(rev);
        }
        self.skip.set_value(rev.is_some());
        self.state.set(None);
    }

    /// Notices at once when another tab stores a newer revision under `key`, or removes it
    /// (the browser's `storage` event), rather than only at the next save. For the lifetime of
    /// the calling component.
    pub fn watch(&self, key: String) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            if e.key().as_deref() == Some(key.as_str()) {
                let theirs = e.new_value().and_then(|v| opslag::rev_of(&v));
                if theirs.is_none_or(|r| r > this.rev.get_value()) {
                    this.state.set(Some(SaveState::Conflict));
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
}
