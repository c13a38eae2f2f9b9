//! Small text helpers for messages.

use std::borrow::Cow;

/// The longest part of a refused or user-supplied value a message quotes, in characters.
pub const QUOTE_MAX: usize = 80;

/// `s` for quoting in a message: at most [`QUOTE_MAX`] characters, cut with "…" (a 5 MB value
/// is never echoed), control characters shown as "␣"-like escapes.
pub fn quote(s: &str) -> Cow<'_, str> {
    let long = s.chars().nth(QUOTE_MAX).is_some();
    let control = s.chars().any(|c| c.is_control());
    if !long && !control {
        return Cow::Borrowed(s);
    }
    let mut out: String = s
        .chars()
        .take(QUOTE_MAX)
        .map(|c| if c.is_control() { '·' } else { c })
        .collect();
    if long {
        out.push('…');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short() {
        assert_eq!(quote("kort"), "kort");
        let long = "x".repeat(5_000_000);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_MAX + 1);
        assert!(q.ends_with('…'));
        assert_eq!(quote("a\nb"), "a·b");
    }
}
