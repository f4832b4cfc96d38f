//! The Rust side of `checks/run.sh`: reads a file with one of the readers and prints the
//! corpus as JSON, writes CoNLL from JSON documents, or names a file's format.
//!
//! ```text
//! readers_check read FORMAT FILE [--labels NAMES.json] [--legend LEGEND.json] [--text TEXT]
//! readers_check write-conll DOCUMENTS.json OUT.conll [--two] [--scheme NAME] [--ids]
//! readers_check detect FILE
//! ```

use std::process::ExitCode;

use glosser_readers::conll::{Columns, DocumentIds, TokenizedDocument, WriteOptions};
use glosser_readers::{
    Corpus, Document, Scheme, Span, argilla, conll, detect, gate, hf, label_studio_min, spacy_v2,
    tagtog,
};
use serde_json::{Value, json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("readers_check: {message}");
            ExitCode::FAILURE
        }
    }
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|at| args.get(at + 1))
        .map(String::as_str)
}

fn read_file(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))
}

fn run(args: &[String]) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("read") => {
            let (Some(format), Some(path)) = (args.get(1), args.get(2)) else {
                return Err("read FORMAT FILE".into());
            };
            let input = read_file(path)?;
            let corpus = read(format, &input, args)?;
            Ok(corpus_json(&corpus).to_string())
        }
        Some("write-conll") => {
            let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
                return Err("write-conll DOCUMENTS.json OUT.conll".into());
            };
            let written = write_conll(&read_file(input)?, args)?;
            std::fs::write(output, &written.text).map_err(|error| error.to_string())?;
            Ok(json!({"skipped": written.skipped.iter().map(|s| [&s.what, &s.reason]).collect::<Vec<_>>()}).to_string())
        }
        Some("detect") => {
            let path = args.get(1).ok_or("detect FILE")?;
            let bytes = std::fs::read(path).map_err(|error| error.to_string())?;
            Ok(detect(&bytes, path)
                .map_or("none", |format| format.name())
                .to_owned())
        }
        _ => Err("read | write-conll | detect".into()),
    }
}

fn read(format: &str, input: &str, args: &[String]) -> Result<Corpus, String> {
    let result = match format {
        "conll" => conll::read(input, &conll::ReadOptions::default()),
        "hf" => {
            let label_names = match option(args, "--labels") {
                Some(path) => Some(
                    serde_json::from_str::<Vec<String>>(&read_file(path)?)
                        .map_err(|e| e.to_string())?,
                ),
                None => None,
            };
            hf::read(
                input,
                &hf::ReadOptions {
                    label_names,
                    ..hf::ReadOptions::default()
                },
            )
        }
        "label-studio-min" => {
            label_studio_min::read(input, &label_studio_min::ReadOptions::default())
        }
        "gate" => gate::read(input, &gate::ReadOptions::default()),
        "tagtog" => {
            let text = read_file(option(args, "--text").ok_or("tagtog needs --text")?)?;
            let legend = match option(args, "--legend") {
                Some(path) => {
                    Some(tagtog::parse_legend(&read_file(path)?).map_err(|e| e.to_string())?)
                }
                None => None,
            };
            tagtog::read(input, &text, legend.as_ref())
        }
        "argilla" => argilla::read(input, &argilla::ReadOptions::default()),
        "spacy-v2" => spacy_v2::read(input),
        other => return Err(format!("unknown format {other}")),
    };
    result.map_err(|error| error.to_string())
}

fn corpus_json(corpus: &Corpus) -> Value {
    let documents: Vec<Value> = corpus
        .documents
        .iter()
        .map(|document| {
            let spans: Vec<Value> = document
                .spans
                .iter()
                .map(|s| json!({"start": s.start, "end": s.end, "layer": s.layer, "label": s.label, "annotator": s.annotator, "features": s.features}))
                .collect();
            let relations: Vec<Value> = document.relations.iter().map(|r| json!({"from": r.from, "to": r.to, "label": r.label})).collect();
            json!({
                "id": document.metadata.document_id,
                "text": document.text,
                "spans": spans,
                "relations": relations,
                "annotators": document.metadata.annotators,
                "skipped": document.skipped.iter().map(|s| [&s.what, &s.reason]).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "documents": documents,
        "labels": corpus.labels,
        "skipped": corpus.skipped.iter().map(|s| [&s.what, &s.reason]).collect::<Vec<_>>(),
    })
}

/// Documents as the check writes them: `{id, text, spans: [[start, end, label]], sentences:
/// [[[start, end], …], …]}`.
fn write_conll(input: &str, args: &[String]) -> Result<conll::Written, String> {
    let items: Vec<Value> = serde_json::from_str(input).map_err(|error| error.to_string())?;
    let mut documents = Vec::new();
    let mut sentences = Vec::new();
    for item in &items {
        let mut document = Document::new(item["text"].as_str().unwrap_or_default());
        document.metadata.document_id = item["id"].as_str().map(str::to_owned);
        for span in item["spans"].as_array().into_iter().flatten() {
            document.spans.push(Span {
                start: span[0].as_u64().unwrap_or_default() as usize,
                end: span[1].as_u64().unwrap_or_default() as usize,
                label: span[2].as_str().unwrap_or_default().to_owned(),
                layer: "ner".to_owned(),
                ..Span::default()
            });
        }
        let tokens: Vec<Vec<(usize, usize)>> = item["sentences"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|sentence| {
                sentence
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|token| {
                        (
                            token[0].as_u64().unwrap_or_default() as usize,
                            token[1].as_u64().unwrap_or_default() as usize,
                        )
                    })
                    .collect()
            })
            .collect();
        documents.push(document);
        sentences.push(tokens);
    }
    let tokenized: Vec<TokenizedDocument> = documents
        .iter()
        .zip(sentences)
        .map(|(document, sentences)| TokenizedDocument {
            document,
            sentences,
        })
        .collect();
    let options = WriteOptions {
        columns: if args.iter().any(|arg| arg == "--two") {
            Columns::Two
        } else {
            Columns::Four
        },
        document_ids: if args.iter().any(|arg| arg == "--ids") {
            DocumentIds::Comment
        } else {
            DocumentIds::Omit
        },
        scheme: option(args, "--scheme")
            .and_then(Scheme::from_name)
            .unwrap_or(Scheme::Iob2),
        layers: None,
    };
    conll::write(&tokenized, &options).map_err(|error| error.to_string())
}
