//! Word, sentence, paragraph and quotation bounds over a [`Document`], in char offsets.
//!
//! Words and sentences come from Unicode segmentation (UAX #29). A paragraph is a non-blank
//! line: news articles put one paragraph per line, blank lines only separate them. Every range
//! returned here is trimmed of surrounding whitespace, so a selection built from it never
//! carries any. Work is limited to a window around the offset, so a 5 MB single-line article
//! costs the same as a short one.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::Document;

/// How far (in bytes) a window reaches either side of the offset.
const WINDOW: usize = 16 * 1024;

/// A slice of the text around an offset: the line that holds it, capped to [`WINDOW`].
struct Window<'a> {
    /// Byte offset of `text` in the document.
    start: usize,
    text: &'a str,
}

fn floor_char_boundary(s: &str, mut b: usize) -> usize {
    while b > 0 && !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn ceil_char_boundary(s: &str, mut b: usize) -> usize {
    while b < s.len() && !s.is_char_boundary(b) {
        b += 1;
    }
    b
}

/// The line holding byte `b` (without its line break), capped to `WINDOW` either side.
fn line_window(doc: &Document, b: usize) -> Window<'_> {
    let text = doc.text();
    let lo = floor_char_boundary(text, b.saturating_sub(WINDOW));
    let hi = ceil_char_boundary(text, (b + WINDOW).min(text.len()));
    let start = text[lo..b].rfind('\n').map_or(lo, |i| lo + i + 1);
    let end = text[b..hi].find('\n').map_or(hi, |i| b + i);
    Window {
        start,
        text: &text[start..end],
    }
}

fn to_chars(doc: &Document, bytes: Range<usize>) -> Range<usize> {
    let start = doc.byte_to_char(bytes.start).unwrap_or(0);
    let end = doc.byte_to_char(bytes.end).unwrap_or(doc.char_len());
    start..end
}

