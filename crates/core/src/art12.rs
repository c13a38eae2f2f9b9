//! Vertegenwoordiging: who exercises the client's rights on a given date (art. 12).
//!
//! Used by the validator for every decision (assent, consent, withdrawal, request) and by
//! the UI to show the age band and exactly the signature pads that are required.

use crate::date::Date;
use crate::model::*;
pub use crate::person::Party;
use crate::person::{same_name, who};
use crate::rules::{Code, Finding};

impl Representation {
    /// Whether the partner refused the representative named `name` under art. 12 lid 3 (a
    /// restriction of kind `refused`): that person does not decide or sign.
    pub fn is_refused(&self, name: &str) -> bool {
        self.restrictions
            .iter()
            .any(|x| x.kind == RestrictionKind::Refused && same_name(&x.representative, name))
    }
}

/// The steps of the art. 12 lid 2 chain for a client of 16+ judged incapable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Wettelijk vertegenwoordiger(s).
    Legal = 1,
    /// Echtgenoot, geregistreerd partner, levensgezel.
    Partner = 2,
    /// Ouder, meerderjarige broer of zus, meerderjarig kind.
    Family = 3,
}

impl RepresentativeRole {
    /// A legal representative of a minor: a parent with authority or a guardian
    /// (or another legal representative appointed by a court).
    pub fn is_legal_representative_of_minor(self) -> bool {
        matches!(
            self,
            RepresentativeRole::ParentWithAuthority
                | RepresentativeRole::Guardian
                | RepresentativeRole::OtherLegalRepresentative
        )
    }

    /// The chain step this role belongs to for a client of 16+.
    pub fn step(self) -> Step {
        use RepresentativeRole::*;
        match self {
            ParentWithAuthority | Guardian | Curator | Mentor | OtherLegalRepresentative => {
                Step::Legal
            }
            Spouse | RegisteredPartner | LifePartner => Step::Partner,
            Parent | AdultSibling | AdultChild => Step::Family,
        }
    }
}

pub fn age_band(age: i32) -> AgeBand {
    if age < 12 {
        AgeBand::Under12
    } else if age < 16 {
        AgeBand::From12To15
    } else {
        AgeBand::From16
    }
}

/// Who must decide (and sign) for this client on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// Under 12: the legal representative(s); the child does not sign.
    LegalRepresentative,
    /// 12 to 16: legal representative(s) and the child together.
    LegalRepresentativeAndClient,
    /// 16+, capable: the client alone.
    ClientAlone,
    /// 16+, judged incapable: the art. 12 lid 2 chain.
    Chain,
}

impl Requirement {
    /// The sentence shown to the professional, e.g. in step "Vertegenwoordiging".
    pub fn explain_nl(self, age: i32) -> String {
        match self {
            Requirement::LegalRepresentative => format!(
                "Cliënt is {age}: de wettelijk vertegenwoordiger (ouder met gezag of voogd) beslist en tekent (art. 12 lid 1)."
            ),
            Requirement::LegalRepresentativeAndClient => format!(
                "Cliënt is {age}: ouder/voogd én cliënt tekenen samen (art. 12 lid 1)."
            ),
            Requirement::ClientAlone => format!(
                "Cliënt is {age}: de cliënt beslist en tekent zelf (art. 12 lid 1)."
            ),
            Requirement::Chain => format!(
                "Cliënt is {age} en niet in staat tot een redelijke waardering van zijn belangen: een vertegenwoordiger beslist, in de volgorde van art. 12 lid 2."
            ),
        }
    }
}

/// What art. 12 says for a client born on `birth` about a decision on `on`.
pub fn requirement(birth: Date, on: Date, representation: &Representation) -> (i32, Requirement) {
    let age = birth.age_on(on);
    let req = match age_band(age) {
        AgeBand::Under12 => Requirement::LegalRepresentative,
        AgeBand::From12To15 => Requirement::LegalRepresentativeAndClient,
        AgeBand::From16 if representation.capacity.judged_incapable => Requirement::Chain,
        AgeBand::From16 => Requirement::ClientAlone,
    };
    (age, req)
}

