//! The screens behind the vault, and the way between them: start, the form, a signed record,
//! a withdrawal, requests, settings. A screen that edits a record loads it from the vault (or
//! takes the fresh one just made) and opens it in the one editor.

use crate::components::formulier::Formulier;
use crate::components::schermen::instellingen::Instellingen;
use crate::components::schermen::intrekking::{new_withdrawal, Intrekking, IntrekkingOpenen};
use crate::components::schermen::ondertekend::Ondertekend;
use crate::components::schermen::start::Start;
use crate::components::schermen::versturen::Versturen;
use crate::components::schermen::verzoeken::{new_request, VerzoekFormulier, Verzoeken};
use crate::editor::Editor;
use crate::hooks::use_profile::use_profile;
use crate::storage::{records, Stored};
use keukentafel_core::flow;
use keukentafel_core::{
    Client, ConsentRecord, Professional, Record, RequestRecord, WithdrawalRecord,
};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Start,
    Settings,
    Requests,
    Request(String),
    /// The consent form (or the signed record) of a draft, by record id.
    Form(String),
    Withdrawal(String),
    /// Opening a consent file from elsewhere to withdraw it.
    OpenWithdrawal,
    /// Te versturen: the outbox.
    Outbox,
}

impl Screen {
    /// The screen as remembered over a reload (a record id at most, no content); `None` for the
    /// start screen and the file opener, which start afresh.
    pub fn key(&self) -> Option<String> {
        Some(match self {
            Screen::Start | Screen::OpenWithdrawal => return None,
            Screen::Settings => "instellingen".into(),
            Screen::Requests => "verzoeken".into(),
            Screen::Outbox => "versturen".into(),
            Screen::Request(id) => format!("verzoek:{id}"),
            Screen::Form(id) => format!("formulier:{id}"),
            Screen::Withdrawal(id) => format!("intrekking:{id}"),
        })
    }

    pub fn from_key(key: &str) -> Option<Screen> {
        let (kind, id) = key.split_once(':').unwrap_or((key, ""));
        let id = || {
            keukentafel_core::RecordId::parse(id)
                .ok()
                .map(|i| i.as_str().to_owned())
        };
        match kind {
            "instellingen" => Some(Screen::Settings),
            "verzoeken" => Some(Screen::Requests),
            "versturen" => Some(Screen::Outbox),
            "verzoek" => id().map(Screen::Request),
            "formulier" => id().map(Screen::Form),
            "intrekking" => id().map(Screen::Withdrawal),
            _ => None,
        }
    }
}

/// A record just made, not stored yet: its screen saves it at once.
#[derive(Clone, Default)]
struct Fresh {
    consent: Option<Stored<ConsentRecord>>,
    withdrawal: Option<Stored<WithdrawalRecord>>,
    request: Option<Stored<RequestRecord>>,
}

#[component]
pub fn Screens(
    screen: RwSignal<Screen>,
    prefill: StoredValue<(Option<Professional>, Option<Client>)>,
    /// A notice of the vault (drafts taken over, …), shown on the start screen.
    notice: RwSignal<Option<String>>,
    #[prop(into)] on_wiped: Callback<()>,
) -> impl IntoView {
    let profile = use_profile();
    let fresh = StoredValue::new(Fresh::default());
    let message = RwSignal::new(None::<String>);
    let to_start = Callback::new(move |_| screen.set(Screen::Start));

    let open_consent = move |s: Stored<ConsentRecord>| {
        let id = s.id().to_owned();
        fresh.update_value(|f| f.consent = Some(s));
        screen.set(Screen::Form(id));
    };
    let new_form = Callback::new(move |_| {
        let mut r = ConsentRecord::new(crate::browser::new_record_id());
        profile.with_value(|p| {
            r.municipality = p.municipality.clone();
            r.profile_id = p.profile_id.clone();
        });
        r.conversation_date = Some(crate::browser::today());
        if let Some(s) = crate::hooks::use_vault::current() {
            r.professional = s.professional.clone();
        }
        if let Some(c) = prefill.get_value().1 {
            r.client = c;
        }
        r.normalize();
        let mut s = Stored::new(r);
        s.place = flow::Step::Gesprek.slug().to_owned();
        open_consent(s);
    });
    // A change to a signed record: a new draft that references the signed one's hash.
    let revise = Callback::new(move |(record, hash): (ConsentRecord, String)| {
        let mut r = flow::revision_of(&record, &hash, crate::browser::new_record_id());
        if let Some(s) = crate::hooks::use_vault::current() {
            r.professional = s.professional.clone();
        }
        let mut s = Stored::new(r);
        s.place = flow::Step::Gesprek.slug().to_owned();
        open_consent(s);
    });
    let open_withdrawal = Callback::new(move |s: Stored<WithdrawalRecord>| {
        let id = s.id().to_owned();
        fresh.update_value(|f| f.withdrawal = Some(s));
        screen.set(Screen::Withdrawal(id));
    });
    // "Intrekken" on a consent signed on this tablet.
    let withdraw_signed = Callback::new(
        move |(record, signed): (ConsentRecord, crate::signing::Signed)| {
            let jwk = keukentafel_core::jws::parse(&signed.jws)
                .ok()
                .and_then(|p| p.signatures.first().map(|s| s.jwk().clone()));
            let name = jwk.and_then(|k| crate::hooks::use_vault::signer_name(&k, &signed.kid));
            open_withdrawal.run(new_withdrawal(record, signed.hash, signed.kid, name));
        },
    );
    let new_req = Callback::new(move |_| {
        let s = profile.with_value(new_request);
        let id = s.id().to_owned();
        fresh.update_value(|f| f.request = Some(s));
        screen.set(Screen::Request(id));
    });

    move || {
        match screen.get() {
        Screen::Start => view! {
            <Start profile=profile.get_value() on_new=new_form
                on_open=Callback::new(move |id| screen.set(Screen::Form(id)))
                on_open_withdrawal=Callback::new(move |id| screen.set(Screen::Withdrawal(id)))
                on_withdraw=Callback::new(move |_| screen.set(Screen::OpenWithdrawal))
                on_requests=Callback::new(move |_| screen.set(Screen::Requests))
                on_settings=Callback::new(move |_| screen.set(Screen::Settings))
                on_outbox=Callback::new(move |_| screen.set(Screen::Outbox))
                message=message notice=notice />
        }
        .into_any(),
        Screen::Settings => view! { <Instellingen on_close=to_start on_wiped=on_wiped /> }.into_any(),
        Screen::Outbox => view! { <Versturen on_close=to_start /> }.into_any(),
        Screen::Requests => view! {
            <Verzoeken on_open=Callback::new(move |id| screen.set(Screen::Request(id))) on_new=new_req on_close=to_start />
        }
        .into_any(),
        Screen::OpenWithdrawal => view! { <IntrekkingOpenen on_open=open_withdrawal on_close=to_start /> }.into_any(),
        Screen::Form(id) => {
            let f = fresh.try_update_value(|f| f.consent.take().filter(|s| s.id() == id)).flatten();
            view! { <Geladen<ConsentRecord, ConsentView> id=id fresh=f message=message on_gone=to_start view=ConsentView { on_close: to_start, on_revise: revise, on_withdraw: withdraw_signed } /> }.into_any()
        }
        Screen::Withdrawal(id) => {
            let f = fresh.try_update_value(|f| f.withdrawal.take().filter(|s| s.id() == id)).flatten();
            view! { <Geladen<WithdrawalRecord, WithdrawalView> id=id fresh=f message=message on_gone=to_start view=WithdrawalView { on_close: to_start } /> }.into_any()
        }
        Screen::Request(id) => {
            let f = fresh.try_update_value(|f| f.request.take().filter(|s| s.id() == id)).flatten();
            let back = Callback::new(move |_| screen.set(Screen::Requests));
            view! { <Geladen<RequestRecord, RequestView> id=id fresh=f message=message on_gone=back view=RequestView { on_close: back } /> }.into_any()
        }
    }
    }
}

