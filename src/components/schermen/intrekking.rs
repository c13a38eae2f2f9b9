//! Intrekking (art. 4 lid 6): a withdrawal of a signed consent — one signed on this tablet
//! ("Intrekken" on the signed record), or a file from elsewhere, verified first — whole, or for
//! some categories and partners, signed by whoever art. 12 entitles on the withdrawal date.

use crate::bind;
use crate::components::formulier::vertegenwoordiging::{
    ongedaan_maken, vertegenwoordiger_rij, Oordeel,
};
use crate::components::widgets::bestand::Bestand;
use crate::components::widgets::bevindingen::Bevindingen;
use crate::components::widgets::ondertekenaar::{Ondertekenaar, SignerFields};
use crate::components::widgets::opslagstatus::Opslagstatus;
use crate::components::widgets::velden::{Datum, Vinkje};
use crate::editor::{use_editor, Editor, Edits};
use crate::hooks::use_profile::use_profile;
use crate::hooks::use_signing::use_signing;
use crate::storage::{Original, Stored};
use keukentafel_core::art12;
use keukentafel_core::flow::{self, field_id};
use keukentafel_core::paths;
use keukentafel_core::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opening a consent file from elsewhere to withdraw it: verified, then a new withdrawal.
#[component]
pub fn IntrekkingOpenen(
    #[prop(into)] on_open: Callback<Stored<WithdrawalRecord>>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        error.set(None);
        if file.size() > jws::MAX_FILE_BYTES as f64 {
            error.set(Some(format!(
                "Dit bestand is geen geldige ondertekende export: {}.",
                jws::VerifyError::TooLarge {
                    bytes: file.size() as usize
                }
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    error.set(Some("Het bestand kan niet worden gelezen.".into()));
                    return;
                }
            };
            match crate::signing::verify(&text).await {
                Ok(imp) => match imp.document {
                    Document::Consent(record) if !record.can_be_withdrawn() => error.set(Some(
                        "In dit bestand is geen schriftelijke toestemming gegeven (geweigerd of uitgesteld), dus er is niets om in te trekken.".into(),
                    )),
                    Document::Consent(record) => {
                        let signed_by = crate::hooks::use_vault::signer_name(&imp.jwk, &imp.kid);
                        on_open.run(new_withdrawal(record, imp.hash, imp.kid, signed_by));
                    }
                    _ => error.set(Some("Dit bestand is geen toestemmingsformulier; alleen toestemming kan worden ingetrokken.".into())),
                },
                Err(e) => error.set(Some(format!("Dit bestand is geen geldige ondertekende export: {e}."))),
            }
        });
    };
    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Toestemming intrekken (art. 4 lid 6)"</h2>
            <p class="kt-lead">"De cliënt kan toestemming op elk moment intrekken. Een toestemming die op deze tablet is ondertekend, trekt u in vanaf die toestemming ("Intrekken"). Voor een toestemming van elders: open het ondertekende bestand."</p>
            <div class="kt-veld">
                <label for="intrekken-bestand">"Ondertekend toestemmingsbestand (.jws.json)"</label>
                <input type="file" id="intrekken-bestand" accept=".json,application/json,application/jose+json" on:change=on_file />
            </div>
            {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert" data-testid="intrekken-fout">{e}</p> })}
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}

/// A new withdrawal of a verified consent: whole, dated today, linked by id, hash and date.
pub fn new_withdrawal(
    record: ConsentRecord,
    hash: String,
    kid: String,
    signed_by: Option<String>,
) -> Stored<WithdrawalRecord> {
    let mut w = flow::withdrawal_of(
        &record,
        &hash,
        crate::browser::new_record_id(),
        crate::browser::today(),
    );
    if let Some(s) = crate::hooks::use_vault::current() {
        w.professional = s.professional.clone();
    }
    let mut stored = Stored::new(w);
    stored.original = Some(Original {
        record,
        hash,
        kid,
        signed_by,
    });
    stored
}

