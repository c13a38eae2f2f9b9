//! Intrekking (art. 4 lid 6): import a signed consent file, verify it, and record a withdrawal —
//! whole, or for some categories and partners — signed by whoever art. 12 entitles on the
//! withdrawal date, exported in the same signed format.

use super::handtekening::{Handtekening, Strokes};
use super::opslagstatus::Opslagstatus;
use super::velden::{Datum, Vinkje};
use super::vertegenwoordiging::{vertegenwoordiger_rij, Oordeel};
use crate::state::{Autosave, Edits, Findings};
use crate::{browser, ondertekenen, opslag};
use keukentafel_core::art12;
use keukentafel_core::flow::{self, field_id};
use keukentafel_core::validate::validate_withdrawal;
use keukentafel_core::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone)]
struct Original {
    record: ConsentRecord,
    hash: String,
}

#[component]
pub fn Intrekking(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let profile = crate::app::use_profile();
    let original = RwSignal::new(None::<Original>);
    let error = RwSignal::new(None::<String>);
    let w = RwSignal::new(None::<WithdrawalRecord>);
    let signed = RwSignal::new(None::<ondertekenen::Signed>);
    let busy = RwSignal::new(false);
    // Saved on every change, like a draft; a full disk or another tab's newer version is shown.
    let autosave = Autosave::new(0, false);

    // A withdrawal begun earlier on this device (before a reload, or in another tab) continues
    // where it was.
    let load = move || match opslag::load_withdrawal() {
        Some(Ok(stored)) => {
            autosave.loaded(Some(stored.rev));
            original.set(Some(Original {
                record: stored.original,
                hash: stored.original_hash,
            }));
            w.set(Some(stored.record));
            signed.set(stored.signed);
        }
        Some(Err(e)) => error.set(Some(e)),
        // Signed and closed in another tab meanwhile: nothing left to continue.
        None => {
            autosave.loaded(None);
            original.set(None);
            w.set(None);
            signed.set(None);
        }
    };
    load();
    autosave.watch(opslag::WITHDRAWAL_KEY.to_owned());
    Effect::new(move |_| {
        let (Some(o), Some(record)) = (original.get(), w.get()) else {
            return;
        };
        let signed = signed.get();
        let Some(rev) = autosave.next() else {
            return;
        };
        let stored = opslag::StoredWithdrawal {
            schema_version: keukentafel_core::model::SCHEMA_VERSION,
            rev,
            original: o.record,
            original_hash: o.hash,
            record,
            signed,
        };
        autosave.saved(rev, opslag::save_withdrawal(&stored));
    });
    // Leaving after signing ends it; leaving before keeps it for later.
    let close = move |_| {
        if signed.get_untracked().is_some() {
            opslag::clear_withdrawal();
        }
        on_close.run(());
    };

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
        original.set(None);
        w.set(None);
        signed.set(None);
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    error.set(Some("Het bestand kan niet worden gelezen.".into()));
                    return;
                }
            };
            match ondertekenen::verify(&text).await {
                Ok(imp) => match imp.document {
                    Document::Consent(record) => {
                        let wr = flow::withdrawal_of(&record, &imp.hash, browser::new_record_id(), browser::today());
                        original.set(Some(Original { record, hash: imp.hash }));
                        w.set(Some(wr));
                    }
                    _ => error.set(Some("Dit bestand is geen toestemmingsformulier; alleen toestemming kan worden ingetrokken.".into())),
                },
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let wd = Bewerking { w, signed };
    let (date_get, date_set) = bind!(wd, |x| x.date);
    let (incapable_get, incapable_set) = bind!(wd, |x| x.representation.capacity.judged_incapable);
    let findings = Memo::new(move |_| {
        wd.read(|x| profile.with_value(|p| validate_withdrawal(x, p, browser::today())))
    });
    // The field components show these findings beside their fields, as in the consent form.
    provide_context(Findings(findings));
    let n_signers = Memo::new(move |_| wd.read(|x| x.signers.len()));

    let sign = move |_| {
        let Some(record) = w.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let date = record.date.unwrap_or_else(browser::today);
            let doc = Document::Withdrawal(record);
            match ondertekenen::sign(&doc, date).await {
                Ok(s) => {
                    crate::pwa::emit("withdrawn", s.event_detail(&doc));
                    let _ = browser::download(&s.file_name, "application/jose+json", &s.jws);
                    signed.set(Some(s));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    let summary = move || {
        original.get().map(|o| {
            let lines = profile.with_value(|p| flow::summary_nl(&o.record, p));
            view! {
                <section class="kt-groep" aria-labelledby="origineel-kop">
                    <h3 id="origineel-kop">"Ondertekende toestemming (handtekening gecontroleerd)"</h3>
                    <ul data-testid="origineel">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <p class="kt-hint">{format!("Record {} · hash {}", o.record.record_id.as_str(), o.hash)}</p>
                </section>
            }
        })
    };

    let requirement = move || {
        wd.read(|x| {
            let (b, d) = (x.client.birth_date?, x.date?);
            (b <= d).then(|| {
                let (age, q) = art12::requirement(b, d, &x.representation);
                q.explain_nl(age)
            })
        })
    };
    let age16 = move || {
        wd.read(|x| Some(x.client.birth_date?.age_on(x.date?) >= 16))
            .unwrap_or(false)
    };

    let scope = move || {
        let o = original.get()?;
        let cats: Vec<SpecialCategory> = o
            .record
            .consent
            .categories
            .iter()
            .map(|c| c.category)
            .collect();
        let mut partners: Vec<String> = Vec::new();
        for c in &o.record.consent.categories {
            for p in &c.partners {
                if !partners.contains(p) {
                    partners.push(p.clone());
                }
            }
        }
        let whole = Signal::derive(move || wd.read(|x| x.scope.whole));
        Some(view! {
            <fieldset class="kt-groep">
                <legend>"Wat wordt ingetrokken?"</legend>
                <label class="kt-keuze" for="intrekken-alles">
                    <input type="checkbox" id="intrekken-alles" prop:checked=move || whole.get()
                        on:change=move |ev| { let v = event_target_checked(&ev); wd.edit(move |x| x.scope.whole = v); } />
                    <span>"De hele toestemming"</span>
                </label>
                <Show when=move || !whole.get()>
                    <div class="kt-ingesprongen">
                        {cats.iter().map(|c| {
                            let c = *c;
                            let id = format!("intrekken-{}", c.slug());
                            let for_id = id.clone();
                            view! {
                                <label class="kt-keuze" for=for_id>
                                    <input type="checkbox" id=id
                                        prop:checked=move || wd.read(|x| x.scope.categories.contains(&c))
                                        on:change=move |ev| { let v = event_target_checked(&ev); wd.edit(move |x| {
                                            x.scope.categories.retain(|k| *k != c);
                                            if v { x.scope.categories.push(c); }
                                        }); } />
                                    <span>{format!("Gegevens over {}", c.label_nl())}</span>
                                </label>
                            }
                        }).collect_view()}
                        <p class="kt-hint">"Niet meer delen met:"</p>
                        <div class="kt-chips">
                            {partners.iter().map(|p| {
                                let (id1, id2) = (p.clone(), p.clone());
                                let name = profile.with_value(|pr| pr.partner_name(p).to_owned());
                                view! {
                                    <button type="button" class="kt-chip" data-partner=p.clone()
                                        aria-pressed=move || if wd.read(|x| x.scope.partners.contains(&id1)) { "true" } else { "false" }
                                        on:click=move |_| { let id = id2.clone(); wd.edit(move |x| {
                                            if let Some(i) = x.scope.partners.iter().position(|q| *q == id) { x.scope.partners.remove(i); } else { x.scope.partners.push(id); }
                                        }); }>{name}</button>
                                }
                            }).collect_view()}
                        </div>
                    </div>
                </Show>
            </fieldset>
        })
    };

    // Who represents the client on the withdrawal date: taken over from the consent, and
    // changeable here (a mentor appointed since, a parent who no longer has authority).
    let requirement_kind = Memo::new(move |_| {
        wd.read(|x| match (x.client.birth_date, x.date) {
            (Some(b), Some(d)) if b <= d => Some(art12::requirement(b, d, &x.representation).1),
            _ => None,
        })
    });
    let needs_reps = move || {
        requirement_kind
            .get()
            .is_some_and(|q| q != art12::Requirement::ClientAlone)
    };
    let chain = move || requirement_kind.get() == Some(art12::Requirement::Chain);
    let n_reps = Memo::new(move |_| wd.read(|x| x.representation.representatives.len()));
    let representatives = move || {
        (0..n_reps.get())
            .map(|i| {
                vertegenwoordiger_rij(wd, i, Signal::derive(chain), "intrekken-vertegenwoordiger")
            })
            .collect_view()
    };

    let pads = move || {
        (0..n_signers.get()).map(|i| {
            let who = move || wd.read(|x| x.signers.get(i).map(|s| flow::Person { name: s.name.clone(), role: s.role, relationship: s.relationship }.label_nl()).unwrap_or_default());
            let (strokes, set) = wd.bind_part(i, |x, i| x.signers.get(i), |x, i| x.signers.get_mut(i),
                |s| s.signature.strokes.clone(), |s, v: Strokes| s.signature.strokes = v);
            view! {
                <div class="kt-ondertekenaar" data-testid="ondertekenaar">
                    <h4>{move || format!("Handtekening van {}", who())}</h4>
                    <Handtekening id=field_id(&format!("signers[{i}].signature")) label=who() strokes=strokes set=set />
                </div>
            }
        }).collect_view()
    };

    view! {
        <main class="kt-main" id="inhoud">
            <h2>"Toestemming intrekken (art. 4 lid 6)"</h2>
            <p class="kt-lead">"De cliënt kan toestemming op elk moment intrekken. Open het ondertekende bestand van die toestemming."</p>
            <div class="kt-veld">
                <label for="intrekken-bestand">"Ondertekend toestemmingsbestand (.jws.json)"</label>
                <input type="file" id="intrekken-bestand" accept=".json,application/json,application/jose+json" on:change=on_file />
            </div>
            {move || error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert" data-testid="intrekken-fout">{e}</p> })}
            {summary}
            <Show when=move || w.with(|x| x.is_some()) && signed.get().is_none()>
                <Datum label="Datum van intrekking" path="date"
                    get=date_get set=date_set />
                {scope}
                <p class="kt-uitkomst" data-testid="intrekken-wie" role="status">{move || requirement().unwrap_or_else(|| "Vul de datum van intrekking in.".into())}</p>
                <Show when=age16>
                    <Vinkje id="intrekken-onbekwaam"
                        label="De cliënt is niet in staat zijn belangen hierbij te overzien (art. 12 lid 2)"
                        get=incapable_get set=incapable_set />
                    <Show when=move || incapable_get.get()>
                        {
                            let (reason_get, reason_set) = bind!(wd, |x| x.representation.capacity.reason);
                            let (by_get, by_set) = bind!(wd, |x| x.representation.capacity.judged_by);
                            view! { <Oordeel reason_get=reason_get reason_set=reason_set by_get=by_get by_set=by_set /> }
                        }
                    </Show>
                </Show>
                <Show when=needs_reps>
                    <section class="kt-groep" aria-labelledby="intrekken-vert-kop">
                        <h3 id="intrekken-vert-kop">"Vertegenwoordigers op de datum van intrekking"</h3>
                        <p class="kt-hint">"Overgenomen uit de toestemming. Pas aan wat sindsdien is veranderd, bijvoorbeeld een mentor die sindsdien is benoemd."</p>
                        {representatives}
                        <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekken-vertegenwoordiger-toevoegen"
                            on:click=move |_| wd.edit(|x| x.representation.representatives.push(Representative::default()))>
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
                    {move || {
                        let f = findings.get();
                        if f.is_empty() {
                            view! { <p class="kt-status-ok" data-testid="intrekken-compleet">"De intrekking is compleet."</p> }.into_any()
                        } else {
                            view! { <ul class="kt-bevindingen" data-testid="intrekken-bevindingen">{f.into_iter().map(|x| view! {
                                <li class="kt-bevinding kt-bevinding--fout" data-code=x.code.as_str()><span>{format!("{} ({}): {}", x.code.as_str(), x.article, x.message)}</span></li>
                            }).collect_view()}</ul> }.into_any()
                        }
                    }}
                    <button type="button" class="kt-knop kt-knop--groot" data-testid="intrekking-ondertekenen"
                        disabled=move || busy.get() || findings.with(|f| f.iter().any(|x| x.is_error()))
                        on:click=sign>"Intrekking ondertekenen en exporteren"</button>
                </section>
            </Show>
            {move || signed.get().map(|s| view! {
                <section class="kt-groep">
                    <p class="kt-status-ok" role="status" data-testid="intrekking-klaar">{format!("Intrekking ondertekend en opgeslagen als {}.", s.file_name)}</p>
                </section>
            })}
            <Opslagstatus state=autosave.state wat="Intrekking" dit="Deze intrekking" on_reload=move |_| load() />
            <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekken-terug" on:click=close>"Terug naar het overzicht"</button>
        </main>
    }
}

/// The withdrawal being recorded: none until a consent file is opened; frozen once signed.
#[derive(Clone, Copy)]
struct Bewerking {
    w: RwSignal<Option<WithdrawalRecord>>,
    signed: RwSignal<Option<ondertekenen::Signed>>,
}

impl Edits<WithdrawalRecord> for Bewerking {
    fn read<T: Default>(&self, f: impl FnOnce(&WithdrawalRecord) -> T) -> T {
        self.w.with(|x| x.as_ref().map(f).unwrap_or_default())
    }

    fn edit(&self, f: impl FnOnce(&mut WithdrawalRecord)) {
        if self.signed.get_untracked().is_some() {
            return;
        }
        self.w.update(|x| {
            if let Some(x) = x {
                f(x);
                flow::normalize_withdrawal(x);
            }
        })
    }
}
