//! Reads JSON lines `{"id": …, "text": …}` on stdin and writes, per line,
//! `{"id": …, "tokens": [[start, end, space_after, norm], …]}` (char offsets) with
//! the crate's spaCy English tokenizer. Used by checks/tokens_check.py.

use std::io::{BufRead, Write};

use glosser_spacy::Tokenizer;
use serde_json::{Value, json};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tokenizer = Tokenizer::english()?;
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Value = serde_json::from_str(&line)?;
        let text = record["text"].as_str().ok_or("a record without text")?;
        let tokens: Vec<Value> = tokenizer
            .tokenize(text)?
            .iter()
            .map(|t| json!([t.start, t.end, t.space_after, tokenizer.norm(text, t)]))
            .collect();
        writeln!(out, "{}", json!({"id": record["id"], "tokens": tokens}))?;
    }
    out.flush()?;
    Ok(())
}
