//! `glosser stats`: documents, annotators, statuses and labels of a corpus.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::json;

use crate::corpus::Corpus;
use crate::corpus::stream::CHUNK;
use crate::labels::LabelSet;
use crate::store::{AnnotationFile, Status};
use crate::text::Document;

/// Arguments of `glosser stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

/// One annotator's figures over the corpus.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AnnotatorStats {
    pub files: usize,
    /// Files that do not parse.
    pub broken: usize,
    pub todo: usize,
    pub in_progress: usize,
    pub done: usize,
    pub spans: usize,
    /// Spans per label name (every label of the set, plus any unknown label found).
    pub labels: BTreeMap<String, usize>,
    /// Links per link type (SPEC §10).
    pub links: BTreeMap<String, usize>,
}

/// The corpus summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stats {
    pub documents: usize,
    /// Documents that cannot be annotated, with why.
    pub unannotatable: Vec<(String, String)>,
    pub label_names: Vec<String>,
    pub annotators: BTreeMap<String, AnnotatorStats>,
    /// Every document in corpus order.
    pub list: Vec<DocumentStats>,
}

/// One document's line in the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DocumentStats {
    pub id: String,
    pub bytes: u64,
    /// Why it cannot be annotated, if it cannot.
    pub problem: Option<String>,
    /// Per annotator: status and span count, or `None` when the file is broken.
    pub annotators: Vec<(String, Option<(Status, usize)>)>,
}

impl Stats {
    pub fn annotatable(&self) -> usize {
        self.documents - self.unannotatable.len()
    }

    /// Annotatable documents this annotator has not started or finished: the documents
    /// without a file count, unannotatable ones do not (the `S` view says the same).
    pub fn left_to_do(&self, annotator: &AnnotatorStats) -> usize {
        self.annotatable()
            .saturating_sub(annotator.done + annotator.in_progress)
    }

    /// Share of annotatable documents this annotator marked Done.
    pub fn progress(&self, annotator: &AnnotatorStats) -> f64 {
        if self.annotatable() == 0 {
            0.0
        } else {
            annotator.done as f64 / self.annotatable() as f64
        }
    }
}

/// Gathers the summary, reading one document and its annotation files at a time.
pub fn gather(corpus: &Corpus, labels: &LabelSet) -> Stats {
    gather_with(corpus, labels, true)
}

/// [`gather`], keeping the per-document `list` only if asked (it grows with the corpus and
/// only `--json` prints it).
fn gather_with(corpus: &Corpus, labels: &LabelSet, keep_list: bool) -> Stats {
    let mut stats = empty_stats(labels);
    stats.documents = corpus.documents.len();
    // Files are read on every core, a chunk of documents at a time (memory stays that of one
    // chunk's file summaries); collecting each chunk keeps the corpus order.
    for chunk in corpus.documents.chunks(CHUNK) {
        gather_chunk(&mut stats, chunk, labels, keep_list);
    }
    stats
}

/// [`gather_with`] over the corpus at `root` as it is listed: only a chunk of documents is held.
fn gather_streamed(
    root: &std::path::Path,
    labels: &LabelSet,
    keep_list: bool,
) -> Result<Stats, crate::corpus::CorpusError> {
    let mut stats = empty_stats(labels);
    let mut documents = 0;
    crate::corpus::stream::for_each_chunk(
        root,
        |chunk| {
            documents += chunk.len();
            gather_chunk(&mut stats, chunk, labels, keep_list);
            Ok::<(), crate::corpus::CorpusError>(())
        },
        |_| {},
    )?;
    stats.documents = documents;
    Ok(stats)
}

fn empty_stats(labels: &LabelSet) -> Stats {
    Stats {
        label_names: labels.labels().iter().map(|l| l.name.clone()).collect(),
        ..Stats::default()
    }
}

/// Reads one chunk of documents and adds them to the summary.
fn gather_chunk(
    stats: &mut Stats,
    chunk: &[crate::corpus::DocumentEntry],
    labels: &LabelSet,
    keep_list: bool,
) {
    let read: Vec<(DocumentStats, Vec<Option<FileSummary>>)> = chunk
        .par_iter()
        .map(|entry| {
            let line = DocumentStats {
                id: entry.id.clone(),
                bytes: entry.size,
                problem: Document::check_file(&entry.path).err().map(|e| e.reason()),
                annotators: Vec::new(),
            };
            let files = entry
                .annotations
                .iter()
                .map(|a| a.load().ok().map(|f| FileSummary::of(&f)))
                .collect();
            (line, files)
        })
        .collect();
    for ((mut line, files), entry) in read.into_iter().zip(chunk) {
        if let Some(problem) = &line.problem {
            stats.unannotatable.push((line.id.clone(), problem.clone()));
        }
        for (annotation, file) in entry.annotations.iter().zip(files) {
            let who = stats
                .annotators
                .entry(annotation.annotator.clone())
                .or_insert_with(|| AnnotatorStats {
                    labels: stats_labels(labels),
                    ..AnnotatorStats::default()
                });
            who.files += 1;
            let Some(file) = file else {
                who.broken += 1;
                line.annotators.push((annotation.annotator.clone(), None));
                continue;
            };
            match file.status {
                Status::Todo => who.todo += 1,
                Status::InProgress => who.in_progress += 1,
                Status::Done => who.done += 1,
            }
            who.spans += file.spans;
            for (label, n) in file.labels {
                *who.labels.entry(label).or_default() += n;
            }
            for (kind, n) in file.links {
                *who.links.entry(kind).or_default() += n;
            }
            line.annotators.push((
                annotation.annotator.clone(),
                Some((file.status, file.spans)),
            ));
        }
        if keep_list {
            stats.list.push(line);
        }
    }
}

