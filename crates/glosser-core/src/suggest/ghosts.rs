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
mod tests {
    use super::*;
    use crate::text::Document;

    #[test]
    fn accepted_and_rejected_suggestions_are_not_ghosts() {
        let doc = Document::from_text("Alpha said beta and gamma.");
        let s = |a, b, l: &str| Span::new(&doc, a..b, l);
        let suggested = vec![
            s(0, 5, "quote"),
            s(11, 15, "claim"),
            s(20, 25, "claim"),
            s(6, 10, "claim"),
            s(16, 25, "claim"),
        ];
        let mut analyst = AnnotationFile::new("d.txt", "alice", doc.sha256());
        analyst.spans.insert_unchecked(s(0, 5, "quote"));
        // Accepted, then relabelled: decided, not a ghost again.
        analyst.spans.insert_unchecked(s(11, 15, "quote"));
        // Overlapping but not the same characters: the suggestion stays open.
        analyst.spans.insert_unchecked(s(6, 9, "claim"));
        analyst.rejected.push(s(20, 25, "claim"));
        let open = open_suggestions(&suggested, &analyst);
        assert_eq!(open, vec![s(6, 10, "claim"), s(16, 25, "claim")]);
    }
}
