//! `glosser export`: labelled spans as training data (SPEC §6, §12), one document at a time.
//!
//! Exit codes: 0 everything exported; 1 some documents were skipped (broken annotation file,
//! unreadable document, spans that no longer match the text — each named on stderr), nothing
//! was selected (said on stderr), or `--overlaps error` found overlapping spans (named on
//! stderr; nothing written); 2 usage or I/O error (unknown format, unknown annotator, an output
//! that cannot be written: nothing is left behind).

mod card;
mod render;
mod sink;
mod split;
mod tally;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use glosser_core::corpus::Corpus;
use glosser_core::formats::overlaps::Policy;
use glosser_core::formats::{Format, Offsets};
use glosser_core::labels::LabelSet;
use glosser_core::store::GOLD;
use render::{Options, Outcome, Ready, prepare};
use sink::Sink;
use tally::Tally;

/// Arguments of `glosser export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// jsonl, spacy, prodigy, doccano, label-studio, brat, conll, hf, csv or w3c.
    #[arg(long)]
    pub format: String,
    /// Annotator to export (default: gold when gold files exist, else the only annotator).
    #[arg(long)]
    pub annotator: Option<String>,
    /// Output file (a directory for brat and --split); standard output when omitted.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Only these labels (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Only documents the annotator marked Done.
    #[arg(long)]
    pub done_only: bool,
    /// doccano offsets: utf16 (doccano's default), codepoint, or grapheme (grapheme-mode projects).
    #[arg(long, default_value = "utf16")]
    pub offsets: String,
    /// conll/hf: longest (keep the longest, report the rest), layers (extra tag columns keep
    /// every span) or error (exit 1 naming the overlapping spans).
    #[arg(long)]
    pub overlaps: Option<String>,
    /// Split by document, e.g. train=.8,dev=.1,test=.1: one file per part in the -o directory,
    /// plus dataset.json.
    #[arg(long)]
    pub split: Option<String>,
    /// Seed of --split (the same seed gives the same split).
    #[arg(long, default_value_t = 0, requires = "split")]
    pub seed: u64,
}

/// Parses `--offsets`.
pub fn parse_offsets(text: &str) -> anyhow::Result<Offsets> {
    match text {
        "utf16" => Ok(Offsets::Utf16),
        "codepoint" => Ok(Offsets::Codepoint),
        "grapheme" => Ok(Offsets::Grapheme),
        other => bail!("--offsets {other:?}: use utf16, codepoint or grapheme"),
    }
}

/// The annotator to export: the one asked for (who must have files), else gold, else the only
/// annotator who is not a suggester. `annotators` is every annotator with a file in the corpus.
pub fn pick_annotator(
    root: &Path,
    annotators: &std::collections::BTreeSet<String>,
    asked: Option<&str>,
) -> anyhow::Result<String> {
    if let Some(name) = asked {
        if !annotators.contains(name) {
            bail!(
                "{}: no annotation files for annotator {name:?}; annotators here: {}",
                root.display(),
                list(annotators)
            );
        }
        return Ok(name.to_owned());
    }
    if annotators.contains(GOLD) {
        return Ok(GOLD.to_owned());
    }
    // Suggesters (SPEC §9) are exported only when named.
    let annotators: std::collections::BTreeSet<String> = annotators
        .iter()
        .filter(|name| !is_suggester_at(root, name))
        .cloned()
        .collect();
    match annotators.len() {
        1 => Ok(annotators.into_iter().next().unwrap_or_default()),
        0 => bail!("{}: no annotation files to export", root.display()),
        _ => bail!(
            "{}: several annotators and no gold files; choose one with --annotator ({})",
            root.display(),
            list(&annotators)
        ),
    }
}

/// Whether `name` is a suggester, reading the corpus as it is listed.
fn is_suggester_at(root: &Path, name: &str) -> bool {
    glosser_core::corpus::walk::walk(root)
        .is_ok_and(|walk| glosser_core::suggest::is_suggester_among(root, walk.documents(), name))
}

