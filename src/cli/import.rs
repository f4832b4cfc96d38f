//! `glosser import`: other tools' annotations into a corpus (SPEC §6).
//!
//! Every record is checked before anything is written for it: a safe document name, the same
//! text as an existing document, span texts that match in the tool's own offset convention. A
//! bad record is rejected with its line (or task, or file) and leaves no trace. What glosser
//! cannot hold (events, attributes, cancelled annotations, rejected answers…) is counted in an
//! import report on stderr, by kind, with the first few named.
//!
//! The input is read and imported in chunks of [`CHUNK`] records (jsonl is read line by line), so
//! memory stays bounded. Within a chunk records are grouped by document: each document is read
//! (or created) once, each annotator's file is merged once through the one save path, documents
//! are prepared in parallel, and the chunk's files are made durable together (`chunk`).
//!
//! Exit codes: 0 every record imported and nothing left out; 1 some records rejected or some
//! things not kept (both listed on stderr); 2 usage or I/O error.

mod annotator_names;
mod chunk;
mod unknown_labels;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use glosser_core::corpus::Corpus;
use glosser_core::formats::import::Report;
use glosser_core::formats::parse::{self, Options};
use glosser_core::formats::{Format, Offsets};
use glosser_core::labels::LabelSet;
use glosser_core::store;

/// Arguments of `glosser import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// File to import (a directory of .txt + .ann pairs for brat).
    pub file: PathBuf,
    /// jsonl, doccano, label-studio, prodigy or brat.
    #[arg(long)]
    pub format: String,
    /// Corpus folder to import into (created if missing).
    #[arg(long)]
    pub corpus: PathBuf,
    /// Annotator to write as (default: the annotator each record names).
    #[arg(long)]
    pub annotator: Option<String>,
    /// doccano offsets: utf16 (doccano's default), codepoint, or grapheme (grapheme-mode projects).
    #[arg(long)]
    pub offsets: Option<String>,
    /// doccano: the project's label list (Labels → Export, `[{"id":1,"text":"PER"},…]`) to name
    /// numeric label ids.
    #[arg(long)]
    pub label_ids: Option<PathBuf>,
}

/// One record's place in the input and what became of it.
struct Outcome {
    /// The record's position in the input, for messages in input order.
    index: usize,
    result: Result<Imported, String>,
}

/// A record that was imported.
#[derive(Default)]
struct Imported {
    /// Informational lines (UTF-16 converted, BOM shifted).
    notices: Vec<String>,
    report: Report,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    if !format.importable() {
        bail!(
            "glosser cannot import {format}; it imports jsonl, doccano, label-studio, prodigy and brat"
        );
    }
    if let Some(name) = &args.annotator
        && !store::is_valid_annotator(name)
    {
        bail!("--annotator {name:?} is not a valid annotator name (a-z, 0-9, '_', '-', up to 32)");
    }
    let mut options = Options {
        offsets: args
            .offsets
            .as_deref()
            .map(glosser_core::ops::export::parse_offsets)
            .transpose()?,
        ..Options::default()
    };
    if let Some(path) = &args.label_ids {
        let json = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the label list", path.display()))?;
        options.label_ids = parse::doccano::label_ids(&json)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    if options.offsets.is_some_and(|o| o != Offsets::Utf16) && format != Format::Doccano {
        bail!("--offsets applies to doccano only; the other formats say their own unit");
    }
    std::fs::create_dir_all(&args.corpus).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot create the corpus folder: {e}",
            args.corpus.display()
        )
    })?;
    Corpus::scan(&args.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let mut stream =
        parse::stream::open(format, &args.file, &options).map_err(anyhow::Error::msg)?;
    let progress = progress_bar();
    let (mut imported, mut rejected) = (0usize, 0usize);
    let mut spans = write::Counts::default();
    let mut report = Report::default();
    let mut unknown_labels = unknown_labels::UnknownLabels::default();
    let mut names = annotator_names::AnnotatorNames::default();
    let mut first = 0;
    loop {
        let mut records = stream.next_chunk(CHUNK).map_err(anyhow::Error::msg)?;
        if records.is_empty() {
            break;
        }
        let count = records.len();
        unknown_labels.note(first, &records, &labels);
        if args.annotator.is_none() {
            names.assign(&mut records);
        }
        let (outcomes, counts, reanchored) = chunk::import(
            records,
            first,
            &args.corpus,
            &labels,
            args.annotator.as_deref(),
        );
        spans.add(counts);
        first += count;
        progress.inc(count as u64);
        progress.suspend(|| {
            for line in &reanchored {
                eprintln_safe!("glosser: {line}");
            }
            for outcome in outcomes {
                match outcome.result {
                    Ok(ok) => {
                        imported += 1;
                        for notice in ok.notices {
                            eprintln_safe!("glosser: {notice}");
                        }
                        report.merge(ok.report);
                    }
                    Err(e) => {
                        eprintln_safe!("glosser: rejected {e}");
                        rejected += 1;
                        unknown_labels.rejected(outcome.index);
                    }
                }
            }
        });
    }
    progress.finish_and_clear();
    // The reader's own report (rejected answers, cancelled annotations…) comes first, as before.
    let mut whole = std::mem::take(&mut stream.report);
    whole.merge(report);
    let report = whole;
    eprintln_safe!(
        "glosser: imported {imported} record{} ({}) into {}{}",
        if imported == 1 { "" } else { "s" },
        counted(spans.written, "span", "spans"),
        args.corpus.display(),
        if rejected > 0 {
            format!("; rejected {rejected} (listed above)")
        } else {
            String::new()
        }
    );
    for line in span_lines(spans) {
        eprintln_safe!("glosser: {line}");
    }
    for renamed in &names.renamed {
        eprintln_safe!("glosser: {renamed}");
    }
    if let Some(hint) = unknown_labels.hint(&args.corpus) {
        eprintln_safe!("glosser: {hint}");
    }
    for line in report.lines() {
        eprintln_safe!("glosser: not kept: {line}");
    }
    Ok(if rejected > 0 || !report.is_empty() || spans.missing > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the summary's span count leaves out, one line each: the spans read but not written.
fn span_lines(spans: write::Counts) -> Vec<String> {
    let mut lines = Vec::new();
    if spans.already > 0 {
        lines.push(if spans.already == 1 {
            "1 span was already in its annotation file, not added again".to_owned()
        } else {
            format!(
                "{} spans were already in their annotation files, not added again",
                spans.already
            )
        });
    }
    if spans.twice > 0 {
        lines.push(format!(
            "{} given twice in this import, written once (notes joined)",
            counted(spans.twice, "span", "spans")
        ));
    }
    if spans.missing > 0 {
        lines.push(format!(
            "{} not kept: not in the annotation file as written — check it with glosser validate",
            counted(spans.missing, "span", "spans")
        ));
    }
    lines
}

/// Records imported per batch: enough that one durability flush covers many files, few enough
/// that memory stays bounded whatever the input's size.
const CHUNK: usize = 1024;

/// A record counter on a terminal; hidden otherwise.
fn progress_bar() -> indicatif::ProgressBar {
    use std::io::IsTerminal as _;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::no_length();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{pos} records {per_sec}") {
        bar.set_style(style);
    }
    bar
}
