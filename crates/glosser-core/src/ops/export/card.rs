//! `dataset.json`, the card written next to a split export: where the data comes from, the
//! labels and tag order, counts per label and part, every span dropped (and trimmed at a
//! whitespace edge, left out of spaCy's tokens or `doc.ents`; tokens split, sentences joined)
//! with why, agreement of the people who annotated the same documents (gold, merged sets and
//! suggesters named and left out), each document's text hash, and the glosser version.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::render::Ready;
use super::split::{Split, file_name};
use crate::corpus::Corpus;
use crate::formats::Format;
use crate::formats::overlaps::Policy;
use crate::labels::LabelSet;
use crate::review::people::{self, Kind};
use crate::store::GOLD;

/// What a spaCy export adds to the card: the components, the config written and its suggester
/// sizes (span lengths in spaCy tokens).
#[derive(Debug, Clone)]
pub struct SpacyCard {
    pub components: Vec<&'static str>,
    pub config: Option<String>,
    pub suggester_sizes: Vec<usize>,
}

/// Agreement on the exported documents, over people only.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// `glosser agree --json` over `compared` (null with fewer than two to compare).
    pub json: Value,
    /// The people compared, and gold when it has files there (compared with each person).
    pub compared: Vec<String>,
    /// Annotators with files there who are not people: merged sets and suggesters.
    pub excluded: Vec<(String, Kind)>,
}

impl Agreement {
    /// `agreement_annotators` in `dataset.json`.
    pub fn annotators_json(&self) -> Value {
        json!({
            "compared": self.compared,
            "excluded": self.excluded.iter().map(|(name, kind)| json!({
                "annotator": name, "kind": kind.as_str(), "why": kind.evidence(),
            })).collect::<Vec<_>>(),
        })
    }
}

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
    pub parquet: bool,
    /// The IOB2 tags, a `ClassLabel`'s names.
    pub tags: &'a [String],
    pub agreement: &'a Agreement,
    pub spacy: Option<&'a SpacyCard>,
}

impl Card<'_> {
    pub fn to_json(&self) -> Value {
        let labels: Vec<&crate::labels::Label> = self
            .labels
            .labels()
            .iter()
            .filter(|l| self.only.is_empty() || self.only.contains(&l.name))
            .collect();
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
                .map(|r| r.displaced.len() + r.orphans_left.len() + r.unaligned.len())
                .sum();
            let trimmed: usize = docs.iter().map(|r| r.trimmed.len()).sum();
            let sentences: usize = docs.iter().map(|r| r.sentences).sum();
            parts.insert(
                name.clone(),
                json!({
                    "file": file_name(name, self.format, self.parquet),
                    "share": share,
                    "documents": docs.len(),
                    "sentences": if flat { json!(sentences) } else { Value::Null },
                    "spans": spans,
                    "spans_dropped": dropped,
                    "spans_trimmed": trimmed,
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
            for (span, why) in &r.unaligned {
                dropped.push(json!({
                    "document": r.id, "part": self.split.parts[*part].0,
                    "start": span.start, "end": span.end, "label": span.label,
                    "text": span.quote, "why": format!("spaCy: {why}"),
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
        let mut trimmed = Vec::new();
        let mut ents_left_out = Vec::new();
        for (r, part) in self.documents {
            let part = &self.split.parts[*part].0;
            for t in &r.trimmed {
                trimmed.push(json!({
                    "document": r.id, "part": part, "label": t.span.label,
                    "start": t.span.start, "end": t.span.end, "text": t.span.quote,
                    "written_start": t.start, "written_end": t.end,
                }));
            }
            for (span, why) in &r.ents_left_out {
                ents_left_out.push(json!({
                    "document": r.id, "part": part, "start": span.start, "end": span.end,
                    "label": span.label, "text": span.quote, "why": why,
                }));
            }
        }
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
            "tags": self.tags,
            "overlaps": if flat { json!({
                "policy": match self.overlaps { Policy::Longest => "longest", Policy::Layers => "layers", Policy::Error => "error" },
                "tag_columns": self.depth,
            }) } else { json!("kept: this format holds overlapping spans") },
            "parts": parts,
            "spans_dropped": dropped,
            "spans_trimmed": trimmed,
            "tokens_split_at_span_edges": split_tokens,
            "sentences_joined_inside_spans": joined,
            "spacy": self.spacy.map(|s| json!({
                "tokenizer": "spaCy 3.8 English (spacy.blank(\"en\")), by glosser-spacy",
                "components": s.components,
                "config": s.config,
                "suggester_sizes": s.suggester_sizes,
                "left_out_of_doc_ents": ents_left_out,
            })),
            "agreement": self.agreement.json,
            "agreement_annotators": self.agreement.annotators_json(),
            "documents": documents,
        })
    }
}

/// Agreement on the exported documents (Done files only under `--done-only`) of the people
/// who annotated them, and of gold with each of them; merged sets and suggesters are named and
/// left out. Null when fewer than two people (or gold and one person) have files there.
pub fn agreement(
    corpus: &Corpus,
    labels: &LabelSet,
    documents: &[(&Ready, usize)],
    done_only: bool,
) -> Agreement {
    let mut sub = corpus.clone();
    sub.documents
        .retain(|e| documents.iter().any(|(r, _)| r.id == e.id));
    let sorted = people::sort_out(&sub);
    let gold = sorted.others.iter().any(|(_, k)| *k == Kind::Gold);
    let mut compared = sorted.people.clone();
    if gold {
        compared.push(GOLD.to_owned());
    }
    let excluded: Vec<(String, Kind)> = sorted
        .others
        .into_iter()
        .filter(|(_, k)| *k != Kind::Gold)
        .collect();
    let enough = sorted.people.len() >= 2 || (gold && !sorted.people.is_empty());
    let json = if enough {
        let report = crate::review::corpus::compute_filtered(
            &sub,
            labels,
            &compared,
            false,
            done_only,
            &mut |_| {},
        );
        crate::review::corpus::json::to_json(&report, false)
    } else {
        Value::Null
    };
    Agreement {
        json,
        compared,
        excluded,
    }
}
