//! The best place to offer for a span glosser would not place by itself (an orphan), to a person
//! who places it with `o`: a candidate is only ever one where the span's saved context agrees
//! whole on at least one side — its words there, its words in other capitals, or the stretch
//! between its saved prefix and suffix (a sentence with a word changed inside). With no such
//! place, nothing is offered: the person selects it.

use std::ops::Range;

use super::search::occurrences;
use crate::span::{Hint, Span};
use crate::text::Document;

/// Most occurrences weighed for one offer.
const MAX_WEIGHED: usize = 4096;

/// Where `span` most likely is in `doc` now, if its context shows it anywhere.
pub fn offer(span: &Span, doc: &Document) -> Option<Range<usize>> {
    let len = span.quote.chars().count();
    let exact = occurrences(doc, &span.quote)
        .filter_map(|b| doc.byte_to_char(b))
        .map(|s| s..s + len);
    best(span, doc, exact)
        .or_else(|| best(span, doc, other_case(span, doc).into_iter()))
        .or_else(|| best(span, doc, between_context(span, doc).into_iter()))
}

/// How the saved context agrees around `range`: characters matched before and after, and
/// whether one side agrees whole.
fn agreement(span: &Span, doc: &Document, range: &Range<usize>) -> (usize, bool) {
    let mut full = false;
    let before = span.prefix.as_deref().map_or(0, |p| {
        let len = p.chars().count();
        let from = range.start.saturating_sub(len);
        let n = p
            .chars()
            .rev()
            .zip(doc.slice(from, range.start).chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        full |= n == len && (len >= Hint::CHARS || range.start == len);
        n
    });
    let after = span.suffix.as_deref().map_or(0, |s| {
        let len = s.chars().count();
        let to = (range.end + len).min(doc.char_len());
        let n = s
            .chars()
            .zip(doc.slice(range.end, to).chars())
            .take_while(|(a, b)| a == b)
            .count();
        full |= n == len && (len >= Hint::CHARS || range.end + len == doc.char_len());
        n
    });
    (before + after, full)
}

/// Of `ranges`, those on grapheme boundaries whose context agrees whole on a side: the one
/// agreeing most, then nearest the span's last offsets.
fn best(
    span: &Span,
    doc: &Document,
    ranges: impl Iterator<Item = Range<usize>>,
) -> Option<Range<usize>> {
    ranges
        .filter(|r| r.start < r.end && r.end <= doc.char_len())
        .filter(|r| doc.is_grapheme_boundary(r.start) && doc.is_grapheme_boundary(r.end))
        .take(MAX_WEIGHED)
        .filter_map(|r| {
            let (score, full) = agreement(span, doc, &r);
            full.then_some((score, r))
        })
        .max_by_key(|(score, r)| (*score, std::cmp::Reverse(r.start.abs_diff(span.start))))
        .map(|(_, r)| r)
}

/// The words with other capitals ("Russia" → "RUSSIA").
fn other_case(span: &Span, doc: &Document) -> Vec<Range<usize>> {
    let pattern = format!("(?i){}", regex::escape(&span.quote));
    let Ok(found) = regex::Regex::new(&pattern) else {
        return Vec::new();
    };
    found
        .find_iter(doc.text())
        .filter_map(|m| Some(doc.byte_to_char(m.start())?..doc.byte_to_char(m.end())?))
        .take(MAX_WEIGHED)
        .collect()
}

/// The stretches between the saved prefix and suffix, between half and twice the quote's
/// length: where a sentence edited inside now is.
fn between_context(span: &Span, doc: &Document) -> Vec<Range<usize>> {
    let (Some(prefix), Some(suffix)) = (span.prefix.as_deref(), span.suffix.as_deref()) else {
        return Vec::new();
    };
    let len = span.quote.chars().count();
    let starts: Vec<usize> = if prefix.chars().count() >= Hint::CHARS {
        occurrences(doc, prefix)
            .filter_map(|b| doc.byte_to_char(b + prefix.len()))
            .take(64)
            .collect()
    } else if doc.text().starts_with(prefix) {
        vec![prefix.chars().count()]
    } else {
        Vec::new()
    };
    let mut ranges = Vec::new();
    for start in starts {
        let from = doc.char_to_byte(start);
        let rest = &doc.text().as_bytes()[from..];
        for at in memchr::memmem::find_iter(rest, suffix.as_bytes()) {
            let Some(end) = doc.byte_to_char(from + at) else {
                continue;
            };
            if end > start + 2 * len {
                break;
            }
            if end >= start + len / 2 {
                ranges.push(start..end);
                break;
            }
        }
    }
    ranges
}

#[cfg(test)]
mod tests;
