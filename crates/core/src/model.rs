//! The record model: what one keukentafel record holds, serialised as camelCase JSON.
//!
//! Three record types share building blocks: a consent record (the form filled in at the
//! kitchen table), a withdrawal of an earlier signed consent record (art. 4 lid 6) and a
//! request of the data subject (art. 11). Every struct refuses unknown fields. Fields the
//! professional fills in are optional or empty by default, so an unfinished draft is a valid
//! *document* whose gaps the validator reports as findings.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The version of this model written into every record as `schemaVersion`.
///
/// Version 2 (2026-12) states a withdrawal's scope as category × partner pairs
/// ([`WithdrawalScope::pairs`]); version 1 had two independent lists. Consent and request
/// records are the same in both. See docs/FORMAT.md.
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest `schemaVersion` this build still reads (signed version-1 files verify and
/// validate; drafts of version 1 are migrated when opened).
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

macro_rules! schema_derive {
    ($($item:item)*) => {
        $(
            #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
            $item
        )*
    };
}

/// `schemaVersion`: only versions this build understands are accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchemaVersion(pub u32);

impl Default for SchemaVersion {
    fn default() -> Self {
        SchemaVersion(SCHEMA_VERSION)
    }
}

impl Serialize for SchemaVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u32::deserialize(d)?;
        if (OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&v) {
            Ok(SchemaVersion(v))
        } else {
            Err(serde::de::Error::custom(format!(
                "schemaversie {v} wordt niet ondersteund; deze versie van keukentafel leest versie {OLDEST_SCHEMA_VERSION} tot en met {SCHEMA_VERSION}"
            )))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SchemaVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "minimum": OLDEST_SCHEMA_VERSION, "maximum": SCHEMA_VERSION })
    }
}

/// A record id: a UUID in its canonical 8-4-4-4-12 lowercase hexadecimal form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RecordId(String);

impl RecordId {
    pub fn parse(s: &str) -> Result<RecordId, String> {
        let ok = s.len() == 36
            && s.bytes().enumerate().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == b'-',
                _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
            });
        if ok {
            Ok(RecordId(s.to_owned()))
        } else {
            Err(format!(
                "‘{}’ is geen geldige record-id; verwacht een UUID zoals 3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b (kleine letters)",
                crate::text::quote(s)
            ))
        }
    }

    /// Builds a version-4 UUID from 16 random bytes supplied by the caller
    /// (WebCrypto in the browser, the OS in the CLI); the core has no randomness of its own.
    pub fn from_random_bytes(mut b: [u8; 16]) -> RecordId {
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(36);
        for (i, byte) in b.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                s.push('-');
            }
            s.push(HEX[(byte >> 4) as usize] as char);
            s.push(HEX[(byte & 0xf) as usize] as char);
        }
        RecordId(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for RecordId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        RecordId::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for RecordId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RecordId".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "uuid",
            "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        })
    }
}

macro_rules! record_type {
    ($name:ident, $tag:literal) => {
        schema_derive! {
            #[doc = concat!("The constant `recordType` \"", $tag, "\".")]
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
            pub enum $name {
                #[default]
                #[serde(rename = $tag)]
                Tag,
            }
        }
    };
}
record_type!(ConsentType, "consent");
record_type!(WithdrawalType, "withdrawal");
record_type!(RequestType, "request");

schema_derive! {

/// Support domains of art. 1 ("ondersteuning").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SupportDomain {
    Youth,
    Care,
    Wellbeing,
    Housing,
    Work,
    Income,
}

/// The eight special categories of personal data of art. 1 ("bijzondere persoonsgegevens").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SpecialCategory {
    ReligionOrBelief,
    Race,
    PoliticalOpinion,
    Health,
    SexualOrientation,
    TradeUnionMembership,
    Criminal,
    /// Hinderlijk of onrechtmatig gedrag in verband met een opgelegd verbod.
    UnlawfulBehaviourBan,
}

