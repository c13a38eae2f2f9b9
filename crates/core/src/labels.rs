//! Dutch labels for the model's enumerations, shared by the UI, the CLI and messages, and the
//! [`Choice`] every enumeration a screen offers as radio buttons or a select list implements:
//! a stable key (its JSON value) and the label the professional sees.

use crate::model::*;

/// An enumeration offered as a choice: every value, a stable key (the value as a record writes
/// it, so a select's value and the JSON agree — a test checks) and the label shown.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order offered.
    const CHOICES: &'static [Self];
    fn key(self) -> &'static str;
    /// The label of the choice on screen.
    fn label(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self> {
        Self::CHOICES.iter().copied().find(|c| c.key() == key)
    }
}

macro_rules! choice {
    ($t:ty, $all:expr, { $( $v:ident => $key:literal, $label:expr; )* }) => {
        impl Choice for $t {
            const CHOICES: &'static [Self] = $all;
            fn key(self) -> &'static str {
                match self { $( <$t>::$v => $key, )* }
            }
            fn label(self) -> &'static str {
                match self { $( <$t>::$v => $label, )* }
            }
        }
    };
}

/// The professional's judgement of a client of 16+ (art. 12 lid 2), as a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacityJudgement {
    Capable,
    Incapable,
}

impl CapacityJudgement {
    pub fn of(judged_incapable: bool) -> CapacityJudgement {
        if judged_incapable {
            CapacityJudgement::Incapable
        } else {
            CapacityJudgement::Capable
        }
    }
}

choice!(CapacityJudgement, &[CapacityJudgement::Capable, CapacityJudgement::Incapable], {
    Capable => "capable", "Ja: de cliënt beslist en tekent zelf";
    Incapable => "incapable", "Nee: niet in staat tot een redelijke waardering van zijn belangen (art. 12 lid 2)";
});

choice!(RepresentativeRole, &RepresentativeRole::ALL, {
    ParentWithAuthority => "parentWithAuthority", "ouder met gezag";
    Guardian => "guardian", "voogd";
    Curator => "curator", "curator";
    Mentor => "mentor", "mentor";
    OtherLegalRepresentative => "otherLegalRepresentative", "andere wettelijk vertegenwoordiger";
    Spouse => "spouse", "echtgenoot";
    RegisteredPartner => "registeredPartner", "geregistreerd partner";
    LifePartner => "lifePartner", "levensgezel";
    Parent => "parent", "ouder";
    AdultSibling => "adultSibling", "meerderjarige broer of zus";
    AdultChild => "adultChild", "meerderjarig kind";
});

choice!(RequestKind, &RequestKind::ALL, {
    Information => "information", "informatie";
    Access => "access", "inzage";
    Copy => "copy", "afschrift";
    Correction => "correction", "correctie";
    Completion => "completion", "aanvulling";
    Deletion => "deletion", "verwijdering";
    Blocking => "blocking", "afscherming";
});

choice!(AssentOutcome, &[AssentOutcome::Given, AssentOutcome::Refused, AssentOutcome::NotAsked], {
    Given => "given", "Instemming gegeven";
    Refused => "refused", "Instemming geweigerd";
    NotAsked => "notAsked", "(Nog) niet gevraagd";
});

choice!(ConsentDecision, &[ConsentDecision::Given, ConsentDecision::Refused, ConsentDecision::Deferred], {
    Given => "given", "Toestemming gegeven (wordt ondertekend bij Controle en ondertekenen)";
    Refused => "refused", "Toestemming geweigerd (ook dit formulier gaat in het dossier)";
    Deferred => "deferred", "Uitgesteld: nog niet duidelijk welke gegevens of partners nodig zijn";
});

choice!(ExceptionGround, &[ExceptionGround::NecessaryForSupport, ExceptionGround::SeriousRisk], {
    NecessaryForSupport => "necessaryForSupport", "Noodzakelijk en onvermijdelijk voor de ondersteuning van de cliënt";
    SeriousRisk => "seriousRisk", "Ernstig risico voor de gezondheid of veiligheid van de cliënt, de professional of anderen";
});

