//! What the three record types share, for the screens that edit them, the storage that keeps
//! them and the signing that seals them: one trait, so that one editor, one store and one
//! signing flow serve consent, withdrawal and request alike.

use crate::date::Date;
use crate::model::*;
use crate::profile::Profile;
use crate::rules::Finding;
use serde::{de::DeserializeOwned, Serialize};

/// The kind of a record: its `recordType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Consent,
    Withdrawal,
    Request,
}

impl RecordKind {
    pub const ALL: [RecordKind; 3] = [
        RecordKind::Consent,
        RecordKind::Withdrawal,
        RecordKind::Request,
    ];

    /// The `recordType` a record of this kind writes.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Consent => "consent",
            RecordKind::Withdrawal => "withdrawal",
            RecordKind::Request => "request",
        }
    }

    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// "toestemming", "intrekking", "verzoek".
    pub fn label_nl(self) -> &'static str {
        match self {
            RecordKind::Consent => "toestemming",
            RecordKind::Withdrawal => "intrekking",
            RecordKind::Request => "verzoek",
        }
    }
}

/// A record that is edited, stored, validated and signed.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static {
    const KIND: RecordKind;
    fn record_id(&self) -> &RecordId;
    fn client(&self) -> &Client;
    fn professional_mut(&mut self) -> &mut Professional;
    /// Brings the derived fields in line after an edit (`flow::derive`).
    fn normalize(&mut self);
    /// The findings of the rules (`validate`).
    fn validate(&self, profile: &Profile, today: Date) -> Vec<Finding>;
    /// The date in the export's file name and the outbox: the conversation's, the withdrawal's,
    /// the day a request was received.
    fn file_date(&self) -> Option<Date>;
    fn to_document(&self) -> Document;
    fn from_document(doc: Document) -> Option<Self>;
    /// Brings an unsigned draft of an older `schemaVersion` to this one. A withdrawal needs the
    /// consent it withdraws to turn its version-1 lists into pairs; without it the draft keeps
    /// version 1 (and is validated, and signed, as one).
    fn upgrade(&mut self, withdrawn: Option<&ConsentRecord>);
}

macro_rules! record {
    ($t:ty, $kind:ident, $normalize:path, $validate:path, |$r:ident| $date:expr, |$u:ident, $c:ident| $upgrade:expr) => {
        impl Record for $t {
            const KIND: RecordKind = RecordKind::$kind;
            fn record_id(&self) -> &RecordId {
                &self.record_id
            }
            fn client(&self) -> &Client {
                &self.client
            }
            fn professional_mut(&mut self) -> &mut Professional {
                &mut self.professional
            }
            fn normalize(&mut self) {
                $normalize(self)
            }
            fn validate(&self, profile: &Profile, today: Date) -> Vec<Finding> {
                $validate(self, profile, today)
            }
            fn file_date(&self) -> Option<Date> {
                let $r = self;
                $date
            }
            fn to_document(&self) -> Document {
                Document::$kind(self.clone())
            }
            fn from_document(doc: Document) -> Option<Self> {
                match doc {
                    Document::$kind(r) => Some(r),
                    _ => None,
                }
            }
            fn upgrade(&mut self, withdrawn: Option<&ConsentRecord>) {
                let ($u, $c) = (self, withdrawn);
                $upgrade
            }
        }
    };
}

record!(
    ConsentRecord,
    Consent,
    crate::flow::normalize,
    crate::validate::validate_consent,
    |r| r.conversation_date,
    |r, _c| r.schema_version = SchemaVersion(SCHEMA_VERSION)
);
record!(
    WithdrawalRecord,
    Withdrawal,
    crate::flow::normalize_withdrawal,
    crate::validate::validate_withdrawal,
    |r| r.date,
    |r, c| if let Some(c) = c {
        r.migrate_to_v2(c)
    }
);
record!(
    RequestRecord,
    Request,
    crate::flow::normalize_request,
    crate::validate::validate_request,
    |r| r.received,
    |r, _c| r.schema_version = SchemaVersion(SCHEMA_VERSION)
);

/// A record that says who represents the client: the consent, a withdrawal (with the
/// representatives on its date) and a request.
pub trait Represented: 'static {
    fn representation(&self) -> &Representation;
    fn representation_mut(&mut self) -> &mut Representation;
}

macro_rules! represented {
    ($($t:ty),*) => {$(
        impl Represented for $t {
            fn representation(&self) -> &Representation {
                &self.representation
            }
            fn representation_mut(&mut self) -> &mut Representation {
                &mut self.representation
            }
        }
    )*};
}
represented!(ConsentRecord, WithdrawalRecord, RequestRecord);