/// Who a representative is to the client (art. 12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RepresentativeRole {
    /// Ouder met gezag.
    ParentWithAuthority,
    /// Voogd.
    Guardian,
    /// Curator.
    Curator,
    /// Mentor.
    Mentor,
    /// Andere wettelijk vertegenwoordiger (bijv. bewindvoerder met volmacht).
    OtherLegalRepresentative,
    /// Echtgenoot.
    Spouse,
    /// Geregistreerd partner.
    RegisteredPartner,
    /// Levensgezel.
    LifePartner,
    /// Ouder (zonder gezag: voor een meerderjarige).
    Parent,
    /// Meerderjarige broer of zus.
    AdultSibling,
    /// Meerderjarig kind.
    AdultChild,
}

/// Whether a person acts as the client or as someone representing the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PartyRole {
    #[default]
    Client,
    Representative,
}

/// The professional who conducts the conversation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Professional {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub role: String,
}

/// The client. There is deliberately no BSN field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Client {
    /// Dossier reference in the municipality's own system.
    #[serde(default)]
    pub dossier_reference: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub birth_date: Option<Date>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HelpQuestion {
    #[serde(default)]
    pub domains: Vec<SupportDomain>,
    #[serde(default)]
    pub description: String,
}

/// Art. 12 lid 1: age bands (derived from birth date and decision date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AgeBand {
    Under12,
    From12To15,
    From16,
}

/// Art. 12 lid 2: the professional's judgement that a client of 16+ is "niet in staat tot een
/// redelijke waardering van zijn belangen ter zake".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Capacity {
    #[serde(default)]
    pub judged_incapable: bool,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub judged_by: String,
    #[serde(default)]
    pub date: Option<Date>,
}

/// A person who may represent the client.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Representative {
    #[serde(default)]
    pub name: String,
    pub role: Option<RepresentativeRole>,
}

/// The steps of the art. 12 lid 2 chain that can be skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChainStep {
    /// Wettelijk vertegenwoordiger(s): curator, mentor or other.
    LegalRepresentative,
    /// Echtgenoot, geregistreerd partner of levensgezel.
    Partner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ChainFactKind {
    /// There is none.
    Absent,
    /// There is one, but they do not wish to exercise the rights.
    Unwilling,
}

/// The recorded fact that allows skipping a step of the chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChainFact {
    pub step: ChainStep,
    pub fact: ChainFactKind,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RestrictionKind {
    Limited,
    Refused,
}

/// Art. 12 lid 3: the partner limits or refuses a representative's exercise of rights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Restriction {
    /// Name of the representative concerned.
    #[serde(default)]
    pub representative: String,
    pub kind: RestrictionKind,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Representation {
    /// The band shown to the professional; derived, and checked against the birth date.
    #[serde(default)]
    pub age_band: Option<AgeBand>,
    #[serde(default)]
    pub capacity: Capacity,
    #[serde(default)]
    pub representatives: Vec<Representative>,
    #[serde(default)]
    pub chain_facts: Vec<ChainFact>,
    #[serde(default)]
    pub restrictions: Vec<Restriction>,
}

/// Someone who decides (assent, request): name, as whom.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Decider {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: PartyRole,
    #[serde(default)]
    pub relationship: Option<RepresentativeRole>,
}

/// For a client who cannot draw: a confirmation witnessed by the professional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlternativeConfirmation {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub witnessed_by: String,
}

/// A handwritten signature as vector strokes. Each point is `[x, y]` in 1/10000 of the pad's
/// width and height (0..=10000), so it redraws exactly at any size and its JSON is integer-only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    pub strokes: Vec<Vec<[u16; 2]>>,
    #[serde(default)]
    pub alternative: Option<AlternativeConfirmation>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Signer {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: PartyRole,
    #[serde(default)]
    pub relationship: Option<RepresentativeRole>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub signature: Signature,
}

