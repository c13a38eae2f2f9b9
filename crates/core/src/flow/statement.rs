//! What the people at the table sign, in plain Dutch (B1): derived from the record, never typed
//! again — one function for the signing step and the paper version (AVG art. 4(11), 7(1): the
//! municipality must be able to show that consent was informed).
//!
//! The register follows who decides (art. 12), read from the signers the rules require:
//! - the client alone (16 and older): "U geeft toestemming …", about "uw gezondheid";
//! - a child of 12–15 with the parent(s) or guardian: the child is addressed as "jij" and the
//!   representative named — "Jij en Mila geven samen toestemming …", about "jouw gezondheid";
//! - representatives alone (a child under 12, a client judged incapable): "U geeft als ouder met
//!   gezag van Daan toestemming …", about "de gezondheid van Daan".

use crate::model::*;
use crate::person::join_nl;
use crate::text::isolate;

/// Who is addressed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Register {
    /// The client alone: "u".
    Client,
    /// A child of 12–15 together with their representatives (names).
    ChildWith(Vec<String>),
    /// Representatives alone, for the client (the client's name; their capacities).
    For {
        client: String,
        capacities: Vec<String>,
    },
}

impl Register {
    fn of(r: &ConsentRecord) -> Register {
        Register::of_signers(&r.consent.signers, &r.client)
    }

    fn of_signers(signers: &[Signer], client: &Client) -> Register {
        let reps: Vec<&Signer> = signers
            .iter()
            .filter(|s| s.role == PartyRole::Representative)
            .collect();
        let client_signs = signers.iter().any(|s| s.role == PartyRole::Client);
        let name = |s: &str| {
            if s.trim().is_empty() {
                None
            } else {
                Some(isolate(s.trim()).into_owned())
            }
        };
        match (client_signs, reps.is_empty()) {
            (true, true) | (false, true) => Register::Client,
            (true, false) => Register::ChildWith(
                reps.iter()
                    .map(|s| name(&s.name).unwrap_or_else(|| "je vertegenwoordiger".into()))
                    .collect(),
            ),
            (false, false) => {
                let mut capacities: Vec<String> = Vec::new();
                for s in &reps {
                    let c = s
                        .relationship
                        .map_or("vertegenwoordiger", |x| x.label_nl())
                        .to_owned();
                    if !capacities.contains(&c) {
                        capacities.push(c);
                    }
                }
                Register::For {
                    client: name(&client.name).unwrap_or_else(|| "de cliënt".into()),
                    capacities,
                }
            }
        }
    }

    /// "U geeft" / "Jij en Mila geven samen" / "U geeft als ouder met gezag van Daan".
    fn subject(&self) -> String {
        match self {
            Register::Client => "U geeft".into(),
            Register::ChildWith(reps) => {
                let mut all = vec!["jij".to_owned()];
                all.extend(reps.iter().cloned());
                let mut s = join_nl(&all);
                s.replace_range(..1, "J");
                format!("{s} geven samen")
            }
            Register::For { client, capacities } => {
                format!("U geeft als {} van {client}", join_nl(capacities))
            }
        }
    }

    /// "U trekt" / "Jij en Mila trekken samen" / "U trekt als ouder met gezag van Daan".
    fn withdraws(&self) -> String {
        match self {
            Register::Client => "U trekt".into(),
            Register::ChildWith(_) => self.subject().replace(" geven samen", " trekken samen"),
            Register::For { .. } => self.subject().replacen("U geeft", "U trekt", 1),
        }
    }

    /// "uw gezondheid" / "jouw gezondheid" / "de gezondheid van Daan".
    fn about(&self, c: SpecialCategory) -> String {
        let (article, noun) = topic(c);
        match self {
            Register::Client => format!("uw {noun}"),
            Register::ChildWith(_) => format!("jouw {noun}"),
            Register::For { client, .. } => format!("{article} {noun} van {client}"),
        }
    }

