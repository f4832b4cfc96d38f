//! Agreement over a corpus (`glosser agree`, the stats view, review): every pair of annotators
//! over the documents both have a file for, streamed one document at a time, and the choice of
//! annotators to compare.

use std::collections::BTreeMap;

use crate::ops::error::refuse;
use rayon::prelude::*;

use super::agree::{Contribution, Figures, Pair, PairResult, contribution};
use super::relations::RelationCounts;
use std::path::Path;

use crate::corpus::{Corpus, CorpusError, DocumentEntry};
use crate::labels::LabelSet;
use crate::span::Span;
use crate::store::{GOLD, Link};

/// One document's row: the pairs (a, b) and their overall figures.
pub type DocRow = Vec<(String, String, Figures)>;

/// Everything `agree` found.
pub struct Report {
    pub annotators: Vec<String>,
    pub documents: usize,
    /// Documents only one of the annotators has.
    pub single: usize,
    /// Documents left out because a file is broken or stale (named on stderr).
    pub excluded: usize,
    pub pairs: Vec<PairResult>,
    /// Link agreement of each pair, in the order of `pairs` (SPEC §10).
    pub relations: Vec<RelationCounts>,
    /// Per document: id and each pair's overall figures.
    pub per_doc: Vec<(String, DocRow)>,
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
    let mut tally = Tally::new(labels, annotators, per_doc, done_only);
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
    let mut tally = Tally::new(labels, annotators, per_doc, done_only);
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

/// The running figures of every pair, documents absorbed in corpus order.
struct Tally {
    names: Vec<String>,
    pairs: Vec<Pair>,
    pair_names: Vec<(String, String)>,
    per_doc: bool,
    done_only: bool,
    report: Report,
}

impl Tally {
    fn new(labels: &LabelSet, annotators: &[String], per_doc: bool, done_only: bool) -> Self {
        let names: Vec<String> = labels.labels().iter().map(|l| l.name.clone()).collect();
        let mut pairs: Vec<Pair> = Vec::new();
        if annotators.iter().any(|a| a == GOLD) {
            for b in annotators.iter().filter(|a| *a != GOLD) {
                pairs.push(Pair::new(GOLD, b, &names));
            }
        }
        let others: Vec<&String> = annotators.iter().filter(|a| *a != GOLD).collect();
        for (i, a) in others.iter().enumerate() {
            for b in &others[i + 1..] {
                pairs.push(Pair::new(a, b, &names));
            }
        }
        let report = Report {
            annotators: annotators.to_vec(),
            documents: 0,
            single: 0,
            excluded: 0,
            pairs: Vec::new(),
            relations: vec![RelationCounts::default(); pairs.len()],
            per_doc: Vec::new(),
        };
        let pair_names = pairs.iter().map(|p| (p.a.clone(), p.b.clone())).collect();
        Self {
            names,
            pairs,
            pair_names,
            per_doc,
            done_only,
            report,
        }
    }

    /// Analyses a chunk of documents on every core and absorbs them in corpus order.
    fn absorb(&mut self, chunk: &[DocumentEntry], labels: &LabelSet, warn: &mut dyn FnMut(String)) {
        let annotators = &self.report.annotators;
        let outcomes: Vec<DocOutcome> = chunk
            .par_iter()
            .map(|entry| {
                analyse(
                    entry,
                    annotators,
                    labels,
                    &self.names,
                    &self.pair_names,
                    self.done_only,
                )
            })
            .collect();
        let report = &mut self.report;
        for outcome in outcomes {
            match outcome {
                DocOutcome::Nobody => {}
                DocOutcome::Single => report.single += 1,
                DocOutcome::Excluded(warnings) => {
                    for w in warnings {
                        warn(w);
                    }
                    report.excluded += 1;
                }
                DocOutcome::Counted { id, parts } => {
                    report.documents += 1;
                    let mut row = Vec::new();
                    for (index, part, links) in parts {
                        if let Some(counts) = report.relations.get_mut(index) {
                            counts.absorb(links);
                        }
                        if self.per_doc {
                            let pair = &self.pairs[index];
                            let mut one = Pair::new(&pair.a, &pair.b, &self.names);
                            one.absorb(part.clone());
                            row.push((pair.a.clone(), pair.b.clone(), one.result().overall));
                        }
                        self.pairs[index].absorb(part);
                    }
                    if self.per_doc {
                        report.per_doc.push((id, row));
                    }
                }
            }
        }
    }

