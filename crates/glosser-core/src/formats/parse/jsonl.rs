//! glosser's own `jsonl`: spans (with notes, `from`, orphans, scores), the document status and
//! relations between spans and the rejected suggestions, read back exactly.

use serde::Deserialize;
use serde_json::Value;

use crate::formats::import::{RawLink, RawSpan, Record, Unit};
use crate::span::{Score, Span};
use crate::store::Status;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRecord {
    /// A record id (training-data exports); not needed to import.
    #[serde(default)]
    #[allow(dead_code)]
    id: Option<Value>,
    document: String,
    annotator: Option<String>,
    text: String,
    spans: Vec<JsonlSpan>,
    #[serde(default)]
    status: Option<Status>,
    #[serde(default)]
    relations: Vec<JsonlRelation>,
    #[serde(default)]
    rejected: Vec<JsonlRejected>,
}

/// A suggestion the annotator rejected: kept in the file's `rejected` list.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRejected {
    start: usize,
    end: usize,
    label: String,
    text: String,
    note: Option<String>,
    score: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlSpan {
    /// A span id (training-data exports); spans are identified by their offsets and label.
    #[serde(default)]
    #[allow(dead_code)]
    id: Option<Value>,
    start: usize,
    end: usize,
    label: String,
    text: String,
    note: Option<String>,
    #[serde(default)]
    from: Vec<String>,
    #[serde(default)]
    orphan: bool,
    #[serde(default)]
    ambiguous: bool,
    /// A suggester's confidence (0..1), on a suggester's spans.
    #[serde(default)]
    score: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRelation {
    #[serde(rename = "type")]
    kind: String,
    from: usize,
    to: usize,
}

/// One line of glosser's jsonl.
pub fn record(line: &str, number: usize) -> Result<Record, crate::formats::Rejected> {
    let r: JsonlRecord = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let origin = format!("line {number}");
    let mut record = Record::new(&origin, r.document, r.text, Unit::CodepointOrUtf16);
    record.annotator = r.annotator;
    record.status = r.status;
    record.spans = r
        .spans
        .into_iter()
        .map(|s| RawSpan {
            text: Some(s.text),
            note: s.note,
            from: s.from,
            orphan: s.orphan,
            ambiguous: s.ambiguous,
            score: s.score.map(Score),
            ..RawSpan::new(s.start, s.end, s.label)
        })
        .collect();
    record.rejected = r
        .rejected
        .into_iter()
        .map(|s| Span {
            start: s.start,
            end: s.end,
            label: s.label,
            quote: s.text,
            note: s.note,
            score: s.score.map(Score),
            ..Span::default()
        })
        .collect();
    for (i, rel) in r.relations.into_iter().enumerate() {
        if rel.from >= record.spans.len() || rel.to >= record.spans.len() {
            return Err(format!(
                "relation {i} ({}) points past the {} spans",
                rel.kind,
                record.spans.len()
            )
            .into());
        }
        record.links.push(RawLink {
            id: format!("relation {i}"),
            kind: rel.kind,
            from: rel.from,
            to: rel.to,
        });
    }
    Ok(record)
}
