//! `spacy`: text with `spans.sc` as `[start, end, label]` (code points), for
//! `assets/spacy_docbin.py`, which builds a `DocBin` with `Doc.char_span(..., alignment_mode="expand")`.

use serde_json::{Value, json};

use super::ExportDoc;

pub fn record(d: &ExportDoc) -> Value {
    let sc: Vec<Value> = d
        .spans
        .iter()
        .map(|s| json!([s.start, s.end, s.label]))
        .collect();
    json!({
        "text": d.doc.text(),
        "spans": {"sc": sc},
        "meta": {"document": d.id, "annotator": d.annotator},
    })
}