    fn finish(self) -> Report {
        let mut report = self.report;
        report.pairs = self.pairs.iter().map(Pair::result).collect();
        // Worst first: lowest mean κ over the pairs; documents without a κ last.
        report.per_doc.sort_by(|(_, x), (_, y)| {
            let key = |row: &DocRow| {
                let defined: Vec<f64> = row.iter().filter_map(|(_, _, f)| f.kappa).collect();
                (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
            };
            match (key(x), key(y)) {
                (Some(a), Some(b)) => a.total_cmp(&b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        report
    }
}

/// What one document brings.
enum DocOutcome {
    /// None of the annotators has a file for it.
    Nobody,
    /// Only one has.
    Single,
    /// Left out, with why.
    Excluded(Vec<String>),
    /// Its contribution to each pair (by index) whose two annotators both have a file.
    Counted {
        id: String,
        parts: Vec<(usize, Contribution, RelationCounts)>,
    },
}

fn analyse(
    entry: &DocumentEntry,
    annotators: &[String],
    labels: &LabelSet,
    names: &[String],
    pairs: &[(String, String)],
    done_only: bool,
) -> DocOutcome {
    let present: Vec<&String> = annotators
        .iter()
        .filter(|a| entry.annotation(a).is_some())
        .collect();
    match present.len() {
        0 => return DocOutcome::Nobody,
        1 => return DocOutcome::Single,
        _ => {}
    }
    let doc = match entry.load() {
        Ok(doc) => doc,
        Err(e) => return DocOutcome::Excluded(vec![format!("left out: {e}")]),
    };
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut links: BTreeMap<&str, Vec<Link>> = BTreeMap::new();
    let mut warnings = Vec::new();
    for name in &present {
        let Some(annotation) = entry.annotation(name) else {
            continue;
        };
        match annotation.load() {
            Ok(file) if done_only && file.status != crate::store::Status::Done => {}
            Ok(file) => {
                let stale = file
                    .spans
                    .problems(&doc, labels)
                    .into_iter()
                    .find(|(_, p)| !matches!(p, crate::span::SpanError::UnknownLabel { .. }));
                if let Some((_, problem)) = stale {
                    warnings.push(format!(
                        "left out: {}: {problem} (run glosser validate)",
                        annotation.path.display()
                    ));
                }
                links.insert(name.as_str(), file.links);
                spans.insert(name.as_str(), file.spans.into_spans());
            }
            Err(e) => warnings.push(format!("left out: {e}")),
        }
    }
    if !warnings.is_empty() {
        return DocOutcome::Excluded(warnings);
    }
    match spans.len() {
        0 => return DocOutcome::Nobody,
        1 => return DocOutcome::Single,
        _ => {}
    }
    let parts = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, (a, b))| {
            let (sa, sb) = (spans.get(a.as_str())?, spans.get(b.as_str())?);
            let (la, lb) = (links.get(a.as_str())?, links.get(b.as_str())?);
            Some((
                i,
                contribution(doc.text(), sa, sb, names),
                RelationCounts::of(la, lb),
            ))
        })
        .collect();
    DocOutcome::Counted {
        id: entry.id.clone(),
        parts,
    }
}

/// The annotators to compare: those asked for (all must exist), else everyone but gold.
pub fn choose_annotators(corpus: &Corpus, asked: &[String]) -> crate::ops::Result<Vec<String>> {
    choose_among(&corpus.root, &corpus.annotators(), asked, &|name| {
        crate::suggest::is_suggester(corpus, name)
    })
}

/// [`choose_annotators`] from the corpus's annotators (`known`, e.g. a
/// [`crate::corpus::stream::Census`]'s) and a test for suggesters.
pub fn choose_among(
    root: &Path,
    known: &std::collections::BTreeSet<String>,
    asked: &[String],
    is_suggester: &dyn Fn(&str) -> bool,
) -> crate::ops::Result<Vec<String>> {
    let list = known.iter().cloned().collect::<Vec<_>>().join(", ");
    let chosen: Vec<String> = if asked.is_empty() {
        // Suggesters (SPEC §9) are nobody's annotations unless named.
        known
            .iter()
            .filter(|a| *a != GOLD && !is_suggester(a))
            .cloned()
            .collect()
    } else {
        for name in asked {
            if !known.contains(name) {
                refuse!(
                    "{}: no annotation files for {name:?}; annotators here: {list}",
                    root.display()
                );
            }
        }
        let mut unique: Vec<String> = Vec::new();
        for name in asked {
            if !unique.contains(name) {
                unique.push(name.clone());
            }
        }
        unique
    };
    if chosen.len() < 2 {
        refuse!(
            "{}: agreement needs two annotators or more; annotators here: {} (gold and suggesters are left out unless named in --annotators)",
            root.display(),
            if list.is_empty() {
                "none".to_owned()
            } else {
                list
            }
        );
    }
    Ok(chosen)
}

pub mod json;

#[cfg(test)]
mod tests;
