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

/// Suggestions of several suggesters as one list in text order: the same span (start, end,
/// label) from several is one, with the highest score and every suggester's name in `from`.
pub fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if last.key() == span.key() => {
                let higher = match (last.score, span.score) {
                    (Some(a), Some(b)) => b.0 > a.0,
                    (None, Some(_)) => true,
                    _ => false,
                };
                if higher {
                    last.score = span.score;
                }
                for name in span.from {
                    if !last.from.contains(&name) {
                        last.from.push(name);
                    }
                }
            }
            _ => out.push(span),
        }
    }
    out
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
