//! One signer of a consent or a withdrawal: who and when, the pad — or, for who cannot draw, a
//! confirmation in the professional's presence with its reason and witness — and that signer's
//! findings. One view for both records (not generic: what differs is in `SignerFields`, bound
//! through the core's `HandSigned`).

use crate::components::widgets::handtekening::{Handtekening, Strokes};
use crate::components::widgets::velden::{Meldingen, Tekst, Vinkje};
use crate::editor::Edits;
use keukentafel_core::flow::{self, field_id};
use keukentafel_core::paths::SignerPath;
use keukentafel_core::{AlternativeConfirmation, HandSigned, Signer};
use leptos::prelude::*;

/// What the signer view reads and changes of signer `index` of the record being edited.
#[derive(Clone)]
pub struct SignerFields {
    pub index: usize,
    pub path: SignerPath,
    /// "Eva Bakker, ouder met gezag".
    pub who: Signal<String>,
    /// The signature's date in Dutch ("20 november 2026"); empty while there is none.
    pub date: Signal<String>,
    pub strokes: (Signal<Strokes>, Callback<Strokes>),
    /// Confirming instead of drawing.
    pub instead: (Signal<bool>, Callback<bool>),
    pub reason: (Signal<String>, Callback<String>),
    pub witness: (Signal<String>, Callback<String>),
}

impl SignerFields {
    /// Signer `index` of a consent or withdrawal being edited.
    pub fn bind<R: HandSigned>(ed: impl Edits<R>, index: usize) -> SignerFields {
        let find: fn(&R, usize) -> Option<&Signer> = |r, i| r.signers().get(i);
        let find_mut: fn(&mut R, usize) -> Option<&mut Signer> = |r, i| r.signers_mut().get_mut(i);
        let who = Signal::derive(move || {
            ed.read(|r| find(r, index).map(|s| flow::Person::of(s).label_nl()))
                .unwrap_or_default()
        });
        let date = Signal::derive(move || {
            ed.read(|r| find(r, index).and_then(|s| s.date).map(|d| d.to_dutch()))
                .unwrap_or_default()
        });
        let instead = (
            Signal::derive(move || {
                ed.read(|r| find(r, index).is_some_and(|s| s.signature.alternative.is_some()))
            }),
            Callback::new(move |on: bool| ed.edit(|r| r.use_alternative_confirmation(index, on))),
        );
        SignerFields {
            index,
            path: R::signer_path(index),
            who,
            date,
            strokes: ed.bind_part(
                index,
                find,
                find_mut,
                |s| s.signature.strokes.clone(),
                |s, v| s.signature.strokes = v,
            ),
            instead,
            reason: alternative_part(ed, index, find, find_mut, |a| &a.reason, |a| &mut a.reason),
            witness: alternative_part(
                ed,
                index,
                find,
                find_mut,
                |a| &a.witnessed_by,
                |a| &mut a.witnessed_by,
            ),
        }
    }
}

/// One text of signer `index`'s confirmation instead of a drawing; empty, and not written, while
/// the signer draws.
fn alternative_part<R: 'static>(
    ed: impl Edits<R>,
    index: usize,
    find: fn(&R, usize) -> Option<&Signer>,
    find_mut: fn(&mut R, usize) -> Option<&mut Signer>,
    pick: fn(&AlternativeConfirmation) -> &String,
    pick_mut: fn(&mut AlternativeConfirmation) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || {
            ed.read(|r| {
                find(r, index)
                    .and_then(|s| s.signature.alternative.as_ref())
                    .map(|a| pick(a).clone())
            })
            .unwrap_or_default()
        }),
        Callback::new(move |v: String| {
            ed.edit(|r| {
                if let Some(a) = find_mut(r, index).and_then(|s| s.signature.alternative.as_mut()) {
                    *pick_mut(a) = v;
                }
            })
        }),
    )
}

/// One signer: name and date, the pad, or a witnessed confirmation instead.
#[component]
pub fn Ondertekenaar(fields: SignerFields) -> impl IntoView {
    let SignerFields {
        index,
        path,
        who,
        date,
        strokes,
        instead,
        reason,
        witness,
    } = fields;
    let at = path.as_str().to_owned();
    let pad = field_id(&path.signature());
    let on = instead.0;
    view! {
        <div class="kt-ondertekenaar" data-testid="ondertekenaar" id=field_id(&at) tabindex="-1">
            <h4>{move || format!("Handtekening van {}", who.get())}</h4>
            <Show when=move || !date.with(String::is_empty)>
                <p class="kt-hint">{move || format!("Datum: {}", date.get())}</p>
            </Show>
            <Show when=move || !on.get()>
                <Handtekening id=pad.clone() label=who.get_untracked() strokes=strokes.0 set=strokes.1 />
            </Show>
            <Vinkje id=format!("alternatief-{index}") label="Kan niet tekenen: bevestiging in het bijzijn van de professional" get=on set=instead.1 />
            <Show when=move || on.get()>
                <div class="kt-ingesprongen">
                    <Tekst label="Waarom kan er niet getekend worden?" path=path.alternative_reason() get=reason.0 set=reason.1 multiline=true />
                    <Tekst label="Bevestiging gezien door (professional)" path=path.alternative_witnessed_by() get=witness.0 set=witness.1 />
                </div>
            </Show>
            <Meldingen path=at.clone() />
        </div>
    }
}
