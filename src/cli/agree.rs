//! `glosser agree`: agreement figures between annotators (SPEC §7), every pair, per label and
//! overall, streaming one document at a time.
//!
//! Exit codes: 0 figures printed; 2 usage error (fewer than two annotators, an unknown name) or
//! I/O error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::review::agree::{Figures, mean_of};
pub use crate::review::corpus::{DocRow, Report, choose_annotators, compute};

/// Arguments of `glosser agree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Annotators to compare (default: everyone but gold).
    #[arg(long, value_delimiter = ',')]
    pub annotators: Vec<String>,
    /// Print JSON: annotators, documents, pairs with per-label and overall figures (the shape
    /// is in docs/review.md).
    #[arg(long)]
    pub json: bool,
    /// Add a row per document, worst agreement first.
    #[arg(long)]
    pub per_doc: bool,
}

/// A block of the table: title, per-label figures, overall.
type Block<'a> = (String, &'a [(String, Figures)], Figures);

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::scan(&args.corpus)?;
    let annotators = choose_annotators(&corpus, &args.annotators)?;
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let report = compute(&corpus, &labels, &annotators, args.per_doc, &mut |w| {
        eprintln_safe!("glosser: {w}");
    });
    if args.json {
        super::print_json(&to_json(&report, args.per_doc))?;
    } else {
        print_table(&mut super::safe_stdout(), &report, args.per_doc)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn figures_json(f: &Figures) -> Value {
    json!({
        "kappa": f.kappa, "alpha_u": f.alpha_u, "f1_strict": f.f1_strict,
        "f1_overlap": f.f1_overlap, "a_spans": f.a_spans, "b_spans": f.b_spans,
    })
}

fn labels_json(labels: &[(String, Figures)]) -> Value {
    Value::Object(
        labels
            .iter()
            .map(|(n, f)| (n.clone(), figures_json(f)))
            .collect(),
    )
}

/// The SPEC §7 shape, plus the skipped counts, the mean of 3+ annotators, and per-document rows.
pub fn to_json(report: &Report, per_doc: bool) -> Value {
    let pairs: Vec<Value> = report
        .pairs
        .iter()
        .map(|p| json!({"a": p.a, "b": p.b, "labels": labels_json(&p.labels), "overall": figures_json(&p.overall)}))
        .collect();
    let mut out = json!({
        "annotators": report.annotators,
        "documents": report.documents,
        "single_annotator_documents": report.single,
        "excluded_documents": report.excluded,
        "pairs": pairs,
    });
    if report.pairs.len() > 1 {
        let (labels, overall) = mean_of(&report.pairs);
        out["mean"] = json!({"labels": labels_json(&labels), "overall": figures_json(&overall)});
    }
    if per_doc {
        out["per_doc"] = Value::Array(
            report
                .per_doc
                .iter()
                .map(|(id, row)| {
                    let pairs: Vec<Value> = row
                        .iter()
                        .map(|(a, b, f)| {
                            let mut v = figures_json(f);
                            v["a"] = json!(a);
                            v["b"] = json!(b);
                            v
                        })
                        .collect();
                    json!({"document": id, "pairs": pairs})
                })
                .collect(),
        );
    }
    out
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

fn print_table(out: &mut impl Write, report: &Report, per_doc: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "agreement over {} {} ({} with a single annotator skipped{})",
        report.documents,
        if report.documents == 1 {
            "document"
        } else {
            "documents"
        },
        report.single,
        if report.excluded > 0 {
            format!(", {} left out: see above", report.excluded)
        } else {
            String::new()
        }
    )?;
    let mut blocks: Vec<Block> = report
        .pairs
        .iter()
        .map(|p| (format!("{} × {}", p.a, p.b), p.labels.as_slice(), p.overall))
        .collect();
    let mean = (report.pairs.len() > 1).then(|| mean_of(&report.pairs));
    if let Some((labels, overall)) = &mean {
        blocks.push(("mean of all pairs".to_owned(), labels.as_slice(), *overall));
    }
    for (title, labels, overall) in blocks {
        writeln!(out, "\n{title}")?;
        writeln!(
            out,
            "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7} {:>7}",
            "label", "kappa", "alpha_u", "f1_strict", "f1_overlap", "a_spans", "b_spans"
        )?;
        for (name, f) in labels
            .iter()
            .chain(std::iter::once(&("overall".to_owned(), overall)))
        {
            writeln!(
                out,
                "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7} {:>7}",
                name,
                cell(f.kappa),
                cell(f.alpha_u),
                cell(f.f1_strict),
                cell(f.f1_overlap),
                f.a_spans,
                f.b_spans
            )?;
        }
    }
    if per_doc {
        writeln!(out, "\nper document, lowest kappa first")?;
        writeln!(
            out,
            "{:<40} {:<20} {:>7} {:>8} {:>9} {:>10}",
            "document", "pair", "kappa", "alpha_u", "f1_strict", "f1_overlap"
        )?;
        for (id, row) in &report.per_doc {
            for (a, b, f) in row {
                writeln!(
                    out,
                    "{:<40} {:<20} {:>7} {:>8} {:>9} {:>10}",
                    id,
                    format!("{a} × {b}"),
                    cell(f.kappa),
                    cell(f.alpha_u),
                    cell(f.f1_strict),
                    cell(f.f1_overlap)
                )?;
            }
        }
    }
    Ok(())
}