/// Art. 4 lid 1–2.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Informing {
    /// The professional explained that data is recorded and may be exchanged.
    #[serde(default)]
    pub explained: bool,
    /// Whether any exchange with partners is intended.
    #[serde(default)]
    pub exchange_intended: bool,
    /// Partner ids from the profile, as concretely as possible.
    #[serde(default)]
    pub partners: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AssentOutcome {
    Given,
    Refused,
    NotAsked,
}

/// Which provision of data an assent is for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provision {
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub partners: Vec<String>,
}

/// Oral assent — instemming (art. 4 lid 3).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assent {
    #[serde(default)]
    pub outcome: Option<AssentOutcome>,
    #[serde(default)]
    pub given_by: Vec<Decider>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub provision: Provision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ConsentDecision {
    Given,
    Refused,
    Deferred,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CategoryConsent {
    pub category: SpecialCategory,
    /// Why this category is needed for the help question (art. 5).
    #[serde(default)]
    pub purpose: String,
    /// Partner ids it may be exchanged with.
    #[serde(default)]
    pub partners: Vec<String>,
}

/// Written consent for special categories — toestemming (art. 4 lid 4).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WrittenConsent {
    #[serde(default)]
    pub decision: Option<ConsentDecision>,
    #[serde(default)]
    pub decision_date: Option<Date>,
    #[serde(default)]
    pub categories: Vec<CategoryConsent>,
    #[serde(default)]
    pub signers: Vec<Signer>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExceptionGround {
    /// Noodzakelijk en onvermijdelijk voor de ondersteuning.
    NecessaryForSupport,
    /// Ernstig risico voor gezondheid of veiligheid van cliënt, professional of anderen.
    SeriousRisk,
}

/// Art. 4 lid 5: processing although consent or assent was refused, withdrawn or not asked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Exception {
    /// Data is processed anyway.
    #[serde(default)]
    pub processing_continues: bool,
    #[serde(default)]
    pub ground: Option<ExceptionGround>,
    #[serde(default)]
    pub note: String,
}

/// Art. 10: a provision of data to Veilig Thuis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VeiligThuisReport {
    #[serde(default)]
    pub without_consent: bool,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub data_given: String,
    #[serde(default)]
    pub note: String,
}

/// Art. 6.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Retention {
    #[serde(default)]
    pub support_closed: Option<Date>,
    #[serde(default)]
    pub keep_until: Option<Date>,
    /// Legal basis or reason of careful support for a later keep-until date.
    #[serde(default)]
    pub longer_reason: String,
}

/// A reference to an earlier signed record: its id, the SHA-256 of its signed bytes
/// (base64url, no padding, 43 characters) and the date of its decision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecordRef {
    pub record_id: RecordId,
    #[serde(default)]
    pub hash: String,
    #[serde(default)]
    pub date: Option<Date>,
}

/// One keukentafel consent record (`recordType: "consent"`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentRecord {
    pub schema_version: SchemaVersion,
    pub record_type: ConsentType,
    pub record_id: RecordId,
    /// The signed record this one replaces, if it changes an earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<RecordRef>,
    /// The municipality (controller) and its protocol profile.
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub profile_id: String,
    #[serde(default)]
    pub professional: Professional,
    #[serde(default)]
    pub conversation_date: Option<Date>,
    #[serde(default)]
    pub client: Client,
    #[serde(default)]
    pub help_question: HelpQuestion,
    #[serde(default)]
    pub representation: Representation,
    #[serde(default)]
    pub informing: Informing,
    #[serde(default)]
    pub assent: Assent,
    #[serde(default)]
    pub consent: WrittenConsent,
    #[serde(default)]
    pub exception: Exception,
    #[serde(default)]
    pub veilig_thuis: Vec<VeiligThuisReport>,
    #[serde(default)]
    pub retention: Retention,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WithdrawalScope {
    /// The whole consent is withdrawn; otherwise only the listed pairs.
    #[serde(default)]
    pub whole: bool,
    /// Version 2: each category × partner pair of the consent that is withdrawn. What is not
    /// listed remains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<ScopePair>,
    /// Version 1 only: categories withdrawn for every partner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<SpecialCategory>,
    /// Version 1 only: partners with whom nothing is shared any more.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
}

