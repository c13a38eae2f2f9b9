//! Stap 2 — Vertegenwoordiging (art. 12): the age band in words, the capacity judgement for
//! 16+, the representatives (and the chain for a client judged incapable), art. 12 lid 3. The
//! representative row and the grounds of a judgement are shared with the withdrawal.

use crate::bind;
use crate::bind_part;
use crate::components::widgets::keuze::{Keuzelijst, Keuzerondjes};
use crate::components::widgets::velden::{Datum, Meldingen, Tekst, Vinkje};
use crate::editor::{use_form, Edits};
use keukentafel_core::art12::{self, Requirement};
use keukentafel_core::paths;
use keukentafel_core::*;
use leptos::prelude::*;

fn representative<R: Represented>(r: &R, i: usize) -> Option<&Representative> {
    r.representation().representatives.get(i)
}
fn representative_mut<R: Represented>(r: &mut R, i: usize) -> Option<&mut Representative> {
    r.representation_mut().representatives.get_mut(i)
}
fn restriction(r: &ConsentRecord, i: usize) -> Option<&Restriction> {
    r.representation.restrictions.get(i)
}
fn restriction_mut(r: &mut ConsentRecord, i: usize) -> Option<&mut Restriction> {
    r.representation.restrictions.get_mut(i)
}

#[component]
pub fn Vertegenwoordiging() -> impl IntoView {
    let form = use_form();
    // Art. 12 on the date of the written consent (the record's band), as the core derives it.
    let requirement = Memo::new(move |_| {
        form.read(|r| match (r.client.birth_date, r.age_band_date()) {
            (Some(b), Some(d)) if b <= d => Some(art12::requirement(b, d, &r.representation)),
            _ => None,
        })
    });
    let age16 = move || requirement.get().is_some_and(|(age, _)| age >= 16);
    let needs_reps = move || {
        requirement
            .get()
            .is_some_and(|(_, q)| q != Requirement::ClientAlone)
    };
    let chain = move || {
        requirement
            .get()
            .is_some_and(|(_, q)| q == Requirement::Chain)
    };
    let explanation = move || {
        match requirement.get() {
        Some((age, q)) => q.explain_nl(age),
        None => "Vul eerst de datum van het gesprek en de geboortedatum van de cliënt in (stap 1); daarvan hangt af wie beslist.".to_owned(),
    }
    };

    view! {
        <p class="kt-uitkomst" data-testid="leeftijd-uitleg" role="status">{explanation}</p>
        <Show when=age16>
            <Capaciteit />
        </Show>
        <Show when=needs_reps>
            <Vertegenwoordigers chain=Signal::derive(chain) />
        </Show>
        <Show when=chain>
            <Volgorde />
        </Show>
        <Show when=needs_reps>
            <Beperkingen />
        </Show>
    }
}

/// The grounds of a judgement that the client cannot oversee his interests (art. 12 lid 2): why,
/// and who judged. In the consent form and in a withdrawal.
#[component]
pub fn Oordeel(
    reason_get: Signal<String>,
    reason_set: Callback<String>,
    by_get: Signal<String>,
    by_set: Callback<String>,
) -> impl IntoView {
    view! {
        <Tekst label="Waarom is de cliënt niet in staat?" path=paths::CAPACITY_REASON get=reason_get set=reason_set multiline=true />
        <Tekst label="Wie heeft dit beoordeeld?" path=paths::CAPACITY_JUDGED_BY get=by_get set=by_set hint="Naam en functie" />
    }
}

/// Art. 12 lid 2: can the client of 16+ oversee his interests?
#[component]
fn Capaciteit() -> impl IntoView {
    let form = use_form();
    let judged = Signal::derive(move || {
        Some(CapacityJudgement::of(
            form.read(|r| r.representation.capacity.judged_incapable),
        ))
    });
    let judge = Callback::new(move |j: Option<CapacityJudgement>| {
        form.edit(|r| r.judge_capacity(j == Some(CapacityJudgement::Incapable)))
    });
    let (reason_get, reason_set) = bind!(form, |r| r.representation.capacity.reason);
    let (by_get, by_set) = bind!(form, |r| r.representation.capacity.judged_by);
    let (date_get, date_set) = bind!(form, |r| r.representation.capacity.date);
    view! {
        <Keuzerondjes legend="Kan de cliënt zijn belangen hierbij redelijk overzien?" name="capaciteit" get=judged set=judge />
        <Show when=move || judged.get() == Some(CapacityJudgement::Incapable)>
            <div class="kt-groep">
                <Oordeel reason_get=reason_get reason_set=reason_set by_get=by_get by_set=by_set />
                <Datum label="Datum van het oordeel" path=paths::CAPACITY_DATE get=date_get set=date_set />
            </div>
        </Show>
    }
}

