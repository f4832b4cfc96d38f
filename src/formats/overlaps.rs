//! Formats that cannot hold overlaps (conll, hf) keep the longest span (ties: earlier start, then
//! label order) and report every span they drop. Overlap is judged on the token ranges the spans
//! expand to, since that is what the tags can show.

use std::ops::Range;

use super::tokens::Tokenized;
use crate::labels::LabelSet;
use crate::span::Span;

/// Spans kept (with their token ranges, in text order) and spans dropped.
pub struct Flat<'a> {
    pub kept: Vec<(Range<usize>, &'a Span)>,
    pub dropped: Vec<&'a Span>,
}

pub fn flatten<'a>(tokens: &Tokenized, spans: &'a [Span], labels: &LabelSet) -> Flat<'a> {
    let mut candidates: Vec<(Range<usize>, &Span)> = spans
        .iter()
        .filter_map(|s| tokens.token_range(s.start, s.end).map(|r| (r, s)))
        .collect();
    candidates.sort_by(|(_, a), (_, b)| {
        b.len()
            .cmp(&a.len())
            .then(a.start.cmp(&b.start))
            .then(labels.rank(&a.label).cmp(&labels.rank(&b.label)))
            .then(a.label.cmp(&b.label))
    });
    let mut kept: Vec<(Range<usize>, &Span)> = Vec::new();
    let mut dropped = Vec::new();
    for (range, span) in candidates {
        if kept
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end)
        {
            dropped.push(span);
        } else {
            kept.push((range, span));
        }
    }
    kept.sort_by_key(|(r, _)| r.start);
    dropped.sort_by(|a, b| a.key().cmp(&b.key()));
    Flat { kept, dropped }
}

/// IOB2 tags for every token: `B-label` at a span's first token and again at the first token of
/// every later sentence it crosses, `I-label` after, `O` outside.
pub fn iob2(tokens: &Tokenized, kept: &[(Range<usize>, &Span)]) -> Vec<String> {
    let mut tags = vec!["O".to_owned(); tokens.tokens.len()];
    let mut sentence_starts = vec![false; tokens.tokens.len()];
    for s in &tokens.sentences {
        if let Some(flag) = sentence_starts.get_mut(s.start) {
            *flag = true;
        }
    }
    for (range, span) in kept {
        for i in range.clone() {
            let begin = i == range.start || sentence_starts[i];
            tags[i] = format!("{}-{}", if begin { "B" } else { "I" }, span.label);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tokens::tokenize;
    use crate::text::Document;

    #[test]
    fn longest_wins_ties_by_start_then_label_order() {
        let doc = Document::from_text("one two three four. Five six.");
        let t = tokenize(&doc);
        let labels = LabelSet::default();
        let spans = vec![
            Span::new(&doc, 0..13, "claim"),
            Span::new(&doc, 4..7, "quote"),
            Span::new(&doc, 8..18, "opinion"),
            Span::new(&doc, 14..29, "unverified"),
            Span::new(&doc, 20..24, "claim"),
            Span::new(&doc, 20..24, "quote"),
        ];
        let flat = flatten(&t, &spans, &labels);
        let kept: Vec<&str> = flat.kept.iter().map(|(_, s)| s.label.as_str()).collect();
        assert_eq!(kept, ["claim", "unverified"]);
        let dropped: Vec<(usize, &str)> = flat
            .dropped
            .iter()
            .map(|s| (s.start, s.label.as_str()))
            .collect();
        assert_eq!(
            dropped,
            [(4, "quote"), (8, "opinion"), (20, "claim"), (20, "quote")]
        );
        let tags = iob2(&t, &flat.kept);
        assert_eq!(
            tags,
            [
                "B-claim",
                "I-claim",
                "I-claim",
                "B-unverified",
                "I-unverified",
                "B-unverified",
                "I-unverified",
                "I-unverified"
            ],
            "the span crossing into the next sentence starts again with B-"
        );
    }
}
