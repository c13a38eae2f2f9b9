//! Dutch labels for the model's enumerations, shared by the UI, the CLI and messages.

use crate::model::*;

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
    /// The role as a record writes it (its JSON value), e.g. `parentWithAuthority`: the value
    /// of a role in a select list.
    pub fn key(self) -> &'static str {
        use RepresentativeRole::*;
        match self {
            ParentWithAuthority => "parentWithAuthority",
            Guardian => "guardian",
            Curator => "curator",
            Mentor => "mentor",
            OtherLegalRepresentative => "otherLegalRepresentative",
            Spouse => "spouse",
            RegisteredPartner => "registeredPartner",
            LifePartner => "lifePartner",
            Parent => "parent",
            AdultSibling => "adultSibling",
            AdultChild => "adultChild",
        }
    }
    pub fn from_key(key: &str) -> Option<RepresentativeRole> {
        RepresentativeRole::ALL.into_iter().find(|r| r.key() == key)
    }
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
    /// The kind as a record writes it (its JSON value): the value in a select list.
    pub fn key(self) -> &'static str {
        match self {
            RequestKind::Information => "information",
            RequestKind::Access => "access",
            RequestKind::Copy => "copy",
            RequestKind::Correction => "correction",
            RequestKind::Completion => "completion",
            RequestKind::Deletion => "deletion",
            RequestKind::Blocking => "blocking",
        }
    }
    pub fn from_key(key: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.key() == key)
    }
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

    #[test]
    fn role_keys_are_the_json_values() {
        for r in RepresentativeRole::ALL {
            assert_eq!(
                crate::json::to_string(&r).unwrap(),
                format!("\"{}\"", r.key())
            );
            assert_eq!(RepresentativeRole::from_key(r.key()), Some(r));
        }
        assert_eq!(RepresentativeRole::from_key("client"), None);
        assert_eq!(RepresentativeRole::from_key(""), None);
        for k in RequestKind::ALL {
            assert_eq!(
                crate::json::to_string(&k).unwrap(),
                format!("\"{}\"", k.key())
            );
            assert_eq!(RequestKind::from_key(k.key()), Some(k));
        }
        assert_eq!(RequestKind::from_key(""), None);
    }
}
