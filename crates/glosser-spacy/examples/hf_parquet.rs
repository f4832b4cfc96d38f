//! Writes Hugging Face-style rows to Parquet from JSON lines
//! `{"id": …, "document": …, "text": …, "spans": [[start, end, label], …]}`:
//!
//!     cargo run --example hf_parquet -- INPUT.jsonl OUTPUT.parquet LABEL,LABEL,…
//!
//! Prints, per row, the input indexes of the spans left out (`unaligned`, `left_out_of_tags`).
//! Used by checks/parquet_check.py.

use std::io::{BufRead, Write};

use glosser_spacy::Tokenizer;
use glosser_spacy::parquet::{hf_row, iob2_tag_names, write_hf_parquet_file};
use glosser_spacy::spans::LabelledSpan;
use serde_json::{Value, json};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, labels] = args.as_slice() else {
        return Err("usage: hf_parquet INPUT.jsonl OUTPUT.parquet LABEL,LABEL,…".into());
    };
    let labels: Vec<String> = labels.split(',').map(str::to_owned).collect();
    let tokenizer = Tokenizer::english()?;
    let mut rows = Vec::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Value = serde_json::from_str(&line)?;
        let field = |name: &str| {
            record[name]
                .as_str()
                .map(str::to_owned)
                .ok_or(format!("a record without {name}"))
        };
        let spans: Vec<LabelledSpan> =
            serde_json::from_value::<Vec<(usize, usize, String)>>(record["spans"].clone())?
                .into_iter()
                .map(|(start, end, label)| LabelledSpan::new(start, end, label))
                .collect();
        let (row, report) = hf_row(
            tokenizer,
            &field("id")?,
            &field("document")?,
            &field("text")?,
            &spans,
            &labels,
        )?;
        let indexes = |issues: &[glosser_spacy::spans::SpanIssue]| {
            issues.iter().map(|i| i.index).collect::<Vec<_>>()
        };
        writeln!(
            out,
            "{}",
            json!({"unaligned": indexes(&report.unaligned), "left_out_of_tags": indexes(&report.left_out_of_tags)})
        )?;
        rows.push(row);
    }
    write_hf_parquet_file(
        std::path::Path::new(output),
        &rows,
        &iob2_tag_names(&labels),
    )?;
    out.flush()?;
    Ok(())
}