/// The withdrawal being recorded (over its editor).
#[component]
pub fn Intrekking(
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let ed: Editor<WithdrawalRecord> = use_editor();
    let profile = use_profile();
    let original = ed.original.get_value();
    let signing = use_signing(ed);
    let signed = move || ed.signed.with(|s| s.is_some());
    let (date_get, date_set) = bind!(ed, |x| x.date);
    let incapable_get =
        Signal::derive(move || ed.read(|x| x.representation.capacity.judged_incapable));
    let incapable_set = Callback::new(move |v: bool| ed.edit(|x| x.judge_capacity(v)));
    let n_signers = Memo::new(move |_| ed.read(|x| x.signers.len()));

    let summary = original.clone().map(|o| {
        let lines = profile.with_value(|p| flow::summary_nl(&o.record, p));
        let who = match &o.signed_by {
            Some(name) => format!("Handtekening gecontroleerd: ondertekend met de sleutel van {}.", keukentafel_core::text::isolate(name)),
            None => format!("Handtekening gecontroleerd: ondertekend met een onbekende sleutel (vingerafdruk {}).", o.kid),
        };
        view! {
            <section class="kt-groep" aria-labelledby="origineel-kop">
                <h3 id="origineel-kop">"Ondertekende toestemming"</h3>
                <p class="kt-hint" data-testid="origineel-sleutel">{who}</p>
                <ul data-testid="origineel">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <p class="kt-hint">{format!("Record {} · hash {}", o.record.record_id.as_str(), o.hash)}</p>
            </section>
        }
    });

    let requirement = move || {
        ed.read(|x| {
            let (b, d) = (x.client.birth_date?, x.date?);
            (b <= d).then(|| {
                let (age, q) = art12::requirement(b, d, &x.representation);
                q.explain_nl(age)
            })
        })
    };
    let requirement_kind = Memo::new(move |_| {
        ed.read(|x| match (x.client.birth_date, x.date) {
            (Some(b), Some(d)) if b <= d => Some(art12::requirement(b, d, &x.representation)),
            _ => None,
        })
    });
    let age16 = move || requirement_kind.get().is_some_and(|(age, _)| age >= 16);
    let needs_reps = move || {
        requirement_kind
            .get()
            .is_some_and(|(_, q)| q != art12::Requirement::ClientAlone)
    };
    let chain = Signal::derive(move || {
        requirement_kind.get().map(|(_, q)| q) == Some(art12::Requirement::Chain)
    });
    let n_reps = Memo::new(move |_| ed.read(|x| x.representation.representatives.len()));
    let removed = RwSignal::new(None);
    let representatives = move || {
        (0..n_reps.get())
            .map(|i| vertegenwoordiger_rij(ed, i, chain, "intrekken-vertegenwoordiger", removed))
            .collect_view()
    };
    // A representative the partner refused (art. 12 lid 3) in the consent stays refused: said,
    // and never offered as a signer.
    let refused = move || {
        ed.read(|x| {
            x.representation
                .restrictions
                .iter()
                .map(flow::restriction_nl)
                .collect::<Vec<_>>()
        })
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view()
    };

    // What can be withdrawn: each category × partner pair the original consented to, grouped
    // by category as the consent lists them.
    let consent = StoredValue::new(original.as_ref().map(|o| o.record.clone()));
    let groups = consent.with_value(|c| {
        pairs_by_category(&c.as_ref().map(|c| c.consented_pairs()).unwrap_or_default())
    });
    let whole = Signal::derive(move || ed.read(|x| x.scope.whole));
    let groups = StoredValue::new(groups);
    let scope = move || {
        view! {
            <fieldset class="kt-groep" id=field_id(paths::SCOPE) tabindex="-1">
                <legend>"Wat wordt ingetrokken?"</legend>
                <Vinkje id="intrekken-alles" label="De hele toestemming" get=whole set=Callback::new(move |v: bool| ed.edit(|x| x.set_whole(v))) />
                <Show when=move || !whole.get()>
                    <div class="kt-ingesprongen" data-testid="intrekken-paren">
                        <p class="kt-hint">"Tik per soort gegevens de organisaties aan waarmee niet meer wordt gedeeld."</p>
                        {groups.get_value().into_iter().map(|(c, partners)| {
                            view! {
                                <div class="kt-paar-groep" role="group" aria-label=c.data_label_nl() data-category=c.slug()>
                                    <p class="kt-paar-kop">{c.data_label_nl()}</p>
                                    <div class="kt-chips">
                                        {partners.into_iter().map(|partner| {
                                            let name = profile.with_value(|pr| pr.partner_name(&partner).to_owned());
                                            let pair = StoredValue::new(ScopePair { category: c, partner: partner.clone() });
                                            let on = move || ed.read(|x| pair.with_value(|p| x.scope.pairs.contains(p)));
                                            view! {
                                                <button type="button" class="kt-chip" data-partner=partner
                                                    aria-pressed=move || if on() { "true" } else { "false" }
                                                    on:click=move |_| {
                                                        let v = !on();
                                                        consent.with_value(|c| if let Some(c) = c {
                                                            pair.with_value(|p| ed.edit(|x| x.set_pair(c, p, v)));
                                                        });
                                                    }>{name}</button>
                                            }
                                        }).collect_view()}
                                    </div>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </Show>
            </fieldset>
        }
    };

    // The same signer view as the consent form's: a client who cannot draw can withdraw too.
    let pads = move || {
        (0..n_signers.get())
            .map(|i| view! { <Ondertekenaar fields=SignerFields::bind(ed, i) /> })
            .collect_view()
    };

    let (reason_get, reason_set) = bind!(ed, |x| x.representation.capacity.reason);
    let (by_get, by_set) = bind!(ed, |x| x.representation.capacity.judged_by);

    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Toestemming intrekken (art. 4 lid 6)"</h2>
            {summary}
            <Show when=move || !signed()>
                <Datum label="Datum van intrekking" path=paths::WITHDRAWAL_DATE get=date_get set=date_set />
                {scope}
                // What is withdrawn and what remains, in words, before anyone signs.
                <p class="kt-verklaring" data-testid="intrekking-verklaring">
                    {move || ed.read(|x| profile.with_value(|p| consent.with_value(|c| flow::withdrawal_statement_nl(x, p, c.as_ref()))))}
                </p>
                <p class="kt-uitkomst" data-testid="intrekken-wie" role="status">{move || requirement().unwrap_or_else(|| "Vul de datum van intrekking in.".into())}</p>
                <Show when=age16>
                    <Vinkje id="intrekken-onbekwaam"
                        label="De cliënt is niet in staat zijn belangen hierbij te overzien (art. 12 lid 2)"
                        get=incapable_get set=incapable_set />
                    <Show when=move || incapable_get.get()>
                        <Oordeel reason_get=reason_get reason_set=reason_set by_get=by_get by_set=by_set />
                    </Show>
                </Show>
                <Show when=needs_reps>
                    <section class="kt-groep" aria-labelledby="intrekken-vert-kop">
                        <h3 id="intrekken-vert-kop">"Vertegenwoordigers op de datum van intrekking"</h3>
                        <p class="kt-hint">"Overgenomen uit de toestemming. Pas aan wat sindsdien is veranderd, bijvoorbeeld een mentor die sindsdien is benoemd."</p>
                        {representatives}
                        {ongedaan_maken(ed, removed)}
                        <ul class="kt-hint" data-testid="intrekken-beperkingen">{refused}</ul>
                        <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekken-vertegenwoordiger-toevoegen"
                            on:click=move |_| ed.edit(|x| x.representation.add_representative())>
                            "Vertegenwoordiger toevoegen"
                        </button>
                    </section>
                </Show>
                <section class="kt-groep" aria-labelledby="intrekken-teken-kop">
                    <h3 id="intrekken-teken-kop">"Ondertekenen"</h3>
                    {pads}
                </section>
                <section class="kt-groep" aria-labelledby="intrekken-bev-kop">
                    <h3 id="intrekken-bev-kop">"Controle"</h3>
                    <Bevindingen testid="intrekken-bevindingen" complete_id="intrekken-compleet" complete_text="De intrekking is compleet." />
                    <button type="button" class="kt-knop kt-knop--groot" data-testid="intrekking-ondertekenen"
                        disabled=move || signing.busy.get() || ed.findings.with(|f| f.iter().any(|x| x.is_error()))
                        on:click=move |_| signing.sign.run(())>"Intrekking ondertekenen"</button>
                    {move || signing.error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert">{e}</p> })}
                </section>
            </Show>
            {move || ed.signed.get().map(|s| view! {
                <section class="kt-groep">
                    <p class="kt-status-ok" role="status" data-testid="intrekking-klaar">"Intrekking ondertekend."</p>
                    <Bestand signed=s />
                </section>
            })}
            <Opslagstatus state=ed.autosave.state busy=ed.autosave.busy wat="Intrekking" dit="Deze intrekking" on_reload=on_reload />
            <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekken-terug" on:click=move |_| on_close.run(())>"Terug naar het overzicht"</button>
        </main>
    }
}
