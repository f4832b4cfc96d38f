//! `prodigy`: text, tokens (`text`, `start`, `end`, `id`, `ws`) and spans with `token_start`
//! and inclusive `token_end`. Tokens follow spaCy's rule — `ws` only for a single trailing
//! U+0020; any other whitespace is a token of its own — so the text rebuilt from the tokens is
//! the text, and they are split at span edges, so every span keeps its exact characters.

use serde_json::{Value, json};

use super::ExportDoc;
use super::tokens::Tokenized;

pub fn record(d: &ExportDoc, tokens: &Tokenized) -> Value {
    let (all, index) = tokens.with_whitespace(d.doc);
    let token_list: Vec<Value> = all
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"text": t.text, "start": t.start, "end": t.end, "id": i, "ws": t.ws}))
        .collect();
    let spans: Vec<Value> = d
        .spans
        .iter()
        .filter_map(|s| {
            // Tokens are cut at span edges, so both edges are token edges; the word tokens are
            // the fallback should one not be.
            let exact = (
                all.binary_search_by_key(&s.start, |t| t.start).ok(),
                all.binary_search_by_key(&s.end, |t| t.end).ok(),
            );
            let (first, last) = if let (Some(first), Some(last)) = exact {
                (first, last)
            } else {
                let range = tokens.token_range(s.start, s.end)?;
                (index[range.start], index[range.end - 1])
            };
            Some(json!({
                "id": super::span_id(d.id, d.annotator, s),
                "start": all[first].start,
                "end": all[last].end,
                "token_start": first,
                "token_end": last,
                "label": s.label,
            }))
        })
        .collect();
    json!({
        "text": d.doc.text(),
        "tokens": token_list,
        "spans": spans,
        "answer": "accept",
        "meta": {"document": d.id, "annotator": d.annotator, "status": d.status.as_str()},
    })
}
