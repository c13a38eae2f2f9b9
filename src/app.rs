//! The app shell: the start screen (new conversation, drafts) and the form.

use crate::components::{
    concepten::Concepten, instellingen::Instellingen, intrekking::Intrekking,
    ondertekend::Ondertekend, stappen::Formulier, verzoeken::Verzoeken,
};
use crate::state::Form;
use crate::{browser, opslag};
use keukentafel_core::flow::Step;
use keukentafel_core::{rules::Code, ConsentRecord, Profile, SpecialCategory};
use leptos::prelude::*;

/// What a host gives the module: the protocol profile, the professional, a client prefill.
#[derive(Clone, Debug)]
pub struct AppConfig {
    pub profile: Profile,
    pub professional: Option<keukentafel_core::Professional>,
    pub client: Option<keukentafel_core::Client>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            profile: Profile::landsmeer(),
            professional: None,
            client: None,
        }
    }
}

/// The active profile, for components outside a form.
pub fn use_profile() -> StoredValue<Profile> {
    expect_context::<StoredValue<Profile>>()
}

#[derive(Clone, Debug, PartialEq)]
enum Screen {
    Start,
    Settings,
    Withdrawal,
    Requests,
    /// A draft by record id; `fresh` when just created (saved at once).
    Form {
        id: String,
        fresh: bool,
        nonce: u32,
    },
}

