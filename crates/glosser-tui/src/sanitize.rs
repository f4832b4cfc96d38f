//! Untrusted text made safe to draw: control characters, DEL, C1 controls, bidi controls and the
//! Unicode line and paragraph separators become visible one-cell placeholders and never reach
//! the terminal raw.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Cells a tab takes in the article.
pub const TAB_WIDTH: u16 = 4;

/// Placeholder for one char that must not reach the terminal, if it is one.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('¿'),
        c if glosser_core::store::is_bidi_control(c) => Some('¦'),
        // Line and paragraph separators: terminals draw them in no cell, or break the row.
        '\u{2028}' => Some('↵'),
        '\u{2029}' => Some('¶'),
        _ => None,
    }
}

/// What one grapheme of an article looks like on screen: the text to draw and its width in cells.
/// Line breaks are `None`: they end a row and take no cell.
pub fn grapheme_cell(g: &str) -> Option<(Cow<'_, str>, u16)> {
    if let [b' '..=b'~'] = g.as_bytes() {
        return Some((Cow::Borrowed(g), 1));
    }
    if g == "\n" || g == "\r\n" {
        return None;
    }
    if g == "\t" {
        return Some((Cow::Borrowed("    "), TAB_WIDTH));
    }
    if g.chars().any(|c| placeholder(c).is_some()) {
        let first = g.chars().next().and_then(placeholder).unwrap_or('¿');
        return Some((Cow::Owned(first.to_string()), 1));
    }
    match g.width() {
        0 => Some((Cow::Borrowed("◌"), 1)),
        w => Some((Cow::Borrowed(g), w.min(2) as u16)),
    }
}

/// The grapheme clusters of `text`, like `UnicodeSegmentation::graphemes(text, true)`, with a
/// fast path for ASCII: a byte followed by another ASCII byte is a cluster of its own (except
/// `\r\n`), so plain text never pays for full segmentation.
pub fn graphemes(text: &str) -> Graphemes<'_> {
    Graphemes { text, at: 0 }
}

/// Iterator of [`graphemes`].
pub struct Graphemes<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let first = *bytes.get(start)?;
        let next = bytes.get(start + 1).copied();
        let single = first < 0x80
            && next.is_none_or(|n| n < 0x80)
            && !(first == b'\r' && next == Some(b'\n'));
        let len = if single {
            1
        } else {
            use unicode_segmentation::UnicodeSegmentation;
            self.text[start..]
                .graphemes(true)
                .next()
                .map_or(1, str::len)
        };
        self.at += len;
        Some(&self.text[start..start + len])
    }
}

/// A single-line string safe to draw: controls become placeholders, line breaks and tabs spaces.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| placeholder(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
                c => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_graphemes_match_unicode_segmentation() {
        use unicode_segmentation::UnicodeSegmentation;
        for text in [
            "",
            "plain ascii",
            "a\r\nb\r",
            "e\u{301}x",
            "👨\u{200d}👩 a",
            "🇫🇷🇩🇪x",
            "中a\u{1b}[",
            "a\u{200d}b",
        ] {
            let fast: Vec<&str> = graphemes(text).collect();
            let slow: Vec<&str> = text.graphemes(true).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn placeholders() {
        assert_eq!(sanitize("ok “fine”"), "ok “fine”");
        assert!(matches!(sanitize("ok"), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\u{1b}[31mb\u{202e}c\u{7f}\u{85}"), "a␛[31mb¦c␡¿");
        assert_eq!(sanitize("two\nlines\r\n\tx"), "two lines  \u{20}x");
        assert_eq!(grapheme_cell("\u{1b}").unwrap(), (Cow::Borrowed("␛"), 1));
        assert_eq!(grapheme_cell("中").unwrap().1, 2);
        assert_eq!(grapheme_cell("e\u{301}").unwrap().1, 1);
        assert_eq!(grapheme_cell("\u{301}").unwrap(), (Cow::Borrowed("◌"), 1));
        assert_eq!(grapheme_cell("\t").unwrap().1, TAB_WIDTH);
        assert_eq!(grapheme_cell("\r\n"), None);
        assert_eq!(grapheme_cell("\r").unwrap(), (Cow::Borrowed("␍"), 1));
        assert_eq!(grapheme_cell("\u{2028}").unwrap(), (Cow::Borrowed("↵"), 1));
        assert_eq!(
            sanitize("a\u{2028}b\u{2029}c"),
            "a b c",
            "one line: breaks are spaces"
        );
    }
}
