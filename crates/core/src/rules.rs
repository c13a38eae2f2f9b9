//! The rule codes of RULES.md with their severity and article, and the finding type.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the final signature and export.
    Error,
    /// Shown, does not block.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $variant:ident = $code:literal, $sev:ident, $article:literal, $title:literal; )*) => {
        /// A rule of RULES.md. The string form is the stable code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $variant, )* }

        impl Code {
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }
            pub fn article(self) -> &'static str {
                match self { $( Code::$variant => $article, )* }
            }
            /// A short Dutch title of the rule.
            pub fn title_nl(self) -> &'static str {
                match self { $( Code::$variant => $title, )* }
            }
            pub fn from_code(s: &str) -> Option<Code> {
                match s { $( $code => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

codes! {
    InfoExplained = "INFO-EXPLAINED", Error, "art. 4 lid 1", "Uitleg over vastleggen en uitwisselen";
    InfoPartners = "INFO-PARTNERS", Error, "art. 4 lid 2", "Partners concreet benoemd";
    AssentOutcome = "ASSENT-OUTCOME", Error, "art. 4 lid 3", "Uitkomst van de instemming";
    AssentDetails = "ASSENT-DETAILS", Error, "art. 4 lid 3", "Wie, wanneer en waarvoor instemming gaf";
    ConsentDecision = "CONSENT-DECISION", Error, "art. 4 lid 4", "Besluit over schriftelijke toestemming";
    ConsentDeferred = "CONSENT-DEFERRED", Warning, "bijlage I stap 6", "Toestemming uitgesteld";
    ConsentScope = "CONSENT-SCOPE", Error, "art. 4 lid 4", "Toestemming per categorie en partner";
    ConsentSignatures = "CONSENT-SIGNATURES", Error, "art. 4 lid 4", "Handtekeningen";
    NecessityPurpose = "NECESSITY-PURPOSE", Error, "art. 5", "Doel per categorie";
    NecessityDomain = "NECESSITY-DOMAIN", Error, "art. 5", "Ondersteuningsdomein van de hulpvraag";
    ExceptionGround = "EXCEPTION-GROUND", Error, "art. 4 lid 5", "Grond voor verwerking zonder toestemming";
    WithdrawalLink = "WITHDRAWAL-LINK", Error, "art. 4 lid 6", "Verwijzing naar het ingetrokken record";
    WithdrawalBy = "WITHDRAWAL-BY", Error, "art. 4 lid 6, art. 12", "Bevoegd tot intrekken";
    WithdrawalScope = "WITHDRAWAL-SCOPE", Error, "art. 4 lid 6", "Wat wordt ingetrokken";
    RetentionDate = "RETENTION-DATE", Error, "art. 6", "Bewaartermijn";
    RetentionLonger = "RETENTION-LONGER", Error, "art. 6", "Langere bewaartermijn onderbouwd";
    VeiligThuisNote = "VEILIG-THUIS-NOTE", Error, "art. 10 lid 2", "Aantekening verstrekking Veilig Thuis";
    RepUnder12 = "REP-UNDER-12", Error, "art. 12 lid 1", "Jonger dan 12: wettelijk vertegenwoordiger";
    Rep12To15 = "REP-12-TO-15", Error, "art. 12 lid 1", "12 tot 16: vertegenwoordiger en kind samen";
    Rep16Plus = "REP-16-PLUS", Error, "art. 12 lid 1", "Vanaf 16: cliënt zelf";
    RepIncapableReason = "REP-INCAPABLE-REASON", Error, "art. 12 lid 2", "Oordeel wilsonbekwaamheid onderbouwd";
    RepIncapableOrder = "REP-INCAPABLE-ORDER", Error, "art. 12 lid 2", "Volgorde van vertegenwoordigers";
    RepRestrictedReason = "REP-RESTRICTED-REASON", Error, "art. 12 lid 3", "Reden voor beperking van vertegenwoordiger";
    SubjectBirthdate = "SUBJECT-BIRTHDATE", Error, "art. 12", "Geboortedatum cliënt";
    RequestDeadline = "REQUEST-DEADLINE", Error, "art. 11 lid 5", "Beslistermijn van vier weken";
    RequestRejectionReason = "REQUEST-REJECTION-REASON", Error, "art. 11 lid 5", "Schriftelijk gemotiveerde afwijzing";
    RequestPartnersTold = "REQUEST-PARTNERS-TOLD", Warning, "art. 11 lid 6", "Partners op de hoogte gebracht";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::from_code(&s).ok_or_else(|| serde::de::Error::custom(format!("onbekende code {s}")))
    }
}

/// One violated rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub article: String,
    /// Path of the field concerned, e.g. `consent.signers[0].date`.
    pub path: String,
    /// Plain Dutch, for the professional.
    pub message: String,
}

impl Finding {
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            article: code.article().to_owned(),
            path: path.into(),
            message: message.into(),
        }
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// True when no finding is an error (warnings do not block).
pub fn no_errors(findings: &[Finding]) -> bool {
    !findings.iter().any(Finding::is_error)
}