/// One withdrawn pair: the data of `category` is no longer shared with `partner`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScopePair {
    pub category: SpecialCategory,
    pub partner: String,
}

/// A withdrawal of consent (art. 4 lid 6), `recordType: "withdrawal"`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WithdrawalRecord {
    pub schema_version: SchemaVersion,
    pub record_type: WithdrawalType,
    pub record_id: RecordId,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub profile_id: String,
    #[serde(default)]
    pub professional: Professional,
    #[serde(default)]
    pub client: Client,
    #[serde(default)]
    pub representation: Representation,
    /// The consent record withdrawn.
    #[serde(default)]
    pub withdrawn: RecordRef,
    #[serde(default)]
    pub scope: WithdrawalScope,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub signers: Vec<Signer>,
}

/// Kinds of request of art. 11.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RequestKind {
    Information,
    Access,
    Copy,
    Correction,
    Completion,
    Deletion,
    Blocking,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RequestOutcome {
    Granted,
    Partly,
    Rejected,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestDecision {
    pub outcome: RequestOutcome,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub reasons: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PartnerInformed {
    pub partner: String,
    #[serde(default)]
    pub date: Option<Date>,
}

/// A request of the data subject (art. 11), `recordType: "request"`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestRecord {
    pub schema_version: SchemaVersion,
    pub record_type: RequestType,
    pub record_id: RecordId,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub profile_id: String,
    #[serde(default)]
    pub professional: Professional,
    #[serde(default)]
    pub client: Client,
    #[serde(default)]
    pub representation: Representation,
    #[serde(default)]
    pub kind: Option<RequestKind>,
    #[serde(default)]
    pub received: Option<Date>,
    #[serde(default)]
    pub requested_by: Vec<Decider>,
    /// Received + 4 weeks for correction, completion, deletion and blocking.
    #[serde(default)]
    pub deadline: Option<Date>,
    #[serde(default)]
    pub decision: Option<RequestDecision>,
    #[serde(default)]
    pub partners_informed: Vec<PartnerInformed>,
    #[serde(default)]
    pub signers: Vec<Signer>,
}

}

/// Any record keukentafel reads, told apart by `recordType`.
// Records are handled one at a time; boxing the variants would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Document {
    Consent(ConsentRecord),
    Withdrawal(WithdrawalRecord),
    Request(RequestRecord),
}

impl Document {
    pub fn record_id(&self) -> &RecordId {
        match self {
            Document::Consent(r) => &r.record_id,
            Document::Withdrawal(r) => &r.record_id,
            Document::Request(r) => &r.record_id,
        }
    }
    pub fn record_type(&self) -> &'static str {
        match self {
            Document::Consent(_) => "consent",
            Document::Withdrawal(_) => "withdrawal",
            Document::Request(_) => "request",
        }
    }
}

impl ConsentRecord {
    /// Whether there is anything to withdraw (art. 4 lid 6): written consent was given. A refused
    /// or deferred consent, or one without special categories, cannot be withdrawn.
    pub fn can_be_withdrawn(&self) -> bool {
        self.consent.decision == Some(ConsentDecision::Given)
    }

    /// A new, empty consent record.
    pub fn new(record_id: RecordId) -> ConsentRecord {
        ConsentRecord {
            record_id,
            ..ConsentRecord::default()
        }
    }

    /// The date on which art. 12 is applied to the written consent (or its refusal or
    /// deferral): the recorded decision date, else the latest signature date, else the date of
    /// the conversation. The one definition the flow, the validator and the transitions use.
    pub fn consent_decision_date(&self) -> Option<Date> {
        self.consent
            .decision_date
            .or_else(|| latest_signature(&self.consent.signers))
            .or(self.conversation_date)
    }

