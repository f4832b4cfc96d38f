//! `hf`: one `{"tokens": [...], "ner_tags": [...]}` line per sentence, IOB2 tag strings, for
//! Hugging Face `datasets.load_dataset("json", ...)`.

use serde_json::{Value, json};

use super::tokens::Tokenized;

pub fn sentences(tokens: &Tokenized, tags: &[String]) -> Vec<Value> {
    tokens
        .sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = tokens.tokens[s.clone()].iter().map(|t| t.text).collect();
            json!({"tokens": words, "ner_tags": tags[s.clone()]})
        })
        .collect()
}