/// What stats keeps of one annotation file.
struct FileSummary {
    status: Status,
    spans: usize,
    labels: BTreeMap<String, usize>,
    links: BTreeMap<String, usize>,
}

impl FileSummary {
    fn of(file: &AnnotationFile) -> Self {
        let mut labels = BTreeMap::new();
        for span in file.spans.spans() {
            *labels.entry(span.label.clone()).or_default() += 1;
        }
        let mut links = BTreeMap::new();
        for link in &file.links {
            *links.entry(link.kind.clone()).or_default() += 1;
        }
        Self {
            status: file.status,
            spans: file.spans.len(),
            labels,
            links,
        }
    }
}

fn stats_labels(labels: &LabelSet) -> BTreeMap<String, usize> {
    labels
        .labels()
        .iter()
        .map(|l| (l.name.clone(), 0))
        .collect()
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(warning) = warning {
        eprintln_safe!("glosser: warning: {warning}");
    }
    let stats = gather_streamed(&args.corpus, &labels, args.json)?;
    if args.json {
        super::print_json(&to_json(&args.corpus.display().to_string(), &stats))?;
    } else {
        print_human(
            &mut super::safe_stdout(),
            &args.corpus.display().to_string(),
            &stats,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(root: &str, stats: &Stats) -> serde_json::Value {
    let annotators: serde_json::Map<String, serde_json::Value> = stats
        .annotators
        .iter()
        .map(|(name, a)| {
            let value = json!({
                "files": a.files,
                "broken": a.broken,
                "status": {"Todo": a.todo, "InProgress": a.in_progress, "Done": a.done},
                "spans": a.spans,
                "labels": a.labels,
                "links": a.links,
                "progress": stats.progress(a),
                "to_do": stats.left_to_do(a),
            });
            (name.clone(), value)
        })
        .collect();
    let unannotatable: Vec<serde_json::Value> = stats
        .unannotatable
        .iter()
        .map(|(id, why)| json!({"document": id, "reason": why}))
        .collect();
    let list: Vec<serde_json::Value> = stats
        .list
        .iter()
        .map(|d| {
            let annotators: serde_json::Map<String, serde_json::Value> = d
                .annotators
                .iter()
                .map(|(name, file)| {
                    let value = match file {
                        Some((status, spans)) => json!({"status": status.as_str(), "spans": spans}),
                        None => json!({"status": null, "spans": null, "broken": true}),
                    };
                    (name.clone(), value)
                })
                .collect();
            json!({
                "id": d.id,
                "bytes": d.bytes,
                "annotatable": d.problem.is_none(),
                "problem": d.problem,
                "annotators": annotators,
            })
        })
        .collect();
    json!({
        "corpus": root,
        "documents": {
            "total": stats.documents,
            "annotatable": stats.annotatable(),
            "unannotatable": unannotatable,
            "list": list,
        },
        "labels": stats.label_names,
        "annotators": annotators,
    })
}

fn print_human(out: &mut impl std::io::Write, root: &str, stats: &Stats) -> std::io::Result<()> {
    writeln!(
        out,
        "{root}: {} {}, {} can be annotated",
        stats.documents,
        if stats.documents == 1 {
            "document"
        } else {
            "documents"
        },
        stats.annotatable()
    )?;
    for (id, why) in &stats.unannotatable {
        writeln!(out, "  cannot annotate {id}: {why}")?;
    }
    if stats.annotators.is_empty() {
        writeln!(out, "no annotation files yet")?;
        return Ok(());
    }
    let label_width = stats.label_names.iter().map(String::len).max().unwrap_or(5);
    write!(
        out,
        "\n{:<12} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>8}",
        "annotator", "files", "to do", "doing", "done", "broken", "spans", "progress"
    )?;
    for name in &stats.label_names {
        write!(out, " {name:>label_width$}")?;
    }
    writeln!(out)?;
    for (name, a) in &stats.annotators {
        write!(
            out,
            "{name:<12} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>7.1}%",
            a.files,
            stats.left_to_do(a),
            a.in_progress,
            a.done,
            a.broken,
            a.spans,
            stats.progress(a) * 100.0
        )?;
        for label in &stats.label_names {
            write!(
                out,
                " {:>label_width$}",
                a.labels.get(label).copied().unwrap_or(0)
            )?;
        }
        let unknown: Vec<String> = a
            .labels
            .iter()
            .filter(|(l, n)| **n > 0 && !stats.label_names.contains(l))
            .map(|(l, n)| format!("{l}={n}"))
            .collect();
        if !unknown.is_empty() {
            write!(out, "  (unknown labels: {})", unknown.join(", "))?;
        }
        if !a.links.is_empty() {
            let links: Vec<String> = a.links.iter().map(|(t, n)| format!("{t}={n}")).collect();
            write!(out, "  links: {}", links.join(", "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