    fn you_can_withdraw(&self) -> &'static str {
        match self {
            Register::ChildWith(_) => {
                "Jullie kunnen deze toestemming altijd intrekken, helemaal of voor een deel. Dat kan op een formulier zoals dit."
            }
            _ => "U kunt deze toestemming altijd intrekken, helemaal of voor een deel. Dat kan op een formulier zoals dit.",
        }
    }
}

/// The category as plain words: its article and noun phrase ("de", "gezondheid").
fn topic(c: SpecialCategory) -> (&'static str, &'static str) {
    match c {
        SpecialCategory::ReligionOrBelief => ("de", "godsdienst of levensovertuiging"),
        SpecialCategory::Race => ("de", "afkomst (ras)"),
        SpecialCategory::PoliticalOpinion => ("de", "politieke voorkeur"),
        SpecialCategory::Health => ("de", "gezondheid"),
        SpecialCategory::SexualOrientation => ("de", "seksuele geaardheid"),
        SpecialCategory::TradeUnionMembership => ("het", "lidmaatschap van een vakbond"),
        SpecialCategory::Criminal => ("de", "contacten met politie en justitie"),
        SpecialCategory::UnlawfulBehaviourBan => ("het", "gedrag waarvoor een verbod geldt"),
    }
}

/// The heading of the statement, in the same register: "Wat u ondertekent" / "Wat jullie
/// ondertekenen".
pub fn statement_title_nl(r: &ConsentRecord) -> &'static str {
    match Register::of(r) {
        Register::ChildWith(_) => "Wat jullie ondertekenen",
        _ => "Wat u ondertekent",
    }
}

/// The statement above the signature pads and on the paper version: one sentence per category
/// consented to (who shares what with whom, and why), what is not consented to, the exception
/// if the data is processed anyway, and that consent can be withdrawn.
pub fn statement_nl(r: &ConsentRecord, profile: &crate::Profile) -> Vec<String> {
    let reg = Register::of(r);
    let org = if r.professional.organisation.trim().is_empty() {
        profile.municipality.clone()
    } else {
        isolate(r.professional.organisation.trim()).into_owned()
    };
    let mut out = Vec::new();
    match r.consent.decision {
        Some(ConsentDecision::Given) => {
            for c in &r.consent.categories {
                let partners = profile.partner_names(&c.partners);
                let with = if partners.is_empty() {
                    "(nog geen organisatie gekozen)".to_owned()
                } else {
                    join_nl(&partners)
                };
                let mut s = format!(
                    "{} toestemming dat {org} gegevens over {} deelt met {with}.",
                    reg.subject(),
                    reg.about(c.category)
                );
                if !c.purpose.trim().is_empty() {
                    s.push_str(&format!(
                        " Waarvoor: {}.",
                        isolate(c.purpose.trim().trim_end_matches('.'))
                    ));
                }
                out.push(s);
            }
            if r.consent.categories.is_empty() {
                out.push("Er is nog geen soort gegevens gekozen om toestemming voor te geven.".into());
            }
            out.push(
                "Voor andere gegevens en andere organisaties is er geen toestemming.".to_owned(),
            );
            out.push(reg.you_can_withdraw().to_owned());
        }
        Some(ConsentDecision::Refused) => out.push(format!(
            "{} geen toestemming om bijzondere gegevens (zoals over gezondheid) te delen. {org} deelt ze dan niet, behalve als de wet dat zonder toestemming toestaat, bijvoorbeeld bij ernstig gevaar.",
            reg.subject().replace(" samen", "")
        )),
        Some(ConsentDecision::Deferred) => out.push(format!(
            "Er is nu nog geen besluit over toestemming. Tot die er is, deelt {org} geen bijzondere gegevens, behalve als de wet dat zonder toestemming toestaat, bijvoorbeeld bij ernstig gevaar."
        )),
        None => {}
    }
    if r.exception.processing_continues {
        out.push(format!(
            "Let op: {org} gebruikt gegevens ook zonder toestemming, omdat dat nodig is voor de hulp of voor de veiligheid. De professional heeft uitgelegd waarom."
        ));
    }
    out
}

