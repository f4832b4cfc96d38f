//! `dataset.json`, the card written next to a split export: where the data comes from, the
//! labels and tag order, counts per label and part, every span dropped (and tokens split,
//! sentences joined) with why, agreement on the same documents, each document's text hash, and
//! the glosser version.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::render::Ready;
use super::split::{Split, file_name};
use crate::corpus::Corpus;
use crate::formats::Format;
use crate::formats::overlaps::{Policy, tag_label};
use crate::labels::LabelSet;
use crate::store::GOLD;

/// Everything the card says about one export.
pub struct Card<'a> {
    pub format: Format,
    pub annotator: &'a str,
    pub done_only: bool,
    pub only: &'a [String],
    pub labels: &'a LabelSet,
    pub overlaps: Policy,
    pub split: &'a Split,
    /// Documents written (corpus order) with their part.
    pub documents: &'a [(&'a Ready, usize)],
    pub depth: usize,
}

impl Card<'_> {
    pub fn to_json(&self, corpus: &Corpus) -> Value {
        let labels: Vec<&crate::labels::Label> = self
            .labels
            .labels()
            .iter()
            .filter(|l| self.only.is_empty() || self.only.contains(&l.name))
            .collect();
        let mut tags = vec!["O".to_owned()];
        for l in &labels {
            tags.push(format!("B-{}", tag_label(&l.name)));
            tags.push(format!("I-{}", tag_label(&l.name)));
        }
        let flat = self.format.needs_flat_spans();
        let mut parts = serde_json::Map::new();
        for (index, (name, share)) in self.split.parts.iter().enumerate() {
            let docs: Vec<&Ready> = self
                .documents
                .iter()
                .filter(|(_, p)| *p == index)
                .map(|(r, _)| *r)
                .collect();
            let mut spans: BTreeMap<&str, usize> =
                labels.iter().map(|l| (l.name.as_str(), 0)).collect();
            for r in &docs {
                for (label, n) in &r.counts {
                    *spans.entry(label.as_str()).or_default() += n;
                }
            }
            let dropped: usize = docs
                .iter()
                .map(|r| r.displaced.len() + r.orphans_left.len())
                .sum();
            let sentences: usize = docs.iter().map(|r| r.sentences).sum();
            parts.insert(
                name.clone(),
                json!({
                    "file": file_name(name, self.format),
                    "share": share,
                    "documents": docs.len(),
                    "sentences": if flat { json!(sentences) } else { Value::Null },
                    "spans": spans,
                    "spans_dropped": dropped,
                }),
            );
        }
        let mut dropped = Vec::new();
        for (r, part) in self.documents {
            for (span, why) in &r.displaced {
                dropped.push(json!({
                    "document": r.id, "part": self.split.parts[*part].0,
                    "start": span.start, "end": span.end, "label": span.label,
                    "text": span.quote, "why": why,
                }));
            }
            for span in &r.orphans_left {
                dropped.push(json!({
                    "document": r.id, "part": self.split.parts[*part].0,
                    "start": span.start, "end": span.end, "label": span.label,
                    "text": span.quote,
                    "why": if span.ambiguous {
                        "ambiguous: glosser was not sure of its place after the article changed"
                    } else {
                        "orphaned: its text is no longer in the article"
                    },
                }));
            }
        }
        let documents: Vec<Value> = self
            .documents
            .iter()
            .map(|(r, part)| {
                json!({
                    "document": r.id, "part": self.split.parts[*part].0,
                    "status": r.status.as_str(), "text_sha256": r.text_sha256,
                    "spans": r.counts.values().sum::<usize>(),
                })
            })
            .collect();
        let split_tokens: usize = self.documents.iter().map(|(r, _)| r.split_tokens).sum();
        let joined: usize = self.documents.iter().map(|(r, _)| r.joined_sentences).sum();
        json!({
            "glosser_version": env!("CARGO_PKG_VERSION"),
            "format": self.format.name(),
            "source": {
                "annotator": self.annotator,
                "gold": self.annotator == GOLD,
                "status": if self.done_only { "Done only" } else { "any status" },
                "labels": if self.only.is_empty() { Value::Null } else { json!(self.only) },
            },
            "split": {"by": "document", "seed": self.split.seed,
                "method": "documents ranked by SHA-256 of seed and document id, cut by share"},
            "labels": labels.iter().map(|l| json!({"name": l.name, "description": l.description})).collect::<Vec<_>>(),
            "tags": tags,
            "overlaps": if flat { json!({
                "policy": match self.overlaps { Policy::Longest => "longest", Policy::Layers => "layers", Policy::Error => "error" },
                "tag_columns": self.depth,
            }) } else { json!("kept: this format holds overlapping spans") },
            "parts": parts,
            "spans_dropped": dropped,
            "tokens_split_at_span_edges": split_tokens,
            "sentences_joined_inside_spans": joined,
            "agreement": agreement(corpus, self.labels, self.documents, self.done_only),
            "documents": documents,
        })
    }
}

/// Agreement of the corpus's annotators on the exported documents (gold against each annotator
/// when gold exists; Done files only under `--done-only`), or null when fewer than two
/// annotators have files for them.
fn agreement(
    corpus: &Corpus,
    labels: &LabelSet,
    documents: &[(&Ready, usize)],
    done_only: bool,
) -> Value {
    let mut sub = corpus.clone();
    sub.documents
        .retain(|e| documents.iter().any(|(r, _)| r.id == e.id));
    let known = sub.annotators();
    let names: Vec<String> = known.iter().cloned().collect();
    let inter = names.iter().filter(|n| *n != GOLD).count();
    if names.len() < 2 || (inter < 2 && !known.contains(GOLD)) {
        return Value::Null;
    }
    let report = crate::review::corpus::compute_filtered(
        &sub,
        labels,
        &names,
        false,
        done_only,
        &mut |_| {},
    );
    crate::review::corpus::json::to_json(&report, false)
}