choice!(RestrictionKind, &[RestrictionKind::Limited, RestrictionKind::Refused], {
    Limited => "limited", "beperkt";
    Refused => "refused", "geweigerd: deze vertegenwoordiger beslist niet mee";
});

choice!(RequestOutcome, &[RequestOutcome::Granted, RequestOutcome::Partly, RequestOutcome::Rejected], {
    Granted => "granted", "Toegewezen";
    Partly => "partly", "Gedeeltelijk toegewezen";
    Rejected => "rejected", "Afgewezen";
});

choice!(ChainFactKind, &[ChainFactKind::Absent, ChainFactKind::Unwilling], {
    Absent => "absent", "Is er niet";
    Unwilling => "unwilling", "Wil niet beslissen";
});

impl SupportDomain {
    pub const ALL: [SupportDomain; 6] = [
        SupportDomain::Youth,
        SupportDomain::Care,
        SupportDomain::Wellbeing,
        SupportDomain::Housing,
        SupportDomain::Work,
        SupportDomain::Income,
    ];
    pub fn label_nl(self) -> &'static str {
        match self {
            SupportDomain::Youth => "jeugd",
            SupportDomain::Care => "zorg",
            SupportDomain::Wellbeing => "welzijn",
            SupportDomain::Housing => "wonen",
            SupportDomain::Work => "werk",
            SupportDomain::Income => "inkomen",
        }
    }
}

impl SpecialCategory {
    pub const ALL: [SpecialCategory; 8] = [
        SpecialCategory::ReligionOrBelief,
        SpecialCategory::Race,
        SpecialCategory::PoliticalOpinion,
        SpecialCategory::Health,
        SpecialCategory::SexualOrientation,
        SpecialCategory::TradeUnionMembership,
        SpecialCategory::Criminal,
        SpecialCategory::UnlawfulBehaviourBan,
    ];
    pub fn label_nl(self) -> &'static str {
        match self {
            SpecialCategory::ReligionOrBelief => "godsdienst of levensovertuiging",
            SpecialCategory::Race => "ras",
            SpecialCategory::PoliticalOpinion => "politieke gezindheid",
            SpecialCategory::Health => "gezondheid",
            SpecialCategory::SexualOrientation => "seksuele geaardheid",
            SpecialCategory::TradeUnionMembership => "lidmaatschap van een vakvereniging",
            SpecialCategory::Criminal => "strafrechtelijke persoonsgegevens",
            SpecialCategory::UnlawfulBehaviourBan => {
                "hinderlijk of onrechtmatig gedrag in verband met een opgelegd verbod"
            }
        }
    }
    /// The category as a heading or a choice: "Gegevens over gezondheid" — but
    /// "Strafrechtelijke persoonsgegevens", not "gegevens over … persoonsgegevens".
    pub fn data_label_nl(self) -> &'static str {
        match self {
            SpecialCategory::ReligionOrBelief => "Gegevens over godsdienst of levensovertuiging",
            SpecialCategory::Race => "Gegevens over ras",
            SpecialCategory::PoliticalOpinion => "Gegevens over politieke gezindheid",
            SpecialCategory::Health => "Gegevens over gezondheid",
            SpecialCategory::SexualOrientation => "Gegevens over seksuele geaardheid",
            SpecialCategory::TradeUnionMembership => {
                "Gegevens over lidmaatschap van een vakvereniging"
            }
            SpecialCategory::Criminal => "Strafrechtelijke persoonsgegevens",
            SpecialCategory::UnlawfulBehaviourBan => {
                "Gegevens over hinderlijk of onrechtmatig gedrag in verband met een opgelegd verbod"
            }
        }
    }
    /// A stable lower-case key for element ids and test hooks (`categorie-health`).
    pub fn slug(self) -> &'static str {
        match self {
            SpecialCategory::ReligionOrBelief => "religionorbelief",
            SpecialCategory::Race => "race",
            SpecialCategory::PoliticalOpinion => "politicalopinion",
            SpecialCategory::Health => "health",
            SpecialCategory::SexualOrientation => "sexualorientation",
            SpecialCategory::TradeUnionMembership => "tradeunionmembership",
            SpecialCategory::Criminal => "criminal",
            SpecialCategory::UnlawfulBehaviourBan => "unlawfulbehaviourban",
        }
    }
}

