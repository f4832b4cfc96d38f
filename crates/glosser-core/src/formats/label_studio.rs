//! `label-studio`: tasks with `data.text` and one annotation whose results are `labels` regions
//! (`from_name: "label"`, `to_name: "text"`, code-point offsets as Label Studio uses) and
//! `relation` results between them; a suggester's spans carry their `score` on each region, as
//! Label Studio's predictions do. No `completed_by`: Label Studio's importer takes only a user
//! id or a user dict there, and sets it to the importing user when it is absent.

use serde_json::{Value, json};

use super::ExportDoc;

/// One task; `index` numbers tasks from 1 in export order.
pub fn task(d: &ExportDoc, index: usize) -> Value {
    // Stable ids (SPEC §12), so relations and re-exports name the same regions.
    let region_id = |i: usize| super::span_id(d.id, d.annotator, &d.spans[i]);
    let mut result: Vec<Value> = d
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
            if let Some(score) = s.score {
                region["score"] = json!(score.0);
            }
            region
        })
        .collect();
    let index_of = |end: &crate::store::LinkEnd| d.spans.iter().position(|s| end.matches(s));
    for link in d.links {
        if let (Some(from), Some(to)) = (index_of(&link.from), index_of(&link.to)) {
            result.push(json!({
                "from_id": region_id(from),
                "to_id": region_id(to),
                "type": "relation",
                "direction": "right",
                "labels": [link.kind],
            }));
        }
    }
    json!({
        "id": index,
        "data": {"text": d.doc.text(), "document": d.id},
        "annotations": [{"result": result}],
    })
}
