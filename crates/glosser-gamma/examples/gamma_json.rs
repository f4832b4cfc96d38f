//! Reads `{"documents": [...], "config": {...}, "emit_samples": bool}` on stdin and prints the
//! corpus γ as JSON (with, when asked, the random continua behind each document's chance estimate).
//!
//! Example:
//! `echo '{"documents":[{"id":"d","units":[{"annotator":"a","start":0,"end":5,"category":"claim"},
//! {"annotator":"b","start":1,"end":5,"category":"claim"}]}]}' | cargo run --example gamma_json`

use std::collections::BTreeMap;
use std::io::Read;

use glosser_gamma::{Document, GammaConfig, chance_samples, corpus_gamma};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Input {
    documents: Vec<Document>,
    #[serde(default)]
    config: GammaConfig,
    #[serde(default)]
    emit_samples: bool,
}

#[derive(Serialize)]
struct Output {
    corpus: glosser_gamma::CorpusGamma,
    #[serde(skip_serializing_if = "Option::is_none")]
    samples: Option<BTreeMap<String, Vec<Document>>>,
    seconds: f64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let input: Input = serde_json::from_str(&text)?;
    let started = std::time::Instant::now();
    let corpus = corpus_gamma(&input.documents, &input.config)?;
    let seconds = started.elapsed().as_secs_f64();
    let samples = if input.emit_samples {
        let mut all = BTreeMap::new();
        for document in &input.documents {
            all.insert(
                document.id.clone(),
                chance_samples(document, &input.config)?,
            );
        }
        Some(all)
    } else {
        None
    };
    let output = Output {
        corpus,
        samples,
        seconds,
    };
    println!("{}", serde_json::to_string(&output)?);
    Ok(())
}
