//! `prodigy`: text, tokens (`text`, `start`, `end`, `id`, `ws`) and spans with `token_start` and
//! inclusive `token_end`; span edges inside a token expand to the token.

use serde_json::{Value, json};

use super::ExportDoc;
use super::tokens::Tokenized;

pub fn record(d: &ExportDoc, tokens: &Tokenized) -> Value {
    let token_list: Vec<Value> = tokens
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"text": t.text, "start": t.start, "end": t.end, "id": i, "ws": t.ws}))
        .collect();
    let spans: Vec<Value> = d
        .spans
        .iter()
        .filter_map(|s| {
            let range = tokens.token_range(s.start, s.end)?;
            let first = &tokens.tokens[range.start];
            let last = &tokens.tokens[range.end - 1];
            Some(json!({
                "start": first.start,
                "end": last.end,
                "token_start": range.start,
                "token_end": range.end - 1,
                "label": s.label,
            }))
        })
        .collect();
    json!({
        "text": d.doc.text(),
        "tokens": token_list,
        "spans": spans,
        "answer": "accept",
        "meta": {"document": d.id, "annotator": d.annotator},
    })
}
