//! Punctuation and blank-separated words: where "to the punctuation" stops (the `t` and `T`
//! text objects, moving a span's edge to the punctuation) and vim's `W` and `B`. Both stay in
//! the paragraph holding the offset (its line, capped to the window), so they cost the same on
//! any article.

use super::{Document, line_window};

/// Whether char `c` followed by `next` ends a clause: sentence and clause punctuation, dashes,
/// brackets and quote marks. A dot, comma or colon between two word characters (`U.S`, `1,000`,
/// `10:30`) does not, and neither does an apostrophe or a hyphen.
pub fn is_clause_mark(c: char, next: Option<char>) -> bool {
    match c {
        '.' | ',' | ':' => !next.is_some_and(char::is_alphanumeric),
        ';' | '!' | '?' | '…' | '—' | '–' | '(' | ')' | '[' | ']' | '“' | '”' | '"' | '«' | '»' => {
            true
        }
        _ => false,
    }
}

/// Char offset of the first clause mark after char offset `c` in its paragraph (not `c`'s own
/// character: `t` on a comma goes on to the next one), or the paragraph's end.
pub fn punctuation_after(doc: &Document, c: usize) -> usize {
    let b = doc.char_to_byte(c);
    let w = line_window(doc, b);
    let mut chars = w.text[b - w.start..].chars().peekable();
    let mut at = c;
    let mut first = true;
    while let Some(ch) = chars.next() {
        if !first && is_clause_mark(ch, chars.peek().copied()) {
            return at;
        }
        first = false;
        at += 1;
    }
    at
}

/// Char offset just after the last clause mark before char offset `c` in its paragraph (the
/// spaces after it skipped, up to `c`), or the paragraph's start.
pub fn punctuation_before(doc: &Document, c: usize) -> usize {
    let b = doc.char_to_byte(c);
    let w = line_window(doc, b);
    let before: Vec<char> = w.text[..b - w.start].chars().collect();
    let after_c = w.text[b - w.start..].chars().next();
    let line_start = c - before.len();
    let mut found = line_start;
    for i in (0..before.len()).rev() {
        let next = before.get(i + 1).copied().or(after_c);
        if is_clause_mark(before[i], next) {
            found = line_start + i + 1;
            break;
        }
    }
    let mut start = found;
    while start < c
        && before
            .get(start - line_start)
            .is_some_and(|ch| ch.is_whitespace())
    {
        start += 1;
    }
    start
}

/// Start of the next WORD (a run of non-blank characters) after char offset `c`, or the end.
pub fn next_big_word_start(doc: &Document, c: usize) -> usize {
    let b = doc.char_to_byte(c);
    let text = &doc.text()[b..];
    let mut seen_blank = false;
    for (at, ch) in (c..).zip(text.chars()) {
        if ch.is_whitespace() {
            seen_blank = true;
        } else if seen_blank && at > c {
            return at;
        }
    }
    doc.char_len()
}

/// Start of the WORD before char offset `c` (or of the one it is inside), else 0.
pub fn prev_big_word_start(doc: &Document, c: usize) -> usize {
    let b = doc.char_to_byte(c);
    let before: Vec<char> = doc.text()[..b].chars().rev().take(64 * 1024).collect();
    let mut i = 0;
    while i < before.len() && before[i].is_whitespace() {
        i += 1;
    }
    while i < before.len() && !before[i].is_whitespace() {
        i += 1;
    }
    c - i
}

#[cfg(test)]
mod tests;