fn has_chain_fact(r: &Representation, step: ChainStep) -> bool {
    r.chain_facts.iter().any(|f| f.step == step)
}

/// Checks that the parties deciding on `on` are exactly those art. 12 entitles.
///
/// `path` is the JSON path of the list of parties (e.g. `consent.signers`). Findings carry
/// the REP-* code of the applicable band, or `override_code` when given (a withdrawal reports
/// `WITHDRAWAL-BY`). An empty list is not checked here: the caller reports a missing decision.
pub fn check_parties<P: Party>(
    parties: &[P],
    birth: Date,
    on: Date,
    representation: &Representation,
    path: &str,
    override_code: Option<Code>,
    out: &mut Vec<Finding>,
) {
    if parties.is_empty() {
        return;
    }
    let (age, req) = requirement(birth, on, representation);
    let on_nl = on.to_dutch();
    let mut push = |default: Code, sub: String, msg: String| {
        out.push(Finding::new(override_code.unwrap_or(default), sub, msg));
    };
    let is_client = |p: &P| p.role() == PartyRole::Client;
    match req {
        Requirement::LegalRepresentative | Requirement::LegalRepresentativeAndClient => {
            let code = if req == Requirement::LegalRepresentative {
                Code::RepUnder12
            } else {
                Code::Rep12To15
            };
            let mut has_legal = false;
            let mut has_client = false;
            for (i, p) in parties.iter().enumerate() {
                let sub = format!("{path}[{i}]");
                if is_client(p) {
                    has_client = true;
                    if req == Requirement::LegalRepresentative {
                        push(code, sub, format!(
                            "De cliënt is op {on_nl} {age} jaar. Een kind jonger dan 12 beslist en tekent niet zelf; de wettelijk vertegenwoordiger doet dat."
                        ));
                    }
                    continue;
                }
                match p.relationship() {
                    Some(rel) if rel.is_legal_representative_of_minor() => has_legal = true,
                    Some(rel) => push(code, format!("{sub}.relationship"), format!(
                        "{} is {} en geen wettelijk vertegenwoordiger van een minderjarige (ouder met gezag of voogd); alleen die mag voor een kind van {age} beslissen.",
                        who(p), rel.label_nl()
                    )),
                    None => push(code, format!("{sub}.relationship"), format!(
                        "Vul in wat {} van de cliënt is: ouder met gezag of voogd.", who(p)
                    )),
                }
            }
            if !has_legal {
                push(code, path.to_owned(), format!(
                    "De cliënt is op {on_nl} {age} jaar: een wettelijk vertegenwoordiger (ouder met gezag of voogd) moet beslissen{}.",
                    if req == Requirement::LegalRepresentativeAndClient { " en tekenen, samen met de cliënt" } else { " en tekenen" }
                ));
            }
            if req == Requirement::LegalRepresentativeAndClient && !has_client {
                push(code, path.to_owned(), format!(
                    "De cliënt is op {on_nl} {age} jaar: vanaf 12 jaar beslist en tekent de cliënt zelf mee, samen met de wettelijk vertegenwoordiger."
                ));
            }
        }
        Requirement::ClientAlone => {
            let mut has_client = false;
            for (i, p) in parties.iter().enumerate() {
                if is_client(p) {
                    has_client = true;
                } else {
                    push(Code::Rep16Plus, format!("{path}[{i}]"), format!(
                        "De cliënt is op {on_nl} {age} jaar en niet als wilsonbekwaam beoordeeld: {} mag niet voor de cliënt beslissen of tekenen.",
                        who(p)
                    ));
                }
            }
            if !has_client {
                push(
                    Code::Rep16Plus,
                    path.to_owned(),
                    format!("De cliënt is op {on_nl} {age} jaar en beslist en tekent zelf."),
                );
            }
        }
        Requirement::Chain => {
            let mut has_rep = false;
            for (i, p) in parties.iter().enumerate() {
                if is_client(p) {
                    continue;
                }
                let sub = format!("{path}[{i}]");
                let Some(rel) = p.relationship() else {
                    push(Code::RepIncapableOrder, format!("{sub}.relationship"), format!(
                        "Vul in wat {} van de cliënt is (curator, mentor, echtgenoot, ouder, …).", who(p)
                    ));
                    continue;
                };
                has_rep = true;
                let step = rel.step();
                if step >= Step::Partner
                    && !has_chain_fact(representation, ChainStep::LegalRepresentative)
                {
                    push(Code::RepIncapableOrder, format!("{sub}.relationship"), format!(
                        "{} ({}) mag alleen beslissen als er geen wettelijk vertegenwoordiger (curator, mentor) is of die dat niet wil. Leg dat vast bij Vertegenwoordiging.",
                        crate::text::isolate(p.name().trim()), rel.label_nl()
                    ));
                }
                if step >= Step::Family && !has_chain_fact(representation, ChainStep::Partner) {
                    push(Code::RepIncapableOrder, format!("{sub}.relationship"), format!(
                        "{} ({}) mag alleen beslissen als er geen echtgenoot, geregistreerd partner of levensgezel is of die dat niet wil. Leg dat vast bij Vertegenwoordiging.",
                        crate::text::isolate(p.name().trim()), rel.label_nl()
                    ));
                }
            }
            if !has_rep {
                push(Code::RepIncapableOrder, path.to_owned(), format!(
                    "De cliënt is op {on_nl} {age} jaar en niet in staat zijn belangen te overzien: een vertegenwoordiger volgens art. 12 lid 2 moet beslissen."
                ));
            }
        }
    }
}

