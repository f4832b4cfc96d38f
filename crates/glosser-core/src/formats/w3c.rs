//! `w3c`: a Web Annotation collection per document (JSON-LD), each span an annotation whose
//! target has a `TextQuoteSelector` (exact, 32-char prefix and suffix) and a
//! `TextPositionSelector` (code points). Annotation ids are `#` + the span's stable id. A link
//! between spans (SPEC §10) is an annotation with `motivation: "linking"` whose body is its type
//! (`purpose: "linking"`) and whose target is the two span annotations, from first.

use serde_json::{Value, json};

use super::ExportDoc;

const CONTEXT: usize = 32;

pub fn record(d: &ExportDoc) -> Value {
    let mut items: Vec<Value> = d
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
    items.extend(links(d));
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

/// The links whose two spans are exported, as linking annotations.
fn links(d: &ExportDoc) -> Vec<Value> {
    let id_of = |end: &crate::store::LinkEnd| {
        d.spans
            .iter()
            .find(|s| end.matches(s))
            .map(|s| format!("#{}", super::span_id(d.id, d.annotator, s)))
    };
    d.links
        .iter()
        .filter_map(|link| {
            let (from, to) = (id_of(&link.from)?, id_of(&link.to)?);
            Some(json!({
                "id": format!("{from}-{}-{}", link.kind, &to[1..]),
                "type": "Annotation",
                "motivation": "linking",
                "creator": d.annotator,
                "body": {"type": "TextualBody", "purpose": "linking", "value": link.kind},
                "target": [from, to],
            }))
        })
        .collect()
}
