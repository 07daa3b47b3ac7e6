//! Text from strangers, made safe to echo: control characters shown as escapes, long
//! values cut with a mark.
//!
//! Everything a file or an argument supplies (office names, skipped values, scenario
//! names, data-folder text) passes through [`echo`] before it reaches a terminal, in text
//! and Markdown output and on the screen. CSV and JSON keep the exact value (JSON escapes
//! it itself).

use std::borrow::Cow;
use std::fmt::Write as _;

/// The most characters of one outside value that a message or a table echoes.
pub const MAX_ECHO: usize = 120;

/// The widest column a table pads to; wider values are cut with [`clip`].
pub const MAX_PAD: usize = 60;

/// Whether `c` is a C0 or C1 control character (or DEL), which a terminal may act on.
#[must_use]
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// `s` with every control character replaced by a visible escape (`\x1b`, `\u{9b}`),
/// so that a crafted value cannot retitle, clear or move the terminal.
#[must_use]
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) {
            let n = u32::from(c);
            if n < 0x80 {
                let _ = write!(out, "\\x{n:02x}");
            } else {
                let _ = write!(out, "\\u{{{n:x}}}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` cut to at most `max` characters, ending in `…` when it was cut.
#[must_use]
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    if s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let keep = max.saturating_sub(1);
    let mut out: String = s.chars().take(keep).collect();
    out.push('…');
    Cow::Owned(out)
}

/// An outside value ready for a terminal: controls escaped, then cut to [`MAX_ECHO`].
#[must_use]
pub fn echo(s: &str) -> String {
    clip(&escape_controls(s), MAX_ECHO).into_owned()
}

/// A padding width for a column of `values`: their widest, but never past `cap`.
#[must_use]
pub fn pad_width<'a>(values: impl IntoIterator<Item = &'a str>, cap: usize) -> usize {
    values
        .into_iter()
        .map(|v| v.chars().count())
        .max()
        .unwrap_or(0)
        .min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_escapes() {
        assert_eq!(escape_controls("Dallas"), "Dallas");
        assert_eq!(
            escape_controls("a\x1b]0;pwned\x07b"),
            "a\\x1b]0;pwned\\x07b"
        );
        assert_eq!(escape_controls("x\u{9b}2J"), "x\\u{9b}2J");
        assert_eq!(escape_controls("two\nlines\r"), "two\\x0alines\\x0d");
    }

    #[test]
    fn long_values_are_cut_with_a_mark() {
        assert_eq!(clip("abcdef", 6), "abcdef");
        assert_eq!(clip("abcdefg", 6), "abcde…");
        assert_eq!(echo(&"é".repeat(70_000)).chars().count(), MAX_ECHO);
        assert!(echo(&"é".repeat(70_000)).ends_with('…'));
    }

    #[test]
    fn padding_never_passes_the_cap() {
        let long = "x".repeat(70_000);
        assert_eq!(pad_width(["ab", long.as_str()], MAX_PAD), MAX_PAD);
        assert_eq!(pad_width(["ab", "abcd"], MAX_PAD), 4);
        assert_eq!(pad_width([], MAX_PAD), 0);
    }
}
