//! The export engine (`glosser export`): labelled spans as training data (SPEC §6, §12), one
//! document at a time, a chunk of documents prepared on every core and written in corpus order.
//! What it does is told to the caller as [`Event`]s (progress, skipped documents, each document
//! written); what it did comes back as a [`Tally`] inside an [`Outcome`].

mod card;
mod hf_card;
pub mod metadata;
mod parts;
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
use crate::formats::spacy::Pipeline;
use crate::formats::{Format, Offsets};
use crate::labels::LabelSet;
use crate::store::GOLD;
pub use metadata::DatasetMeta;
use render::{Options, Ready, prepare};
pub use render::{Outcome as Prepared, Rendered};
use sink::{Shape, Sink};
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
    /// hf: write the rows as Parquet instead of JSON lines.
    pub parquet: bool,
    /// spacy: the components the DocBin and `config.cfg` are for.
    pub pipeline: Pipeline,
    /// The dataset card's metadata given as flags (over glosser.ron's `dataset`).
    pub dataset: DatasetMeta,
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
    /// A split was written: what each part got, and the cards and config written beside it.
    Split {
        documents: usize,
        sizes: Vec<String>,
        files: Vec<PathBuf>,
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
    if request.parquet && format != Format::Hf {
        refuse!("--parquet writes hf rows; use it with --format hf");
    }
    if (request.parquet || format == Format::Spacy) && request.output.is_none() {
        refuse!(
            "{} writes a binary file: give it with -o FILE (or --split … -o DIR)",
            if request.parquet {
                "hf --parquet"
            } else {
                "spacy"
            }
        );
    }
    if format == Format::Spacy && !request.pipeline.spancat && !request.pipeline.ner {
        refuse!("--spacy-pipeline: name spancat, ner or both");
    }
    request.dataset.check("the export's flags")?;
    let meta = match &request.split {
        Some(split) if format == Format::Hf => {
            split::check_hf_names(split)?;
            DatasetMeta::of_corpus(root)?.overridden_by(&request.dataset)
        }
        _ => request.dataset.clone(),
    };
    let annotator = pick_annotator(root, &census.annotators(), request.annotator)?;
    let overlaps = request.overlaps;
    let deferred = request.split.is_some() || overlaps != Policy::Longest;
    let tags = crate::formats::hf::tag_names(&labels, request.only);
    let shape = |depth: usize| Shape {
        format,
        parquet: request.parquet,
        depth,
        tags: &tags,
        pipeline: request.pipeline,
    };
    let mut stdout = Some(stdout);
    let mut open = |path: Option<&Path>, depth: usize| match path {
        Some(_) => Sink::open(&shape(depth), path, None),
        None => Sink::open(&shape(depth), None, stdout.take()),
    };
    let mut sink = if deferred {
        None
    } else {
        Some(open(request.output, 1)?)
    };
    let docbin = if format == Format::Spacy {
        Some(crate::formats::spacy::docbin(request.pipeline)?)
    } else {
        None
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
        spacy: docbin.as_ref(),
    };
    let streams_tagged = !deferred && !request.parquet;
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
            // conll and hf rows streamed to a text sink are rendered here too, on every core
            // (their tag depth is 1 unless the export is deferred).
            let outcomes: Vec<(Prepared, Option<String>)> = entries
                .par_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let outcome = prepare(entry, first + i, &options);
                    let text = match &outcome {
                        Prepared::Ready(r) if streams_tagged => match &r.rendered {
                            Rendered::Tagged(_) | Rendered::Conll(..) => Some(r.rendered.text(1)),
                            _ => None,
                        },
                        _ => None,
                    };
                    (outcome, text)
                })
                .collect();
            for (outcome, text) in outcomes {
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
                            Some(sink) => sink.write_text(&ready.id, &ready.rendered, text)?,
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
            let extras = parts::Extras {
                shape: shape(depth),
                meta: &meta,
            };
            let written = parts::write_split(&corpus, &options, split, dir, &kept, &extras)?;
            events(Event::Split {
                documents: kept.len(),
                sizes: written.sizes,
                files: written.files,
            });
        } else {
            let mut sink = open(request.output, depth)?;
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
