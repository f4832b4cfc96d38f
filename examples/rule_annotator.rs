//! The rule annotator of the sentence learner's measurement (docs/suggest.md): labels every
//! sentence of a corpus (the sentences the TUI's `s` selects) by `rules-v1` (the learner
//! evaluation's fixed rules, `crates/glosser-models/examples/learner_eval/rules.rs`) and writes
//! two JSONL files for `glosser import --format jsonl`: the clean labels as `gold`, and the same
//! labels as ANNOTATOR with `--noise` of them switched to another class by a hash of the sentence
//! (an annotator's slips), every file Done.
//!
//! ```sh
//! cargo run --release --example rule_annotator -- CORPUS --gold gold.jsonl --out rules.jsonl --annotator rules --noise 0.1
//! ```

#[path = "../crates/glosser-models/examples/learner_eval/rules.rs"]
mod rules;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Parser;
use glosser_core::suggest::sentences::sentences;
use glosser_core::text::Document;
use serde_json::json;

#[derive(Debug, Parser)]
struct Args {
    corpus: PathBuf,
    #[arg(long)]
    gold: PathBuf,
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value = "rules")]
    annotator: String,
    #[arg(long, default_value_t = 0.1)]
    noise: f64,
}

fn texts(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            texts(root, &path, out)?;
        } else if name.ends_with(".txt") {
            let id = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            out.push((id, path));
        }
    }
    Ok(())
}

/// FNV-1a, for a choice that is the same on every run.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut docs = Vec::new();
    texts(&args.corpus, &args.corpus, &mut docs)?;
    docs.sort();
    let mut gold = std::io::BufWriter::new(std::fs::File::create(&args.gold)?);
    let mut noisy = std::io::BufWriter::new(std::fs::File::create(&args.out)?);
    let classes = [None, Some("claim"), Some("opinion"), Some("unverified")];
    let (mut labelled, mut switched) = (0, 0);
    for (id, path) in &docs {
        let text = std::fs::read_to_string(path)?;
        let doc = Document::from_text(text.clone());
        let (mut clean, mut slipped) = (Vec::new(), Vec::new());
        for (i, range) in sentences(&doc).into_iter().enumerate() {
            let sentence = doc.slice(range.start, range.end);
            let label = rules::rule_label(sentence, i == 0);
            let h = fnv1a(sentence.as_bytes());
            let train = if (h % 10_000) as f64 / 10_000.0 < args.noise {
                switched += 1;
                let others: Vec<Option<&str>> =
                    classes.iter().copied().filter(|c| *c != label).collect();
                others[(h >> 20) as usize % others.len()]
            } else {
                label
            };
            let span = |label: &str| json!({"start": range.start, "end": range.end, "label": label, "text": sentence});
            if let Some(label) = label {
                labelled += 1;
                clean.push(span(label));
            }
            if let Some(label) = train {
                slipped.push(span(label));
            }
        }
        for (out, who, spans) in [
            (&mut gold, "gold", clean),
            (&mut noisy, args.annotator.as_str(), slipped),
        ] {
            let record = json!({"document": id, "annotator": who, "text": text, "status": "Done", "spans": spans});
            writeln!(out, "{record}")?;
        }
    }
    eprintln!(
        "{} documents, {labelled} sentences labelled, {switched} training labels switched",
        docs.len()
    );
    Ok(())
}
