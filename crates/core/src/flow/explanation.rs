//! What the client is told at step 3 (art. 4 lid 1–2, 5–6, art. 6, 7, 10, 13, 14), as one table
//! keyed by purpose: the screen lays it out and holds no text of its own, so that another
//! language is a table beside this one.
//!
//! Plain Dutch at B1 level — short sentences, no legal terms unexplained; the article numbers
//! and the profile's formal texts are in each part's "Meer weten". Addressed the way the
//! signing statement is ([`super::statement`]): the client ("u"); a child of 12–15 together with
//! the parent or guardian ("jij", "jullie"); or the representatives of a younger child or a
//! client judged incapable ("u", about the client by name).

use crate::model::*;
use crate::text::isolate;

/// The purpose of a part of the explanation: its key in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// What is written down and shared, and with whom.
    Recorded,
    /// When data is shared without consent.
    WithoutConsent,
    /// Who can see it.
    WhoSees,
    /// Secrecy.
    Secrecy,
    /// Consent can be withdrawn.
    Withdraw,
    /// How long it is kept.
    Retention,
    /// Objection and complaints.
    Objection,
}

impl Purpose {
    pub const ALL: [Purpose; 7] = [
        Purpose::Recorded,
        Purpose::WithoutConsent,
        Purpose::WhoSees,
        Purpose::Secrecy,
        Purpose::Withdraw,
        Purpose::Retention,
        Purpose::Objection,
    ];

    /// A stable key (element ids, tests, other languages' tables).
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Recorded => "vastleggen",
            Purpose::WithoutConsent => "zonder-toestemming",
            Purpose::WhoSees => "wie-ziet",
            Purpose::Secrecy => "geheim",
            Purpose::Withdraw => "intrekken",
            Purpose::Retention => "bewaren",
            Purpose::Objection => "bezwaar",
        }
    }
}

/// One part of the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub purpose: Purpose,
    pub heading: String,
    /// Short sentences, one paragraph each.
    pub body: Vec<String>,
    /// [`Purpose::Recorded`]: the partners chosen so far — a sentence that introduces them (or
    /// says they are still to be chosen) and their names, shown after the body.
    pub partners: Option<(String, Vec<String>)>,
    /// Paragraphs after the partners.
    pub after: Vec<String>,
    /// "Meer weten": the articles and the formal texts.
    pub more: Vec<String>,
}

/// Who is addressed.
enum Audience {
    Client,
    /// A child of 12–15 and the parent or guardian, together.
    Child,
    /// The representatives of a child under 12 or of a client judged incapable; the client's
    /// name.
    For(String),
}

impl Audience {
    fn of(r: &ConsentRecord) -> Audience {
        match r.representation.age_band {
            Some(AgeBand::From12To15) => Audience::Child,
            Some(AgeBand::Under12) => Audience::For(client_name(r)),
            Some(AgeBand::From16) if r.representation.capacity.judged_incapable => {
                Audience::For(client_name(r))
            }
            _ => Audience::Client,
        }
    }

    /// The one helped, as an object: "u" / "jou" / "Daan".
    fn helped(&self) -> &str {
        match self {
            Audience::Client => "u",
            Audience::Child => "jou",
            Audience::For(name) => name,
        }
    }

    /// Who is asked and decides: "u" / "jullie" / "u".
    fn asked(&self) -> &'static str {
        match self {
            Audience::Child => "jullie",
            _ => "u",
        }
    }

    /// The verb for [`Self::asked`]: `singular` for "u", `plural` for "jullie".
    fn verb(&self, singular: &'static str, plural: &'static str) -> &'static str {
        match self {
            Audience::Child => plural,
            _ => singular,
        }
    }

    /// "U kunt" / "Jullie kunnen".
    fn can(&self) -> &'static str {
        match self {
            Audience::Child => "Jullie kunnen",
            _ => "U kunt",
        }
    }
}

fn client_name(r: &ConsentRecord) -> String {
    let n = r.client.name.trim();
    if n.is_empty() {
        "de cliënt".into()
    } else {
        isolate(n).into_owned()
    }
}

fn lines(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| (*x).to_owned()).collect()
}

