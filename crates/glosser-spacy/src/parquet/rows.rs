//! Rows from a document and its spans: spaCy's tokens (whitespace tokens left out, their
//! offsets kept), IOB2 tags of the non-overlapping spans, and every span that falls on tokens.

use super::{HfRow, HfSpan};
use crate::spans::{LabelledSpan, SpanIssue, SpanProblem, align, non_overlapping};
use crate::tokenizer::{TokenizeError, Tokenizer};

/// A count or offset as Parquet's int64 (a `usize` above `i64::MAX` cannot index a text).
fn wide(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What [`hf_row`] left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HfRowReport {
    /// Spans in neither `spans` nor `ner_tags`: not on token edges, empty, out of the text,
    /// unlabelled, or with a label not in the label list.
    pub unaligned: Vec<SpanIssue>,
    /// Spans in `spans` but not in `ner_tags` (they overlap a longer span, or start or end on
    /// whitespace).
    pub left_out_of_tags: Vec<SpanIssue>,
}

/// The IOB2 tag names for `labels`: `O`, then `B-label` and `I-label` per label, in order —
/// glosser's `tags` order in `dataset.json`.
pub fn iob2_tag_names(labels: &[String]) -> Vec<String> {
    std::iter::once("O".to_owned())
        .chain(
            labels
                .iter()
                .flat_map(|l| [format!("B-{l}"), format!("I-{l}")]),
        )
        .collect()
}

/// One row for `text`: spaCy's tokens without the whitespace tokens, IOB2 tags (indexes into
/// [`iob2_tag_names`]`(labels)`) of the longest non-overlapping spans, and every span that
/// falls on token edges.
pub fn hf_row(
    tokenizer: &Tokenizer,
    id: &str,
    document: &str,
    text: &str,
    spans: &[LabelledSpan],
    labels: &[String],
) -> Result<(HfRow, HfRowReport), TokenizeError> {
    let tokens = tokenizer.tokenize(text)?;
    let (placed, mut unaligned) = align(text, &tokens, spans);
    let (placed, unknown): (Vec<_>, Vec<_>) = placed
        .into_iter()
        .partition(|p| labels.contains(&p.span.label));
    unaligned.extend(unknown.into_iter().map(|p| SpanIssue {
        index: p.index,
        text: p.span_text(text),
        span: p.span,
        problem: SpanProblem::UnknownLabel,
    }));
    unaligned.sort_by_key(|i| i.index);
    let (tagged, left_out_of_tags) =
        non_overlapping(text, &tokens, &placed, |c| tokenizer.is_whitespace(c));
    let mut tags = vec![0i64; tokens.len()];
    for span in &tagged {
        let label = wide(
            labels
                .iter()
                .position(|l| *l == span.span.label)
                .unwrap_or(0),
        );
        for t in span.tokens.clone() {
            tags[t] = 1 + 2 * label + i64::from(t != span.tokens.start);
        }
    }
    let mut row = HfRow {
        id: id.to_owned(),
        document: document.to_owned(),
        text: text.to_owned(),
        ..HfRow::default()
    };
    for (token, tag) in tokens.iter().zip(tags) {
        let token_text = token.text(text);
        if token_text.chars().all(|c| tokenizer.is_whitespace(c)) {
            continue;
        }
        row.tokens.push(token_text.to_owned());
        row.ner_tags.push(tag);
        row.token_starts.push(wide(token.start));
        row.token_ends.push(wide(token.end));
    }
    row.spans = placed
        .iter()
        .map(|p| HfSpan {
            start: wide(p.span.start),
            end: wide(p.span.end),
            label: p.span.label.clone(),
            text: p.span_text(text),
        })
        .collect();
    Ok((
        row,
        HfRowReport {
            unaligned,
            left_out_of_tags,
        },
    ))
}
