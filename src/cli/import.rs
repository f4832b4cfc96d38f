//! `glosser import`: other tools' annotations into a corpus (SPEC §6).
//!
//! Every record is checked before anything is written for it: a safe document name, the same
//! text as an existing document, span texts that match in the tool's own offset convention. A
//! bad record is rejected with its line (or task, or file) and leaves no trace. What glosser
//! cannot hold (events, attributes, cancelled annotations, rejected answers…) is counted in an
//! import report on stderr, by kind, with the first few named.
//!
//! Records are grouped by document: each document is read (or created) once, each annotator's
//! file is written once through the one save path, and documents are imported in parallel.
//!
//! Exit codes: 0 every record imported and nothing left out; 1 some records rejected or some
//! things not kept (both listed on stderr); 2 usage or I/O error.

mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::formats::import::{self, Record, Report};
use crate::formats::parse::{self, Options};
use crate::formats::{Format, Offsets};
use crate::labels::LabelSet;
use crate::store;

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
    spans: usize,
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
            .map(super::export::parse_offsets)
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
    let parsed = parse::read(format, &args.file, &options).map_err(anyhow::Error::msg)?;
    let mut report = parsed.report;
    let mut outcomes = Vec::new();
    // Records grouped by document, in input order.
    let mut groups: Vec<Vec<(usize, Record)>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (index, record) in parsed.records.into_iter().enumerate() {
        match record {
            Ok(record) => {
                let g = *group_of.entry(record.document.clone()).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                });
                groups[g].push((index, record));
            }
            Err(e) => outcomes.push(Outcome {
                index,
                result: Err(e),
            }),
        }
    }
    let progress = super::export::progress_bar(groups.len() as u64);
    // Writing is mostly waiting for fsync, so more threads than cores keep the disk busy.
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get() * 8);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the import threads")?;
    let done: Vec<Vec<Outcome>> = pool.install(|| {
        groups
            .into_par_iter()
            .map(|group| {
                let out = import_document(group, &args.corpus, &labels, args.annotator.as_deref());
                progress.inc(1);
                out
            })
            .collect()
    });
    progress.finish_and_clear();
    outcomes.extend(done.into_iter().flatten());
    outcomes.sort_by_key(|o| o.index);
    let (mut imported, mut rejected, mut spans) = (0usize, 0usize, 0usize);
    for outcome in outcomes {
        match outcome.result {
            Ok(ok) => {
                imported += 1;
                spans += ok.spans;
                for notice in ok.notices {
                    eprintln_safe!("glosser: {notice}");
                }
                report.merge(ok.report);
            }
            Err(e) => {
                eprintln_safe!("glosser: rejected {e}");
                rejected += 1;
            }
        }
    }
    eprintln_safe!(
        "glosser: imported {imported} record{} ({spans} spans) into {}{}",
        if imported == 1 { "" } else { "s" },
        args.corpus.display(),
        if rejected > 0 {
            format!("; rejected {rejected} (listed above)")
        } else {
            String::new()
        }
    );
    for line in report.lines() {
        eprintln_safe!("glosser: not kept: {line}");
    }
    Ok(if rejected > 0 || !report.is_empty() {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Imports every record of one document: the document is read (or its creation checked) once,
/// each record is converted, and each annotator's file is written once.
fn import_document(
    group: Vec<(usize, Record)>,
    root: &Path,
    labels: &LabelSet,
    annotator: Option<&str>,
) -> Vec<Outcome> {
    let fail_all = |group: Vec<(usize, Record)>, e: &str| -> Vec<Outcome> {
        group
            .into_iter()
            .map(|(index, r)| Outcome {
                index,
                result: Err(format!("{}: {e}", r.origin)),
            })
            .collect()
    };
    let Some(document) = group.first().map(|(_, r)| r.document.clone()) else {
        return Vec::new();
    };
    let (path, existing) = match import::locate(&document, root) {
        Ok(found) => found,
        Err(e) => return fail_all(group, &e),
    };
    let create = existing.is_none();
    let doc = match existing {
        Some(doc) => doc,
        None => match group.iter().find_map(|(_, r)| import::new_document(r).ok()) {
            Some(doc) => doc,
            None => return fail_all(group, "the record has no text"),
        },
    };
    let mut files = write::Files::default();
    let mut outcomes = Vec::new();
    for (index, record) in group {
        let result = write::convert(index, &record, &doc, labels, annotator, &mut files)
            .map_err(|e| format!("{}: {e}", record.origin));
        outcomes.push(Outcome { index, result });
    }
    if create && outcomes.iter().any(|o| o.result.is_ok()) {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| store::write_atomic(&path, doc.text().as_bytes()));
        if let Err(e) = written {
            let message = format!("{}: cannot write: {e}", path.display());
            for o in &mut outcomes {
                if o.result.is_ok() {
                    o.result = Err(message.clone());
                }
            }
            return outcomes;
        }
    }
    for (annotator, (indexes, file)) in files.into_files() {
        if let Err(e) = write::save(&path, &doc, &annotator, file) {
            for o in outcomes.iter_mut().filter(|o| indexes.contains(&o.index)) {
                if o.result.is_ok() {
                    o.result = Err(format!("{document}: {e}"));
                }
            }
        }
    }
    outcomes
}
