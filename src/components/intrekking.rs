//! Intrekking (art. 4 lid 6): import a signed consent file, verify it, and record a withdrawal —
//! whole, or for some categories and partners — signed by whoever art. 12 entitles on the
//! withdrawal date, exported in the same signed format.

use super::ander_tabblad::AnderTabblad;
use super::handtekening::{Handtekening, Strokes};
use super::velden::{Datum, Vinkje};
use super::vertegenwoordiging::{Oordeel, VertegenwoordigerVelden};
use crate::state::Findings;
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
    // Saving failed (storage full or refused): the screen works on in memory and says so.
    let save_error = RwSignal::new(None::<String>);
    // Another tab saved a newer version: this one stops saving until that version is loaded.
    let conflict = RwSignal::new(false);
    // The revision last saved or loaded here, and whether the next change notice is only the
    // load itself (nothing to save).
    let rev = StoredValue::new(0u64);
    let just_loaded = StoredValue::new(false);

    // A withdrawal begun earlier on this device (before a reload, or in another tab) continues
    // where it was.
    let load = move || match opslag::load_withdrawal() {
        Some(Ok(stored)) => {
            rev.set_value(stored.rev);
            just_loaded.set_value(true);
            original.set(Some(Original {
                record: stored.original,
                hash: stored.original_hash,
            }));
            w.set(Some(stored.record));
            signed.set(stored.signed);
            conflict.set(false);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    };
    load();
    // Saved on every change, like a draft.
    Effect::new(move |_| {
        let (Some(o), Some(record)) = (original.get(), w.get()) else {
            return;
        };
        let signed = signed.get();
        if std::mem::take(&mut *just_loaded.write_value()) || conflict.get_untracked() {
            return;
        }
        let stored = opslag::StoredWithdrawal {
            schema_version: keukentafel_core::model::SCHEMA_VERSION,
            rev: rev.get_value() + 1,
            original: o.record,
            original_hash: o.hash,
            record,
            signed,
        };
        match opslag::save_withdrawal(&stored) {
            Ok(()) => {
                rev.set_value(stored.rev);
                save_error.set(None);
            }
            Err(opslag::SaveError::Conflict) => conflict.set(true),
            Err(opslag::SaveError::Storage(e)) => save_error.set(Some(e)),
        }
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

    let edit = move |f: Box<dyn FnOnce(&mut WithdrawalRecord)>| {
        w.update(|x| {
            if let Some(x) = x {
                f(x);
                flow::normalize_withdrawal(x);
            }
        })
    };
    let findings = Memo::new(move |_| {
        w.with(|x| {
            x.as_ref()
                .map(|x| profile.with_value(|p| validate_withdrawal(x, p, browser::today())))
                .unwrap_or_default()
        })
    });
    // The field components show these findings beside their fields, as in the consent form.
    provide_context(Findings(findings));
    let n_signers = Memo::new(move |_| w.with(|x| x.as_ref().map_or(0, |x| x.signers.len())));
    // A text field of the withdrawal record (empty while there is none).
    let text = move |get: fn(&WithdrawalRecord) -> String,
                     set: fn(&mut WithdrawalRecord, String)| {
        (
            Signal::derive(move || w.with(|x| x.as_ref().map(get).unwrap_or_default())),
            Callback::new(move |v: String| edit(Box::new(move |x| set(x, v)))),
        )
    };

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
        w.with(|x| {
            let x = x.as_ref()?;
            let (b, d) = (x.client.birth_date?, x.date?);
            (b <= d).then(|| {
                let (age, q) = art12::requirement(b, d, &x.representation);
                q.explain_nl(age)
            })
        })
    };
    let age16 = move || {
        w.with(|x| {
            x.as_ref()
                .and_then(|x| Some(x.client.birth_date?.age_on(x.date?) >= 16))
                .unwrap_or(false)
        })
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
        let whole = Signal::derive(move || w.with(|x| x.as_ref().is_some_and(|x| x.scope.whole)));
        Some(view! {
            <fieldset class="kt-groep">
                <legend>"Wat wordt ingetrokken?"</legend>
                <label class="kt-keuze" for="intrekken-alles">
                    <input type="checkbox" id="intrekken-alles" prop:checked=move || whole.get()
                        on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |x| x.scope.whole = v)); } />
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
                                        prop:checked=move || w.with(|x| x.as_ref().is_some_and(|x| x.scope.categories.contains(&c)))
                                        on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |x| {
                                            x.scope.categories.retain(|k| *k != c);
                                            if v { x.scope.categories.push(c); }
                                        })); } />
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
                                        aria-pressed=move || if w.with(|x| x.as_ref().is_some_and(|x| x.scope.partners.contains(&id1))) { "true" } else { "false" }
                                        on:click=move |_| { let id = id2.clone(); edit(Box::new(move |x| {
                                            if let Some(i) = x.scope.partners.iter().position(|q| *q == id) { x.scope.partners.remove(i); } else { x.scope.partners.push(id); }
                                        })); }>{name}</button>
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
        w.with(|x| {
            let x = x.as_ref()?;
            match (x.client.birth_date, x.date) {
                (Some(b), Some(d)) if b <= d => Some(art12::requirement(b, d, &x.representation).1),
                _ => None,
            }
        })
    });
    let needs_reps = move || {
        requirement_kind
            .get()
            .is_some_and(|q| q != art12::Requirement::ClientAlone)
    };
    let chain = move || requirement_kind.get() == Some(art12::Requirement::Chain);
    let n_reps = Memo::new(move |_| {
        w.with(|x| {
            x.as_ref()
                .map_or(0, |x| x.representation.representatives.len())
        })
    });
    let representatives = move || {
        (0..n_reps.get())
            .map(|i| {
                let remove = Callback::new(move |_| {
                    edit(Box::new(move |x| {
                        if i < x.representation.representatives.len() {
                            x.representation.representatives.remove(i);
                        }
                    }))
                });
                view! {
                    <VertegenwoordigerVelden index=i chain=Signal::derive(chain)
                        name_get=rep_field(w, i, |r| r.name.clone()) name_set=rep_set(edit, i, |r, v| r.name = v)
                        role_get=rep_field(w, i, |r| r.role) role_set=rep_set(edit, i, |r, v| r.role = v)
                        on_remove=remove testid="intrekken-vertegenwoordiger" />
                }
            })
            .collect_view()
    };

    let pads = move || {
        (0..n_signers.get()).map(|i| {
            let who = move || w.with(|x| x.as_ref().and_then(|x| x.signers.get(i)).map(|s| flow::Person { name: s.name.clone(), role: s.role, relationship: s.relationship }.label_nl()).unwrap_or_default());
            let strokes = Signal::derive(move || w.with(|x| x.as_ref().and_then(|x| x.signers.get(i)).map(|s| s.signature.strokes.clone()).unwrap_or_default()));
            let set = Callback::new(move |v: Strokes| edit(Box::new(move |x| if let Some(s) = x.signers.get_mut(i) { s.signature.strokes = v; })));
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
            {move || save_error.get().map(|e| view! { <p class="kt-opslag-fout" role="alert" data-testid="intrekken-opslag-fout">{e}</p> })}
            <Show when=move || conflict.get()>
                <p role="alert"><AnderTabblad wat="Deze intrekking" testid="intrekken-conflict" on_reload=move |_| load() /></p>
            </Show>
            {summary}
            <Show when=move || w.with(|x| x.is_some()) && signed.get().is_none()>
                <Datum label="Datum van intrekking" path="date"
                    get=Signal::derive(move || w.with(|x| x.as_ref().and_then(|x| x.date)))
                    set=Callback::new(move |d: Option<Date>| edit(Box::new(move |x| x.date = d))) />
                {scope}
                <p class="kt-uitkomst" data-testid="intrekken-wie" role="status">{move || requirement().unwrap_or_else(|| "Vul de datum van intrekking in.".into())}</p>
                <Show when=age16>
                    <Vinkje id="intrekken-onbekwaam"
                        label="De cliënt is niet in staat zijn belangen hierbij te overzien (art. 12 lid 2)"
                        get=Signal::derive(move || w.with(|x| x.as_ref().is_some_and(|x| x.representation.capacity.judged_incapable)))
                        set=Callback::new(move |v: bool| edit(Box::new(move |x| x.representation.capacity.judged_incapable = v))) />
                    <Show when=move || w.with(|x| x.as_ref().is_some_and(|x| x.representation.capacity.judged_incapable))>
                        {
                            let (reason_get, reason_set) = text(|x| x.representation.capacity.reason.clone(), |x, v| x.representation.capacity.reason = v);
                            let (by_get, by_set) = text(|x| x.representation.capacity.judged_by.clone(), |x, v| x.representation.capacity.judged_by = v);
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
                            on:click=move |_| edit(Box::new(|x| x.representation.representatives.push(Representative::default())))>
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
            <button type="button" class="kt-knop kt-knop--klein" data-testid="intrekken-terug" on:click=close>"Terug naar het overzicht"</button>
        </main>
    }
}

/// One field of representative `i` of the withdrawal (absent meanwhile: the default).
fn rep_field<V: Clone + Default + Send + Sync + 'static>(
    w: RwSignal<Option<WithdrawalRecord>>,
    i: usize,
    get: fn(&Representative) -> V,
) -> Signal<V> {
    Signal::derive(move || {
        w.with(|x| {
            x.as_ref()
                .and_then(|x| x.representation.representatives.get(i))
                .map(get)
                .unwrap_or_default()
        })
    })
}

/// Sets one field of representative `i` (absent meanwhile: nothing happens).
fn rep_set<V: Send + Sync + 'static>(
    edit: impl Fn(Box<dyn FnOnce(&mut WithdrawalRecord)>) + Send + Sync + 'static,
    i: usize,
    set: fn(&mut Representative, V),
) -> Callback<V> {
    Callback::new(move |v| {
        edit(Box::new(move |x| {
            if let Some(r) = x.representation.representatives.get_mut(i) {
                set(r, v);
            }
        }))
    })
}
