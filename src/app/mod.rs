//! The app shell: the vault gate (enrol, unlock, lock), the screens, and the way between them.

mod screens;

use crate::components::schermen::kluis::{Inschrijven, Ontgrendelen};
use crate::hooks::use_autosave;
use crate::hooks::use_idle::use_idle;
use crate::hooks::use_profile::provide_profile;
use crate::hooks::use_vault::{provide_vault, UseVaultReturn};
use crate::storage::vault::{self, Session, VaultState};
use crate::storage::{migrate, settings};
use keukentafel_core::{Client, Professional, Profile};
use leptos::prelude::*;
pub use screens::Screen;
use std::time::Duration;

/// What a host gives the module: the protocol profile, the professional (to prefill their
/// enrolment), a client prefill for new forms.
#[derive(Clone, Debug)]
pub struct AppConfig {
    pub profile: Profile,
    pub professional: Option<Professional>,
    pub client: Option<Client>,
    /// The element a portal mounted this module in; `None` on keukentafel's own page.
    pub host: Option<crate::pwa::Host>,
    /// Whether to register the service worker (a portal may opt out).
    pub service_worker: bool,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            profile: Profile::landsmeer(),
            professional: None,
            client: None,
            host: None,
            service_worker: true,
        }
    }
}

/// Where to return after unlocking: whose session it was, and the focused field.
#[derive(Clone, Debug, Default)]
struct Resume {
    professional: String,
    focus: Option<String>,
}