/// The signers the UI should offer pads for, in order: which roles must sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredSigners {
    pub age: i32,
    pub requirement: Requirement,
    /// The client signs.
    pub client: bool,
    /// Representatives (from the record's list) entitled to sign, in chain order.
    pub representatives: Vec<usize>,
}

/// Which of the listed representatives may sign for this client on `on`.
pub fn required_signers(birth: Date, on: Date, r: &Representation) -> RequiredSigners {
    let (age, requirement) = requirement(birth, on, r);
    let mut representatives = Vec::new();
    match requirement {
        Requirement::LegalRepresentative | Requirement::LegalRepresentativeAndClient => {
            for (i, rep) in r.representatives.iter().enumerate() {
                if rep
                    .role
                    .is_some_and(RepresentativeRole::is_legal_representative_of_minor)
                {
                    representatives.push(i);
                }
            }
        }
        Requirement::ClientAlone => {}
        Requirement::Chain => {
            // The first step with a listed representative that may act.
            for step in [Step::Legal, Step::Partner, Step::Family] {
                let skipped = match step {
                    Step::Legal => has_chain_fact(r, ChainStep::LegalRepresentative),
                    Step::Partner => has_chain_fact(r, ChainStep::Partner),
                    Step::Family => false,
                };
                let at: Vec<usize> = r
                    .representatives
                    .iter()
                    .enumerate()
                    .filter(|(_, rep)| rep.role.map(RepresentativeRole::step) == Some(step))
                    .map(|(i, _)| i)
                    .collect();
                if !skipped && !at.is_empty() {
                    representatives = at;
                    break;
                }
                if !skipped {
                    // A step with nobody listed and no recorded absence: nobody further may act yet.
                    break;
                }
            }
        }
    }
    RequiredSigners {
        age,
        requirement,
        client: matches!(
            requirement,
            Requirement::LegalRepresentativeAndClient | Requirement::ClientAlone
        ),
        representatives,
    }
}
