//! Writes a `.spacy` DocBin from JSON lines `{"text": …, "spans": [[start, end, label], …]}`:
//!
//!     cargo run --example spacy_docbin -- INPUT.jsonl OUTPUT.spacy [--ents longest|unset] [--key sc]
//!         [--user-data yes]
//!
//! With `--user-data yes`, each record's `user_data` (a list of `[key, value]` strings, in order)
//! becomes the Doc's `user_data` (`DocBin(store_user_data=True)`).
//! Prints one JSON line per document on stdout: the input indexes of the spans left out, each
//! with its problem (`unaligned`, `left_out_of_ents`). Used by checks/docbin_check.py.

use std::io::{BufRead, Write};

use glosser_spacy::Tokenizer;
use glosser_spacy::docbin::{DocBin, DocBinOptions, Ents};
use glosser_spacy::spans::{LabelledSpan, SpanIssue};
use serde_json::{Value, json};

fn issues(list: &[SpanIssue]) -> Value {
    list.iter()
        .map(|i| {
            json!([
                i.index,
                format!("{:?}", i.problem).split([' ', '{', '(']).next(),
                i.to_string()
            ])
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else {
        return Err(
            "usage: spacy_docbin INPUT.jsonl OUTPUT.spacy [--ents longest|unset] [--key sc]".into(),
        );
    };
    let mut options = DocBinOptions::default();
    for pair in rest.chunks(2) {
        match pair {
            [flag, value] if flag == "--ents" => {
                options.ents = if value == "unset" {
                    Ents::Unset
                } else {
                    Ents::Longest
                };
            }
            [flag, value] if flag == "--key" => options.spans_key.clone_from(value),
            [flag, value] if flag == "--user-data" => options.store_user_data = value == "yes",
            _ => return Err(format!("unknown arguments {pair:?}").into()),
        }
    }
    let mut bin = DocBin::new(Tokenizer::english()?, options)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Value = serde_json::from_str(&line)?;
        let text = record["text"].as_str().ok_or("a record without text")?;
        let spans: Vec<LabelledSpan> =
            serde_json::from_value::<Vec<(usize, usize, String)>>(record["spans"].clone())?
                .into_iter()
                .map(|(start, end, label)| LabelledSpan::new(start, end, label))
                .collect();
        let user_data: Vec<(String, String)> = match record.get("user_data") {
            Some(pairs) => serde_json::from_value(pairs.clone())?,
            None => Vec::new(),
        };
        let report = bin.add_with_user_data(text, &spans, &user_data)?;
        writeln!(
            out,
            "{}",
            json!({"unaligned": issues(&report.unaligned), "left_out_of_ents": issues(&report.left_out_of_ents)})
        )?;
    }
    bin.write(std::path::Path::new(output))?;
    out.flush()?;
    Ok(())
}
