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
}

macro_rules! record {
    ($t:ty, $kind:ident, $normalize:path, $validate:path, |$r:ident| $date:expr) => {
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
        }
    };
}

record!(
    ConsentRecord,
    Consent,
    crate::flow::normalize,
    crate::validate::validate_consent,
    |r| r.conversation_date
);
record!(
    WithdrawalRecord,
    Withdrawal,
    crate::flow::normalize_withdrawal,
    crate::validate::validate_withdrawal,
    |r| r.date
);
record!(
    RequestRecord,
    Request,
    crate::flow::normalize_request,
    crate::validate::validate_request,
    |r| r.received
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

impl Document {
    pub fn kind(&self) -> RecordKind {
        match self {
            Document::Consent(_) => RecordKind::Consent,
            Document::Withdrawal(_) => RecordKind::Withdrawal,
            Document::Request(_) => RecordKind::Request,
        }
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
