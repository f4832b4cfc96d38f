//! The sentence learner (`--learn-sentences ANNOTATOR`, and the TUI's live learner): a
//! sentence-level model of the sentence-like labels (claim, opinion, unverified) trained on the
//! corpus's own labelled sentences (`glosser_models::learner`: softmax regression over hashed
//! word and character n-grams, updated incrementally).
//!
//! Sentences are the ones the `s` key selects (`text::bounds::sentence_at`), so a suggestion and
//! the span an analyst makes with `s` are the same characters. A document whose file is Done
//! gives every sentence as an example (those without a sentence label as `none`); a document
//! still in progress gives only its labelled sentences, since an unlabelled one there may just
//! not be done yet.
//!
//! `glosser suggest` cross-fits: the documents ANNOTATOR labelled are split into [`FOLDS`] by a
//! hash of their id, and each is suggested by a model trained on the other folds, so a
//! suggestion on a labelled document is never one the model learned from it; the other
//! documents get the model trained on everything.

use std::collections::BTreeMap;
use std::ops::Range;

use sha2::{Digest, Sha256};

pub use glosser_models::learner::{Example, LearnerConfig, SentenceLearner};

use super::Proposal;
use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::span::Span;
use crate::store::{AnnotationFile, Status};
use crate::text::Document;

/// The labels that cover whole sentences in glosser's default set. A corpus's own labels of
/// these names are sentence-like too; every other label is a phrase (quote, source, …).
pub const SENTENCE_LIKE: [&str; 3] = ["claim", "opinion", "unverified"];

/// The pseudo-annotator a learner of `annotator`'s sentences writes as (`learner-NAME`, cut to
/// the 32 characters a name may have), in `glosser suggest --learn-sentences` and in the TUI.
pub fn learner_name(annotator: &str) -> String {
    let mut name = format!("learner-{annotator}");
    name.truncate(32);
    name.trim_end_matches(['-', '_']).to_owned()
}

/// How many folds `glosser suggest --learn-sentences` cross-fits over.
pub const FOLDS: usize = 5;

/// The sentence-like labels of a label set, in its order.
pub fn sentence_labels(labels: &LabelSet) -> Vec<String> {
    labels
        .labels()
        .iter()
        .filter(|l| is_sentence_like(&l.name))
        .map(|l| l.name.clone())
        .collect()
}

/// Whether a label covers whole sentences (claim, opinion, unverified).
pub fn is_sentence_like(label: &str) -> bool {
    SENTENCE_LIKE.contains(&label)
}

/// The sentences of a document, as the `s` key selects them (trimmed, never across a line
/// break), in text order.
pub fn sentences(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    let len = doc.char_len();
    while at < len {
        if let Some(range) = crate::text::bounds::sentence_at(doc, at)
            && range.start >= at
            && out.last().is_none_or(|last| last.end <= range.start)
            && range.start < range.end
        {
            out.push(range);
        }
        let next = crate::text::bounds::next_sentence_start(doc, at);
        if next <= at {
            break;
        }
        at = next;
    }
    out
}

/// The sentence-like label of sentence `range`: the one among `spans` that covers most of it,
/// when that is at least half of its characters.
pub fn label_of(
    range: &Range<usize>,
    spans: &[Span],
    sentence_labels: &[String],
) -> Option<String> {
    let len = range.end - range.start;
    spans
        .iter()
        .filter(|s| !s.orphan && sentence_labels.contains(&s.label))
        .map(|s| {
            (
                s.end
                    .min(range.end)
                    .saturating_sub(s.start.max(range.start)),
                s,
            )
        })
        .filter(|(overlap, _)| *overlap > 0 && overlap * 2 >= len)
        .max_by_key(|(overlap, s)| (*overlap, std::cmp::Reverse(s.start)))
        .map(|(_, s)| s.label.clone())
}

/// The training examples one annotation file gives on its document: every sentence of a Done
/// file, only the labelled sentences of one still in progress.
pub fn examples(doc: &Document, file: &AnnotationFile, sentence_labels: &[String]) -> Vec<Example> {
    let spans = file.spans.spans();
    let every = file.status == Status::Done;
    sentences(doc)
        .into_iter()
        .filter_map(|range| {
            let label = label_of(&range, spans, sentence_labels);
            (every || label.is_some()).then(|| Example {
                text: doc.slice(range.start, range.end).to_owned(),
                label,
            })
        })
        .collect()
}

/// The example one sentence gives now that it carries `label` (or none).
pub fn example_at(doc: &Document, range: &Range<usize>, label: Option<&str>) -> Example {
    Example {
        text: doc.slice(range.start, range.end).to_owned(),
        label: label.map(str::to_owned),
    }
}

/// A learner for these labels with the crate's defaults (fixed before any evaluation).
pub fn new_learner(sentence_labels: &[String]) -> SentenceLearner {
    let names: Vec<&str> = sentence_labels.iter().map(String::as_str).collect();
    SentenceLearner::new(&names, LearnerConfig::default())
}

