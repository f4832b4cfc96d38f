//! `--learn ANNOTATOR`: INCEpTION's string-matching recommender. Every text ANNOTATOR labelled is
//! suggested wherever the same words occur, on token boundaries, in the other documents; the
//! label is the one ANNOTATOR gave that text most often (ties: label-set order), and `score` is
//! the share of that text's spans that had it. A document's own spans are left out of what is
//! suggested for it (leave-one-out), so a suggester is never measured on what it learned from.

use std::collections::{BTreeMap, HashMap};

use sha2::{Digest, Sha256};

use super::Proposal;
use super::words::{phrase_at, phrase_words, words};
use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::text::Document;

/// Text → label → how many spans had that label.
type Counts = BTreeMap<String, BTreeMap<String, usize>>;

/// What was learned from one annotator.
#[derive(Debug, Clone, Default)]
pub struct Model {
    global: Counts,
    per_doc: HashMap<String, Counts>,
    /// First token → the learned texts starting with it and their tokens.
    index: HashMap<String, Vec<(String, Vec<String>)>>,
    /// Label-set order, for ties.
    rank: HashMap<String, usize>,
    /// Digest of `global`, computed once.
    global_digest: String,
}

impl Model {
    /// Learns from `annotator`'s files in `corpus` (placed spans with a known label). Files that
    /// do not parse are named in the returned warnings and skipped.
    pub fn learn(corpus: &Corpus, annotator: &str, labels: &LabelSet) -> (Self, Vec<String>) {
        let mut model = Self::default();
        let mut warnings = Vec::new();
        for entry in &corpus.documents {
            let Some(file) = entry.annotation(annotator) else {
                continue;
            };
            let file = match file.load() {
                Ok(file) => file,
                Err(e) => {
                    warnings.push(format!("{e} (not learned from)"));
                    continue;
                }
            };
            let own = model.per_doc.entry(entry.id.clone()).or_default();
            for span in file.spans.spans() {
                if !labels.contains(&span.label) || span.quote.trim().is_empty() {
                    continue;
                }
                *own.entry(span.quote.clone())
                    .or_default()
                    .entry(span.label.clone())
                    .or_default() += 1;
                *model
                    .global
                    .entry(span.quote.clone())
                    .or_default()
                    .entry(span.label.clone())
                    .or_default() += 1;
            }
        }
        for text in model.global.keys() {
            let words = phrase_words(text);
            if let Some(first) = words.first() {
                model
                    .index
                    .entry(first.clone())
                    .or_default()
                    .push((text.clone(), words));
            }
        }
        model.global_digest = format!(
            "{:x}",
            Sha256::digest(format!("{:?}", model.global).as_bytes())
        );
        model.rank = labels
            .labels()
            .iter()
            .enumerate()
            .map(|(i, l)| (l.name.clone(), i))
            .collect();
        (model, warnings)
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.global.is_empty()
    }

    /// Label counts of `text` without document `id`'s own spans.
    fn counts(&self, id: &str, text: &str) -> BTreeMap<String, usize> {
        let mut counts = self.global.get(text).cloned().unwrap_or_default();
        if let Some(own) = self.per_doc.get(id).and_then(|c| c.get(text)) {
            for (label, n) in own {
                if let Some(c) = counts.get_mut(label) {
                    *c -= n;
                }
            }
        }
        counts.retain(|_, n| *n > 0);
        counts
    }

    /// A digest of everything that decides the suggestions for document `id`.
    pub(crate) fn digest(&self, id: &str) -> String {
        let mut hash = Sha256::new();
        hash.update(b"learn v1\0");
        hash.update(self.global_digest.as_bytes());
        hash.update(b"\0");
        hash.update(format!("{:?}", self.per_doc.get(id)).as_bytes());
        format!("{:x}", hash.finalize())
    }

    /// The learned texts in document `id` (whose text is `doc`).
    pub fn suggest(&self, id: &str, doc: &Document) -> Vec<Proposal> {
        let words = words(doc);
        let mut out = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let Some(candidates) = self.index.get(&word.text) else {
                continue;
            };
            for (text, phrase) in candidates {
                if !phrase_at(&words, i, phrase) {
                    continue;
                }
                let (start, end) = (word.start, words[i + phrase.len() - 1].end);
                if doc.slice(start, end) != text {
                    continue;
                }
                let counts = self.counts(id, text);
                let total: usize = counts.values().sum();
                let best = counts.iter().max_by(|a, b| {
                    a.1.cmp(b.1).then_with(|| {
                        let rank = |l: &str| self.rank.get(l).copied().unwrap_or(usize::MAX);
                        rank(b.0).cmp(&rank(a.0))
                    })
                });
                if let Some((label, n)) = best {
                    out.push(Proposal {
                        start,
                        end,
                        label: label.clone(),
                        score: *n as f64 / total as f64,
                    });
                }
            }
        }
        out.sort_by(|x, y| (x.start, x.end, &x.label).cmp(&(y.start, y.end, &y.label)));
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests;
