//! `glosser import`: runs the core's import engine (`ops::import`) with a record counter and
//! says on stderr what became of every record.
//!
//! Exit codes: 0 every record imported and nothing left out; 1 some records rejected or some
//! things not kept (both listed on stderr); 2 usage or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use glosser_core::formats::parse::{self, Options};
use glosser_core::formats::{Format, Offsets};
use glosser_core::ops::import::{Counts, Event, Line, Request, import};
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
    let request = Request {
        file: &args.file,
        format,
        corpus: &args.corpus,
        annotator: args.annotator.as_deref(),
        options,
    };
    let progress = progress_bar();
    let summary = import(&request, &mut |event| match event {
        Event::Warning(w) => eprintln_safe!("glosser: warning: {w}"),
        Event::Chunk { records, lines } => {
            progress.inc(records as u64);
            progress.suspend(|| {
                for line in lines {
                    match line {
                        Line::Reanchored(l) | Line::Notice(l) => eprintln_safe!("glosser: {l}"),
                        Line::Rejected(e) => eprintln_safe!("glosser: rejected {e}"),
                    }
                }
            });
        }
    })?;
    progress.finish_and_clear();
    let (imported, rejected, spans) = (summary.imported, summary.rejected, summary.spans);
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
    for renamed in &summary.renamed {
        eprintln_safe!("glosser: {renamed}");
    }
    if let Some(hint) = &summary.hint {
        eprintln_safe!("glosser: {hint}");
    }
    for line in summary.report.lines() {
        eprintln_safe!("glosser: not kept: {line}");
    }
    Ok(
        if rejected > 0 || !summary.report.is_empty() || spans.missing > 0 {
            ExitCode::from(super::EXIT_PROBLEMS)
        } else {
            ExitCode::SUCCESS
        },
    )
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the summary's span count leaves out, one line each: the spans read but not written.
fn span_lines(spans: Counts) -> Vec<String> {
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
