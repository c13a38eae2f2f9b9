//! The people in a record — the client, representatives, signers, deciders — and the one way
//! names are compared. The flow (which pads to offer) and the validator (which signatures to
//! demand) both ask [`same_name`], so they can never disagree about who is who.

use crate::model::{Decider, PartyRole, RepresentativeRole, Signer};

/// Whether two typed names are the same person's: case ignored by Unicode rules ("É" = "é"),
/// spaces at the ends ignored and runs of spaces counted as one.
pub fn same_name(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) => {
                if p != q
                    && !p
                        .chars()
                        .flat_map(char::to_lowercase)
                        .eq(q.chars().flat_map(char::to_lowercase))
                {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Whether a name is empty (or only spaces).
pub fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A person who takes part in a decision: a signer or a decider.
pub trait Party {
    fn name(&self) -> &str;
    fn role(&self) -> PartyRole;
    fn relationship(&self) -> Option<RepresentativeRole>;

    /// Whether this is the same person as `other` in the same capacity.
    fn same_person(&self, other: &dyn Party) -> bool {
        self.role() == other.role()
            && (self.role() == PartyRole::Client || self.relationship() == other.relationship())
            && same_name(self.name(), other.name())
    }
}

macro_rules! party {
    ($($t:ty),*) => {$(
        impl Party for $t {
            fn name(&self) -> &str {
                &self.name
            }
            fn role(&self) -> PartyRole {
                self.role
            }
            fn relationship(&self) -> Option<RepresentativeRole> {
                self.relationship
            }
        }
    )*};
}
party!(Signer, Decider, Person);

/// A person who must decide, as the flow lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: PartyRole,
    pub relationship: Option<RepresentativeRole>,
}

impl Person {
    pub fn of(p: &dyn Party) -> Person {
        Person {
            name: p.name().to_owned(),
            role: p.role(),
            relationship: p.relationship(),
        }
    }

    /// "Mila Jansen, ouder met gezag", "Daan Jansen, cliënt".
    pub fn label_nl(&self) -> String {
        let name = if blank(&self.name) {
            "(naam nog invullen)".into()
        } else {
            crate::text::isolate(self.name.trim())
        };
        match (self.role, self.relationship) {
            (PartyRole::Client, _) => format!("{name}, cliënt"),
            (_, Some(rel)) => format!("{name}, {}", rel.label_nl()),
            _ => format!("{name}, vertegenwoordiger"),
        }
    }
}

/// "Mila Jansen (ouder met gezag)", for messages about a party.
pub fn who(p: &dyn Party) -> String {
    let name = if blank(p.name()) {
        "(naam ontbreekt)".into()
    } else {
        crate::text::isolate(p.name().trim())
    };
    match (p.role(), p.relationship()) {
        (PartyRole::Client, _) => format!("{name} (cliënt)"),
        (PartyRole::Representative, Some(rel)) => format!("{name} ({})", rel.label_nl()),
        (PartyRole::Representative, None) => format!("{name} (vertegenwoordiger)"),
    }
}

/// Names joined as Dutch prose: "A", "A en B", "A, B en C"; "niemand" for none.
pub fn join_nl(names: &[String]) -> String {
    match names {
        [] => "niemand".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_by_unicode_case_and_collapsed_spaces() {
        assert!(same_name("Émile Bos", "émile bos"));
        assert!(same_name("Émile  Bos", " ÉMILE BOS "));
        assert!(same_name("", "  "));
        assert!(!same_name("Emile Bos", "Émile Bos"));
        assert!(!same_name("Émile Bos", "Émile"));
        assert!(!same_name("T. Bakker", "Tom Bakker"));
        assert!(same_name("İstanbul", "i̇stanbul"));
    }

    #[test]
    fn prose_lists() {
        let s = |v: &[&str]| join_nl(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "niemand");
        assert_eq!(s(&["Noor"]), "Noor");
        assert_eq!(s(&["Noor", "Eva"]), "Noor en Eva");
        assert_eq!(s(&["Noor", "Eva", "Tim"]), "Noor, Eva en Tim");
    }
}
