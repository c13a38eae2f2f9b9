//! The protocol profile: everything municipality-specific, as data.

use crate::model::SpecialCategory;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PartnerKind {
    Municipality,
    Organisation,
    IndependentProfessional,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
}

/// Texts for art. 14 (objections and complaints), shown to the client.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contacts {
    pub objection_municipality: String,
    pub objection_other: String,
    pub complaint_municipality: String,
    pub complaint_other: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    pub profile_id: String,
    /// The controller, e.g. "Gemeente Landsmeer".
    pub municipality: String,
    /// The protocol's title and date.
    pub protocol: String,
    pub partners: Vec<Partner>,
    pub special_categories: Vec<SpecialCategory>,
    /// Art. 6: years after the year support was closed.
    pub retention_years: u16,
    pub contacts: Contacts,
}

/// The Landsmeer profile shipped as the default.
pub const LANDSMEER_JSON: &str = include_str!("../profiles/landsmeer.json");

impl Profile {
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }
    pub fn partner_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.partner(id).map_or(id, |p| p.name.as_str())
    }
}

#[cfg(feature = "json")]
impl Profile {
    /// The Landsmeer profile. It is compiled in and covered by a test, so this cannot fail.
    pub fn landsmeer() -> Profile {
        Profile::landsmeer_ref().clone()
    }

    /// The shipped Landsmeer profile, read once (the portal API validates with it on every
    /// call).
    pub fn landsmeer_ref() -> &'static Profile {
        static LANDSMEER: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
        LANDSMEER.get_or_init(|| {
            Profile::from_json(LANDSMEER_JSON).expect("the shipped Landsmeer profile is valid")
        })
    }

    pub fn from_json(s: &str) -> Result<Profile, crate::parse::ParseError> {
        crate::parse::parse_with_path::<Profile>(s)
    }
}
