//! `jsonl`: glosser's own lossless record, one line per document per annotator.

use serde_json::{Value, json};

use super::ExportDoc;

pub fn record(d: &ExportDoc) -> Value {
    let spans: Vec<Value> = d
        .spans
        .iter()
        .map(|s| {
            let mut span =
                json!({"start": s.start, "end": s.end, "label": s.label, "text": s.quote});
            if let Some(note) = &s.note {
                span["note"] = json!(note);
            }
            if !s.from.is_empty() {
                span["from"] = json!(s.from);
            }
            span
        })
        .collect();
    json!({"document": d.id, "annotator": d.annotator, "text": d.doc.text(), "spans": spans})
}