/// The learner's suggestions on a document: each sentence whose likeliest sentence label
/// reaches the learner's threshold, scored by its probability.
pub fn suggest(learner: &SentenceLearner, doc: &Document) -> Vec<Proposal> {
    if learner.example_count() == 0 {
        return Vec::new();
    }
    sentences(doc)
        .into_iter()
        .filter_map(|range| {
            let prediction = learner.predict(doc.slice(range.start, range.end));
            prediction.label.map(|label| Proposal {
                start: range.start,
                end: range.end,
                label,
                score: prediction.score,
            })
        })
        .collect()
}

/// What `glosser suggest --learn-sentences ANNOTATOR` learned: one model per fold and one over
/// everything.
pub struct CrossFitted {
    folds: Vec<SentenceLearner>,
    all: SentenceLearner,
    /// The fold of each document ANNOTATOR labelled.
    fold_of: BTreeMap<String, usize>,
    /// A digest of every example, so a re-run suggests again when any label changed.
    digest: String,
}

/// The fold of document `id` (a stable hash of the id, so folds do not move between runs).
fn fold(id: &str) -> usize {
    let hash = Sha256::digest(id.as_bytes());
    usize::from(hash[0]) % FOLDS
}

/// Every example `annotator`'s files give, per document in corpus order (documents without a
/// sentence label are kept too: a Done file's sentences are all examples). Files that do not
/// parse, or whose article changed since, are named in the warnings and skipped.
pub fn corpus_examples(
    corpus: &Corpus,
    annotator: &str,
    labels: &LabelSet,
) -> (Vec<(String, Vec<Example>)>, Vec<String>) {
    let sentence_labels = sentence_labels(labels);
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for entry in &corpus.documents {
        let Some(annotation) = entry.annotation(annotator) else {
            continue;
        };
        let file = match annotation.load() {
            Ok(file) => file,
            Err(e) => {
                warnings.push(format!("{e} (not learned from)"));
                continue;
            }
        };
        let doc = match entry.load() {
            Ok(doc) if doc.sha256() == file.text_sha256 => doc,
            Ok(_) => {
                warnings.push(format!(
                    "{}: the article changed since it was annotated (run glosser validate --fix); not learned from",
                    annotation.path.display()
                ));
                continue;
            }
            Err(e) => {
                warnings.push(format!("{e} (not learned from)"));
                continue;
            }
        };
        out.push((entry.id.clone(), examples(&doc, &file, &sentence_labels)));
    }
    (out, warnings)
}

impl CrossFitted {
    /// Learns from `annotator`'s files in `corpus`, in corpus order, one document at a time
    /// (as the TUI learns). Files that do not parse are named in the warnings and skipped.
    pub fn learn(corpus: &Corpus, annotator: &str, labels: &LabelSet) -> (Self, Vec<String>) {
        let sentence_labels = sentence_labels(labels);
        let mut folds: Vec<SentenceLearner> =
            (0..FOLDS).map(|_| new_learner(&sentence_labels)).collect();
        let mut all = new_learner(&sentence_labels);
        let mut fold_of = BTreeMap::new();
        let mut hash = Sha256::new();
        hash.update(b"sentences v1\0");
        let (documents, warnings) = corpus_examples(corpus, annotator, labels);
        for (id, examples) in documents {
            let k = fold(&id);
            hash.update(id.as_bytes());
            for e in &examples {
                hash.update(b"\0");
                hash.update(e.text.as_bytes());
                hash.update(b"\0");
                hash.update(e.label.as_deref().unwrap_or("").as_bytes());
            }
            hash.update(b"\n");
            fold_of.insert(id, k);
            if examples.is_empty() {
                continue;
            }
            for (i, learner) in folds.iter_mut().enumerate() {
                if i != k {
                    learner.add_examples(&examples);
                }
            }
            all.add_examples(&examples);
        }
        let fitted = Self {
            folds,
            all,
            fold_of,
            digest: format!("{:x}", hash.finalize()),
        };
        (fitted, warnings)
    }

    /// The model that suggests for document `id`: its fold's when ANNOTATOR labelled it.
    fn model_for(&self, id: &str) -> &SentenceLearner {
        match self.fold_of.get(id) {
            Some(&k) => &self.folds[k],
            None => &self.all,
        }
    }

    /// How many sentences were learned from.
    pub fn example_count(&self) -> usize {
        self.all.example_count()
    }

    /// The suggestions for document `id`.
    pub fn suggest(&self, id: &str, doc: &Document) -> Vec<Proposal> {
        suggest(self.model_for(id), doc)
    }

    /// A digest of everything that decides the suggestions for document `id`.
    pub(crate) fn digest(&self, id: &str) -> String {
        let fold = self
            .fold_of
            .get(id)
            .map_or_else(|| "all".to_owned(), ToString::to_string);
        format!("{}:{fold}", self.digest)
    }
}

#[cfg(test)]
mod tests;