#[component]
fn Vertegenwoordigers(chain: Signal<bool>) -> impl IntoView {
    let form = use_form();
    let n = Memo::new(move |_| form.read(|r| r.representation.representatives.len()));
    let removed = RwSignal::new(None);
    let rows = move || {
        (0..n.get())
            .map(|i| vertegenwoordiger_rij(form, i, chain, "vertegenwoordiger", removed))
            .collect_view()
    };
    view! {
        <fieldset class="kt-groep">
            <legend>"Vertegenwoordigers"</legend>
            <p class="kt-hint">{move || if chain.get() {
                "Volgorde (art. 12 lid 2): eerst de wettelijk vertegenwoordiger (curator, mentor); zonder die de echtgenoot, geregistreerd partner of levensgezel; als die er niet is of niet wil: een ouder, meerderjarige broer of zus of meerderjarig kind."
            } else {
                "Ouders met gezag of de voogd. Hebben twee ouders gezag, vul dan beiden in: beiden tekenen."
            }}</p>
            {rows}
            {ongedaan_maken(form, removed)}
            <Meldingen path=paths::REPRESENTATIVES />
            <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| r.representation.add_representative())>
                "Vertegenwoordiger toevoegen"
            </button>
        </fieldset>
    }
}

/// The last representative removed from a list and where they were, for "Ongedaan maken".
pub type Removed = RwSignal<Option<(usize, Representative)>>;

/// The row of representative `i` of a record being edited (the consent form, a withdrawal):
/// name, role (the roles of a minor's legal representatives, or all when the art. 12 lid 2
/// chain applies), and removing it (kept in `removed` for undo).
pub fn vertegenwoordiger_rij<R: Represented>(
    ed: impl Edits<R>,
    i: usize,
    chain: Signal<bool>,
    testid: &'static str,
    removed: Removed,
) -> impl IntoView {
    let (name_get, name_set) = bind_part!(ed, i, representative, representative_mut, |x| x.name);
    let (role_get, role_set) = ed.bind_part(
        i,
        representative,
        representative_mut,
        |x| x.role,
        |x, v| x.role = v,
    );
    let roles = Signal::derive(move || {
        RepresentativeRole::ALL
            .into_iter()
            .filter(|r| chain.get() || r.is_legal_representative_of_minor())
            .collect::<Vec<_>>()
    });
    let p = paths::representative(i);
    view! {
        <div class="kt-rij" data-testid=testid>
            <Tekst label=format!("Naam vertegenwoordiger {}", i + 1) path=p.name() get=name_get set=name_set />
            <Keuzelijst label=format!("Rol van vertegenwoordiger {}", i + 1) path=p.role()
                get=role_get set=role_set choices=roles />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| {
                let mut gone = None;
                ed.edit(|r| gone = r.representation_mut().remove_representative(i));
                removed.set(gone.map(|g| (i, g)));
            }>
                {format!("Verwijder vertegenwoordiger {}", i + 1)}
            </button>
        </div>
    }
}

/// After a removal: who was removed, and "Ongedaan maken" to put them back where they were.
pub fn ongedaan_maken<R: Represented>(ed: impl Edits<R>, removed: Removed) -> impl IntoView {
    move || {
        removed.get().map(|(i, rep)| {
            let name = if rep.name.trim().is_empty() {
                format!("Vertegenwoordiger {}", i + 1)
            } else {
                keukentafel_core::text::isolate(rep.name.trim()).into_owned()
            };
            view! {
                <p class="kt-bevestig" role="status" data-testid="vertegenwoordiger-verwijderd">
                    <span>{format!("{name} is verwijderd.")}</span>
                    <button type="button" class="kt-knop kt-knop--klein" data-testid="ongedaan-maken" on:click=move |_| {
                        if let Some((i, rep)) = removed.get_untracked() {
                            ed.edit(|r| r.representation_mut().restore_representative(i, rep));
                        }
                        removed.set(None);
                    }>"Ongedaan maken"</button>
                </p>
            }
        })
    }
}

/// Recorded facts that allow skipping a step of the art. 12 lid 2 chain.
#[component]
fn Volgorde() -> impl IntoView {
    view! {
        <fieldset class="kt-groep">
            <legend>"Volgorde van vertegenwoordigers (art. 12 lid 2)"</legend>
            <StapOverslaan step=ChainStep::LegalRepresentative slug="wettelijk"
                label="Er is geen wettelijk vertegenwoordiger (curator, mentor), of die wil niet beslissen" />
            <StapOverslaan step=ChainStep::Partner slug="partner"
                label="Er is geen echtgenoot, geregistreerd partner of levensgezel, of die wil niet beslissen" />
        </fieldset>
    }
}