/// A record signed by hand by the persons art. 12 requires: the consent (`consent.signers`)
/// and a withdrawal (`signers`). The screens show and change their signers through this alone.
pub trait HandSigned: 'static {
    fn signers(&self) -> &[Signer];
    fn signers_mut(&mut self) -> &mut [Signer];
    /// Where signer `i` is in the record (`consent.signers[i]`, `signers[i]`).
    fn signer_path(i: usize) -> crate::paths::SignerPath;
    /// Signer `i` confirms in the professional's presence instead of drawing (or draws again):
    /// the professional is the witness until someone else is named; a drawing is dropped.
    fn use_alternative_confirmation(&mut self, i: usize, on: bool);
}

macro_rules! hand_signed {
    ($($t:ty => $($field:ident).+, $path:path);*) => {$(
        impl HandSigned for $t {
            fn signers(&self) -> &[Signer] {
                &self.$($field).+
            }
            fn signers_mut(&mut self) -> &mut [Signer] {
                &mut self.$($field).+
            }
            fn signer_path(i: usize) -> crate::paths::SignerPath {
                $path(i)
            }
            fn use_alternative_confirmation(&mut self, i: usize, on: bool) {
                crate::flow::changes::confirm_instead(&mut self.$($field).+, i, on, &self.professional.name);
            }
        }
    )*};
}
hand_signed!(
    ConsentRecord => consent.signers, crate::paths::consent_signer;
    WithdrawalRecord => signers, crate::paths::signer
);

impl RequestRecord {
    /// The latest date the request states (received, decided, partners told, signed): the
    /// day it was signed at the earliest.
    pub fn latest_date(&self) -> Option<Date> {
        [self.received, self.decision.as_ref().and_then(|d| d.date)]
            .into_iter()
            .chain(self.partners_informed.iter().map(|p| p.date))
            .chain(self.signers.iter().map(|s| s.date))
            .flatten()
            .max()
    }
}

impl Document {
    /// The date a file of this record is named after (`Record::file_date`).
    pub fn file_date(&self) -> Option<Date> {
        match self {
            Document::Consent(r) => r.file_date(),
            Document::Withdrawal(r) => r.file_date(),
            Document::Request(r) => r.file_date(),
        }
    }

    pub fn kind(&self) -> RecordKind {
        match self {
            Document::Consent(_) => RecordKind::Consent,
            Document::Withdrawal(_) => RecordKind::Withdrawal,
            Document::Request(_) => RecordKind::Request,
        }
    }

    /// The professional the record names.
    pub fn professional(&self) -> &Professional {
        match self {
            Document::Consent(r) => &r.professional,
            Document::Withdrawal(r) => &r.professional,
            Document::Request(r) => &r.professional,
        }
    }

    /// The client's dossier reference in the municipality's file.
    pub fn dossier_reference(&self) -> &str {
        match self {
            Document::Consent(r) => &r.client.dossier_reference,
            Document::Withdrawal(r) => &r.client.dossier_reference,
            Document::Request(r) => &r.client.dossier_reference,
        }
    }

    /// Art. 6: until when the record is kept — a consent's own keep-until date; a withdrawal
    /// and a request have none of their own (a withdrawal follows its consent's).
    pub fn keep_until(&self) -> Option<Date> {
        match self {
            Document::Consent(r) => r.retention.keep_until,
            _ => None,
        }
    }

    /// For a withdrawal: the hash of the signed consent it withdraws.
    pub fn withdraws(&self) -> Option<&str> {
        match self {
            Document::Withdrawal(r) if !r.withdrawn.hash.is_empty() => Some(&r.withdrawn.hash),
            _ => None,
        }
    }

    /// Whether the record names `signer` (as an enrolled key names its professional) as its
    /// professional: a professional's key signs only their own records.
    pub fn names_signer(&self, signer: &str) -> bool {
        crate::person::same_name(&self.professional().name, signer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_the_record_types() {
        for k in RecordKind::ALL {
            assert_eq!(RecordKind::from_key(k.key()), Some(k));
        }
        let doc = Document::Request(RequestRecord::default());
        assert_eq!(doc.kind().key(), doc.record_type());
        let r = ConsentRecord::default();
        assert_eq!(ConsentRecord::from_document(r.to_document()), Some(r));
        assert_eq!(WithdrawalRecord::from_document(doc), None);
    }
}
