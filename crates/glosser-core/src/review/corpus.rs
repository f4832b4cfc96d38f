//! Agreement over a corpus (`glosser agree`, the stats view, review): every pair of annotators
//! over the documents both have a file for, streamed one document at a time, with the team's γ,
//! the confusion tables and the warnings on each figure; and the choice of annotators to compare.

use rayon::prelude::*;

use super::agree::{Figures, Pair, PairResult};
use super::confusion::Confusion;
use super::diagnostics::{self, PairWarnings};
use super::gamma;
use super::relations::RelationCounts;
use std::path::Path;

use crate::corpus::{Corpus, CorpusError, DocumentEntry};
use crate::labels::LabelSet;
use crate::store::GOLD;
use document::analyse;
pub(crate) use document::{DocOutcome, LoadedFile, Shared, analyse_loaded};

/// One document's row: the pairs (a, b) and their overall figures.
pub type DocRow = Vec<(String, String, Figures)>;

/// What a pair compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// Two annotators: inter-annotator agreement (averaged into the mean).
    Agreement,
    /// An annotator (or a suggester) against gold.
    Accuracy,
    /// A suggester against an annotator (or another suggester).
    Suggester,
}

impl PairKind {
    /// Its name in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            PairKind::Agreement => "agreement",
            PairKind::Accuracy => "accuracy",
            PairKind::Suggester => "suggester",
        }
    }
}

/// What to compute besides the pairs' figures.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep a row per document.
    pub per_doc: bool,
    /// Only files marked Done.
    pub done_only: bool,
    /// The team's γ (every annotator but gold and the suggesters together), with these settings.
    pub gamma: Option<gamma::Settings>,
    /// A confusion table per pair.
    pub confusion: bool,
    /// Which of the annotators are suggesters (SPEC §9): their pairs are kept out of the mean
    /// and of γ.
    pub suggesters: Vec<String>,
}

/// Everything `agree` found.
pub struct Report {
    pub annotators: Vec<String>,
    pub documents: usize,
    /// Documents only one of the annotators has.
    pub single: usize,
    /// Documents left out because a file is broken or stale (named on stderr).
    pub excluded: usize,
    pub pairs: Vec<PairResult>,
    /// What each pair is, in the order of `pairs`.
    pub kinds: Vec<PairKind>,
    /// The warnings on each pair's figures, in the order of `pairs`.
    pub warnings: Vec<PairWarnings>,
    /// Link agreement of each pair, in the order of `pairs` (SPEC §10).
    pub relations: Vec<RelationCounts>,
    /// Per document: id and each pair's overall figures.
    pub per_doc: Vec<(String, DocRow)>,
    /// Per document (with `per_doc` and γ): the document's own γ, in the order of `per_doc`.
    pub per_doc_gamma: Vec<Option<gamma::DocumentFigures>>,
    /// The team's γ, when asked.
    pub gamma: Option<gamma::Report>,
    /// Each pair's confusion table, when asked (in the order of `pairs`).
    pub confusion: Vec<Confusion>,
}

impl Report {
    /// The kind of pair `index` (an agreement pair when unknown).
    pub fn kind(&self, index: usize) -> PairKind {
        self.kinds
            .get(index)
            .copied()
            .unwrap_or(PairKind::Agreement)
    }

    /// Everyone against gold: the sum of the gold pairs' confusion tables (gold's labels as rows).
    pub fn confusion_against_gold(&self) -> Option<Confusion> {
        let mut tables = self
            .pairs
            .iter()
            .zip(&self.confusion)
            .filter(|(p, _)| p.a == GOLD)
            .map(|(_, c)| c);
        let first = tables.next()?;
        let mut sum = Confusion::new(GOLD, "everyone", &first.labels);
        sum.add(first);
        for table in tables {
            sum.add(table);
        }
        Some(sum)
    }
}

/// Computes the report; warnings for left-out documents go to `warn`.
pub fn compute(
    corpus: &Corpus,
    labels: &LabelSet,
    annotators: &[String],
    per_doc: bool,
    warn: &mut dyn FnMut(String),
) -> Report {
    compute_filtered(corpus, labels, annotators, per_doc, false, warn)
}

/// Whether a pair compares an annotator with gold (accuracy) rather than two annotators.
pub fn is_gold_pair(p: &PairResult) -> bool {
    p.a == GOLD || p.b == GOLD
}

/// [`compute`], counting only files marked Done when `done_only`. With gold among the
/// annotators, gold comes first in each of its pairs.
pub(crate) fn compute_filtered(
    corpus: &Corpus,
    labels: &LabelSet,
    annotators: &[String],
    per_doc: bool,
    done_only: bool,
    warn: &mut dyn FnMut(String),
) -> Report {
    let options = Options {
        per_doc,
        done_only,
        ..Options::default()
    };
    compute_with(corpus, labels, annotators, &options, warn)
}