impl RepresentativeRole {
    pub const ALL: [RepresentativeRole; 11] = [
        RepresentativeRole::ParentWithAuthority,
        RepresentativeRole::Guardian,
        RepresentativeRole::Curator,
        RepresentativeRole::Mentor,
        RepresentativeRole::OtherLegalRepresentative,
        RepresentativeRole::Spouse,
        RepresentativeRole::RegisteredPartner,
        RepresentativeRole::LifePartner,
        RepresentativeRole::Parent,
        RepresentativeRole::AdultSibling,
        RepresentativeRole::AdultChild,
    ];
    pub fn label_nl(self) -> &'static str {
        match self {
            RepresentativeRole::ParentWithAuthority => "ouder met gezag",
            RepresentativeRole::Guardian => "voogd",
            RepresentativeRole::Curator => "curator",
            RepresentativeRole::Mentor => "mentor",
            RepresentativeRole::OtherLegalRepresentative => "andere wettelijk vertegenwoordiger",
            RepresentativeRole::Spouse => "echtgenoot",
            RepresentativeRole::RegisteredPartner => "geregistreerd partner",
            RepresentativeRole::LifePartner => "levensgezel",
            RepresentativeRole::Parent => "ouder",
            RepresentativeRole::AdultSibling => "meerderjarige broer of zus",
            RepresentativeRole::AdultChild => "meerderjarig kind",
        }
    }
}

impl AgeBand {
    pub fn label_nl(self) -> &'static str {
        match self {
            AgeBand::Under12 => "jonger dan 12: de wettelijk vertegenwoordiger beslist en tekent",
            AgeBand::From12To15 => "12 tot 16: ouder/voogd én cliënt beslissen en tekenen samen",
            AgeBand::From16 => "16 of ouder: de cliënt beslist zelf, tenzij niet in staat",
        }
    }
}

impl RequestKind {
    pub const ALL: [RequestKind; 7] = [
        RequestKind::Information,
        RequestKind::Access,
        RequestKind::Copy,
        RequestKind::Correction,
        RequestKind::Completion,
        RequestKind::Deletion,
        RequestKind::Blocking,
    ];
    pub fn label_nl(self) -> &'static str {
        match self {
            RequestKind::Information => "informatie",
            RequestKind::Access => "inzage",
            RequestKind::Copy => "afschrift",
            RequestKind::Correction => "correctie",
            RequestKind::Completion => "aanvulling",
            RequestKind::Deletion => "verwijdering",
            RequestKind::Blocking => "afscherming",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_slugs_are_the_lowercased_variant_names_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for c in SpecialCategory::ALL {
            // Element ids in the app and tests were derived from the variant name; keep them.
            assert_eq!(c.slug(), format!("{c:?}").to_lowercase());
            assert!(seen.insert(c.slug()));
        }
    }

    fn keys_are_json_values<T: Choice + std::fmt::Debug + serde::Serialize>() {
        let mut seen = std::collections::HashSet::new();
        for c in T::CHOICES {
            assert_eq!(
                crate::json::to_string(c).unwrap(),
                format!("\"{}\"", c.key())
            );
            assert_eq!(T::from_key(c.key()), Some(*c));
            assert!(!c.label().is_empty());
            assert!(seen.insert(c.key()));
        }
        assert_eq!(T::from_key(""), None);
        assert_eq!(T::from_key("client"), None);
    }

    #[test]
    fn choice_keys_are_the_json_values() {
        keys_are_json_values::<RepresentativeRole>();
        keys_are_json_values::<RequestKind>();
        keys_are_json_values::<AssentOutcome>();
        keys_are_json_values::<ConsentDecision>();
        keys_are_json_values::<ExceptionGround>();
        keys_are_json_values::<RestrictionKind>();
        keys_are_json_values::<RequestOutcome>();
        keys_are_json_values::<ChainFactKind>();
        assert_eq!(
            RepresentativeRole::CHOICES.len(),
            RepresentativeRole::ALL.len()
        );
        assert_eq!(RequestKind::CHOICES.len(), RequestKind::ALL.len());
    }
}
