//! Small text helpers for messages.

use std::borrow::Cow;

/// The longest part of a refused or user-supplied value a message quotes, in characters.
pub const QUOTE_MAX: usize = 80;

/// `s` for quoting in a message: at most [`QUOTE_MAX`] characters, cut with "…" (a 5 MB value
/// is never echoed), control characters shown as "␣"-like escapes, isolated ([`isolate`]) when
/// it could reorder the message around it.
pub fn quote(s: &str) -> Cow<'_, str> {
    let long = s.chars().nth(QUOTE_MAX).is_some();
    let control = s.chars().any(|c| c.is_control());
    if !long && !control {
        return isolate(s);
    }
    let mut out: String = s
        .chars()
        .take(QUOTE_MAX)
        .map(|c| if c.is_control() { '·' } else { c })
        .collect();
    if long {
        out.push('…');
    }
    Cow::Owned(isolate(&out).into_owned())
}

/// An explicit direction control: an embedding or override (U+202A–U+202E) or an isolate
/// (U+2066–U+2069). Not refused in records (a name is kept as it was given); never shown as is.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that can change the order of the text around it: a right-to-left letter
/// (Hebrew, Arabic, Syriac, Thaana, N'Ko, …) or a direction mark or control.
fn affects_direction(c: char) -> bool {
    is_direction_control(c)
        || matches!(c,
            '\u{200E}' | '\u{200F}' | '\u{061C}'
            | '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}')
}

/// User-provided text (a name, a reference, a free text) for a display text that puts it among
/// other words: when it could reorder them (U+202E, or simply an Arabic name before a comma) it
/// is wrapped in a first-strong isolate (U+2068 … U+2069) with its own direction controls left
/// out, so "door Piet\u{202E}tekjal, cliënt" reads "door Piet…, cliënt" in that order on screen
/// and on paper. Text without such characters comes back unchanged.
pub fn isolate(s: &str) -> Cow<'_, str> {
    if !s.chars().any(affects_direction) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 6);
    out.push('\u{2068}');
    out.extend(s.chars().filter(|c| !is_direction_control(*c)));
    out.push('\u{2069}');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_isolated_only_when_it_could_reorder_its_surroundings() {
        assert_eq!(isolate("Émile Bos"), "Émile Bos");
        assert!(matches!(isolate("Émile Bos"), Cow::Borrowed(_)));
        assert_eq!(
            isolate("Piet \u{202E}tekjal"),
            "\u{2068}Piet tekjal\u{2069}"
        );
        // A stray isolate or pop inside cannot close ours early or leave one open.
        assert_eq!(isolate("a\u{2069}\u{2066}b"), "\u{2068}ab\u{2069}");
        assert_eq!(isolate("أحمد"), "\u{2068}أحمد\u{2069}");
        assert_eq!(isolate("יעל"), "\u{2068}יעל\u{2069}");
    }

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
