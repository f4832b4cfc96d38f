//! `jsonl`: glosser's own lossless record, one line per document per annotator: the document's
//! status, spans with their stable id ([`super::span_id`]), notes, `from`, a suggester's scores,
//! orphans at their last known offsets with `"orphan": true`, and the links between spans as
//! `relations` (`from`/`to` index `spans`), and the suggestions the annotator rejected as
//! `rejected` (offsets, label, text, note, score).

use serde::Serialize;

use super::ExportDoc;
use crate::span::Span;

#[derive(Serialize)]
struct Record<'a> {
    document: &'a str,
    annotator: &'a str,
    status: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<Relation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<RejectedOut<'a>>,
}

/// A suggestion the annotator rejected (SPEC §9): never suggested again.
#[derive(Serialize)]
struct RejectedOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    id: String,
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    from: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    orphan: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    ambiguous: bool,
    /// A suggester's confidence, on a suggester's spans (SPEC §9).
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
}

#[derive(Serialize)]
struct Relation<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    from: usize,
    to: usize,
}

/// The record as one line of JSON (without the newline).
pub fn line(d: &ExportDoc) -> String {
    let all: Vec<&Span> = d.spans.iter().chain(d.orphans).collect();
    let index = |end: &crate::store::LinkEnd| d.spans.iter().position(|s| end.matches(s));
    let record = Record {
        document: d.id,
        annotator: d.annotator,
        status: d.status.as_str(),
        text: d.doc.text(),
        spans: all
            .iter()
            .map(|s| SpanOut {
                id: super::span_id(d.id, d.annotator, s),
                start: s.start,
                end: s.end,
                label: &s.label,
                text: &s.quote,
                note: s.note.as_deref(),
                from: &s.from,
                orphan: s.orphan,
                ambiguous: s.ambiguous,
                score: s.score.map(|s| s.0),
            })
            .collect(),
        relations: d
            .links
            .iter()
            .filter_map(|l| {
                Some(Relation {
                    kind: &l.kind,
                    from: index(&l.from)?,
                    to: index(&l.to)?,
                })
            })
            .collect(),
        rejected: d
            .rejected
            .iter()
            .map(|s| RejectedOut {
                start: s.start,
                end: s.end,
                label: &s.label,
                text: &s.quote,
                note: s.note.as_deref(),
                score: s.score.map(|s| s.0),
            })
            .collect(),
    };
    serde_json::to_string(&record).unwrap_or_default()
}