/// Byte range of `segment` (at byte `at` of the document) without leading/trailing whitespace.
fn trimmed(at: usize, segment: &str) -> Option<Range<usize>> {
    let lead = segment.len() - segment.trim_start().len();
    let body = segment.trim();
    (!body.is_empty()).then(|| at + lead..at + lead + body.len())
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Byte ranges of the words of the line holding byte `b`.
fn words_of_line(doc: &Document, b: usize) -> Vec<Range<usize>> {
    let w = line_window(doc, b);
    w.text
        .split_word_bound_indices()
        .filter(|(_, s)| is_word(s))
        .map(|(i, s)| w.start + i..w.start + i + s.len())
        .collect()
}

/// Trimmed byte ranges of the sentences of the line holding byte `b`.
fn sentences_of_line(doc: &Document, b: usize) -> Vec<Range<usize>> {
    let w = line_window(doc, b);
    w.text
        .split_sentence_bound_indices()
        .filter_map(|(i, s)| trimmed(w.start + i, s))
        .collect()
}

/// Byte offsets of the starts of the lines after (or before) the one holding byte `b`.
fn next_line_start(doc: &Document, b: usize) -> Option<usize> {
    doc.text()[b..].find('\n').map(|i| b + i + 1)
}

fn prev_line_end(doc: &Document, b: usize) -> Option<usize> {
    doc.text()[..b].rfind('\n')
}

/// The word under char offset `c`, if the cursor is on one.
#[cfg(test)]
pub(crate) fn word_at(doc: &Document, c: usize) -> Option<Range<usize>> {
    let b = doc.char_to_byte(c);
    words_of_line(doc, b)
        .into_iter()
        .find(|r| r.contains(&b))
        .map(|r| to_chars(doc, r))
}

/// Start of the next word after char offset `c`, or the end of the text.
pub fn next_word_start(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    let origin = b;
    loop {
        if let Some(r) = words_of_line(doc, b).into_iter().find(|r| r.start > origin) {
            return to_chars(doc, r).start;
        }
        match next_line_start(doc, b) {
            Some(next) if next < doc.text().len() => b = next,
            _ => return doc.char_len(),
        }
    }
}

/// Start of the word before char offset `c` (or of the word the cursor is inside), else 0.
pub fn prev_word_start(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    let origin = b;
    loop {
        if let Some(r) = words_of_line(doc, b)
            .into_iter()
            .rev()
            .find(|r| r.start < origin)
        {
            return to_chars(doc, r).start;
        }
        match prev_line_end(doc, b) {
            Some(end) => b = end,
            None => return 0,
        }
    }
}

/// The last character of the word under char offset `c`, or of the next word when the cursor is
/// already on a word's last character or between words (vim's `e`); the end of the text when no
/// word follows. Inclusive: a selection ending here takes the whole word.
pub fn word_end(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    let origin = b;
    loop {
        let words = words_of_line(doc, b);
        if let Some(r) = words.into_iter().find(|r| r.end > origin) {
            let word_end_byte = r.end;
            let last = doc.prev_grapheme(to_chars(doc, r).end);
            if last > c {
                return last;
            }
            // On the word's last character already: the next word's end.
            if let Some(after) = words_of_line(doc, b)
                .into_iter()
                .find(|w| w.start >= word_end_byte)
            {
                let chars = to_chars(doc, after);
                return doc.prev_grapheme(chars.end);
            }
        }
        match next_line_start(doc, b) {
            Some(next) if next < doc.text().len() => b = next,
            _ => return doc.char_len(),
        }
    }
}

/// The last character of the name that starts at (or holds) char offset `c`: the run of
/// capitalised words from there (`Estonian Foreign Minister Margus Tsahkna`,
/// `NATO Secretary-General Mark Rutte`), joined by spaces, hyphens or dots; the end of the
/// word under the cursor when the next word is not capitalised.
pub fn name_end(doc: &Document, c: usize) -> usize {
    let b = doc.char_to_byte(c);
    let words = words_of_line(doc, b);
    let Some(first) = words.iter().position(|r| r.end > b) else {
        return word_end(doc, c);
    };
    let text = doc.text();
    let capitalised = |r: &Range<usize>| {
        text[r.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut last = first;
    for next in first + 1..words.len() {
        let gap = &text[words[last].end..words[next].start];
        let joined = gap.chars().all(|ch| ch == ' ' || ch == '-' || ch == '.') && gap.len() <= 2;
        if !joined || !capitalised(&words[next]) {
            break;
        }
        last = next;
    }
    let end = to_chars(doc, words[last].clone()).end;
    let at = doc.prev_grapheme(end);
    if at > c { at } else { word_end(doc, c) }
}

/// The innermost quotation around char offset `c` without its quote marks (and without the
/// whitespace inside them); `None` outside a quotation or when it holds nothing.
pub fn quotation_inside(doc: &Document, c: usize) -> Option<Range<usize>> {
    let outer = quotation_at(doc, c)?;
    let inner = doc.next_grapheme(outer.start)..doc.prev_grapheme(outer.end);
    let bytes = doc.char_to_byte(inner.start)..doc.char_to_byte(inner.end.max(inner.start));
    let trimmed = trimmed(bytes.start, &doc.text()[bytes])?;
    Some(to_chars(doc, trimmed))
}

/// The sentence holding char offset `c`, trimmed; `None` on a blank line.
pub fn sentence_at(doc: &Document, c: usize) -> Option<Range<usize>> {
    let b = doc.char_to_byte(c);
    let sentences = sentences_of_line(doc, b);
    // Whitespace after a sentence belongs to it (UAX #29 keeps it there).
    let found = sentences
        .iter()
        .rev()
        .find(|r| r.start <= b)
        .or_else(|| sentences.first())?;
    Some(to_chars(doc, found.clone()))
}

/// The sentences of the paragraph holding char offset `c`, trimmed, in order.
pub fn sentences_of_paragraph(doc: &Document, c: usize) -> Vec<Range<usize>> {
    sentences_of_line(doc, doc.char_to_byte(c))
        .into_iter()
        .map(|r| to_chars(doc, r))
        .collect()
}

/// Start of the next sentence after char offset `c`, or the end of the text.
pub fn next_sentence_start(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    let origin = b;
    loop {
        if let Some(r) = sentences_of_line(doc, b)
            .into_iter()
            .find(|r| r.start > origin)
        {
            return to_chars(doc, r).start;
        }
        match next_line_start(doc, b) {
            Some(next) if next < doc.text().len() => b = next,
            _ => return doc.char_len(),
        }
    }
}

/// Start of the sentence before char offset `c` (or of the one it is inside), else 0.
pub fn prev_sentence_start(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    let origin = b;
    loop {
        if let Some(r) = sentences_of_line(doc, b)
            .into_iter()
            .rev()
            .find(|r| r.start < origin)
        {
            return to_chars(doc, r).start;
        }
        match prev_line_end(doc, b) {
            Some(end) => b = end,
            None => return 0,
        }
    }
}

/// The paragraph (non-blank line) holding char offset `c`, trimmed; `None` on a blank line.
pub fn paragraph_at(doc: &Document, c: usize) -> Option<Range<usize>> {
    let b = doc.char_to_byte(c);
    let w = line_window(doc, b);
    trimmed(w.start, w.text).map(|r| to_chars(doc, r))
}

/// Start of the next paragraph after the one holding `c`, or the end of the text.
pub fn next_paragraph_start(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    while let Some(next) = next_line_start(doc, b) {
        b = next;
        if let Some(r) = trimmed(b, line_window(doc, b).text) {
            return to_chars(doc, r).start;
        }
    }
    doc.char_len()
}

/// Start of the paragraph holding `c` if the cursor is past it, else of the one before; else 0.
pub fn prev_paragraph_start(doc: &Document, c: usize) -> usize {
    let mut b = doc.char_to_byte(c);
    let origin = b;
    loop {
        let w = line_window(doc, b);
        if let Some(r) = trimmed(w.start, w.text).filter(|r| r.start < origin) {
            return to_chars(doc, r).start;
        }
        match prev_line_end(doc, w.start) {
            Some(end) => b = end,
            None => return 0,
        }
    }
}

/// The innermost quotation around char offset `c`, quote marks included.
///
/// Recognises “…”, «…», ‘…’ and "…". A `’` followed by a letter is an apostrophe, not a
/// closing mark; straight quotes pair up left to right within the paragraph.
pub fn quotation_at(doc: &Document, c: usize) -> Option<Range<usize>> {
    let b = doc.char_to_byte(c);
    quotation_bytes_of_line(doc, b)
        .into_iter()
        .filter(|r| r.contains(&b))
        .min_by_key(ExactSizeIterator::len)
        .map(|r| to_chars(doc, r))
}

/// The quotation around char offset `c` (as [`quotation_at`]), else the first one of the
/// paragraph that starts after `c` — vim's `a"` and `i"` look ahead on the line the same way.
pub fn quotation_at_or_after(doc: &Document, c: usize) -> Option<Range<usize>> {
    quotation_at(doc, c).or_else(|| {
        let b = doc.char_to_byte(c);
        quotation_bytes_of_line(doc, b)
            .into_iter()
            .filter(|r| r.start > b)
            .min_by_key(|r| (r.start, std::cmp::Reverse(r.end)))
            .map(|r| to_chars(doc, r))
    })
}

/// [`quotation_inside`] of the quotation [`quotation_at_or_after`] finds.
pub fn quotation_inside_at_or_after(doc: &Document, c: usize) -> Option<Range<usize>> {
    let outer = quotation_at_or_after(doc, c)?;
    quotation_inside(doc, outer.start)
}

/// Every quotation (quote marks included) of the paragraph holding char offset `c`, in order of
/// their starts (an outer quotation before the ones inside it).
pub fn quotations_of_line(doc: &Document, c: usize) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = quotation_bytes_of_line(doc, doc.char_to_byte(c))
        .into_iter()
        .map(|r| to_chars(doc, r))
        .collect();
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    found
}

/// Byte ranges of the quotations of the line holding byte `b` (see [`quotation_at`]).
fn quotation_bytes_of_line(doc: &Document, b: usize) -> Vec<Range<usize>> {
    let w = line_window(doc, b);
    let mut pairs: Vec<Range<usize>> = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut chars = w.text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let at = w.start + i;
        let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        let closes = match ch {
            '”' => Some('“'),
            '»' => Some('«'),
            '’' if !next_is_letter => Some('‘'),
            '"' if open.iter().any(|(o, _)| *o == '"') => Some('"'),
            _ => None,
        };
        if let Some(opener) = closes {
            if let Some(pos) = open.iter().rposition(|(o, _)| *o == opener) {
                let (_, start) = open[pos];
                open.truncate(pos);
                pairs.push(start..at + ch.len_utf8());
            }
            continue;
        }
        if matches!(ch, '“' | '«' | '‘' | '"') {
            open.push((ch, at));
        }
    }
    pairs
}

mod clauses;
pub use clauses::{
    is_clause_mark, next_big_word_start, prev_big_word_start, punctuation_after, punctuation_before,
};

#[cfg(test)]
mod tests;
