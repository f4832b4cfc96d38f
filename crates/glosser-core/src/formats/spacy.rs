//! `spacy`: text with `spans.sc` as `[start, end, label]` (code points), plus glosser's tokens
//! as `words` and `spaces` (spaCy's `Doc(vocab, words=…, spaces=…)` arguments, split at span
//! edges and with whitespace tokens as spaCy makes them), for `assets/spacy_docbin.py`, which
//! builds each Doc from them so that every span is exactly a run of tokens.

use serde_json::{Value, json};

use super::ExportDoc;
use super::tokens::Tokenized;

pub fn record(d: &ExportDoc, tokens: &Tokenized) -> Value {
    let sc: Vec<Value> = d
        .spans
        .iter()
        .map(|s| json!([s.start, s.end, s.label]))
        .collect();
    let (all, _) = tokens.with_whitespace(d.doc);
    let words: Vec<&str> = all.iter().map(|t| t.text).collect();
    let spaces: Vec<bool> = all.iter().map(|t| t.ws).collect();
    json!({
        "text": d.doc.text(),
        "spans": {"sc": sc},
        "words": words,
        "spaces": spaces,
        "meta": {"document": d.id, "annotator": d.annotator, "status": d.status.as_str()},
    })
}
