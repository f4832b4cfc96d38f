//! `glosser agree`: agreement figures between annotators (SPEC §7), every pair, per label and
//! overall, streaming one document at a time.
//!
//! Exit codes: 0 figures printed; 2 usage error (fewer than two annotators, an unknown name) or
//! I/O error.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::corpus::{Corpus, DocumentEntry};
use crate::labels::LabelSet;
use crate::review::agree::{Contribution, Figures, Pair, PairResult, contribution, mean_of};
use crate::span::Span;
use crate::store::GOLD;

/// Arguments of `glosser agree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Annotators to compare (default: everyone but gold).
    #[arg(long, value_delimiter = ',')]
    pub annotators: Vec<String>,
    /// Print the SPEC §7 JSON shape.
    #[arg(long)]
    pub json: bool,
    /// Add a row per document, worst agreement first.
    #[arg(long)]
    pub per_doc: bool,
}

/// One document's row: the pairs (a, b) and their overall figures.
pub type DocRow = Vec<(String, String, Figures)>;

/// A block of the table: title, per-label figures, overall.
type Block<'a> = (String, &'a [(String, Figures)], Figures);

/// Everything `agree` found.
pub struct Report {
    pub annotators: Vec<String>,
    pub documents: usize,
    /// Documents only one of the annotators has.
    pub single: usize,
    /// Documents left out because a file is broken or stale (named on stderr).
    pub excluded: usize,
    pub pairs: Vec<PairResult>,
    /// Per document: id and each pair's overall figures.
    pub per_doc: Vec<(String, DocRow)>,
}

/// Computes the report; warnings for left-out documents go to `warn`.
pub fn compute(
    corpus: &Corpus,
    labels: &LabelSet,
    annotators: &[String],
    per_doc: bool,
    warn: &mut dyn FnMut(String),
) -> Report {
    let names: Vec<String> = labels.labels().iter().map(|l| l.name.clone()).collect();
    let mut pairs: Vec<Pair> = Vec::new();
    for (i, a) in annotators.iter().enumerate() {
        for b in &annotators[i + 1..] {
            pairs.push(Pair::new(a, b, &names));
        }
    }
    let mut report = Report {
        annotators: annotators.to_vec(),
        documents: 0,
        single: 0,
        excluded: 0,
        pairs: Vec::new(),
        per_doc: Vec::new(),
    };
    let pair_names: Vec<(String, String)> =
        pairs.iter().map(|p| (p.a.clone(), p.b.clone())).collect();
    // Documents are analysed on every core a chunk at a time and absorbed in corpus order.
    for chunk in corpus.documents.chunks(64) {
        let outcomes: Vec<DocOutcome> = chunk
            .par_iter()
            .map(|entry| analyse(entry, annotators, labels, &names, &pair_names))
            .collect();
        for outcome in outcomes {
            match outcome {
                DocOutcome::Nobody => {}
                DocOutcome::Single => report.single += 1,
                DocOutcome::Excluded(warnings) => {
                    for w in warnings {
                        warn(w);
                    }
                    report.excluded += 1;
                }
                DocOutcome::Counted { id, parts } => {
                    report.documents += 1;
                    let mut row = Vec::new();
                    for (index, part) in parts {
                        if per_doc {
                            let pair = &pairs[index];
                            let mut one = Pair::new(&pair.a, &pair.b, &names);
                            one.absorb(part.clone());
                            row.push((pair.a.clone(), pair.b.clone(), one.result().overall));
                        }
                        pairs[index].absorb(part);
                    }
                    if per_doc {
                        report.per_doc.push((id, row));
                    }
                }
            }
        }
    }
    report.pairs = pairs.iter().map(Pair::result).collect();
    // Worst first: lowest mean κ over the pairs; documents without a κ last.
    report.per_doc.sort_by(|(_, x), (_, y)| {
        let key = |row: &DocRow| {
            let defined: Vec<f64> = row.iter().filter_map(|(_, _, f)| f.kappa).collect();
            (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
        };
        match (key(x), key(y)) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    report
}

/// What one document brings.
enum DocOutcome {
    /// None of the annotators has a file for it.
    Nobody,
    /// Only one has.
    Single,
    /// Left out, with why.
    Excluded(Vec<String>),
    /// Its contribution to each pair (by index) whose two annotators both have a file.
    Counted {
        id: String,
        parts: Vec<(usize, Contribution)>,
    },
}

fn analyse(
    entry: &DocumentEntry,
    annotators: &[String],
    labels: &LabelSet,
    names: &[String],
    pairs: &[(String, String)],
) -> DocOutcome {
    let present: Vec<&String> = annotators
        .iter()
        .filter(|a| entry.annotation(a).is_some())
        .collect();
    match present.len() {
        0 => return DocOutcome::Nobody,
        1 => return DocOutcome::Single,
        _ => {}
    }
    let doc = match entry.load() {
        Ok(doc) => doc,
        Err(e) => return DocOutcome::Excluded(vec![format!("left out: {e}")]),
    };
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut warnings = Vec::new();
    for name in &present {
        let Some(annotation) = entry.annotation(name) else {
            continue;
        };
        match annotation.load() {
            Ok(file) => {
                let stale = file
                    .spans
                    .problems(&doc, labels)
                    .into_iter()
                    .find(|(_, p)| !matches!(p, crate::span::SpanError::UnknownLabel { .. }));
                if let Some((_, problem)) = stale {
                    warnings.push(format!(
                        "left out: {}: {problem} (run glosser validate)",
                        annotation.path.display()
                    ));
                }
                spans.insert(name.as_str(), file.spans.into_spans());
            }
            Err(e) => warnings.push(format!("left out: {e}")),
        }
    }
    if !warnings.is_empty() {
        return DocOutcome::Excluded(warnings);
    }
    let parts = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, (a, b))| {
            let (sa, sb) = (spans.get(a.as_str())?, spans.get(b.as_str())?);
            Some((i, contribution(doc.text(), sa, sb, names)))
        })
        .collect();
    DocOutcome::Counted {
        id: entry.id.clone(),
        parts,
    }
}

/// The annotators to compare: those asked for (all must exist), else everyone but gold.
pub fn choose_annotators(corpus: &Corpus, asked: &[String]) -> anyhow::Result<Vec<String>> {
    let known = corpus.annotators();
    let list = known.iter().cloned().collect::<Vec<_>>().join(", ");
    let chosen: Vec<String> = if asked.is_empty() {
        // Suggesters (SPEC §9) are nobody's annotations unless named.
        let suggesters = crate::suggest::suggesters(corpus);
        known
            .iter()
            .filter(|a| *a != GOLD && !suggesters.contains(*a))
            .cloned()
            .collect()
    } else {
        for name in asked {
            if !known.contains(name) {
                bail!(
                    "{}: no annotation files for {name:?}; annotators here: {list}",
                    corpus.root.display()
                );
            }
        }
        let mut unique = asked.to_vec();
        unique.dedup();
        unique
    };
    if chosen.len() < 2 {
        bail!(
            "{}: agreement needs two annotators or more; annotators here: {} (gold and suggesters are left out unless named in --annotators)",
            corpus.root.display(),
            if list.is_empty() {
                "none".to_owned()
            } else {
                list
            }
        );
    }
    Ok(chosen)
}

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
        "agreement over {} documents ({} with a single annotator skipped{})",
        report.documents,
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