#[component]
fn StapOverslaan(step: ChainStep, slug: &'static str, label: &'static str) -> impl IntoView {
    let form = use_form();
    let fact =
        Signal::derive(move || form.read(|r| r.representation.chain_fact(step).map(|f| f.fact)));
    let on = Signal::derive(move || fact.get().is_some());
    let set_on = Callback::new(move |v: bool| {
        form.edit(|r| {
            r.representation
                .set_chain_fact(step, v.then_some(ChainFactKind::Absent))
        })
    });
    let set_kind = Callback::new(move |k: Option<ChainFactKind>| {
        if k.is_some() {
            form.edit(|r| r.representation.set_chain_fact(step, k))
        }
    });
    let note_get = Signal::derive(move || {
        form.read(|r| r.representation.chain_fact(step).map(|f| f.note.clone()))
            .unwrap_or_default()
    });
    let note_set = Callback::new(move |v: String| {
        form.edit(|r| {
            if let Some(f) = r.representation.chain_fact_mut(step) {
                f.note = v;
            }
        })
    });
    let index = move || {
        form.read(|r| {
            r.representation
                .chain_facts
                .iter()
                .position(|f| f.step == step)
        })
        .unwrap_or(0)
    };
    view! {
        <Vinkje label=label id=format!("overslaan-{slug}") get=on set=set_on />
        <Show when=move || on.get()>
            <div class="kt-ingesprongen">
                <Keuzerondjes legend="Wat is het geval?" name=if slug == "wettelijk" { "feit-wettelijk" } else { "feit-partner" }
                    get=fact set=set_kind />
                {move || view! {
                    <Tekst label="Toelichting" path=paths::chain_fact(index()).note() get=note_get set=note_set />
                }}
            </div>
        </Show>
    }
}

/// Art. 12 lid 3: the partner limits or refuses a representative.
#[component]
fn Beperkingen() -> impl IntoView {
    let form = use_form();
    let n = Memo::new(move |_| form.read(|r| r.representation.restrictions.len()));
    let rows = move || {
        (0..n.get())
            .map(|i| view! { <Beperking index=i /> })
            .collect_view()
    };
    view! {
        <fieldset class="kt-groep">
            <legend>"Beperking van een vertegenwoordiger (art. 12 lid 3)"</legend>
            <p class="kt-hint">"Alleen als zwaarwegende belangen van de cliënt zich verzetten tegen het optreden van een vertegenwoordiger."</p>
            {rows}
            <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| r.representation.add_restriction())>"Beperking toevoegen"</button>
        </fieldset>
    }
}

#[component]
fn Beperking(index: usize) -> impl IntoView {
    let form = use_form();
    let i = index;
    let p = paths::restriction(i);
    // The representative concerned is chosen from those listed, so the name always matches.
    let names = Signal::derive(move || {
        form.read(|r| {
            r.representation
                .representatives
                .iter()
                .map(|x| x.name.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let (who_get, who_set) =
        bind_part!(form, i, restriction, restriction_mut, |x| x.representative);
    let (reason_get, reason_set) = bind_part!(form, i, restriction, restriction_mut, |x| x.reason);
    let (kind_get, kind_set) = form.bind_part(
        i,
        restriction,
        restriction_mut,
        |x| Some(x.kind),
        |x, v: Option<RestrictionKind>| {
            if let Some(k) = v {
                x.kind = k
            }
        },
    );
    let who_id = keukentafel_core::flow::field_id(&p.representative());
    let who_path = p.representative();
    view! {
        <div class="kt-rij">
            <div class="kt-veld">
                <label for=who_id.clone()>"Welke vertegenwoordiger?"</label>
                <select id=who_id aria-describedby=format!("{}-meldingen", keukentafel_core::flow::field_id(&who_path))
                    prop:value=move || who_get.get()
                    on:change=move |ev| who_set.run(event_target_value(&ev))>
                    <option value="">"— kies —"</option>
                    {move || names.get().into_iter().map(|n| {
                        let v = n.clone();
                        view! { <option value=v.clone() selected=move || same(&who_get.get(), &v)>{n}</option> }
                    }).collect_view()}
                </select>
                <Meldingen path=who_path />
            </div>
            <Keuzelijst label="Wat geldt" path=p.kind() get=kind_get set=kind_set />
            <Tekst label="Reden (zwaarwegende belangen van de cliënt)" path=p.reason() get=reason_get set=reason_set multiline=true />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| form.edit(|r| r.representation.remove_restriction(i))>"Verwijder beperking"</button>
        </div>
    }
}

fn same(a: &str, b: &str) -> bool {
    keukentafel_core::person::same_name(a, b)
}
