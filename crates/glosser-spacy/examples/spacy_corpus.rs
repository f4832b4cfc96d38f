//! Builds a spaCy training corpus from JSON lines `{"text": …, "spans": [[start, end, label], …]}`:
//!
//!     cargo run --example spacy_corpus -- INPUT.jsonl OUT_DIR [spancat|ner|spancat,ner]
//!
//! Every fourth document goes to OUT_DIR/dev.spacy, the others to OUT_DIR/train.spacy;
//! OUT_DIR/config.cfg has suggester sizes covering every span length of the training part.
//! Prints the spans left out (one line each) and a summary. Used by checks/train_check.sh.

use std::io::BufRead;
use std::path::Path;

use glosser_spacy::Tokenizer;
use glosser_spacy::config::{
    Component, ConfigOptions, span_length_histogram, suggester_sizes, training_config,
};
use glosser_spacy::docbin::{DocBin, DocBinOptions, Ents};
use glosser_spacy::spans::LabelledSpan;
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, rest @ ..] = args.as_slice() else {
        return Err("usage: spacy_corpus INPUT.jsonl OUT_DIR [spancat|ner|spancat,ner]".into());
    };
    let mut components = Vec::new();
    for name in rest
        .first()
        .map_or("spancat,ner", String::as_str)
        .split(',')
    {
        components.push(match name {
            "spancat" => Component::Spancat,
            "ner" => Component::Ner,
            other => return Err(format!("unknown component {other}").into()),
        });
    }
    let tokenizer = Tokenizer::english()?;
    let options = DocBinOptions {
        spans_key: "sc".into(),
        ents: if components.contains(&Component::Ner) {
            Ents::Longest
        } else {
            Ents::Unset
        },
        store_user_data: false,
    };
    let mut train = DocBin::new(tokenizer, options.clone())?;
    let mut dev = DocBin::new(tokenizer, options)?;
    let mut train_spans = Vec::new();
    let (mut unaligned, mut left_out) = (0, 0);
    for (number, line) in std::io::BufReader::new(std::fs::File::open(input)?)
        .lines()
        .enumerate()
    {
        let record: Value = serde_json::from_str(&line?)?;
        let text = record["text"].as_str().ok_or("a record without text")?;
        let spans: Vec<LabelledSpan> =
            serde_json::from_value::<Vec<(usize, usize, String)>>(record["spans"].clone())?
                .into_iter()
                .map(|(start, end, label)| LabelledSpan::new(start, end, label))
                .collect();
        let is_dev = number % 4 == 3;
        let report = if is_dev {
            dev.add(text, &spans)?
        } else {
            train.add(text, &spans)?
        };
        for issue in report.unaligned.iter().chain(&report.left_out_of_ents) {
            println!("document {number}: {issue}");
        }
        unaligned += report.unaligned.len();
        left_out += report.left_out_of_ents.len();
        if !is_dev {
            train_spans.extend(report.spans);
        }
    }
    let histogram = span_length_histogram(&train_spans);
    let (sizes, uncovered) = suggester_sizes(&histogram, 1.0, None);
    let config = training_config(&ConfigOptions {
        components,
        suggester_sizes: sizes.clone(),
        ..ConfigOptions::default()
    })?;
    let out = Path::new(out_dir);
    std::fs::create_dir_all(out)?;
    train.write(&out.join("train.spacy"))?;
    dev.write(&out.join("dev.spacy"))?;
    std::fs::write(out.join("config.cfg"), config)?;
    println!(
        "train {} docs, dev {} docs, {} training spans, lengths {histogram:?}, suggester sizes {sizes:?} (uncovered {uncovered:?}), {unaligned} spans unaligned, {left_out} left out of doc.ents",
        train.len(),
        dev.len(),
        train_spans.len()
    );
    Ok(())
}
