//! Finding a span by its words and saved context when the text it was made on is not known
//! (SPEC §2), the way Hypothesis anchors a W3C TextQuoteSelector: every exact occurrence of the
//! quote in the whole text is a candidate; a candidate *fits* when the saved context agrees
//! entirely on at least one side; one fitting candidate that beats every other by a clear margin
//! is the span's place. Otherwise the span is ambiguous (several fit) or an orphan (none fits).

use memchr::memmem::Finder;

mod batch;
pub use batch::Batch;

use super::{How, Unsure};
use crate::span::{Hint, Span};
use crate::text::Document;

/// How many more context characters the best place must match than the next to be clear.
pub const MARGIN: usize = 8;
/// Most occurrences of a quote looked at for a span that saved no context.
const MAX_SCANNED: usize = 100_000;

/// What the words and context of a span say about its place in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// One place fits clearly: its char offset.
    Clear { start: usize, how: How },
    /// Several places fit about as well (or the span saved no context to tell): the best guess.
    Unsure { start: usize, why: Unsure },
    /// The words occur, but nowhere with the text that was around them.
    NoContext,
    /// The words no longer occur.
    NotFound,
}

/// An exact occurrence and how much of the saved context agrees around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fit {
    start: usize,
    before: usize,
    after: usize,
    /// The saved context agrees whole on at least one side.
    full: bool,
    /// On both sides.
    both: bool,
}

impl Fit {
    fn score(&self) -> usize {
        self.before + self.after
    }
}

/// Where `span` belongs in `doc`, by its quote and its saved `prefix`/`suffix`.
pub fn find(span: &Span, doc: &Document) -> Verdict {
    find_among(span, doc, None)
}

/// [`find`], with the candidate starts a [`Batch`] found for this span (`None`: search now).
pub(crate) fn find_among(span: &Span, doc: &Document, found: Option<&[usize]>) -> Verdict {
    if span.quote.is_empty() {
        return Verdict::NotFound;
    }
    if span.prefix.is_none() && span.suffix.is_none() {
        return without_context(span, doc);
    }
    let fits = fitting(span, doc, found);
    if fits.is_empty() {
        return if occurrences(doc, &span.quote).next().is_some() {
            Verdict::NoContext
        } else {
            Verdict::NotFound
        };
    }
    let best_score = fits.iter().map(Fit::score).max().unwrap_or(0);
    let close: Vec<&Fit> = fits
        .iter()
        .filter(|f| f.score() + MARGIN > best_score)
        .collect();
    let nearest = close
        .iter()
        .filter(|f| f.score() == best_score)
        .min_by_key(|f| f.start.abs_diff(span.start))
        .map_or(span.start, |f| f.start);
    if close.len() > 1 {
        return Verdict::Unsure {
            start: nearest,
            why: Unsure::Tie {
                places: close.len(),
            },
        };
    }
    let how = if nearest == span.start {
        How::Unchanged
    } else if fits.iter().any(|f| f.start == nearest && f.both) {
        How::Exact
    } else {
        How::Context
    };
    Verdict::Clear {
        start: nearest,
        how,
    }
}

/// A span that saved no context (a version 1 file): a place is never clear, only a guess.
fn without_context(span: &Span, doc: &Document) -> Verdict {
    let quote_chars = span.quote.chars().count();
    let nearest = occurrences(doc, &span.quote)
        .take(MAX_SCANNED)
        .filter_map(|b| doc.byte_to_char(b))
        .filter(|&c| on_boundaries(doc, c, quote_chars))
        .min_by_key(|c| c.abs_diff(span.start));
    match nearest {
        Some(start) => Verdict::Unsure {
            start,
            why: Unsure::NoContext,
        },
        None => Verdict::NotFound,
    }
}

/// The occurrences of the quote with the saved context whole on at least one side: found by
/// searching for the quote together with that context (or taken from a [`Batch`]), so a short
/// quote repeated a thousand times costs no more than a long one.
fn fitting(span: &Span, doc: &Document, found: Option<&[usize]>) -> Vec<Fit> {
    let text = doc.text();
    let quote = span.quote.as_str();
    let quote_chars = quote.chars().count();
    let mut starts: Vec<usize> = found.map(<[usize]>::to_vec).unwrap_or_default();
    if let Some(prefix) = span.prefix.as_deref() {
        if prefix.chars().count() >= Hint::CHARS {
            if found.is_none() {
                let needle = format!("{prefix}{quote}");
                starts.extend(occurrences(doc, &needle).map(|b| b + prefix.len()));
            }
        } else if text.starts_with(prefix) && text[prefix.len()..].starts_with(quote) {
            starts.push(prefix.len());
        }
    }
    if let Some(suffix) = span.suffix.as_deref() {
        if suffix.chars().count() >= Hint::CHARS {
            if found.is_none() {
                let needle = format!("{quote}{suffix}");
                starts.extend(occurrences(doc, &needle));
            }
        } else if text.ends_with(suffix) {
            let end = text.len() - suffix.len();
            if text[..end].ends_with(quote) {
                starts.push(end - quote.len());
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
        .into_iter()
        .filter(|&b| text.is_char_boundary(b) && text[b..].starts_with(quote))
        .filter_map(|b| {
            let start = doc.byte_to_char(b)?;
            on_boundaries(doc, start, quote_chars).then(|| fit(span, doc, b, start))
        })
        .filter(|f| f.full)
        .collect()
}

/// How the saved context agrees around the occurrence at byte `b` (char `start`).
fn fit(span: &Span, doc: &Document, b: usize, start: usize) -> Fit {
    let text = doc.text();
    let end_byte = b + span.quote.len();
    let end = start + span.quote.chars().count();
    let (mut before, mut after) = (0, 0);
    let (mut whole_before, mut whole_after) = (false, false);
    if let Some(prefix) = span.prefix.as_deref() {
        let len = prefix.chars().count();
        before = prefix
            .chars()
            .rev()
            .zip(text[..b].chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        whole_before = before == len && (len >= Hint::CHARS || start == len);
    }
    if let Some(suffix) = span.suffix.as_deref() {
        let len = suffix.chars().count();
        after = suffix
            .chars()
            .zip(text[end_byte..].chars())
            .take_while(|(a, b)| a == b)
            .count();
        whole_after = after == len && (len >= Hint::CHARS || end + len == doc.char_len());
    }
    Fit {
        start,
        before,
        after,
        full: whole_before || whole_after,
        both: whole_before && whole_after,
    }
}

fn on_boundaries(doc: &Document, start: usize, len: usize) -> bool {
    doc.is_grapheme_boundary(start) && doc.is_grapheme_boundary(start + len)
}

/// Byte offsets of every occurrence of `needle` in the text, overlapping ones included.
pub(crate) fn occurrences<'a>(
    doc: &'a Document,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let haystack = doc.text().as_bytes();
    let finder = Finder::new(needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() || from > haystack.len() {
            return None;
        }
        let at = from + finder.find(&haystack[from..])?;
        from = at + 1;
        Some(at)
    })
}

#[cfg(test)]
mod tests;
