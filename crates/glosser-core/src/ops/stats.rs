//! The statistics engine (`glosser stats`, the TUI's `S`): documents, annotators, statuses,
//! labels and links of a corpus, read a chunk of documents at a time on every core.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::corpus::Corpus;
use crate::corpus::stream::CHUNK;
use crate::labels::LabelSet;
use crate::store::{AnnotationFile, Status};
use crate::text::Document;

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
pub(crate) fn gather_with(corpus: &Corpus, labels: &LabelSet, keep_list: bool) -> Stats {
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
pub fn gather_streamed(
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

#[cfg(test)]
mod tests;
