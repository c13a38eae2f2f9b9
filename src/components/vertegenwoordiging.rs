//! Stap 2 — Vertegenwoordiging (art. 12): the age band in words, the capacity judgement for
//! 16+, the representatives (and the chain for a client judged incapable), art. 12 lid 3.

use super::velden::{Datum, Keuzelijst, Meldingen, Radio, Tekst, Vinkje};
use crate::state::{use_form, Edits};
use keukentafel_core::art12::{self, Requirement};
use keukentafel_core::*;
use leptos::prelude::*;

/// A record that says who represents the client: the consent, and a withdrawal of it (whose
/// representatives are those on the withdrawal date).
pub(crate) trait Vertegenwoordigd: 'static {
    fn representation(&self) -> &Representation;
    fn representation_mut(&mut self) -> &mut Representation;
}

impl Vertegenwoordigd for ConsentRecord {
    fn representation(&self) -> &Representation {
        &self.representation
    }
    fn representation_mut(&mut self) -> &mut Representation {
        &mut self.representation
    }
}

impl Vertegenwoordigd for WithdrawalRecord {
    fn representation(&self) -> &Representation {
        &self.representation
    }
    fn representation_mut(&mut self) -> &mut Representation {
        &mut self.representation
    }
}

fn representative<R: Vertegenwoordigd>(r: &R, i: usize) -> Option<&Representative> {
    r.representation().representatives.get(i)
}
fn representative_mut<R: Vertegenwoordigd>(r: &mut R, i: usize) -> Option<&mut Representative> {
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
    let requirement = Memo::new(move |_| {
        form.record
            .with(|r| match (r.client.birth_date, r.conversation_date) {
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
pub(crate) fn Oordeel(
    reason_get: Signal<String>,
    reason_set: Callback<String>,
    by_get: Signal<String>,
    by_set: Callback<String>,
) -> impl IntoView {
    view! {
        <Tekst label="Waarom is de cliënt niet in staat?" path="representation.capacity.reason" get=reason_get set=reason_set multiline=true />
        <Tekst label="Wie heeft dit beoordeeld?" path="representation.capacity.judgedBy" get=by_get set=by_set hint="Naam en functie" />
    }
}

/// Art. 12 lid 2: can the client of 16+ oversee his interests?
#[component]
fn Capaciteit() -> impl IntoView {
    let form = use_form();
    let incapable = Signal::derive(move || {
        form.record
            .with(|r| r.representation.capacity.judged_incapable)
    });
    let (reason_get, reason_set) = super::bind!(form, |r| r.representation.capacity.reason);
    let (by_get, by_set) = super::bind!(form, |r| r.representation.capacity.judged_by);
    let (date_get, date_set) = super::bind!(form, |r| r.representation.capacity.date);
    view! {
        <fieldset class="kt-groep">
            <legend>"Kan de cliënt zijn belangen hierbij redelijk overzien?"</legend>
            <Radio label="Ja: de cliënt beslist en tekent zelf" name="capaciteit" id="capaciteit-ja"
                checked=Signal::derive(move || !incapable.get())
                on_pick=move |_| form.edit(|r| r.representation.capacity.judged_incapable = false) />
            <Radio label="Nee: niet in staat tot een redelijke waardering van zijn belangen (art. 12 lid 2)" name="capaciteit" id="capaciteit-nee"
                checked=incapable
                on_pick=move |_| form.edit(|r| {
                    r.representation.capacity.judged_incapable = true;
                    if r.representation.capacity.date.is_none() {
                        r.representation.capacity.date = r.conversation_date;
                    }
                }) />
            <Show when=move || incapable.get()>
                <Oordeel reason_get=reason_get reason_set=reason_set by_get=by_get by_set=by_set />
                <Datum label="Datum van het oordeel" path="representation.capacity.date" get=date_get set=date_set />
            </Show>
        </fieldset>
    }
}

#[component]
fn Vertegenwoordigers(chain: Signal<bool>) -> impl IntoView {
    let form = use_form();
    let n = Memo::new(move |_| form.record.with(|r| r.representation.representatives.len()));
    let rows = move || {
        (0..n.get())
            .map(|i| vertegenwoordiger_rij(form, i, chain, "vertegenwoordiger"))
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
            <Meldingen path="representation.representatives" />
            <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| {
                r.representation.representatives.push(Representative::default());
            })>"Vertegenwoordiger toevoegen"</button>
        </fieldset>
    }
}

/// The row of representative `i` of a record being edited (the consent form, a withdrawal).
pub(crate) fn vertegenwoordiger_rij<R: Vertegenwoordigd>(
    ed: impl Edits<R>,
    i: usize,
    chain: Signal<bool>,
    testid: &'static str,
) -> impl IntoView {
    let (name_get, name_set) = ed.bind_part(
        i,
        representative,
        representative_mut,
        |x| x.name.clone(),
        |x, v| x.name = v,
    );
    let (role_get, role_set) = ed.bind_part(
        i,
        representative,
        representative_mut,
        |x| x.role,
        |x, v| x.role = v,
    );
    let remove = Callback::new(move |_| {
        ed.edit(|r| {
            let reps = &mut r.representation_mut().representatives;
            if i < reps.len() {
                reps.remove(i);
            }
        })
    });
    view! {
        <VertegenwoordigerVelden index=i chain=chain name_get=name_get name_set=name_set
            role_get=role_get role_set=role_set on_remove=remove testid=testid />
    }
}

/// Name, role and a remove button for representative `index` (at `representation.
/// representatives[index]` of the record).
/// The roles offered are those of a minor's legal representatives, or all when the art. 12
/// lid 2 chain applies.
#[component]
fn VertegenwoordigerVelden(
    index: usize,
    chain: Signal<bool>,
    name_get: Signal<String>,
    name_set: Callback<String>,
    role_get: Signal<Option<RepresentativeRole>>,
    role_set: Callback<Option<RepresentativeRole>>,
    on_remove: Callback<()>,
    testid: &'static str,
) -> impl IntoView {
    let i = index;
    let role_value_get = Signal::derive(move || {
        role_get
            .get()
            .map(RepresentativeRole::key)
            .unwrap_or("")
            .to_owned()
    });
    let role_value_set =
        Callback::new(move |v: String| role_set.run(RepresentativeRole::from_key(&v)));
    let options = move || {
        RepresentativeRole::ALL
            .into_iter()
            .filter(|r| chain.get() || r.is_legal_representative_of_minor())
            .map(|r| (r.key(), r.label_nl()))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="kt-rij" data-testid=testid>
            <Tekst label=format!("Naam vertegenwoordiger {}", i + 1) path=format!("representation.representatives[{i}].name") get=name_get set=name_set />
            {move || view! {
                <Keuzelijst label=format!("Rol van vertegenwoordiger {}", i + 1) path=format!("representation.representatives[{i}].role")
                    options=options() get=role_value_get set=role_value_set />
            }}
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| on_remove.run(())>
                {format!("Verwijder vertegenwoordiger {}", i + 1)}
            </button>
        </div>
    }
}

/// Recorded facts that allow skipping a step of the art. 12 lid 2 chain.
#[component]
fn Volgorde() -> impl IntoView {
    view! {
        <fieldset class="kt-groep">
            <legend>"Volgorde van vertegenwoordigers (art. 12 lid 2)"</legend>
            <StapOverslaan step=ChainStep::LegalRepresentative
                label="Er is geen wettelijk vertegenwoordiger (curator, mentor), of die wil niet beslissen" />
            <StapOverslaan step=ChainStep::Partner
                label="Er is geen echtgenoot, geregistreerd partner of levensgezel, of die wil niet beslissen" />
        </fieldset>
    }
}

#[component]
fn StapOverslaan(step: ChainStep, label: &'static str) -> impl IntoView {
    let form = use_form();
    let slug = match step {
        ChainStep::LegalRepresentative => "wettelijk",
        ChainStep::Partner => "partner",
    };
    let fact = Memo::new(move |_| {
        form.record.with(|r| {
            r.representation
                .chain_facts
                .iter()
                .find(|f| f.step == step)
                .map(|f| (f.fact, f.note.clone()))
        })
    });
    let on = Signal::derive(move || fact.get().is_some());
    let set_on = Callback::new(move |v: bool| {
        form.edit(|r| {
            r.representation.chain_facts.retain(|f| f.step != step);
            if v {
                r.representation.chain_facts.push(ChainFact {
                    step,
                    fact: ChainFactKind::Absent,
                    note: String::new(),
                });
            }
        })
    });
    let set_kind = move |k: ChainFactKind| {
        form.edit(|r| {
            if let Some(f) = r
                .representation
                .chain_facts
                .iter_mut()
                .find(|f| f.step == step)
            {
                f.fact = k;
            }
        })
    };
    let note_get = Signal::derive(move || fact.get().map(|f| f.1).unwrap_or_default());
    let note_set = Callback::new(move |v: String| {
        form.edit(|r| {
            if let Some(f) = r
                .representation
                .chain_facts
                .iter_mut()
                .find(|f| f.step == step)
            {
                f.note = v;
            }
        })
    });
    let idx = move || {
        form.record.with(|r| {
            r.representation
                .chain_facts
                .iter()
                .position(|f| f.step == step)
                .unwrap_or(0)
        })
    };
    view! {
        <Vinkje label=label id=format!("overslaan-{slug}") get=on set=set_on />
        <Show when=move || on.get()>
            <div class="kt-ingesprongen">
                <Radio label="Is er niet" name=format!("feit-{slug}") id=format!("feit-{slug}-afwezig")
                    checked=Signal::derive(move || fact.get().is_some_and(|f| f.0 == ChainFactKind::Absent))
                    on_pick=move |_| set_kind(ChainFactKind::Absent) />
                <Radio label="Wil niet beslissen" name=format!("feit-{slug}") id=format!("feit-{slug}-onwillig")
                    checked=Signal::derive(move || fact.get().is_some_and(|f| f.0 == ChainFactKind::Unwilling))
                    on_pick=move |_| set_kind(ChainFactKind::Unwilling) />
                {move || view! {
                    <Tekst label="Toelichting" path=format!("representation.chainFacts[{}].note", idx()) get=note_get set=note_set />
                }}
            </div>
        </Show>
    }
}

/// Art. 12 lid 3: the partner limits or refuses a representative.
#[component]
fn Beperkingen() -> impl IntoView {
    let form = use_form();
    let n = Memo::new(move |_| form.record.with(|r| r.representation.restrictions.len()));
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
            <button type="button" class="kt-knop kt-knop--tweede" on:click=move |_| form.edit(|r| {
                r.representation.restrictions.push(Restriction { representative: String::new(), kind: RestrictionKind::Limited, reason: String::new() });
            })>"Beperking toevoegen"</button>
        </fieldset>
    }
}

#[component]
fn Beperking(index: usize) -> impl IntoView {
    let form = use_form();
    let i = index;
    let (who_get, who_set) = form.bind_part(
        i,
        restriction,
        restriction_mut,
        |x| x.representative.clone(),
        |x, v| x.representative = v,
    );
    let (reason_get, reason_set) = form.bind_part(
        i,
        restriction,
        restriction_mut,
        |x| x.reason.clone(),
        |x, v| x.reason = v,
    );
    let (kind_get, kind_set) = form.bind_part(
        i,
        restriction,
        restriction_mut,
        |x| match x.kind {
            RestrictionKind::Refused => "refused".to_owned(),
            RestrictionKind::Limited => "limited".to_owned(),
        },
        |x, v: String| {
            x.kind = if v == "refused" {
                RestrictionKind::Refused
            } else {
                RestrictionKind::Limited
            }
        },
    );
    view! {
        <div class="kt-rij">
            <Tekst label="Naam van de vertegenwoordiger" path=format!("representation.restrictions[{i}].representative") get=who_get set=who_set />
            <Keuzelijst label="Wat geldt" path=format!("representation.restrictions[{i}].kind")
                options=vec![("limited", "beperkt"), ("refused", "geweigerd: deze vertegenwoordiger beslist niet mee")]
                get=kind_get set=kind_set />
            <Tekst label="Reden (zwaarwegende belangen van de cliënt)" path=format!("representation.restrictions[{i}].reason") get=reason_get set=reason_set multiline=true />
            <button type="button" class="kt-knop kt-knop--klein" on:click=move |_| form.edit(|r| {
                if i < r.representation.restrictions.len() { r.representation.restrictions.remove(i); }
            })>"Verwijder beperking"</button>
        </div>
    }
}