/// The report over a listed corpus with everything `options` asks for.
pub fn compute_with(
    corpus: &Corpus,
    labels: &LabelSet,
    annotators: &[String],
    options: &Options,
    warn: &mut dyn FnMut(String),
) -> Report {
    let mut tally = Tally::new(labels, annotators, options);
    for chunk in corpus.documents.chunks(crate::corpus::stream::CHUNK) {
        tally.absorb(chunk, labels, warn);
    }
    tally.finish()
}

/// [`compute_filtered`] over the corpus at `root` as it is listed: what is held is one chunk of
/// documents and each pair's running totals (α_u's in bounded memory), never the corpus.
pub fn compute_streamed(
    root: &Path,
    labels: &LabelSet,
    annotators: &[String],
    per_doc: bool,
    done_only: bool,
    warn: &mut dyn FnMut(String),
) -> Result<Report, CorpusError> {
    let options = Options {
        per_doc,
        done_only,
        ..Options::default()
    };
    compute_streamed_with(root, labels, annotators, &options, warn)
}

/// [`compute_with`] over the corpus at `root` as it is listed.
pub fn compute_streamed_with(
    root: &Path,
    labels: &LabelSet,
    annotators: &[String],
    options: &Options,
    warn: &mut dyn FnMut(String),
) -> Result<Report, CorpusError> {
    let mut tally = Tally::new(labels, annotators, options);
    crate::corpus::stream::for_each_chunk(
        root,
        |chunk| {
            tally.absorb(chunk, labels, warn);
            Ok::<(), CorpusError>(())
        },
        |_| {},
    )?;
    Ok(tally.finish())
}

/// A report built from documents analysed elsewhere, fed in corpus order (`agree --history`
/// reads them from git objects and keeps the analyses of documents that did not change).
pub(crate) struct Assembly {
    tally: Tally,
}

impl Assembly {
    pub(crate) fn new(labels: &LabelSet, annotators: &[String], options: &Options) -> Self {
        Self {
            tally: Tally::new(labels, annotators, options),
        }
    }

    /// What [`document::analyse_loaded`] needs.
    pub(crate) fn shared(&self) -> &Shared {
        &self.tally.shared
    }

    pub(crate) fn add(&mut self, outcome: DocOutcome, warn: &mut dyn FnMut(String)) {
        self.tally.absorb_one(outcome, warn);
    }

    pub(crate) fn finish(self) -> Report {
        self.tally.finish()
    }
}

/// The pairs to compare, gold first in its pairs, then each suggester's, then the annotators'.
fn pairs_of(annotators: &[String], suggesters: &[String]) -> Vec<(String, String, PairKind)> {
    let is_machine = |a: &String| suggesters.contains(a);
    let mut pairs = Vec::new();
    let others: Vec<&String> = annotators.iter().filter(|a| *a != GOLD).collect();
    if annotators.iter().any(|a| a == GOLD) {
        for b in &others {
            pairs.push((GOLD.to_owned(), (*b).clone(), PairKind::Accuracy));
        }
    }
    for (i, a) in others.iter().enumerate() {
        for b in &others[i + 1..] {
            let kind = if is_machine(a) || is_machine(b) {
                PairKind::Suggester
            } else {
                PairKind::Agreement
            };
            // A suggester comes first in its pairs.
            let (a, b) = if is_machine(b) && !is_machine(a) {
                (b, a)
            } else {
                (a, b)
            };
            pairs.push(((*a).clone(), (*b).clone(), kind));
        }
    }
    pairs
}

/// The running figures of every pair, documents absorbed in corpus order.
struct Tally {
    shared: Shared,
    pairs: Vec<Pair>,
    kinds: Vec<PairKind>,
    gamma: Option<gamma::Tally>,
    confusion: Vec<Confusion>,
    per_doc: bool,
    report: Report,
}