fn list(names: &std::collections::BTreeSet<String>) -> String {
    names.iter().cloned().collect::<Vec<_>>().join(", ")
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let offsets = parse_offsets(&args.offsets)?;
    let overlaps: Policy = match &args.overlaps {
        None => Policy::default(),
        Some(_) if !format.needs_flat_spans() => {
            bail!("--overlaps is for conll and hf; {format} keeps overlapping spans as they are")
        }
        Some(text) => text.parse().map_err(anyhow::Error::msg)?,
    };
    let split = match &args.split {
        None => None,
        Some(_) if format == Format::Brat => {
            bail!(
                "--split writes one file per part; brat writes a directory: export brat without --split"
            )
        }
        Some(_) if args.output.is_none() => {
            bail!("--split writes one file per part and dataset.json: give a directory with -o DIR")
        }
        Some(text) => Some(split::parse(text, args.seed)?),
    };
    // One listing for who annotated what (counts only), then the documents as they are listed.
    let census = glosser_core::corpus::stream::Census::take(&args.corpus)?;
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    for label in &args.labels {
        if !labels.contains(label) {
            bail!("--labels: {label:?} is not a label of this corpus");
        }
    }
    if let Some(output) = &args.output {
        refuse_output_in_corpus(&args.corpus, output)?;
    }
    let annotator = pick_annotator(
        &args.corpus,
        &census.annotators(),
        args.annotator.as_deref(),
    )?;
    let deferred = split.is_some() || overlaps != Policy::Longest;
    let mut sink = if deferred {
        None
    } else {
        Some(Sink::open(format, args.output.as_deref())?)
    };
    let progress = progress_bar(census.files.get(&annotator).copied().unwrap_or(0) as u64);
    let options = Options {
        format,
        annotator: &annotator,
        labels: &labels,
        only: &args.labels,
        done_only: args.done_only,
        offsets,
        overlaps,
    };
    let mut tally = Tally::default();
    let mut kept: Vec<Ready> = Vec::new();
    let mut number = 0;
    // Documents are prepared on every core, a chunk at a time as the corpus is listed (memory
    // stays bounded unless the whole export must be seen first: --split, --overlaps layers or
    // error), written in corpus order.
    glosser_core::corpus::stream::for_each_chunk(
        &args.corpus,
        |chunk| -> anyhow::Result<()> {
            let entries: Vec<_> = chunk
                .iter()
                .filter(|d| d.annotation(&annotator).is_some())
                .collect();
            let first = number + 1;
            number += entries.len();
            let outcomes: Vec<Outcome> = entries
                .par_iter()
                .enumerate()
                .map(|(i, entry)| prepare(entry, first + i, &options))
                .collect();
            for outcome in outcomes {
                progress.inc(1);
                match outcome {
                    Outcome::Skipped(why) => {
                        progress.suspend(|| eprintln_safe!("glosser: skipped: {why}"));
                        tally.skipped += 1;
                    }
                    Outcome::NotDone => tally.not_done += 1,
                    Outcome::Ready(ready) => {
                        progress.suspend(|| tally.report(&ready, overlaps));
                        match &mut sink {
                            Some(sink) => sink.write(&ready.id, &ready.rendered, 1)?,
                            None => kept.push(*ready),
                        }
                    }
                }
            }
            Ok(())
        },
        |_| {},
    )?;
    progress.finish_and_clear();
    if let Some(sink) = sink {
        sink.finish()?;
    }
    tally.summary(format, overlaps);
    if overlaps == Policy::Error && tally.dropped > 0 {
        eprintln_safe!(
            "glosser: --overlaps error: {} span{} overlap a longer or earlier one (listed above); nothing written",
            tally.dropped,
            plural(tally.dropped)
        );
        return Ok(ExitCode::from(super::EXIT_PROBLEMS));
    }
    if tally.exported == 0 {
        let why = if args.done_only && tally.not_done > 0 {
            format!(
                "none of {annotator}'s {} documents is marked Done (--done-only)",
                tally.not_done
            )
        } else {
            format!("no document of {annotator} could be exported")
        };
        eprintln_safe!("glosser: nothing exported: {why}");
        return Ok(ExitCode::from(super::EXIT_PROBLEMS));
    }
    if deferred {
        let depth = kept.iter().map(|r| r.depth).max().unwrap_or(1);
        if let Some(split) = &split {
            let dir = args.output.as_deref().unwrap_or(Path::new("."));
            // dataset.json's agreement figures need the other annotators' files: listed here,
            // where the whole export is held anyway.
            let corpus = Corpus::scan(&args.corpus)?;
            write_split(&corpus, &options, split, dir, &kept, depth)?;
        } else {
            let mut sink = Sink::open(format, args.output.as_deref())?;
            for r in &kept {
                sink.write(&r.id, &r.rendered, depth)?;
            }
            sink.finish()?;
        }
    }
    if tally.skipped > 0 {
        eprintln_safe!(
            "glosser: exported {} documents, skipped {} (listed above)",
            tally.exported,
            tally.skipped
        );
        return Ok(ExitCode::from(super::EXIT_PROBLEMS));
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Writes one file per part and `dataset.json` into `dir`.
fn write_split(
    corpus: &Corpus,
    o: &Options,
    split: &split::Split,
    dir: &Path,
    kept: &[Ready],
    depth: usize,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    let ids: Vec<&str> = kept.iter().map(|r| r.id.as_str()).collect();
    let parts = split.assign(&ids);
    for (index, (name, _)) in split.parts.iter().enumerate() {
        let mut sink = Sink::open(o.format, Some(&dir.join(split::file_name(name, o.format))))?;
        for (r, _) in kept.iter().zip(&parts).filter(|(_, p)| **p == index) {
            sink.write(&r.id, &r.rendered, depth)?;
        }
        sink.finish()?;
    }
    let documents: Vec<(&Ready, usize)> = kept.iter().zip(parts.iter().copied()).collect();
    let card = card::Card {
        format: o.format,
        annotator: o.annotator,
        done_only: o.done_only,
        only: o.only,
        labels: o.labels,
        overlaps: o.overlaps,
        split,
        documents: &documents,
        depth,
    };
    let path = dir.join("dataset.json");
    let text = serde_json::to_string_pretty(&card.to_json(corpus))? + "\n";
    glosser_core::store::write_atomic(&path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    let sizes: Vec<String> = split
        .parts
        .iter()
        .enumerate()
        .map(|(i, (n, _))| format!("{n} {}", parts.iter().filter(|&&p| p == i).count()))
        .collect();
    eprintln_safe!(
        "glosser: split {} documents by document ({}); wrote {}",
        kept.len(),
        sizes.join(", "),
        path.display()
    );
    Ok(())
}

/// A progress bar on stderr for long runs on a terminal; hidden when piped or short.
pub fn progress_bar(len: u64) -> ProgressBar {
    use std::io::IsTerminal;
    if len < 200 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents {eta}") {
        bar.set_style(style);
    }
    bar
}

/// `-o` must not point into the corpus: an export there would rewrite articles (brat's `.txt`)
/// or replace annotation and document files. Symlinks and `..` are resolved first.
pub fn refuse_output_in_corpus(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(root)
        .with_context(|| format!("{}: cannot resolve the corpus folder", root.display()))?;
    // The output may not exist yet: resolve its deepest existing ancestor and add the rest.
    let absolute = std::path::absolute(output)
        .with_context(|| format!("{}: cannot resolve the output path", output.display()))?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let resolved = loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            break rest
                .iter()
                .rev()
                .fold(real, |path: PathBuf, part| path.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break absolute.clone(),
        }
    };
    if resolved.starts_with(&root) {
        bail!(
            "-o {}: is inside the corpus {}; export never writes into the corpus (it would replace articles or annotation files), so choose an output outside it",
            output.display(),
            root.display()
        );
    }
    Ok(())
}