/// The root component.
#[component]
pub fn App(config: AppConfig) -> impl IntoView {
    let profile = StoredValue::new(config.profile.clone());
    provide_context(profile);
    let prefill = StoredValue::new((config.professional.clone(), config.client.clone()));
    let update_ready = RwSignal::new(false);
    crate::pwa::register(move || update_ready.set(true));
    // Inside the mounted app: the task executor exists from here on.
    crate::pwa::request_persistence();
    let screen = RwSignal::new(Screen::Start);
    let message = RwSignal::new(None::<String>);
    let fresh_record = StoredValue::new(None::<ConsentRecord>);

    // A record not stored yet (new, or a revision of a signed one): the form saves it at once.
    let open_fresh = move |r: ConsentRecord| {
        let id = r.record_id.as_str().to_owned();
        fresh_record.set_value(Some(r));
        screen.set(Screen::Form {
            id,
            fresh: true,
            nonce: 0,
        });
    };
    let new_form = move |_| {
        let mut r = ConsentRecord::new(browser::new_record_id());
        profile.with_value(|p| {
            r.municipality = p.municipality.clone();
            r.profile_id = p.profile_id.clone();
        });
        r.conversation_date = Some(browser::today());
        let (professional, client) = prefill.get_value();
        if let Some(p) = professional.or_else(opslag::last_professional) {
            r.professional = p;
        }
        if let Some(c) = client {
            r.client = c;
        }
        keukentafel_core::flow::normalize(&mut r);
        open_fresh(r);
    };
    let open = Callback::new(move |id: String| {
        screen.set(Screen::Form {
            id,
            fresh: false,
            nonce: 0,
        })
    });

    let to_start = Callback::new(move |_| screen.set(Screen::Start));
    // A change to a signed record: a new draft that references the signed one's hash.
    let revise = Callback::new(move |(record, hash): (ConsentRecord, String)| {
        open_fresh(keukentafel_core::flow::revision_of(
            &record,
            &hash,
            browser::new_record_id(),
        ));
    });
    let view_screen = move || match screen.get() {
        Screen::Start => view! {
            <Start profile=profile.get_value() on_new=new_form on_open=open message=message
                on_settings=move |_| screen.set(Screen::Settings)
                on_withdraw=Callback::new(move |_| screen.set(Screen::Withdrawal))
                on_requests=move |_| screen.set(Screen::Requests) />
        }
        .into_any(),
        Screen::Settings => view! { <Instellingen on_close=to_start /> }.into_any(),
        Screen::Withdrawal => view! { <Intrekking on_close=to_start /> }.into_any(),
        Screen::Requests => view! { <Verzoeken on_close=to_start /> }.into_any(),
        Screen::Form { id, fresh, nonce } => {
            let loaded = if fresh {
                fresh_record
                    .get_value()
                    .map(|r| (r, Step::Gesprek, 0, None))
            } else {
                match opslag::load(&id) {
                    Ok(d) => Some((
                        d.record,
                        Step::from_slug(&d.step).unwrap_or(Step::Gesprek),
                        d.rev,
                        d.signed,
                    )),
                    Err(e) => {
                        message.set(Some(e));
                        None
                    }
                }
            };
            match loaded {
                None => {
                    screen.set(Screen::Start);
                    ().into_any()
                }
                Some((record, step, rev, signed)) => {
                    let close = Callback::new(move |_| screen.set(Screen::Start));
                    let reload = {
                        let id = id.clone();
                        Callback::new(move |_| {
                            screen.set(Screen::Form {
                                id: id.clone(),
                                fresh: false,
                                nonce: nonce + 1,
                            })
                        })
                    };
                    view! { <FormScreen record=record step=step rev=rev fresh=fresh signed=signed profile=profile.get_value() on_close=close on_reload=reload on_revise=revise /> }
                        .into_any()
                }
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
        </header>
        {view_screen}
      </div>
    }
}

/// The form for one record: provides the `Form` context, saves on every change, and notices
/// when another tab changes the same draft.
#[component]
fn FormScreen(
    record: ConsentRecord,
    step: Step,
    rev: u64,
    fresh: bool,
    signed: Option<crate::ondertekenen::Signed>,
    profile: Profile,
    on_close: Callback<()>,
    on_reload: Callback<()>,
    on_revise: Callback<(ConsentRecord, String)>,
) -> impl IntoView {
    let id = record.record_id.as_str().to_owned();
    let form = Form::with_signed(record, step, rev, profile, signed);
    form.provide();

    // Save on every change (and at once for a new form, so it is listed even if untouched).
    Effect::new(move |prev: Option<()>| {
        form.record.track();
        form.step.track();
        if prev.is_some() || fresh {
            form.save();
        }
    });

    // Another tab saved this draft: stop saving here and say so.
    form.autosave.watch(opslag::key_of(&id));

    let revise = Callback::new(move |_| {
        if let Some(s) = form.signed.get_untracked() {
            on_revise.run((form.record.get_untracked(), s.hash));
        }
    });
    view! {
        <Show when=move || form.signed.with(|s| s.is_some())
            fallback=move || view! { <Formulier on_close=on_close on_reload=on_reload /> }>
            <Ondertekend on_revise=revise on_close=on_close />
        </Show>
    }
}

/// Start page: new conversation, drafts, and what this module does for this municipality.
#[component]
pub fn Start(
    profile: Profile,
    on_new: impl Fn(leptos::ev::MouseEvent) + 'static,
    #[prop(into)] on_open: Callback<String>,
    message: RwSignal<Option<String>>,
    on_settings: impl Fn(leptos::ev::MouseEvent) + 'static,
    #[prop(into)] on_withdraw: Callback<()>,
    on_requests: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let partners = profile
        .partners
        .iter()
        .map(|p| view! { <li>{p.name.clone()}</li> })
        .collect_view();
    let categories = SpecialCategory::ALL
        .iter()
        .map(|c| view! { <li>{c.label_nl()}</li> })
        .collect_view();
    let rules = Code::ALL.len();
    // A withdrawal begun on this device and not yet signed: listed like a draft.
    let withdrawal_in_progress = match opslag::load_withdrawal() {
        Some(Ok(w)) if w.signed.is_none() => Some(view! {
            <p class="kt-status" data-testid="intrekking-bezig" role="status">
                {format!(
                    "Een intrekking voor {} ({}) is begonnen en nog niet ondertekend. ",
                    w.original.client.name, w.original.client.dossier_reference
                )}
                <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekking-verder"
                    on:click=move |_| on_withdraw.run(())>"Verder met de intrekking"</button>
            </p>
        }),
        _ => None,
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h1>"Toestemming bij het keukentafelgesprek"</h1>
            <p class="kt-lead">
                "Leg tijdens het gesprek vast dat u de cliënt hebt geïnformeerd, of de cliënt instemt, "
                "en of de cliënt schriftelijk toestemming geeft voor bijzondere persoonsgegevens: "
                "per categorie en per partner, ondertekend door wie dat volgens het protocol mag."
            </p>
            {move || message.get().map(|m| view! { <p class="kt-opslag-fout" role="alert">{m}</p> })}
            <div class="kt-acties">
                <button type="button" class="kt-knop kt-knop--groot" data-testid="nieuw-gesprek" on:click=on_new>"Nieuw gesprek"</button>
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="intrekken" on:click=move |_| on_withdraw.run(())>"Toestemming intrekken"</button>
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="verzoeken" on:click=on_requests>"Verzoeken van betrokkenen"</button>
                <button type="button" class="kt-knop kt-knop--tweede" data-testid="instellingen" on:click=on_settings>"Instellingen"</button>
            </div>
            {withdrawal_in_progress}
            <Concepten on_open=on_open />
            <p class="kt-protocol" data-testid="protocol">{profile.protocol.clone()}</p>
            <p class="kt-status" data-testid="rules-count">
                {format!("{rules} regels uit het protocol worden gecontroleerd, ook zonder internet.")}
            </p>
            <section aria-labelledby="partners-kop">
                <h2 id="partners-kop">"Partners van " {profile.municipality.clone()}</h2>
                <ul class="kt-list">{partners}</ul>
            </section>
            <section aria-labelledby="categorieen-kop">
                <h2 id="categorieen-kop">"Bijzondere persoonsgegevens"</h2>
                <ul class="kt-list">{categories}</ul>
            </section>
        </main>
    }
}
