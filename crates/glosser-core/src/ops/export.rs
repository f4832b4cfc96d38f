//! The export engine (`glosser export`): labelled spans as training data (SPEC §6, §12), one
//! document at a time, a chunk of documents prepared on every core and written in corpus order.
//! What it does is told to the caller as [`Event`]s (progress, skipped documents, each document
//! written); what it did comes back as a [`Tally`] inside an [`Outcome`].

mod card;
pub mod render;
mod sink;
pub mod split;
mod tally;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ops::error::{Context, refuse};
use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::formats::overlaps::Policy;
use crate::formats::{Format, Offsets};
use crate::labels::LabelSet;
use crate::store::GOLD;
use render::{Options, Ready, prepare};
pub use render::{Outcome as Prepared, Rendered};
use sink::Sink;
pub use split::Split;
pub use tally::Tally;

/// What to export, and where.
pub struct Request<'a> {
    pub corpus: &'a Path,
    pub format: Format,
    /// The annotator asked for; `None` picks one ([`pick_annotator`]).
    pub annotator: Option<&'a str>,
    /// Output file (a directory for brat and a split); `None` writes to `stdout`.
    pub output: Option<&'a Path>,
    /// Only these labels (empty: every label).
    pub only: &'a [String],
    pub done_only: bool,
    pub offsets: Offsets,
    pub overlaps: Policy,
    pub split: Option<Split>,
    /// The layout of a CoNLL export.
    pub conll: crate::formats::conll::Style,
}