/// The root component.
#[component]
pub fn App(config: AppConfig) -> impl IntoView {
    let profile = provide_profile(config.profile.clone());
    provide_context(config.host.clone());
    let vault = provide_vault();
    crate::hooks::use_outbox::provide_outbox(config.profile.delivery.route, config.host.clone());
    let prefill = StoredValue::new((config.professional.clone(), config.client.clone()));
    let update_ready = RwSignal::new(false);
    if config.service_worker {
        crate::pwa::register(move || update_ready.set(true));
    }
    crate::pwa::request_persistence();
    match &config.host {
        Some(h) => crate::pwa::watch_for_stop(h.element()),
        None => {
            if let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
            {
                crate::pwa::watch_for_stop(&body);
            }
        }
    }

    // After a reload (an update, a crash): the screen this tab had open, once its
    // professional unlocks again.
    let reopened =
        settings::open_screen().and_then(|(who, key)| Screen::from_key(&key).map(|s| (who, s)));
    let screen = RwSignal::new(reopened.as_ref().map_or(Screen::Start, |(_, s)| s.clone()));
    let state = RwSignal::new(None::<VaultState>);
    let notice = RwSignal::new(None::<String>);
    let enrolling = RwSignal::new(false);
    let resume = StoredValue::new(reopened.map(|(professional, _)| Resume {
        professional,
        focus: None,
    }));
    Effect::new(move |_| {
        let key = screen.with(Screen::key);
        if let Some(s) = vault.session.with(|s| s.as_ref().map(|s| s.id.clone())) {
            settings::set_open_screen(&s, key.as_deref());
        }
    });
    let refresh = move || {
        leptos::task::spawn_local(async move {
            let s = vault::state().await;
            // Professionals enrolled earlier whose keys are gone (site data cleared): say so.
            let known = settings::enrolled_count();
            if s.available && s.professionals.is_empty() && known > 0 {
                notice.set(Some("De sleutels op deze tablet zijn verdwenen (bijvoorbeeld doordat de websitegegevens zijn gewist). Schrijf u opnieuw in; de backoffice moet uw nieuwe sleutel inschrijven voordat wat u ondertekent wordt aanvaard.".into()));
                settings::set_enrolled_count(0);
            }
            state.set(Some(s));
        });
    };
    refresh();

    let idle = use_idle(
        Duration::from_secs(
            60 * u64::from(profile.with_value(|p| p.vault.lock_after_minutes.max(1))),
        ),
        Duration::from_secs(60),
    );
    let unlocked = Callback::new(move |s: Session| {
        // The idle time counts from the unlock, however long the tablet lay locked.
        idle.reset();
        settings::set_last_professional(&s.id);
        let same = resume.get_value().is_some_and(|r| r.professional == s.id);
        let focus = resume.get_value().and_then(|r| r.focus);
        if !same {
            screen.set(Screen::Start);
        }
        resume.set_value(None);
        enrolling.set(false);
        leptos::task::spawn_local(async move {
            let n = vault::state().await.professionals.len();
            settings::set_enrolled_count(n);
            // What the version before the vault left in plaintext goes into this vault first,
            // so that the screens list it.
            let moved = migrate::take_over().await.unwrap_or(0);
            notice.set((moved > 0).then(|| {
                format!("{moved} concept(en) van vóór de kluis zijn versleuteld overgenomen.")
            }));
            vault.unlocked(s);
            // Delivery needs no keys and may wait on the network: not before the focus returns.
            leptos::task::spawn_local(crate::storage::outbox::deliver(false));
            if let Some(id) = focus {
                crate::browser::focus_when_ready(&id);
            }
        });
    });
    let lock = Callback::new(move |_: ()| lock_now(vault, resume, idle, notice, state));
    // Locks after the idle time, or after a minute hidden — never mid-stroke. Idle while
    // locked already: nothing to lock, and the next idle time starts now.
    Effect::new(move |_| {
        if idle.idle.get() {
            if vault.session.with_untracked(|s| s.is_some()) {
                lock.run(());
            } else {
                idle.reset();
            }
        }
    });

    let gate = move || {
        if let Some(s) = vault.session.get() {
            let _ = s;
            return view! { <screens::Screens screen=screen prefill=prefill notice=notice on_wiped=Callback::new(move |_| {
                vault.locked();
                state.set(None);
                refresh();
            }) /> }.into_any();
        }
        match state.get() {
            None => view! { <main class="kt-main" id="inhoud"><p>"De kluis wordt geopend…"</p></main> }.into_any(),
            Some(s) if !s.available => view! {
                <main class="kt-main" id="inhoud">
                    <h1>"Toestemming bij het keukentafelgesprek"</h1>
                    <p class="kt-opslag-fout" role="alert" data-testid="kluis-niet-beschikbaar">{s.message.unwrap_or_default()}</p>
                </main>
            }.into_any(),
            Some(s) if s.professionals.is_empty() || enrolling.get() => {
                let cancel = (!s.professionals.is_empty()).then(|| Callback::new(move |_| enrolling.set(false)));
                view! {
                    {move || notice.get().map(|n| view! { <p class="kt-status kt-main" role="status" data-testid="kluis-melding">{n}</p> })}
                    <Inschrijven prefill=prefill.get_value().0.or_else(migrate::legacy_professional) on_enrolled=unlocked on_cancel=cancel />
                }.into_any()
            }
            Some(s) => {
                let preselect = resume.get_value().map(|r| r.professional).or_else(settings::last_professional);
                view! {
                    <Ontgrendelen enrolled=s.professionals preselect=preselect notice=notice.get().unwrap_or_default()
                        on_unlocked=unlocked
                        on_enrol=Callback::new(move |_| enrolling.set(true))
                        on_wiped=Callback::new(move |name: String| {
                            // A deliberate wipe: not to be reported as keys that vanished.
                            settings::set_enrolled_count(settings::enrolled_count().saturating_sub(1) as usize);
                            notice.set(Some(format!("Na te veel onjuiste pogingen zijn de sleutels en concepten van {name} van deze tablet gewist. Schrijf u opnieuw in. Ondertekende records die nog niet in het dossier zijn, blijven verzegeld bewaard.")));
                            state.set(None);
                            refresh();
                        }) />
                }.into_any()
            }
        }
    };

    view! {
      <div class="kt-root">
        <a class="kt-skip" href="#inhoud">"Naar de inhoud"</a>
        <Show when=move || update_ready.get()>
            <div class="kt-update" role="status" data-testid="update-melding">
                "Nieuwe versie beschikbaar — "
                <button type="button" class="kt-knop kt-knop--klein" data-testid="nieuwe-versie" on:click=move |_| crate::pwa::apply_update()>"herladen"</button>
                " (uw concept is bewaard)"
            </div>
        </Show>
        <header class="kt-header">
            <p class="kt-brand">"keukentafel"</p>
            <p class="kt-municipality" data-testid="municipality">{profile.with_value(|p| p.municipality.clone())}</p>
            {move || vault.session.get().map(|s| view! {
                <p class="kt-wie" data-testid="ontgrendeld-als">{s.professional.name.clone()}</p>
                <button type="button" class="kt-knop kt-knop--klein" data-testid="vergrendel" on:click=move |_| lock.run(())>"Vergrendel"</button>
            })}
        </header>
        {gate}
      </div>
    }
}

/// Locks now: what was typed is saved first; then the keys are dropped and the screens are
/// taken away. Never mid-stroke: a signature being drawn is finished first.
fn lock_now(
    vault: UseVaultReturn,
    resume: StoredValue<Option<Resume>>,
    idle: crate::hooks::use_idle::UseIdleReturn,
    notice: RwSignal<Option<String>>,
    state: RwSignal<Option<VaultState>>,
) {
    leptos::task::spawn_local(async move {
        while crate::components::widgets::handtekening::stroke_in_progress() {
            crate::browser::sleep(200).await;
        }
        let Some(s) = vault.session.get_untracked() else {
            return;
        };
        use_autosave::settled().await;
        resume.set_value(Some(Resume {
            professional: s.id.clone(),
            focus: crate::browser::focused_id(),
        }));
        notice.set(Some(format!(
            "Vergrendeld. Het werk van {} is bewaard; ontgrendel om verder te gaan.",
            s.professional.name
        )));
        state.set(Some(vault::state().await));
        vault.locked();
        idle.reset();
    });
}
