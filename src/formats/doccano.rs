//! `doccano`: `{"id","text","label":[[start,end,label]]}` with UTF-16 offsets (doccano counts
//! JavaScript string indices), code points, or grapheme clusters for projects in grapheme mode.
//! Links become doccano's `entities` + `relations` shape only on import; the export keeps the
//! `label` shape every doccano version reads.

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
    json!({"id": d.id, "text": d.doc.text(), "label": label, "annotator": d.annotator})
}
