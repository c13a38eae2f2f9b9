//! Fixtures and the case runner shared by the rule tests: every case changes one thing in a
//! valid example record and says which code must (or must not) be reported, and where.

use keukentafel_core::parse::parse_document;
use keukentafel_core::*;

macro_rules! example {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/records/",
            $name
        ))
    };
}
pub(crate) use example;

pub const UNDER_12: &str = example!("valid-under-12.json");
pub const TEEN: &str = example!("valid-12-to-15.json");
pub const ADULT: &str = example!("valid-16-plus.json");
pub const INCAPABLE: &str = example!("valid-incapable-mentor.json");
pub const WITHDRAWAL: &str = example!("valid-withdrawal-after-16.json");
pub const REQUEST: &str = example!("valid-request-rejected.json");

pub fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub fn today() -> Date {
    d("2026-11-30")
}

pub fn profile() -> Profile {
    Profile::landsmeer()
}

pub fn doc(json: &str) -> Document {
    parse_document(json).unwrap_or_else(|e| panic!("example does not parse: {e}"))
}

pub fn consent(json: &str) -> ConsentRecord {
    match doc(json) {
        Document::Consent(r) => r,
        _ => panic!("not a consent record"),
    }
}

pub fn findings(doc: &Document) -> Vec<Finding> {
    validate(doc, &profile(), today())
}

pub type Mutation = Box<dyn Fn(&mut Document)>;

pub fn c(f: impl Fn(&mut ConsentRecord) + 'static) -> Mutation {
    Box::new(move |doc| match doc {
        Document::Consent(r) => f(r),
        _ => panic!("consent mutation on another record type"),
    })
}
pub fn w(f: impl Fn(&mut WithdrawalRecord) + 'static) -> Mutation {
    Box::new(move |doc| match doc {
        Document::Withdrawal(r) => f(r),
        _ => panic!("withdrawal mutation on another record type"),
    })
}
pub fn q(f: impl Fn(&mut RequestRecord) + 'static) -> Mutation {
    Box::new(move |doc| match doc {
        Document::Request(r) => f(r),
        _ => panic!("request mutation on another record type"),
    })
}

pub struct Case {
    pub code: Code,
    pub what: &'static str,
    pub base: &'static str,
    pub change: Mutation,
    /// Whether the code must be reported (true) or must be absent (false).
    pub fires: bool,
    /// The path it must be reported at (when it fires).
    pub path: Option<&'static str>,
}

pub fn fail(
    code: Code,
    what: &'static str,
    base: &'static str,
    path: &'static str,
    change: Mutation,
) -> Case {
    Case {
        code,
        what,
        base,
        change,
        fires: true,
        path: Some(path),
    }
}

pub fn pass(code: Code, what: &'static str, base: &'static str, change: Mutation) -> Case {
    Case {
        code,
        what,
        base,
        change,
        fires: false,
        path: None,
    }
}

pub fn signer(name: &str, role: PartyRole, rel: Option<RepresentativeRole>, date: &str) -> Signer {
    Signer {
        name: name.into(),
        role,
        relationship: rel,
        date: Some(d(date)),
        signature: Signature {
            strokes: vec![vec![[100, 100], [5000, 5000], [9000, 2000]]],
            alternative: None,
        },
    }
}

/// The representative `name` (as `rel`) gives the oral assent and signs, on the conversation date.
pub fn decided_by_representative(r: &mut ConsentRecord, name: &str, rel: RepresentativeRole) {
    r.consent.signers = vec![signer(
        name,
        PartyRole::Representative,
        Some(rel),
        "2026-11-20",
    )];
    r.assent.given_by = vec![Decider {
        name: name.into(),
        role: PartyRole::Representative,
        relationship: Some(rel),
    }];
}

/// Runs the cases: each changes its base record and checks its code at its path.
pub fn run(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for case in cases {
        let mut doc = doc(case.base);
        (case.change)(&mut doc);
        let found = findings(&doc);
        let hits: Vec<&Finding> = found.iter().filter(|f| f.code == case.code).collect();
        if case.fires {
            let path = case.path.unwrap();
            if !hits.iter().any(|f| f.path == path) {
                failures.push(format!(
                    "{} [{}]: expected at {path}, got {:#?}",
                    case.code.as_str(),
                    case.what,
                    found
                ));
            }
        } else if !hits.is_empty() {
            failures.push(format!(
                "{} [{}]: expected absent, got {:#?}",
                case.code.as_str(),
                case.what,
                hits
            ));
        }
        // Every finding is well formed.
        for f in &found {
            assert_eq!(f.severity, f.code.severity());
            assert_eq!(f.article, f.code.article());
            assert!(!f.message.trim().is_empty() && !f.path.is_empty());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
