//! The form's reactive state: the record in a signal, findings from the core on every change,
//! the current step, and the draft's save status.

use crate::{browser, opslag};
use keukentafel_core::flow::{self, Step};
use keukentafel_core::validate::validate_consent;
use keukentafel_core::{ConsentRecord, Finding, Profile};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Saved at (local time).
    Saved(String),
    /// Not saved: storage error, in Dutch. The form keeps working in memory.
    Failed(String),
    /// Another tab changed this draft; we do not overwrite it.
    Conflict,
}

/// Everything a step needs; `Copy`, passed through context.
#[derive(Clone, Copy)]
pub struct Form {
    pub record: RwSignal<ConsentRecord>,
    pub step: RwSignal<Step>,
    pub findings: Memo<Vec<Finding>>,
    pub profile: StoredValue<Profile>,
    pub save_state: RwSignal<Option<SaveState>>,
    /// The revision last written by this tab.
    pub rev: StoredValue<u64>,
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
            save_state: RwSignal::new(None),
            rev: StoredValue::new(rev),
            signed: RwSignal::new(signed),
        }
    }

    /// Applies an edit, then the core's derived-field transitions.
    pub fn edit(&self, f: impl FnOnce(&mut ConsentRecord)) {
        if self.signed.get_untracked().is_some() {
            return; // a signed record never changes
        }
        self.record.update(|r| {
            f(r);
            flow::normalize(r);
        });
    }

    /// A (getter, setter) pair for one field of a part of the record that may be absent — a
    /// list element by index, a category by its key. Reading an absent part gives the default;
    /// writing to it does nothing (the part was removed meanwhile).
    pub fn bind_part<K, P, V>(
        &self,
        key: K,
        find: fn(&ConsentRecord, K) -> Option<&P>,
        find_mut: fn(&mut ConsentRecord, K) -> Option<&mut P>,
        get: fn(&P) -> V,
        set: fn(&mut P, V),
    ) -> (Signal<V>, Callback<V>)
    where
        K: Copy + Send + Sync + 'static,
        P: 'static,
        V: Clone + Default + Send + Sync + 'static,
    {
        let form = *self;
        (
            Signal::derive(move || {
                form.record
                    .with(|r| find(r, key).map(get).unwrap_or_default())
            }),
            Callback::new(move |v: V| {
                form.edit(|r| {
                    if let Some(p) = find_mut(r, key) {
                        set(p, v);
                    }
                })
            }),
        )
    }

    /// Writes the draft now. Called by an effect after every change.
    pub fn save(&self) {
        if self.save_state.get_untracked() == Some(SaveState::Conflict) {
            return;
        }
        let rev = self.rev.get_value() + 1;
        let draft = opslag::Draft {
            schema_version: keukentafel_core::model::SCHEMA_VERSION,
            rev,
            saved_at: browser::now_iso(),
            step: self.step.get_untracked().slug().to_owned(),
            record: self.record.get_untracked(),
            signed: self.signed.get_untracked(),
        };
        match opslag::save(&draft) {
            Ok(()) => {
                self.rev.set_value(rev);
                self.save_state
                    .set(Some(SaveState::Saved(browser::local_time(&draft.saved_at))));
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
            Err(opslag::SaveError::Conflict) => self.save_state.set(Some(SaveState::Conflict)),
            Err(opslag::SaveError::Storage(msg)) => {
                self.save_state.set(Some(SaveState::Failed(msg)))
            }
        }
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
