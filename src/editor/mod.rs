//! The one record editor, for the consent form, a withdrawal and a request alike: the record
//! in a signal, its findings (the core's validator) as a memo, the signed export once signed,
//! saving on every change (`use_autosave`), and the one signing flow (sign with the unlocked
//! professional's key, seal to the municipality, keep it until handed over).

mod edits;

pub use edits::Edits;

use crate::hooks::use_autosave::{use_autosave, UseAutosaveReturn};
use crate::signing::{self, Signed};
use crate::storage::{outbox, records, Original, Stored};
use keukentafel_core::flow::Step;
use keukentafel_core::{ConsentRecord, Finding, Profile, Record};
use leptos::prelude::*;

/// A record being edited on a screen; `Copy`, provided as context to its components.
pub struct Editor<R: Record> {
    pub record: RwSignal<R>,
    pub findings: Memo<Vec<Finding>>,
    /// The signed export, once signed; the record is then read-only.
    pub signed: RwSignal<Option<Signed>>,
    /// A withdrawal: the signed consent it withdraws.
    pub original: StoredValue<Option<Original>>,
    /// Where on the screen the professional is (the form's step), stored with the record.
    pub place: RwSignal<String>,
    /// The steps opened so far (the consent form's step bar).
    pub visited: RwSignal<Vec<String>>,
    pub profile: StoredValue<Profile>,
    pub autosave: UseAutosaveReturn,
    /// The portal's element, when embedded: the signing events go there.
    host: StoredValue<Option<crate::pwa::Host>>,
}

impl<R: Record> Clone for Editor<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Record> Copy for Editor<R> {}

/// The consent form's editor.
pub type Form = Editor<ConsentRecord>;

impl<R: Record> Editor<R> {
    /// An editor for a stored record (saved on every change from now on), or for a new one
    /// (`fresh`: saved at once, so that it is listed even if untouched).
    pub fn open(stored: Stored<R>, fresh: bool, profile: Profile) -> Editor<R> {
        let today = crate::browser::today();
        let id = stored.record.record_id().as_str().to_owned();
        let record = RwSignal::new(stored.record);
        let profile = StoredValue::new(profile);
        let findings =
            Memo::new(move |_| record.with(|r| profile.with_value(|p| r.validate(p, today))));
        let signed = RwSignal::new(stored.signed);
        let place = RwSignal::new(stored.place);
        let visited = RwSignal::new(stored.visited);
        let original = StoredValue::new(stored.original);
        let autosave = use_autosave::<R>(id, stored.rev, fresh, move || Stored {
            schema_version: keukentafel_core::model::SCHEMA_VERSION,
            rev: 0,
            saved_at: String::new(),
            place: place.get(),
            visited: visited.get(),
            record: record.get(),
            signed: signed.get(),
            original: original.get_value(),
        });
        Editor {
            record,
            findings,
            signed,
            original,
            place,
            visited,
            profile,
            autosave,
            host: StoredValue::new(crate::pwa::use_host()),
        }
    }

    /// Makes this editor, and its findings for the field components, available to its screen.
    pub fn provide(self) {
        provide_context(self);
        provide_context(Findings(self.findings));
    }

    /// Replaces what is edited by what is stored now (after another tab saved a newer
    /// version), or empties it when it was removed.
    pub async fn reload(self) -> Result<(), String> {
        let id = self
            .record
            .with_untracked(|r| r.record_id().as_str().to_owned());
        match records::load::<R>(&id).await {
            Ok(s) => {
                self.autosave.loaded(Some(s.rev));
                self.original.set_value(s.original);
                self.signed.set(s.signed);
                self.place.set(s.place);
                self.visited.set(s.visited);
                self.record.set(s.record);
                Ok(())
            }
            Err(e) => {
                self.autosave.loaded(None);
                Err(e)
            }
        }
    }

    /// The one signing flow: the record signed with the unlocked professional's key, sealed to
    /// the municipality's key and kept sealed until it is handed over; the record is then
    /// read-only. Returns the signed export.
    pub async fn sign(self) -> Result<Signed, String> {
        let session = crate::hooks::use_vault::current()
            .ok_or("De kluis is vergrendeld: ontgrendel eerst met uw wachtwoord.")?;
        let record = self.record.get_untracked();
        let date = record.file_date().unwrap_or_else(crate::browser::today);
        let doc = record.to_document();
        let signed = signing::sign(&doc, date, &session.jwk, &session.kid).await?;
        let (key, delivery) = self
            .profile
            .with_value(|p| (p.sealing_key.clone(), p.delivery.clone()));
        if let Some(key) = key {
            let jwe = outbox::seal(&signed, &key).await?;
            outbox::keep(
                &signed,
                R::KIND,
                &jwe,
                &session.id,
                record.record_id().as_str(),
                delivery.route,
                &delivery.endpoint,
            )
            .await?;
        }
        self.signed.set(Some(signed.clone()));
        if let Some(host) = self.host.get_value() {
            let name = if R::KIND == keukentafel_core::RecordKind::Withdrawal {
                "withdrawn"
            } else {
                "signed"
            };
            host.emit(name, &signed.event_detail(&doc));
        }
        Ok(signed)
    }
}

impl<R: Record> Edits<R> for Editor<R> {
    fn read<T: Default>(&self, f: impl FnOnce(&R) -> T) -> T {
        self.record.with(f)
    }

    fn edit(&self, f: impl FnOnce(&mut R)) {
        if self.signed.with_untracked(|s| s.is_some()) {
            return; // a signed record never changes
        }
        self.record.update(|r| {
            f(r);
            r.normalize();
        });
    }
}

impl Form {
    /// The step the professional is on.
    pub fn step(&self) -> Step {
        self.place
            .with(|p| Step::from_slug(p).unwrap_or(Step::Gesprek))
    }

    /// The steps opened so far.
    pub fn visited_steps(&self) -> Vec<Step> {
        self.visited
            .with(|v| v.iter().filter_map(|s| Step::from_slug(s)).collect())
    }

    /// Opens `step`; the step left counts as visited.
    pub fn go(&self, step: Step) {
        let from = self.step();
        self.visited.update(|v| {
            for s in [from, step] {
                if !v.iter().any(|x| x == s.slug()) {
                    v.push(s.slug().to_owned());
                }
            }
        });
        self.place.set(step.slug().to_owned());
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// The editor of a record of kind `R` on this screen.
pub fn use_editor<R: Record>() -> Editor<R> {
    expect_context::<Editor<R>>()
}

/// The consent form's editor.
pub fn use_form() -> Form {
    use_editor::<ConsentRecord>()
}

/// The findings the field components show beside each field: those of the record being edited.
#[derive(Clone, Copy)]
pub struct Findings(pub Memo<Vec<Finding>>);

pub fn use_findings() -> Memo<Vec<Finding>> {
    expect_context::<Findings>().0
}
