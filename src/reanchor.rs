//! Re-anchoring spans when an article's text changed (SPEC §8): every span is found again by its
//! `quote` — the exact text nearest its old offset first, then a fuzzy match that anchors the
//! quote's beginning and end (so an edit inside the span does not lose it). Spans that cannot be
//! placed are orphans: kept, never dropped.

use crate::span::Span;
use crate::text::Document;

/// Characters of the quote's beginning and end used as fuzzy anchors.
const ANCHOR: usize = 24;
/// How far (in bytes) around the old position a search looks before trying the whole text.
const NEAR: usize = 64 * 1024;

/// Where each span ended up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reanchored {
    /// Spans on the new text (unchanged, moved or fuzzily placed), with quotes that match it.
    pub placed: Vec<Span>,
    /// Spans that could not be placed, unchanged.
    pub orphans: Vec<Span>,
    pub unchanged: usize,
    pub moved: usize,
    pub fuzzy: usize,
}

/// Re-anchors `spans` on the new text of `doc`.
pub fn reanchor_spans(spans: &[Span], doc: &Document) -> Reanchored {
    let mut out = Reanchored::default();
    for span in spans {
        if span.check_text(doc).is_ok() {
            out.unchanged += 1;
            out.placed.push(span.clone());
        } else if let Some(start) = exact(span, doc) {
            out.moved += 1;
            let mut moved = span.clone();
            moved.start = start;
            moved.end = start + span.quote.chars().count();
            out.placed.push(moved);
        } else if let Some(range) = fuzzy(span, doc) {
            out.fuzzy += 1;
            let mut placed = Span::new(doc, range, span.label.clone());
            placed.note.clone_from(&span.note);
            placed.from.clone_from(&span.from);
            out.placed.push(placed);
        } else {
            out.orphans.push(span.clone());
        }
    }
    out
}

/// Byte offsets in `text` where `needle` occurs, nearest to `around` first (a window, then all).
fn occurrences(text: &str, needle: &str, around: usize) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let floor = |mut b: usize| {
        while b > 0 && !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let lo = floor(around.saturating_sub(NEAR));
    let hi = floor((around + NEAR + needle.len()).min(text.len()));
    let mut found: Vec<usize> = text[lo..hi]
        .match_indices(needle)
        .map(|(i, _)| lo + i)
        .collect();
    if found.is_empty() {
        found = text.match_indices(needle).map(|(i, _)| i).collect();
    }
    found.sort_by_key(|&b| b.abs_diff(around));
    found
}

/// The exact quote nearest the old offset, on grapheme boundaries: its new start.
fn exact(span: &Span, doc: &Document) -> Option<usize> {
    let around = doc.char_to_byte(span.start);
    occurrences(doc.text(), &span.quote, around)
        .into_iter()
        .filter_map(|b| doc.byte_to_char(b))
        .find(|&start| {
            let end = start + span.quote.chars().count();
            doc.is_grapheme_boundary(start) && doc.is_grapheme_boundary(end)
        })
}

/// The quote's first and last characters found near the old offset, in order, spanning about
/// the old length (between half and twice it), scored on length and distance.
fn fuzzy(span: &Span, doc: &Document) -> Option<std::ops::Range<usize>> {
    let chars: Vec<char> = span.quote.chars().collect();
    if chars.len() < 2 * ANCHOR.min(chars.len() / 2).max(4) {
        return None;
    }
    let k = ANCHOR.min(chars.len() / 2);
    let head: String = chars[..k].iter().collect();
    let tail: String = chars[chars.len() - k..].iter().collect();
    let around = doc.char_to_byte(span.start);
    let old = chars.len();
    // Candidates: the quote's head near the old offset, its tail after the head; the best keeps
    // the old length most closely, then lies nearest the old offset.
    let mut best: Option<(usize, std::ops::Range<usize>)> = None;
    for h in occurrences(doc.text(), &head, around).into_iter().take(8) {
        let Some(start) = doc.byte_to_char(h) else {
            continue;
        };
        for t in occurrences(doc.text(), &tail, h + span.quote.len())
            .into_iter()
            .take(8)
        {
            let Some(tail_start) = doc.byte_to_char(t) else {
                continue;
            };
            let end = tail_start + k;
            if tail_start < start + k || end - start < old / 2 || end - start > old * 2 {
                continue;
            }
            let score = (end - start).abs_diff(old) * 4 + start.abs_diff(span.start);
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, doc.grapheme_floor(start)..doc.grapheme_ceil(end)));
            }
        }
    }
    best.map(|(_, range)| range)
}

#[cfg(test)]
mod tests;
