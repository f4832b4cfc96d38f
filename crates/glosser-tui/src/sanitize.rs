//! Untrusted text made safe to draw: control characters, DEL, C1 controls, bidi controls and the
//! Unicode line and paragraph separators become visible one-cell placeholders and never reach
//! the terminal raw.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Cells a tab takes in the article.
pub const TAB_WIDTH: u16 = 4;

/// Placeholder for one char that must not reach the terminal, if it is one.
pub(crate) fn placeholder(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('¿'),
        c if glosser_core::fsio::is_bidi_control(c) => Some('¦'),
        // Line and paragraph separators: terminals draw them in no cell, or break the row.
        '\u{2028}' => Some('↵'),
        '\u{2029}' => Some('¶'),
        _ => None,
    }
}

/// What one grapheme of an article looks like on screen: the text to draw and its width in cells.
/// Line breaks are `None`: they end a row and take no cell.
pub(crate) fn grapheme_cell(g: &str) -> Option<(Cow<'_, str>, u16)> {
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
pub(crate) fn graphemes(text: &str) -> Graphemes<'_> {
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
pub(crate) fn sanitize(s: &str) -> Cow<'_, str> {
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
mod tests;
