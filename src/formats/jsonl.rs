//! `jsonl`: glosser's own lossless record, one line per document per annotator, with the
//! document's status and each span's stable id ([`super::span_id`]).

use serde::Serialize;

use super::ExportDoc;

#[derive(Serialize)]
struct Record<'a> {
    document: &'a str,
    annotator: &'a str,
    status: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
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
}

/// The record as one line of JSON (without the newline).
pub fn line(d: &ExportDoc) -> String {
    let record = Record {
        document: d.id,
        annotator: d.annotator,
        status: d.status.as_str(),
        text: d.doc.text(),
        spans: d
            .spans
            .iter()
            .map(|s| SpanOut {
                id: super::span_id(d.id, d.annotator, s),
                start: s.start,
                end: s.end,
                label: &s.label,
                text: &s.quote,
                note: s.note.as_deref(),
                from: &s.from,
            })
            .collect(),
    };
    serde_json::to_string(&record).unwrap_or_default()
}
