//! `label-studio`: tasks with `data.text` and one annotation whose results are `labels` regions
//! (`from_name: "label"`, `to_name: "text"`), code-point offsets as Label Studio uses.

use serde_json::{Value, json};

use super::ExportDoc;

/// One task; `index` numbers tasks from 1 in export order.
pub fn task(d: &ExportDoc, index: usize) -> Value {
    let result: Vec<Value> = d
        .spans
        .iter()
        .map(|s| {
            let mut region = json!({
                "id": super::span_id(d.id, d.annotator, s),
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {"start": s.start, "end": s.end, "text": s.quote, "labels": [s.label]},
            });
            if let Some(note) = &s.note {
                region["meta"] = json!({"text": [note]});
            }
            region
        })
        .collect();
    json!({
        "id": index,
        "data": {"text": d.doc.text(), "document": d.id},
        "annotations": [{"completed_by": d.annotator, "result": result}],
    })
}
