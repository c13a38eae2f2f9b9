//! The paths of a record's fields, as findings name them (`consent.categories[0].purpose`).
//!
//! The validator reports a finding at a path, and a screen shows it beside the field with that
//! path; both take the path from here, so a typo cannot silently lose a message beside its
//! field. A test resolves every path in a full record of each type.

macro_rules! items {
    ($( $(#[$doc:meta])* $name:ident { $( $f:ident = $json:literal ),* $(,)? } )*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct $name(String);

            impl $name {
                /// The path of the element itself (`consent.signers[0]`).
                pub fn as_str(&self) -> &str {
                    &self.0
                }
                $(
                    pub fn $f(&self) -> String {
                        format!("{}.{}", self.0, $json)
                    }
                )*
            }

            impl From<$name> for String {
                fn from(p: $name) -> String {
                    p.0
                }
            }
        )*
    };
}

items! {
    /// `representation.representatives[i]`
    RepresentativePath { name = "name", role = "role" }
    /// `representation.chainFacts[i]`
    ChainFactPath { note = "note" }
    /// `representation.restrictions[i]`
    RestrictionPath { representative = "representative", kind = "kind", reason = "reason" }
    /// `assent.givenBy[i]`, `requestedBy[i]`
    DeciderPath { name = "name", role = "role", relationship = "relationship" }
    /// `consent.categories[i]`
    CategoryPath { category = "category", purpose = "purpose", partners = "partners" }
    /// `consent.signers[i]`, `signers[i]`
    SignerPath {
        name = "name",
        relationship = "relationship",
        date = "date",
        signature = "signature",
        strokes = "signature.strokes",
        alternative_reason = "signature.alternative.reason",
        alternative_witnessed_by = "signature.alternative.witnessedBy",
    }
    /// `veiligThuis[i]`
    VeiligThuisPath { without_consent = "withoutConsent", date = "date", data_given = "dataGiven", note = "note" }
    /// `partnersInformed[i]`
    PartnerInformedPath { partner = "partner" }
}

/// Element `i` of the list at `list`: `informing.partners[2]`.
pub fn element(list: &str, i: usize) -> String {
    format!("{list}[{i}]")
}

// Every record type.
pub const PROFESSIONAL_NAME: &str = "professional.name";
pub const PROFESSIONAL_ORGANISATION: &str = "professional.organisation";
pub const PROFESSIONAL_ROLE: &str = "professional.role";
pub const CLIENT_DOSSIER: &str = "client.dossierReference";
pub const CLIENT_NAME: &str = "client.name";
pub const CLIENT_BIRTH_DATE: &str = "client.birthDate";
pub const AGE_BAND: &str = "representation.ageBand";
pub const CAPACITY_REASON: &str = "representation.capacity.reason";
pub const CAPACITY_JUDGED_BY: &str = "representation.capacity.judgedBy";
pub const CAPACITY_DATE: &str = "representation.capacity.date";
pub const REPRESENTATIVES: &str = "representation.representatives";
pub const CHAIN_FACTS: &str = "representation.chainFacts";
pub const RESTRICTIONS: &str = "representation.restrictions";

pub fn representative(i: usize) -> RepresentativePath {
    RepresentativePath(element(REPRESENTATIVES, i))
}
pub fn chain_fact(i: usize) -> ChainFactPath {
    ChainFactPath(element(CHAIN_FACTS, i))
}
pub fn restriction(i: usize) -> RestrictionPath {
    RestrictionPath(element(RESTRICTIONS, i))
}

// A consent record.
pub const CONVERSATION_DATE: &str = "conversationDate";
pub const HELP_DOMAINS: &str = "helpQuestion.domains";
pub const HELP_DESCRIPTION: &str = "helpQuestion.description";
pub const INFORMING_EXPLAINED: &str = "informing.explained";
pub const INFORMING_EXCHANGE: &str = "informing.exchangeIntended";
pub const INFORMING_PARTNERS: &str = "informing.partners";
pub const ASSENT_OUTCOME: &str = "assent.outcome";
pub const ASSENT_GIVEN_BY: &str = "assent.givenBy";
pub const ASSENT_DATE: &str = "assent.date";
pub const ASSENT_PURPOSE: &str = "assent.provision.purpose";
pub const ASSENT_PARTNERS: &str = "assent.provision.partners";
pub const CONSENT_DECISION: &str = "consent.decision";
pub const CONSENT_DECISION_DATE: &str = "consent.decisionDate";
pub const CONSENT_CATEGORIES: &str = "consent.categories";
pub const CONSENT_SIGNERS: &str = "consent.signers";
pub const EXCEPTION_CONTINUES: &str = "exception.processingContinues";
pub const EXCEPTION_GROUND: &str = "exception.ground";
pub const EXCEPTION_NOTE: &str = "exception.note";
pub const VEILIG_THUIS: &str = "veiligThuis";
pub const SUPPORT_CLOSED: &str = "retention.supportClosed";
pub const KEEP_UNTIL: &str = "retention.keepUntil";
pub const LONGER_REASON: &str = "retention.longerReason";

pub fn assent_given_by(i: usize) -> DeciderPath {
    DeciderPath(element(ASSENT_GIVEN_BY, i))
}
pub fn category(i: usize) -> CategoryPath {
    CategoryPath(element(CONSENT_CATEGORIES, i))
}
pub fn consent_signer(i: usize) -> SignerPath {
    SignerPath(element(CONSENT_SIGNERS, i))
}
pub fn veilig_thuis(i: usize) -> VeiligThuisPath {
    VeiligThuisPath(element(VEILIG_THUIS, i))
}

// A withdrawal.
pub const WITHDRAWN_RECORD_ID: &str = "withdrawn.recordId";
pub const WITHDRAWN_HASH: &str = "withdrawn.hash";
pub const WITHDRAWN_DATE: &str = "withdrawn.date";
pub const WITHDRAWAL_DATE: &str = "date";
pub const SCOPE: &str = "scope";
pub const SCOPE_WHOLE: &str = "scope.whole";
/// Version 2: the withdrawn category × partner pairs.
pub const SCOPE_PAIRS: &str = "scope.pairs";
/// Version 1 only.
pub const SCOPE_CATEGORIES: &str = "scope.categories";
/// Version 1 only.
pub const SCOPE_PARTNERS: &str = "scope.partners";
/// The signers of a withdrawal or a request.
pub const SIGNERS: &str = "signers";

pub fn signer(i: usize) -> SignerPath {
    SignerPath(element(SIGNERS, i))
}

// A request.
pub const REQUEST_KIND: &str = "kind";
pub const RECEIVED: &str = "received";
pub const DEADLINE: &str = "deadline";
pub const REQUESTED_BY: &str = "requestedBy";
pub const DECISION: &str = "decision";
pub const DECISION_DATE: &str = "decision.date";
pub const DECISION_REASONS: &str = "decision.reasons";
pub const PARTNERS_INFORMED: &str = "partnersInformed";

pub fn requested_by(i: usize) -> DeciderPath {
    DeciderPath(element(REQUESTED_BY, i))
}
pub fn partner_informed(i: usize) -> PartnerInformedPath {
    PartnerInformedPath(element(PARTNERS_INFORMED, i))
}
