//! The people in a record — the client, representatives, signers, deciders — and the one way
//! names are compared. The flow (which pads to offer) and the validator (which signatures to
//! demand) both ask [`same_name`], so they can never disagree about who is who.

use crate::model::{Decider, PartyRole, RepresentativeRole, Signer};

/// Whether two typed names are the same person's: case ignored by Unicode's rules for the
/// Latin, Greek, Cyrillic and Armenian alphabets ("É" = "é", "Ł" = "ł", "Ǆ" ≠ "ǆ" outside them),
/// spaces at the ends ignored and runs of spaces counted as one.
pub fn same_name(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) => {
                if p != q && !p.chars().flat_map(lower).eq(q.chars().flat_map(lower)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The lowercase of a character as Unicode has it (`char::to_lowercase`), for the letters of the
/// alphabets in which names have case — Latin (Basic, Latin-1, Extended-A, Extended Additional
/// with Vietnamese), Greek, Cyrillic, Armenian — computed from their code-point layout, so that
/// Unicode's whole case table (12 KB, 4 KB gzip) stays out of the browser bundle. Any other
/// character is itself: a comparison can only be stricter than Unicode's, never looser (both
/// tested exhaustively against `char::to_lowercase`).
fn lower(c: char) -> impl Iterator<Item = char> {
    let u = c as u32;
    let (l, dot) = match u {
        // İ: i and a combining dot above, Unicode's one lowercase of two characters.
        0x130 => (0x69, Some('\u{307}')),
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => (u + 32, None),
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => (u + 1, None),
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => (u + 1, None),
        0x178 => (0xFF, None),
        0x386 => (0x3AC, None),
        0x388..=0x38A => (u + 37, None),
        0x38C => (0x3CC, None),
        0x38E..=0x38F => (u + 63, None),
        0x391..=0x3A1 | 0x3A3..=0x3AB => (u + 32, None),
        0x400..=0x40F => (u + 80, None),
        0x410..=0x42F => (u + 32, None),
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u.is_multiple_of(2) => (u + 1, None),
        0x4C0 => (0x4CF, None),
        0x4C1..=0x4CE if !u.is_multiple_of(2) => (u + 1, None),
        0x531..=0x556 => (u + 48, None),
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u.is_multiple_of(2) => (u + 1, None),
        0x1E9E => (0xDF, None),
        _ => (u, None),
    };
    std::iter::once(char::from_u32(l).unwrap_or(c)).chain(dot)
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
        assert!(same_name("ŁUKASZ WÓJCIK", "Łukasz Wójcik"));
        assert!(same_name("NGUYỄN", "nguyễn"));
        assert!(same_name("ΕΛΈΝΗ", "ελένη"));
        assert!(same_name("ОЛЕНА", "олена"));
    }

    /// The alphabets `lower` covers: exactly Unicode's lowercase, character for character.
    #[test]
    fn lower_is_unicode_in_the_alphabets_it_covers() {
        let covered = [
            0..=0x17F,
            0x386..=0x3AB,
            0x400..=0x52F,
            0x531..=0x556,
            0x1E00..=0x1EFF,
        ];
        for c in covered.into_iter().flatten().filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?} (U+{:04X})", c as u32);
        }
    }

    /// Everywhere else it is Unicode's lowercase or the character itself: never another letter,
    /// so no two names match that Unicode would tell apart.
    #[test]
    fn lower_is_never_looser_than_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let l: Vec<char> = lower(c).collect();
            assert!(
                l == [c] || l.iter().copied().eq(c.to_lowercase()),
                "{c:?} (U+{:04X})",
                c as u32
            );
        }
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