impl Tally {
    fn new(labels: &LabelSet, annotators: &[String], options: &Options) -> Self {
        let names: Vec<String> = labels.labels().iter().map(|l| l.name.clone()).collect();
        let listed = pairs_of(annotators, &options.suggesters);
        let pairs: Vec<Pair> = listed
            .iter()
            .map(|(a, b, _)| Pair::new(a, b, &names))
            .collect();
        let team: Vec<String> = annotators
            .iter()
            .filter(|a| *a != GOLD && !options.suggesters.contains(a))
            .cloned()
            .collect();
        let gamma = options
            .gamma
            .clone()
            .filter(|_| team.len() >= 2)
            .map(|settings| gamma::Tally::new(settings, &team, &names));
        let confusion = if options.confusion {
            listed
                .iter()
                .map(|(a, b, _)| Confusion::new(a, b, &names))
                .collect()
        } else {
            Vec::new()
        };
        let report = Report {
            annotators: annotators.to_vec(),
            documents: 0,
            single: 0,
            excluded: 0,
            pairs: Vec::new(),
            kinds: Vec::new(),
            warnings: Vec::new(),
            relations: vec![RelationCounts::default(); pairs.len()],
            per_doc: Vec::new(),
            per_doc_gamma: Vec::new(),
            gamma: None,
            confusion: Vec::new(),
        };
        Self {
            shared: Shared {
                names,
                pairs: listed
                    .iter()
                    .map(|(a, b, _)| (a.clone(), b.clone()))
                    .collect(),
                team: options.gamma.clone().map(|s| (team, s)),
                confusion: options.confusion,
                done_only: options.done_only,
            },
            kinds: listed.iter().map(|(_, _, k)| *k).collect(),
            pairs,
            gamma,
            confusion,
            per_doc: options.per_doc,
            report,
        }
    }

    /// Analyses a chunk of documents on every core and absorbs them in corpus order.
    fn absorb(&mut self, chunk: &[DocumentEntry], labels: &LabelSet, warn: &mut dyn FnMut(String)) {
        let annotators = &self.report.annotators;
        let outcomes: Vec<DocOutcome> = chunk
            .par_iter()
            .map(|entry| analyse(entry, annotators, labels, &self.shared))
            .collect();
        for outcome in outcomes {
            self.absorb_one(outcome, warn);
        }
    }

    fn absorb_one(&mut self, outcome: DocOutcome, warn: &mut dyn FnMut(String)) {
        let report = &mut self.report;
        match outcome {
            DocOutcome::Nobody => {}
            DocOutcome::Single => report.single += 1,
            DocOutcome::Excluded(warnings) => {
                for w in warnings {
                    warn(w);
                }
                report.excluded += 1;
            }
            DocOutcome::Counted {
                id,
                parts,
                gamma,
                confusion,
            } => {
                report.documents += 1;
                let mut row = Vec::new();
                for (index, part, links) in parts {
                    if let Some(counts) = report.relations.get_mut(index) {
                        counts.absorb(links);
                    }
                    if self.per_doc {
                        let pair = &self.pairs[index];
                        let mut one = Pair::new(&pair.a, &pair.b, &self.shared.names);
                        one.absorb(part.clone());
                        row.push((pair.a.clone(), pair.b.clone(), one.result().overall));
                    }
                    self.pairs[index].absorb(part);
                }
                for (index, table) in confusion {
                    if let Some(sum) = self.confusion.get_mut(index) {
                        sum.add(&table);
                    }
                }
                if let (Some(tally), Some(doc)) = (&mut self.gamma, &gamma) {
                    tally.absorb(doc, warn);
                }
                if self.per_doc {
                    report.per_doc.push((id, row));
                    report
                        .per_doc_gamma
                        .push(gamma.as_ref().and_then(|g| g.figures()));
                }
            }
        }
    }

    fn finish(self) -> Report {
        let mut report = self.report;
        report.pairs = self.pairs.iter().map(Pair::result).collect();
        report.warnings = report.pairs.iter().map(diagnostics::of_pair).collect();
        report.kinds = self.kinds;
        report.gamma = self.gamma.as_ref().map(gamma::Tally::finish);
        report.confusion = self.confusion;
        // Worst first: lowest mean κ over the pairs; documents without a κ last.
        let key = |row: &DocRow| {
            let defined: Vec<f64> = row.iter().filter_map(|(_, _, f)| f.kappa).collect();
            (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
        };
        let mut rows: Vec<((String, DocRow), Option<gamma::DocumentFigures>)> =
            std::mem::take(&mut report.per_doc)
                .into_iter()
                .zip(
                    std::mem::take(&mut report.per_doc_gamma)
                        .into_iter()
                        .chain(std::iter::repeat(None)),
                )
                .collect();
        rows.sort_by(|((_, x), _), ((_, y), _)| match (key(x), key(y)) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        let gamma_rows = self.shared.team.is_some();
        for (row, g) in rows {
            report.per_doc.push(row);
            if gamma_rows {
                report.per_doc_gamma.push(g);
            }
        }
        report
    }
}

mod choose;
mod document;
pub mod json;

pub use choose::{choose_among, choose_annotators};

#[cfg(test)]
mod tests;
