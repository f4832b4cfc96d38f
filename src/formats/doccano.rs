//! `doccano`: `{"id","text","label":[[start,end,label]]}` with UTF-16 offsets (doccano counts
//! JavaScript string indices) or code points for grapheme-mode projects.

use serde_json::{Value, json};

use super::{ExportDoc, Offsets};

pub fn record(d: &ExportDoc, offsets: Offsets) -> Value {
    let unit = |c: usize| match offsets {
        Offsets::Utf16 => d.doc.char_to_utf16(c),
        Offsets::Codepoint => c,
    };
    let label: Vec<Value> = d
        .spans
        .iter()
        .map(|s| json!([unit(s.start), unit(s.end), s.label]))
        .collect();
    json!({"id": d.id, "text": d.doc.text(), "label": label, "annotator": d.annotator})
}
