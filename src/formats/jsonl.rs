//! `jsonl`: glosser's own lossless record, one line per document per annotator.

use serde::Serialize;

use super::ExportDoc;

#[derive(Serialize)]
struct Record<'a> {
    document: &'a str,
    annotator: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
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
        text: d.doc.text(),
        spans: d
            .spans
            .iter()
            .map(|s| SpanOut {
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