/// What a withdrawal withdraws and what remains, in the register of who signs it: "U trekt de
/// toestemming in om gegevens over uw gezondheid te delen met de huisarts. Wat blijft gelden:
/// gegevens over uw gezondheid delen met de jeugdhulpaanbieder." Said on the withdrawal screen
/// before anyone signs. `consent` is the record withdrawn, when known; without it the
/// statement says only that the rest remains.
pub fn withdrawal_statement_nl(
    w: &WithdrawalRecord,
    profile: &crate::Profile,
    consent: Option<&ConsentRecord>,
) -> String {
    let reg = Register::of_signers(&w.signers, &w.client);
    let head = reg.withdraws();
    if w.scope.whole {
        return format!(
            "{head} de hele toestemming in. Vanaf de datum van intrekking worden op grond van die toestemming geen bijzondere gegevens meer gedeeld."
        );
    }
    let s = &w.scope;
    let what = if s.pairs.is_empty() {
        // Version 1: two lists, each meant for every partner or every category.
        let mut what = Vec::new();
        if !s.categories.is_empty() {
            let topics: Vec<String> = s.categories.iter().map(|c| reg.about(*c)).collect();
            what.push(format!("voor gegevens over {}", join_nl(&topics)));
        }
        if !s.partners.is_empty() {
            what.push(format!(
                "voor het delen met {}",
                join_nl(&profile.partner_names(&s.partners))
            ));
        }
        what.join(" en ")
    } else {
        format!(
            "om {}",
            shared_with(&reg, &s.pairs, profile, "te delen met")
        )
    };
    if what.is_empty() {
        return "Kies wat wordt ingetrokken: de hele toestemming, of een soort gegevens bij een organisatie.".into();
    }
    let remains = match consent {
        None => "De rest van de toestemming blijft gelden.".to_owned(),
        Some(c) => {
            let gone = w.withdrawn_pairs(c);
            let left: Vec<ScopePair> = c
                .consented_pairs()
                .into_iter()
                .filter(|p| !gone.contains(p))
                .collect();
            if left.is_empty() {
                "Daarmee is de hele toestemming ingetrokken.".to_owned()
            } else {
                format!(
                    "Wat blijft gelden: {}.",
                    shared_with(&reg, &left, profile, "delen met")
                )
            }
        }
    };
    format!("{head} de toestemming in {what}. {remains}")
}