    /// The date on which art. 12 is applied to the oral assent: its date, else the date of the
    /// conversation.
    pub fn assent_decision_date(&self) -> Option<Date> {
        self.assent.date.or(self.conversation_date)
    }

    /// The date whose age band the record states (RULES.md, art. 12): the written consent's
    /// decision date when a written-consent decision is recorded, else the assent's date, else
    /// the date of the conversation.
    pub fn age_band_date(&self) -> Option<Date> {
        if self.consent.decision.is_some() {
            self.consent_decision_date()
        } else {
            self.assent_decision_date()
        }
    }
}

impl ConsentRecord {
    /// Every category × partner pair consented to, in the record's order.
    pub fn consented_pairs(&self) -> Vec<ScopePair> {
        let mut out = Vec::new();
        if !self.can_be_withdrawn() {
            return out;
        }
        for c in &self.consent.categories {
            for p in &c.partners {
                let pair = ScopePair {
                    category: c.category,
                    partner: p.clone(),
                };
                if !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
        out
    }
}

/// Pairs grouped by category, categories and partners in the order given: what the
/// withdrawal screen shows per category, and how the statements say them.
pub fn pairs_by_category(pairs: &[ScopePair]) -> Vec<(SpecialCategory, Vec<String>)> {
    let mut groups: Vec<(SpecialCategory, Vec<String>)> = Vec::new();
    for p in pairs {
        match groups.iter_mut().find(|(c, _)| *c == p.category) {
            Some((_, partners)) => partners.push(p.partner.clone()),
            None => groups.push((p.category, vec![p.partner.clone()])),
        }
    }
    groups
}

impl WithdrawalRecord {
    /// The date on which art. 12 is applied to the withdrawal: its date, else the latest
    /// signature date.
    pub fn decision_date(&self) -> Option<Date> {
        self.date.or_else(|| latest_signature(&self.signers))
    }

    /// The pairs of `consent` this withdrawal withdraws: all when whole; in version 2 the
    /// listed ones; in version 1 every pair whose category or partner is listed (the meaning
    /// the version-1 screen gave its two lists).
    pub fn withdrawn_pairs(&self, consent: &ConsentRecord) -> Vec<ScopePair> {
        let s = &self.scope;
        consent
            .consented_pairs()
            .into_iter()
            .filter(|p| {
                s.whole
                    || s.pairs.contains(p)
                    || s.categories.contains(&p.category)
                    || s.partners.contains(&p.partner)
            })
            .collect()
    }

    /// Brings a version-1 draft to version 2: its two lists become the pairs they meant for
    /// `consent`. A signed record is never migrated (its signature covers version 1).
    pub fn migrate_to_v2(&mut self, consent: &ConsentRecord) {
        if self.schema_version.0 >= 2 {
            return;
        }
        if !self.scope.whole {
            self.scope.pairs = self.withdrawn_pairs(consent);
        }
        self.scope.categories.clear();
        self.scope.partners.clear();
        self.schema_version = SchemaVersion(SCHEMA_VERSION);
    }
}

/// The latest signature date of a list of signers.
pub fn latest_signature(signers: &[Signer]) -> Option<Date> {
    signers.iter().filter_map(|s| s.date).max()
}

impl Signature {
    /// An empty pad is not a signature, and neither is a single tap: at least one stroke of
    /// two or more points is needed.
    pub fn is_drawn(&self) -> bool {
        self.strokes.iter().any(|s| s.len() >= 2)
    }
    /// A valid alternative confirmation names its reason and witness.
    pub fn has_alternative(&self) -> bool {
        self.alternative
            .as_ref()
            .is_some_and(|a| !a.reason.trim().is_empty() && !a.witnessed_by.trim().is_empty())
    }
}
