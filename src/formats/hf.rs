//! `hf`: one JSON line per sentence for Hugging Face `datasets.load_dataset("json", ...)`:
//! `document`, `sentence` (0-based within the document), `status`, `tokens`, `token_starts` and
//! `token_ends` (code points into the document's text), `ner_tags` (IOB2 strings) and, with
//! `--overlaps layers`, `ner_tags_2`, `ner_tags_3`, … (every row has the same columns).

use serde_json::{Map, Value, json};

use super::overlaps::Tagged;

/// The rows of one document with `depth` tag columns.
pub fn sentences(t: &Tagged, depth: usize) -> Vec<Value> {
    t.sentences
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let mut row = Map::new();
            row.insert("document".into(), json!(t.document));
            row.insert("sentence".into(), json!(n));
            row.insert("status".into(), json!(t.status));
            let words = &t.words[s.clone()];
            row.insert(
                "tokens".into(),
                json!(words.iter().map(|w| &w.0).collect::<Vec<_>>()),
            );
            row.insert(
                "token_starts".into(),
                json!(words.iter().map(|w| w.1).collect::<Vec<_>>()),
            );
            row.insert(
                "token_ends".into(),
                json!(words.iter().map(|w| w.2).collect::<Vec<_>>()),
            );
            for k in 0..depth.max(1) {
                let name = if k == 0 {
                    "ner_tags".to_owned()
                } else {
                    format!("ner_tags_{}", k + 1)
                };
                let tags: Vec<&str> = s.clone().map(|i| t.tag(k, i)).collect();
                row.insert(name, json!(tags));
            }
            Value::Object(row)
        })
        .collect()
}