/// "gegevens over uw gezondheid te delen met de huisarts en de jeugdhulpaanbieder, en gegevens
/// over … te delen met …": the pairs grouped by category, in their order; `verb` is "te delen
/// met" or "delen met".
fn shared_with(
    reg: &Register,
    pairs: &[ScopePair],
    profile: &crate::Profile,
    verb: &str,
) -> String {
    let parts: Vec<String> = pairs_by_category(pairs)
        .iter()
        .map(|(c, partners)| {
            format!(
                "gegevens over {} {verb} {}",
                reg.about(*c),
                join_nl(&profile.partner_names(partners))
            )
        })
        .collect();
    join_nl(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn signer(name: &str, role: PartyRole, rel: Option<RepresentativeRole>) -> Signer {
        Signer {
            name: name.into(),
            role,
            relationship: rel,
            date: Some(d("2026-11-20")),
            signature: Signature::default(),
        }
    }

    fn given(signers: Vec<Signer>) -> ConsentRecord {
        let mut r = ConsentRecord::new(RecordId::from_random_bytes([3; 16]));
        r.client.name = "Daan".into();
        r.professional.organisation = "Sociaal Team Landsmeer".into();
        r.consent.decision = Some(ConsentDecision::Given);
        r.consent.categories.push(CategoryConsent {
            category: SpecialCategory::Health,
            purpose: "de juiste jeugdhulp kiezen".into(),
            partners: vec!["huisarts".into(), "jeugdhulpaanbieder".into()],
        });
        r.consent.signers = signers;
        r
    }

    fn profile() -> crate::Profile {
        crate::Profile::landsmeer()
    }

    fn partner(id: &str) -> String {
        profile().partner_name(id).to_owned()
    }

    #[test]
    fn an_adult_is_addressed_as_u() {
        let r = given(vec![signer("Daan", PartyRole::Client, None)]);
        let s = statement_nl(&r, &profile());
        assert_eq!(
            s[0],
            format!(
                "U geeft toestemming dat Sociaal Team Landsmeer gegevens over uw gezondheid deelt met {} en {}. Waarvoor: de juiste jeugdhulp kiezen.",
                partner("huisarts"),
                partner("jeugdhulpaanbieder")
            )
        );
        assert_eq!(
            s[1],
            "Voor andere gegevens en andere organisaties is er geen toestemming."
        );
        assert!(s[2].starts_with("U kunt deze toestemming altijd intrekken"));
    }

    #[test]
    fn a_child_of_12_to_15_signs_together_with_the_parent() {
        let r = given(vec![
            signer(
                "Mila",
                PartyRole::Representative,
                Some(RepresentativeRole::ParentWithAuthority),
            ),
            signer("Daan", PartyRole::Client, None),
        ]);
        let s = statement_nl(&r, &profile());
        assert!(s[0].starts_with("Jij en Mila geven samen toestemming dat Sociaal Team Landsmeer gegevens over jouw gezondheid deelt met "), "{}", s[0]);
        assert!(s.last().unwrap().starts_with("Jullie kunnen"));
        assert_eq!(statement_title_nl(&r), "Wat jullie ondertekenen");
    }

    #[test]
    fn representatives_of_a_child_under_12_or_an_incapable_client_decide_for_them() {
        let r = given(vec![
            signer(
                "Mila",
                PartyRole::Representative,
                Some(RepresentativeRole::ParentWithAuthority),
            ),
            signer(
                "Joost",
                PartyRole::Representative,
                Some(RepresentativeRole::ParentWithAuthority),
            ),
        ]);
        let s = statement_nl(&r, &profile());
        assert!(s[0].starts_with("U geeft als ouder met gezag van Daan toestemming dat Sociaal Team Landsmeer gegevens over de gezondheid van Daan deelt met "), "{}", s[0]);
        let mut r = given(vec![signer(
            "Kees",
            PartyRole::Representative,
            Some(RepresentativeRole::Mentor),
        )]);
        r.consent.categories[0].category = SpecialCategory::TradeUnionMembership;
        let s = statement_nl(&r, &profile());
        assert!(s[0].starts_with("U geeft als mentor van Daan toestemming dat Sociaal Team Landsmeer gegevens over het lidmaatschap van een vakbond van Daan deelt"), "{}", s[0]);
    }

    #[test]
    fn refusal_deferral_and_the_exception_are_said_truthfully() {
        let mut r = given(vec![signer("Daan", PartyRole::Client, None)]);
        r.consent.decision = Some(ConsentDecision::Refused);
        let s = statement_nl(&r, &profile());
        assert_eq!(s.len(), 1);
        assert!(s[0].starts_with("U geeft geen toestemming om bijzondere gegevens"));
        assert!(
            s[0].contains("behalve als de wet dat zonder toestemming toestaat"),
            "art. 4 lid 5, art. 10"
        );
        r.consent.decision = Some(ConsentDecision::Deferred);
        assert!(statement_nl(&r, &profile())[0]
            .starts_with("Er is nu nog geen besluit over toestemming."));
        r.exception.processing_continues = true;
        assert!(statement_nl(&r, &profile()).last().unwrap().starts_with(
            "Let op: Sociaal Team Landsmeer gebruikt gegevens ook zonder toestemming"
        ));
    }

    #[test]
    fn partial_consent_names_each_category_and_what_is_left_out() {
        let mut r = given(vec![signer("Daan", PartyRole::Client, None)]);
        r.consent.categories.push(CategoryConsent {
            category: SpecialCategory::Criminal,
            purpose: String::new(),
            partners: vec!["huisarts".into()],
        });
        let s = statement_nl(&r, &profile());
        assert_eq!(s.len(), 4);
        assert_eq!(
            s[1],
            format!("U geeft toestemming dat Sociaal Team Landsmeer gegevens over uw contacten met politie en justitie deelt met {}.", partner("huisarts"))
        );
        assert!(s[2].starts_with("Voor andere gegevens"));
    }

    #[test]
    fn a_withdrawal_says_what_is_withdrawn_and_what_remains() {
        let mut w = WithdrawalRecord {
            client: Client {
                name: "Noor".into(),
                ..Client::default()
            },
            ..WithdrawalRecord::default()
        };
        w.signers = vec![
            signer(
                "Eva",
                PartyRole::Representative,
                Some(RepresentativeRole::ParentWithAuthority),
            ),
            signer("Noor", PartyRole::Client, None),
        ];
        w.scope.whole = true;
        assert_eq!(
            withdrawal_statement_nl(&w, &profile(), None),
            "Jij en Eva trekken samen de hele toestemming in. Vanaf de datum van intrekking worden op grond van die toestemming geen bijzondere gegevens meer gedeeld."
        );
        w.scope.whole = false;
        assert!(
            withdrawal_statement_nl(&w, &profile(), None).starts_with("Kies wat wordt ingetrokken")
        );

        // Version 2: the pairs, grouped by category, and what remains of the consent.
        let mut consent = ConsentRecord::default();
        consent.consent.decision = Some(ConsentDecision::Given);
        consent.consent.categories = vec![
            CategoryConsent {
                category: SpecialCategory::Health,
                purpose: String::new(),
                partners: vec!["huisarts".into(), "jeugdhulpaanbieder".into()],
            },
            CategoryConsent {
                category: SpecialCategory::Criminal,
                purpose: String::new(),
                partners: vec!["jeugdhulpaanbieder".into()],
            },
        ];
        let pair = |c, p: &str| ScopePair {
            category: c,
            partner: p.into(),
        };
        w.scope.pairs = vec![pair(SpecialCategory::Health, "huisarts")];
        assert_eq!(
            withdrawal_statement_nl(&w, &profile(), Some(&consent)),
            format!(
                "Jij en Eva trekken samen de toestemming in om gegevens over jouw gezondheid te delen met {}. Wat blijft gelden: gegevens over jouw gezondheid delen met {} en gegevens over jouw contacten met politie en justitie delen met {}.",
                partner("huisarts"),
                partner("jeugdhulpaanbieder"),
                partner("jeugdhulpaanbieder")
            )
        );
        assert!(withdrawal_statement_nl(&w, &profile(), None)
            .ends_with("De rest van de toestemming blijft gelden."));
        w.scope.pairs = consent.consented_pairs();
        assert!(withdrawal_statement_nl(&w, &profile(), Some(&consent))
            .ends_with("Daarmee is de hele toestemming ingetrokken."));
        w.scope.pairs.clear();

        // Version 1: two lists.
        w.scope.categories = vec![SpecialCategory::Health];
        w.scope.partners = vec!["huisarts".into()];
        assert_eq!(
            withdrawal_statement_nl(&w, &profile(), None),
            format!("Jij en Eva trekken samen de toestemming in voor gegevens over jouw gezondheid en voor het delen met {}. De rest van de toestemming blijft gelden.", partner("huisarts"))
        );
        w.signers = vec![signer("Noor", PartyRole::Client, None)];
        assert!(withdrawal_statement_nl(&w, &profile(), None)
            .starts_with("U trekt de toestemming in voor gegevens over uw gezondheid"));
        w.signers = vec![signer(
            "Kees",
            PartyRole::Representative,
            Some(RepresentativeRole::Mentor),
        )];
        assert!(withdrawal_statement_nl(&w, &profile(), None).starts_with("U trekt als mentor van Noor de toestemming in voor gegevens over de gezondheid van Noor"));
    }
}
