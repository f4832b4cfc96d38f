//! `w3c`: a Web Annotation collection per document (JSON-LD), each span an annotation whose
//! target has a `TextQuoteSelector` (exact, 32-char prefix and suffix) and a
//! `TextPositionSelector` (code points). Annotation ids are `#` + the span's stable id.

use serde_json::{Value, json};

use super::ExportDoc;

const CONTEXT: usize = 32;

pub fn record(d: &ExportDoc) -> Value {
    let items: Vec<Value> = d
        .spans
        .iter()
        .map(|s| {
            let prefix = d.doc.slice(s.start.saturating_sub(CONTEXT), s.start);
            let suffix = d.doc.slice(s.end, s.end + CONTEXT);
            let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": s.label})];
            if let Some(note) = &s.note {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
            }
            json!({
                "id": format!("#{}", super::span_id(d.id, d.annotator, s)),
                "type": "Annotation",
                "creator": d.annotator,
                "body": body,
                "target": {
                    "source": d.id,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": s.quote, "prefix": prefix, "suffix": suffix},
                        {"type": "TextPositionSelector", "start": s.start, "end": s.end},
                    ],
                },
            })
        })
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{}#{}", d.id, d.annotator),
        "type": "AnnotationCollection",
        "label": d.id,
        "status": d.status.as_str(),
        "total": items.len(),
        "first": {"type": "AnnotationPage", "items": items},
    })
}