/// What a screen shows for a record once its editor is open.
pub trait RecordView<R: Record>: Clone + Send + Sync + 'static {
    fn render(&self, editor: Editor<R>, reload: Callback<()>) -> AnyView;
}

#[derive(Clone)]
struct ConsentView {
    on_close: Callback<()>,
    on_revise: Callback<(ConsentRecord, String)>,
    on_withdraw: Callback<(ConsentRecord, crate::signing::Signed)>,
}

impl RecordView<ConsentRecord> for ConsentView {
    fn render(&self, form: Editor<ConsentRecord>, reload: Callback<()>) -> AnyView {
        let this = self.clone();
        let revise = Callback::new(move |_| {
            if let Some(s) = form.signed.get_untracked() {
                this.on_revise.run((form.record.get_untracked(), s.hash));
            }
        });
        let this = self.clone();
        let withdraw = Callback::new(move |_| {
            if let Some(s) = form.signed.get_untracked() {
                this.on_withdraw.run((form.record.get_untracked(), s));
            }
        });
        let close = self.on_close;
        view! {
            <Show when=move || form.signed.with(|s| s.is_some())
                fallback=move || view! { <Formulier on_close=close on_reload=reload /> }>
                <Ondertekend on_revise=revise on_withdraw=withdraw on_close=close />
            </Show>
        }
        .into_any()
    }
}

#[derive(Clone)]
struct WithdrawalView {
    on_close: Callback<()>,
}

impl RecordView<WithdrawalRecord> for WithdrawalView {
    fn render(&self, _: Editor<WithdrawalRecord>, reload: Callback<()>) -> AnyView {
        view! { <Intrekking on_close=self.on_close on_reload=reload /> }.into_any()
    }
}

#[derive(Clone)]
struct RequestView {
    on_close: Callback<()>,
}

impl RecordView<RequestRecord> for RequestView {
    fn render(&self, _: Editor<RequestRecord>, reload: Callback<()>) -> AnyView {
        view! { <VerzoekFormulier on_close=self.on_close on_reload=reload /> }.into_any()
    }
}

/// Loads record `id` from the vault (or takes the `fresh` one), then opens it in the editor.
#[component]
fn Geladen<R: Record, V: RecordView<R>>(
    id: String,
    fresh: Option<Stored<R>>,
    message: RwSignal<Option<String>>,
    on_gone: Callback<()>,
    view: V,
) -> impl IntoView {
    let loaded = crate::hooks::use_loaded::use_loaded(move || {
        let (id, fresh) = (id.clone(), fresh.clone());
        async move {
            match fresh {
                Some(s) => Ok((s, true)),
                None => records::load::<R>(&id).await.map(|s| (s, false)),
            }
        }
    });
    move || {
        loaded.get().map(|r| match r {
            Ok((stored, fresh)) => {
                let v = view.clone();
                view! { <Bewerken<R, V> stored=stored fresh=fresh view=v /> }.into_any()
            }
            Err(e) => {
                message.set(Some(e));
                on_gone.run(());
                ().into_any()
            }
        })
    }
}

/// The editor of one record, provided to its screen.
#[component]
fn Bewerken<R: Record, V: RecordView<R>>(stored: Stored<R>, fresh: bool, view: V) -> impl IntoView {
    let editor = Editor::open(stored, fresh, use_profile().get_value());
    editor.provide();
    let reload = Callback::new(move |_| {
        leptos::task::spawn_local(async move {
            let _ = editor.reload().await;
        });
    });
    view.render(editor, reload)
}
