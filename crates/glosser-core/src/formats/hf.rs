//! `hf`: one JSON line per sentence for Hugging Face `datasets.load_dataset("json", ...)`:
//! `document`, `sentence` (0-based within the document), `status`, `tokens`, `token_starts` and
//! `token_ends` (code points into the document's text), `ner_tags` (IOB2 strings) and, with
//! `--overlaps layers`, `ner_tags_2`, `ner_tags_3`, … (every row has the same columns). Keys are
//! in alphabetical order; rows are written directly (no JSON tree per token).

pub mod parquet;

use serde::Serialize;

use super::overlaps::{Tagged, tag_label};
use crate::labels::LabelSet;

/// The IOB2 tags in their fixed order, a `ClassLabel`'s names: `O`, then `B-` and `I-` of each
/// label in the label set's order (only those in `only` when it is not empty).
pub fn tag_names(labels: &LabelSet, only: &[String]) -> Vec<String> {
    let mut tags = vec!["O".to_owned()];
    for label in labels.labels() {
        if only.is_empty() || only.contains(&label.name) {
            tags.push(format!("B-{}", tag_label(&label.name)));
            tags.push(format!("I-{}", tag_label(&label.name)));
        }
    }
    tags
}

/// The rows of one document with `depth` tag columns, each ending with a newline.
pub fn lines(t: &Tagged, depth: usize) -> String {
    let mut out = Vec::new();
    for (n, s) in t.sentences.iter().enumerate() {
        let words = &t.words[s.clone()];
        out.extend_from_slice(b"{\"document\":");
        put(&mut out, &t.document);
        for k in 0..depth.max(1) {
            if k == 0 {
                out.extend_from_slice(b",\"ner_tags\":");
            } else {
                out.extend_from_slice(format!(",\"ner_tags_{}\":", k + 1).as_bytes());
            }
            let tags: Vec<&str> = s.clone().map(|i| t.tag(k, i)).collect();
            put(&mut out, &tags);
        }
        out.extend_from_slice(format!(",\"sentence\":{n},\"status\":").as_bytes());
        put(&mut out, t.status);
        out.extend_from_slice(b",\"token_ends\":");
        put(&mut out, &words.iter().map(|w| w.2).collect::<Vec<_>>());
        out.extend_from_slice(b",\"token_starts\":");
        put(&mut out, &words.iter().map(|w| w.1).collect::<Vec<_>>());
        out.extend_from_slice(b",\"tokens\":");
        put(
            &mut out,
            &words.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
        );
        out.extend_from_slice(b"}\n");
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Appends `value` as JSON (strings, numbers and lists of them cannot fail).
fn put<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let _ = serde_json::to_writer(&mut *out, value);
}
