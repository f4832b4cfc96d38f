//! Ghost spans: a suggester's spans that the analyst has neither accepted (a span with the same
//! start, end and label in their file) nor rejected (the same in their `rejected` list).

use crate::span::Span;
use crate::store::AnnotationFile;

/// The suggestions still open for `analyst`, in text order. A suggestion is decided once the
/// analyst has a span on exactly its characters, whatever its label (accepting a suggestion and
/// relabelling it must not bring it back), or has rejected it.
pub fn open_suggestions(suggested: &[Span], analyst: &AnnotationFile) -> Vec<Span> {
    suggested
        .iter()
        .filter(|s| !s.orphan)
        .filter(|s| {
            !analyst
                .spans
                .intersecting(s.start..s.end)
                .any(|(_, a)| a.start == s.start && a.end == s.end)
        })
        .filter(|s| !analyst.rejected.iter().any(|r| r.key() == s.key()))
        .cloned()
        .collect()
}

/// A suggestion as the analyst's span when accepted: the suggester's score and hints dropped.
pub fn accepted(suggestion: &Span) -> Span {
    Span {
        score: None,
        note: None,
        from: Vec::new(),
        ..suggestion.clone()
    }
}

/// A suggestion as kept in the analyst's `rejected` list.
pub fn rejected(suggestion: &Span) -> Span {
    accepted(suggestion)
}

#[cfg(test)]
mod tests;
