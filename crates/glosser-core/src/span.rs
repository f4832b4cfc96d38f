//! Spans and annotation sets: the labelled character ranges of one annotator on one document.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::labels::LabelSet;
use crate::text::Document;

/// A labelled range of a document, in char offsets, end exclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The text at `start..end`, kept so the span can be re-anchored if the article changes.
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// In gold files: the annotators who had this span.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
    /// The span's text is no longer in the document; its offsets are the last known ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphan: bool,
    /// The span's text changed under it and glosser could not be sure where it went: it sits at
    /// its likeliest place (valid in the text, like a placed span) until a person confirms or
    /// drops it (SPEC §2). Stored beside the orphans.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// On suggestions: how confident the suggester is, 0..=1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    /// Text just before the span when it was last saved (W3C TextQuoteSelector `prefix`), to
    /// tell repeated quotes apart when the article changes.
    #[serde(default, skip_serializing_if = "Hint::is_none")]
    pub prefix: Hint,
    /// Text just after the span when it was last saved (`suffix`).
    #[serde(default, skip_serializing_if = "Hint::is_none")]
    pub suffix: Hint,
}

/// A suggester's confidence in 0..=1, compared by its bits so spans stay `Eq` and `Hash`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Score(pub f64);

impl PartialEq for Score {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Score {}

impl std::hash::Hash for Score {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

/// A re-anchoring hint derived from the text around a span. It is no part of the span's identity
/// or content: every two hints compare equal.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Hint(pub Option<String>);

impl Hint {
    /// Characters of context kept on each side of a span.
    pub const CHARS: usize = 24;

    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    pub fn as_deref(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl PartialEq for Hint {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Hint {}

impl std::hash::Hash for Hint {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// What makes a span invalid against its document and label set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is empty or reversed")]
    Empty { start: usize, end: usize },
    #[error("span {start}..{end} ends past the end of the text ({len} chars)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} splits a grapheme cluster at offset {offset}")]
    SplitsGrapheme {
        start: usize,
        end: usize,
        offset: usize,
    },
    #[error("span {start}..{end}: quote {quote:?} does not match the text {found:?}")]
    QuoteMismatch {
        start: usize,
        end: usize,
        quote: String,
        found: String,
    },
    #[error("span {start}..{end} has label {label:?}, which is not in the label set")]
    UnknownLabel {
        start: usize,
        end: usize,
        label: String,
    },
}

/// The identity of a span for merging and diffs: (start, end, label).
pub type SpanKey<'a> = (usize, usize, &'a str);

impl Span {
    /// A span over `range` of `doc` with its quote taken from the text.
    pub fn new(doc: &Document, range: Range<usize>, label: impl Into<String>) -> Self {
        Self {
            start: range.start,
            end: range.end,
            label: label.into(),
            quote: doc.slice(range.start, range.end).to_owned(),
            ..Self::default()
        }
    }

    /// Records the text around the span in `doc` as its re-anchoring hints.
    pub fn set_context(&mut self, doc: &Document) {
        let before = self.start.saturating_sub(Hint::CHARS);
        let after = (self.end + Hint::CHARS).min(doc.char_len());
        self.prefix = Hint(Some(doc.slice(before, self.start).to_owned()));
        self.suffix = Hint(Some(doc.slice(self.end.min(after), after).to_owned()));
    }

    /// Identity used for merging: (start, end, label).
    pub fn key(&self) -> SpanKey<'_> {
        (self.start, self.end, &self.label)
    }

    /// [`Span::key`] that outlives the span (to find it again after an edit).
    pub fn owned_key(&self) -> (usize, usize, String) {
        (self.start, self.end, self.label.clone())
    }

    /// Whether the span waits for a person: an orphan, or ambiguous.
    pub(crate) fn is_unsettled(&self) -> bool {
        self.orphan || self.ambiguous
    }

    /// The char range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in chars.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no chars (never true of a valid span).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether two spans share at least one char.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Checks the offsets, grapheme boundaries and quote against `doc`.
    pub fn check_text(&self, doc: &Document) -> Result<(), SpanError> {
        let (start, end) = (self.start, self.end);
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > doc.char_len() {
            return Err(SpanError::OutOfRange {
                start,
                end,
                len: doc.char_len(),
            });
        }
        for offset in [start, end] {
            if !doc.is_grapheme_boundary(offset) {
                return Err(SpanError::SplitsGrapheme { start, end, offset });
            }
        }
        let found = doc.slice(start, end);
        if found != self.quote {
            return Err(SpanError::QuoteMismatch {
                start,
                end,
                quote: self.quote.clone(),
                found: found.to_owned(),
            });
        }
        Ok(())
    }

    /// Every invariant of SPEC §1–2: inside the text, non-empty, on grapheme boundaries,
    /// quote equal to the text, label in the label set.
    pub fn check(&self, doc: &Document, labels: &LabelSet) -> Result<(), SpanError> {
        self.check_text(doc)?;
        if !labels.contains(&self.label) {
            return Err(SpanError::UnknownLabel {
                start: self.start,
                end: self.end,
                label: self.label.clone(),
            });
        }
        Ok(())
    }
}

/// Folds `later` (a span with the same key) into `kept`: notes joined with ` | ` unless equal,
/// `from` united, the higher score kept.
pub fn absorb_duplicate(kept: &mut Span, later: &Span) {
    match (&mut kept.note, &later.note) {
        (Some(a), Some(b)) if a != b && !a.split(" | ").any(|part| part == b) => {
            a.push_str(" | ");
            a.push_str(b);
        }
        (None, Some(b)) => kept.note = Some(b.clone()),
        _ => {}
    }
    for name in &later.from {
        if !kept.from.contains(name) {
            kept.from.push(name.clone());
        }
    }
    kept.from.sort();
    if later
        .score
        .is_some_and(|s| kept.score.is_none_or(|k| s.0 > k.0))
    {
        kept.score = later.score;
    }
}

/// Keys that occur more than once in `spans` with different notes: what `from_spans` joins.
pub(crate) fn duplicate_keys_with_notes(spans: &[Span]) -> Vec<(usize, usize, String)> {
    let mut sorted: Vec<&Span> = spans.iter().collect();
    sorted.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for pair in sorted.windows(2) {
        if pair[0].key() == pair[1].key() && pair[0].note != pair[1].note {
            let key = (pair[0].start, pair[0].end, pair[0].label.clone());
            if out.last() != Some(&key) {
                out.push(key);
            }
        }
    }
    out
}

mod set;
pub use set::AnnotationSet;

#[cfg(test)]
mod tests;
