//! The annotation set: one annotator's spans on one document, sorted, with the lookups the
//! TUI and the writers need (innermost under a cursor, next and previous, those on a row).

use std::ops::Range;

use super::{Span, SpanError, SpanKey, absorb_duplicate};
use crate::labels::LabelSet;
use crate::text::Document;

/// One annotator's spans on one document, sorted by (start, end, label), no duplicate keys.
/// Overlaps are allowed (a quote inside a claim is normal).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    spans: Vec<Span>,
    /// Length of the longest span, which bounds the search for spans covering an offset.
    longest: usize,
}

impl AnnotationSet {
    /// A set from spans in any order. Spans with the same key are one span (SPEC §2): their
    /// notes are joined and their `from` lists united, so no note is ever dropped.
    pub fn from_spans(mut spans: Vec<Span>) -> Self {
        spans.sort_by(|a, b| a.key().cmp(&b.key()));
        spans.dedup_by(|later, earlier| {
            if later.key() != earlier.key() {
                return false;
            }
            absorb_duplicate(earlier, later);
            true
        });
        let longest = spans.iter().map(Span::len).max().unwrap_or(0);
        Self { spans, longest }
    }

    /// The spans in order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Consumes the set, giving its sorted spans.
    pub fn into_spans(self) -> Vec<Span> {
        self.spans
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Span> {
        self.spans.get(index)
    }

    /// Index of the span with this key.
    pub fn position(&self, key: SpanKey<'_>) -> Option<usize> {
        self.spans.binary_search_by(|s| s.key().cmp(&key)).ok()
    }

    /// Adds a span after checking it against the document and labels. Returns `Ok(false)` when a
    /// span with the same key is already there (the set is unchanged).
    pub fn insert(
        &mut self,
        span: Span,
        doc: &Document,
        labels: &LabelSet,
    ) -> Result<bool, SpanError> {
        span.check(doc, labels)?;
        Ok(self.insert_unchecked(span))
    }

    /// Adds a span already known to be valid (a loaded file, an undo). `false` if the key exists.
    pub fn insert_unchecked(&mut self, span: Span) -> bool {
        match self.spans.binary_search_by(|s| s.key().cmp(&span.key())) {
            Ok(_) => false,
            Err(at) => {
                self.longest = self.longest.max(span.len());
                self.spans.insert(at, span);
                true
            }
        }
    }

    /// Removes and returns the span with this key.
    pub fn remove(&mut self, key: SpanKey<'_>) -> Option<Span> {
        let at = self.position(key)?;
        let span = self.spans.remove(at);
        if span.len() == self.longest {
            self.longest = self.spans.iter().map(Span::len).max().unwrap_or(0);
        }
        Some(span)
    }

    /// Sets or clears the note of the span with this key; returns the old note.
    pub fn set_note(&mut self, key: SpanKey<'_>, note: Option<String>) -> Option<Option<String>> {
        let at = self.position(key)?;
        let note = note.filter(|n| !n.trim().is_empty());
        Some(std::mem::replace(&mut self.spans[at].note, note))
    }

    /// Spans sharing at least one char with `range`, in order, with their indices.
    pub fn intersecting(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &Span)> {
        let first = self
            .spans
            .partition_point(|s| s.start + self.longest <= range.start);
        self.spans[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, s)| s.start < range.end)
            .filter(move |(_, s)| s.end > range.start)
            .map(move |(i, s)| (first + i, s))
    }

    /// Spans covering char offset `offset`, with their indices.
    pub fn covering(&self, offset: usize) -> impl Iterator<Item = (usize, &Span)> {
        self.intersecting(offset..offset + 1)
    }

    /// The innermost span covering `offset`: the shortest; among equals the one starting last.
    pub fn innermost(&self, offset: usize) -> Option<usize> {
        self.covering(offset)
            .min_by(|(_, a), (_, b)| a.len().cmp(&b.len()).then(b.start.cmp(&a.start)))
            .map(|(i, _)| i)
    }

    /// The first span starting after `offset`.
    pub fn next_after(&self, offset: usize) -> Option<usize> {
        let at = self.spans.partition_point(|s| s.start <= offset);
        (at < self.spans.len()).then_some(at)
    }

    /// The last span starting before `offset`.
    pub fn prev_before(&self, offset: usize) -> Option<usize> {
        self.spans
            .partition_point(|s| s.start < offset)
            .checked_sub(1)
    }

    /// The spans that break an invariant against `doc` and `labels`, with why.
    pub fn problems(&self, doc: &Document, labels: &LabelSet) -> Vec<(usize, SpanError)> {
        self.spans
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.check(doc, labels).err().map(|e| (i, e)))
            .collect()
    }
}