/// What the export tells its caller as it goes.
pub enum Event<'a> {
    /// The label set could not be read as it is; the default was used.
    Warning(String),
    /// The export starts: this many annotation files to go through.
    Started { files: u64 },
    /// One file gone through.
    Step,
    /// A document left out, and why.
    Skipped(&'a str),
    /// A document exported (its dropped and orphaned spans are to be named).
    Exported(&'a Ready),
    /// A split was written: what each part got, and where the card is.
    Split {
        documents: usize,
        sizes: Vec<String>,
        card: PathBuf,
    },
}

/// How the export ended.
pub enum Outcome {
    /// Written (some documents may have been skipped: `tally.skipped`).
    Written,
    /// `--overlaps error` found overlapping spans: nothing written.
    Overlapping,
    /// Nothing could be exported; why.
    Nothing(String),
}

/// Exports; `stdout` takes the output when there is no output path.
pub fn export(
    request: &Request,
    stdout: Box<dyn Write>,
    events: &mut dyn FnMut(Event),
) -> crate::ops::Result<(Outcome, Tally)> {
    let root = request.corpus;
    let format = request.format;
    // One listing for who annotated what (counts only), then the documents as they are listed.
    let census = crate::corpus::stream::Census::take(root)?;
    let (labels, warning) = LabelSet::for_corpus(root);
    if let Some(w) = warning {
        events(Event::Warning(w));
    }
    for label in request.only {
        if !labels.contains(label) {
            refuse!("--labels: {label:?} is not a label of this corpus");
        }
    }
    if let Some(output) = request.output {
        refuse_output_in_corpus(root, output)?;
    }
    let annotator = pick_annotator(root, &census.annotators(), request.annotator)?;
    let overlaps = request.overlaps;
    let deferred = request.split.is_some() || overlaps != Policy::Longest;
    let mut stdout = Some(stdout);
    let mut open = |path: Option<&Path>| match path {
        Some(_) => Sink::open(format, path, None),
        None => Sink::open(format, None, stdout.take()),
    };
    let mut sink = if deferred {
        None
    } else {
        Some(open(request.output)?)
    };
    events(Event::Started {
        files: census.files.get(&annotator).copied().unwrap_or(0) as u64,
    });
    let options = Options {
        format,
        annotator: &annotator,
        labels: &labels,
        only: request.only,
        done_only: request.done_only,
        offsets: request.offsets,
        overlaps,
        conll: request.conll,
    };
    let mut tally = Tally::default();
    let mut kept: Vec<Ready> = Vec::new();
    let mut number = 0;
    // Documents are prepared on every core, a chunk at a time as the corpus is listed (memory
    // stays bounded unless the whole export must be seen first: a split, --overlaps layers or
    // error), written in corpus order.
    crate::corpus::stream::for_each_chunk(
        root,
        |chunk| -> crate::ops::Result<()> {
            let entries: Vec<_> = chunk
                .iter()
                .filter(|d| d.annotation(&annotator).is_some())
                .collect();
            let first = number + 1;
            number += entries.len();
            let outcomes: Vec<Prepared> = entries
                .par_iter()
                .enumerate()
                .map(|(i, entry)| prepare(entry, first + i, &options))
                .collect();
            for outcome in outcomes {
                events(Event::Step);
                match outcome {
                    Prepared::Skipped(why) => {
                        events(Event::Skipped(&why));
                        tally.skipped += 1;
                    }
                    Prepared::NotDone => tally.not_done += 1,
                    Prepared::Ready(ready) => {
                        tally.count(&ready);
                        events(Event::Exported(&ready));
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
    if let Some(sink) = sink {
        sink.finish()?;
    }
    if overlaps == Policy::Error && tally.dropped > 0 {
        return Ok((Outcome::Overlapping, tally));
    }
    if tally.exported == 0 {
        let why = if request.done_only && tally.not_done > 0 {
            format!(
                "none of {annotator}'s {} documents is marked Done (--done-only)",
                tally.not_done
            )
        } else {
            format!("no document of {annotator} could be exported")
        };
        return Ok((Outcome::Nothing(why), tally));
    }
    if deferred {
        let depth = kept.iter().map(|r| r.depth).max().unwrap_or(1);
        if let Some(split) = &request.split {
            let dir = request.output.unwrap_or(Path::new("."));
            // dataset.json's agreement figures need the other annotators' files: listed here,
            // where the whole export is held anyway.
            let corpus = Corpus::scan(root)?;
            events(write_split(&corpus, &options, split, dir, &kept, depth)?);
        } else {
            let mut sink = open(request.output)?;
            for r in &kept {
                sink.write(&r.id, &r.rendered, depth)?;
            }
            sink.finish()?;
        }
    }
    Ok((Outcome::Written, tally))
}

/// Parses `--offsets`.
pub fn parse_offsets(text: &str) -> crate::ops::Result<Offsets> {
    match text {
        "utf16" => Ok(Offsets::Utf16),
        "codepoint" => Ok(Offsets::Codepoint),
        "grapheme" => Ok(Offsets::Grapheme),
        other => refuse!("--offsets {other:?}: use utf16, codepoint or grapheme"),
    }
}

/// The annotator to export: the one asked for (who must have files), else gold, else the only
/// annotator who is not a suggester. `annotators` is every annotator with a file in the corpus.
pub(crate) fn pick_annotator(
    root: &Path,
    annotators: &std::collections::BTreeSet<String>,
    asked: Option<&str>,
) -> crate::ops::Result<String> {
    if let Some(name) = asked {
        if !annotators.contains(name) {
            refuse!(
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
        0 => refuse!("{}: no annotation files to export", root.display()),
        _ => refuse!(
            "{}: several annotators and no gold files; choose one with --annotator ({})",
            root.display(),
            list(&annotators)
        ),
    }
}

/// Whether `name` is a suggester, reading the corpus as it is listed.
fn is_suggester_at(root: &Path, name: &str) -> bool {
    crate::corpus::walk::walk(root)
        .is_ok_and(|walk| crate::suggest::is_suggester_among(root, walk.documents(), name))
}

fn list(names: &std::collections::BTreeSet<String>) -> String {
    names.iter().cloned().collect::<Vec<_>>().join(", ")
}

/// Writes one file per part and `dataset.json` into `dir`.
fn write_split(
    corpus: &Corpus,
    o: &Options,
    split: &Split,
    dir: &Path,
    kept: &[Ready],
    depth: usize,
) -> crate::ops::Result<Event<'static>> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    let ids: Vec<&str> = kept.iter().map(|r| r.id.as_str()).collect();
    let parts = split.assign(&ids);
    for (index, (name, _)) in split.parts.iter().enumerate() {
        let mut sink = Sink::open(
            o.format,
            Some(&dir.join(split::file_name(name, o.format))),
            None,
        )?;
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
    crate::fsio::write_atomic(&path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    let sizes: Vec<String> = split
        .parts
        .iter()
        .enumerate()
        .map(|(i, (n, _))| format!("{n} {}", parts.iter().filter(|&&p| p == i).count()))
        .collect();
    Ok(Event::Split {
        documents: kept.len(),
        sizes,
        card: path,
    })
}

/// `-o` must not point into the corpus: an export there would rewrite articles (brat's `.txt`)
/// or replace annotation and document files. Symlinks and `..` are resolved first.
pub(crate) fn refuse_output_in_corpus(root: &Path, output: &Path) -> crate::ops::Result<()> {
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
        refuse!(
            "-o {}: is inside the corpus {}; export never writes into the corpus (it would replace articles or annotation files), so choose an output outside it",
            output.display(),
            root.display()
        );
    }
    Ok(())
}
