//! `doccano`: `{"id","text","label":[[start,end,label]]}` with UTF-16 offsets (doccano counts
//! JavaScript string indices), code points, or grapheme clusters for projects in grapheme mode.
//! A document with links also gets doccano's relation-extraction shape beside `label`:
//! `entities` (`id`, `start_offset`, `end_offset`, `label`) and `relations` (`from_id`, `to_id`,
//! `type`), as doccano 1.5+ imports into a relation project.

use serde_json::{Value, json};
use unicode_segmentation::UnicodeSegmentation;

use super::{ExportDoc, Offsets};

pub fn record(d: &ExportDoc, offsets: Offsets) -> Value {
    // Grapheme mode: the code-point offset of every grapheme boundary, searched per offset.
    let graphemes: Vec<usize> = if offsets == Offsets::Grapheme {
        let mut at = 0;
        let mut bounds = vec![0];
        for g in d.doc.text().graphemes(true) {
            at += g.chars().count();
            bounds.push(at);
        }
        bounds
    } else {
        Vec::new()
    };
    let unit = |c: usize| match offsets {
        Offsets::Utf16 => d.doc.char_to_utf16(c),
        Offsets::Codepoint => c,
        Offsets::Grapheme => graphemes.partition_point(|&b| b < c),
    };
    let label: Vec<Value> = d
        .spans
        .iter()
        .map(|s| json!([unit(s.start), unit(s.end), s.label]))
        .collect();
    let mut record =
        json!({"id": d.id, "text": d.doc.text(), "label": label, "annotator": d.annotator});
    let index = |end: &crate::store::LinkEnd| d.spans.iter().position(|s| end.matches(s));
    let relations: Vec<Value> = d
        .links
        .iter()
        .filter_map(|l| {
            Some(json!({"from_id": index(&l.from)?, "to_id": index(&l.to)?, "type": l.kind}))
        })
        .collect();
    if !relations.is_empty() {
        let entities: Vec<Value> = d
            .spans
            .iter()
            .enumerate()
            .map(|(i, s)| {
                json!({"id": i, "start_offset": unit(s.start), "end_offset": unit(s.end), "label": s.label})
            })
            .collect();
        record["entities"] = Value::from(entities);
        record["relations"] = Value::from(relations);
    }
    record
}