/// The explanation for `r`, part by part, in the table's order. `partners` are the names of
/// the partners chosen so far.
pub fn explanation_nl(
    r: &ConsentRecord,
    profile: &crate::Profile,
    partners: Vec<String>,
) -> Vec<Part> {
    let a = Audience::of(r);
    let (helped, asked, can) = (a.helped(), a.asked(), a.can());
    let (finds, puts, gives) = (
        a.verb("vindt", "vinden"),
        a.verb("zet", "zetten"),
        a.verb("geeft", "geven"),
    );
    let are = a.verb("Bent", "Zijn");
    let org = &profile.municipality;
    let years = profile.retention_years;
    let c = &profile.contacts;
    Purpose::ALL
        .into_iter()
        .map(|purpose| {
            let mut after = Vec::new();
            let (heading, body, more): (String, Vec<String>, Vec<String>) = match purpose {
                Purpose::Recorded => (
                    "Wat we opschrijven".into(),
                    {
                        after.push(format!("Gaat het om gevoelige gegevens? Bijvoorbeeld over gezondheid, geloof of contact met de politie? Dan vragen we eerst of {asked} dat goed {finds}. Dat {puts} {asked} op papier, met een handtekening. Per soort gegevens en per organisatie."));
                        vec![
                            format!("We willen {helped} goed helpen. Daarom schrijven we op wat nodig is voor de hulp. Dat bewaren we in een dossier van {org}."),
                            "Soms moeten we gegevens delen met andere organisaties die helpen.".into(),
                        ]
                    },
                    lines(&[
                        "Dit staat in artikel 4 van het privacyprotocol. Eerst vragen we mondeling of u het goed vindt dat we gegevens vastleggen en delen (instemming). Voor gevoelige gegevens is schriftelijke toestemming nodig.",
                        "Gevoelige gegevens heten in de wet ‘bijzondere persoonsgegevens’ (AVG, artikel 9), en gegevens over contact met politie en justitie ‘strafrechtelijke persoonsgegevens’ (AVG, artikel 10).",
                    ]),
                ),
                Purpose::WithoutConsent => (
                    "Wanneer we gegevens toch delen".into(),
                    vec![
                        format!("Soms delen we gegevens ook als {asked} geen toestemming {gives}. Dat doen we alleen als het echt nodig is voor de hulp. Of als iemand in gevaar is."),
                        "Zijn er zorgen over huiselijk geweld of kindermishandeling? Dan kunnen we Veilig Thuis inschakelen.".into(),
                        "Als het kan, vertellen we dat eerst.".into(),
                    ],
                    lines(&[
                        "Artikel 4 lid 5 van het protocol: gegevens verwerken zonder toestemming, als dat noodzakelijk is voor de ondersteuning of bij een ernstig risico voor gezondheid of veiligheid.",
                        "Artikel 10: Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling.",
                    ]),
                ),
                Purpose::WhoSees => (
                    "Wie de gegevens kan zien".into(),
                    vec![
                        "Alleen de mensen die helpen.".into(),
                        "Soms ook hun leidinggevende, of de medewerker die klachten behandelt.".into(),
                        "Niemand anders, behalve als de wet dat zegt.".into(),
                    ],
                    lines(&["Artikel 7 van het protocol: wie toegang heeft tot de gegevens."]),
                ),
                Purpose::Secrecy => (
                    "Geheim".into(),
                    vec!["Iedereen die de gegevens ziet, moet ze geheimhouden.".into()],
                    lines(&["Artikel 13 van het protocol: geheimhoudingsplicht."]),
                ),
                Purpose::Withdraw => (
                    "Altijd terug".into(),
                    vec![
                        format!("{can} altijd zeggen dat het niet meer mag. Helemaal of voor een deel."),
                        "Zeg het tegen de contactpersoon. Dat gaat op een formulier zoals dit.".into(),
                    ],
                    lines(&["Artikel 4 lid 6 van het protocol: toestemming intrekken."]),
                ),
                Purpose::Retention => (
                    "Hoe lang we gegevens bewaren".into(),
                    vec![
                        format!("We bewaren de gegevens tot {years} jaar na het jaar waarin de hulp stopt. Daarna vernietigen we ze."),
                        "Soms zegt de wet dat we ze langer moeten bewaren.".into(),
                    ],
                    lines(&["Artikel 6 van het protocol: bewaartermijn."]),
                ),
                Purpose::Objection => (
                    "Niet eens, of een klacht".into(),
                    vec![
                        format!("{are} {asked} het ergens niet mee eens? Of is er een klacht? Dat kan altijd."),
                        "Onder ‘Meer weten’ staat waar dat kan.".into(),
                    ],
                    vec![
                        "Artikel 14 van het protocol: bezwaar en klachten.".into(),
                        c.objection_municipality.clone(),
                        c.objection_other.clone(),
                        c.complaint_municipality.clone(),
                        c.complaint_other.clone(),
                    ],
                ),
            };
            let partners = (purpose == Purpose::Recorded).then(|| {
                let intro = if partners.is_empty() {
                    "Met welke organisaties, kiezen we zo samen. Ze komen dan hier te staan."
                } else {
                    "We willen gegevens kunnen delen met:"
                };
                (intro.to_owned(), partners.clone())
            });
            Part {
                purpose,
                heading,
                body,
                partners,
                after,
                more,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(band: AgeBand) -> ConsentRecord {
        let mut r = ConsentRecord::default();
        r.client.name = "Daan".into();
        r.representation.age_band = Some(band);
        r
    }

    fn text(parts: &[Part]) -> String {
        parts
            .iter()
            .flat_map(|p| {
                let mut t = vec![p.heading.clone()];
                t.extend(p.body.iter().cloned());
                t.extend(p.partners.iter().map(|(intro, _)| intro.clone()));
                t.extend(p.after.iter().cloned());
                t
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_purpose_once_in_order_and_no_article_outside_meer_weten() {
        let profile = crate::Profile::landsmeer();
        for band in [AgeBand::Under12, AgeBand::From12To15, AgeBand::From16] {
            let parts = explanation_nl(&record(band), &profile, vec![]);
            let keys: Vec<Purpose> = parts.iter().map(|p| p.purpose).collect();
            assert_eq!(keys, Purpose::ALL);
            let t = text(&parts);
            for legal in ["art.", "artikel", "lid ", "College", "rechter", "AVG"] {
                assert!(!t.contains(legal), "‘{legal}’ outside Meer weten: {t}");
            }
            assert!(parts.iter().all(|p| !p.more.is_empty()));
            // B1: short sentences (at most 25 words).
            for s in t.split(['.', '?', '\n']) {
                assert!(s.split_whitespace().count() <= 25, "too long: {s}");
            }
            // Truthful (art. 4 lid 5, art. 10): data can be shared without consent.
            assert!(t.contains("Soms delen we gegevens ook als"));
            assert!(!t.contains("delen we niets"));
        }
    }

    #[test]
    fn addressed_to_who_decides() {
        let profile = crate::Profile::landsmeer();
        let t = |band| text(&explanation_nl(&record(band), &profile, vec![]));
        assert!(t(AgeBand::From16).contains("We willen u goed helpen."));
        assert!(t(AgeBand::From16)
            .contains("Dan vragen we eerst of u dat goed vindt. Dat zet u op papier"));
        assert!(t(AgeBand::From12To15).contains("We willen jou goed helpen."));
        assert!(t(AgeBand::From12To15).contains(
            "Dan vragen we eerst of jullie dat goed vinden. Dat zetten jullie op papier"
        ));
        assert!(t(AgeBand::From12To15).contains("Zijn jullie het ergens niet mee eens?"));
        assert!(t(AgeBand::From12To15).contains("Jullie kunnen altijd zeggen"));
        assert!(t(AgeBand::Under12).contains("We willen Daan goed helpen."));
        let mut incapable = record(AgeBand::From16);
        incapable.representation.capacity.judged_incapable = true;
        assert!(text(&explanation_nl(&incapable, &profile, vec![]))
            .contains("We willen Daan goed helpen."));
    }

    #[test]
    fn the_partners_chosen_are_named() {
        let profile = crate::Profile::landsmeer();
        let none = explanation_nl(&record(AgeBand::From16), &profile, vec![]);
        let (intro, names) = none[0].partners.clone().unwrap();
        assert!(intro.starts_with("Met welke organisaties, kiezen we zo samen"));
        assert!(names.is_empty());
        assert!(none[1..].iter().all(|p| p.partners.is_none()));
        let some = explanation_nl(
            &record(AgeBand::From16),
            &profile,
            vec!["Huisarts van de cliënt".into()],
        );
        assert_eq!(
            some[0].partners,
            Some((
                "We willen gegevens kunnen delen met:".to_owned(),
                vec!["Huisarts van de cliënt".to_owned()]
            ))
        );
    }
}
