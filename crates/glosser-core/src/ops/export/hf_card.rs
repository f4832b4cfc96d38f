//! `README.md`, the Hugging Face dataset card of a split `hf` export: YAML metadata the Hub
//! validates and `datasets.load_dataset(DIR)` reads (`configs` with each split's file,
//! `dataset_info.features` with `ner_tags` as a `ClassLabel` in tag order, each split's
//! `num_examples` and `num_bytes` as `datasets` counts them, licence, languages, pretty name,
//! task and size categories), then prose: what the rows are, the labels, who annotated and how
//! well the people agreed, and every count of what the export changed. Every string the corpus
//! supplies is written as a double-quoted scalar (JSON's escapes are YAML's).

use std::fmt::Write as _;

use serde_json::Value;

use super::card::Agreement;
use super::metadata::DatasetMeta;
use crate::review::people::Kind;

/// One split of the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub file: String,
    pub documents: usize,
    /// Rows (sentences): `num_examples`.
    pub rows: usize,
    /// `num_bytes` as `datasets` records it.
    pub arrow_bytes: u64,
    /// The file's size on disk.
    pub file_bytes: u64,
    pub spans: usize,
    pub dropped: usize,
}

/// Everything the card says.
#[derive(Debug, Clone)]
pub struct HfCard<'a> {
    pub meta: &'a DatasetMeta,
    /// The pretty name when `meta` has none (the corpus folder's name).
    pub fallback_name: String,
    pub annotator: &'a str,
    pub annotator_kind: Kind,
    pub done_only: bool,
    pub seed: u64,
    pub parts: Vec<Part>,
    /// Label names and descriptions, in tag order.
    pub labels: Vec<(String, String)>,
    pub tags: &'a [String],
    pub depth: usize,
    pub parquet: bool,
    pub agreement: &'a Agreement,
    pub changes: Changes,
}

/// What the export did to the spans, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub overlapping_dropped: usize,
    pub layered: usize,
    pub trimmed: usize,
    pub orphans: usize,
    pub links_dropped: usize,
    pub tokens_split: usize,
    pub sentences_joined: usize,
}

/// A YAML (and JSON) double-quoted string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The Hub's size category of a dataset of `rows` examples.
pub fn size_category(rows: usize) -> &'static str {
    match rows {
        0..1_000 => "n<1K",
        1_000..10_000 => "1K<n<10K",
        10_000..100_000 => "10K<n<100K",
        100_000..1_000_000 => "100K<n<1M",
        1_000_000..10_000_000 => "1M<n<10M",
        _ => "10M<n<100M",
    }
}

impl HfCard<'_> {
    /// The parts that have rows (`datasets` cannot load an empty split from a file).
    fn loaded(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.rows > 0)
    }

    /// The whole card.
    pub fn render(&self) -> String {
        let mut out = String::from("---\n");
        self.yaml(&mut out);
        out.push_str("---\n\n");
        self.prose(&mut out);
        out
    }

    fn yaml(&self, out: &mut String) {
        let name = self
            .meta
            .pretty_name
            .as_deref()
            .unwrap_or(&self.fallback_name);
        let _ = writeln!(out, "pretty_name: {}", quoted(name));
        if let Some(license) = &self.meta.license {
            let _ = writeln!(out, "license: {}", quoted(license));
        }
        if !self.meta.language.is_empty() {
            out.push_str("language:\n");
            for code in &self.meta.language {
                let _ = writeln!(out, "- {}", quoted(code));
            }
        }
        let creators = if self.annotator_kind == Kind::Suggester {
            "machine-generated"
        } else {
            "expert-generated"
        };
        let rows: usize = self.parts.iter().map(|p| p.rows).sum();
        let _ = writeln!(
            out,
            "task_categories:\n- token-classification\ntask_ids:\n- named-entity-recognition\n\
             annotations_creators:\n- {creators}\nsource_datasets:\n- original\n\
             size_categories:\n- {}\ntags:\n- glosser",
            quoted(size_category(rows))
        );
        out.push_str("configs:\n- config_name: default\n  data_files:\n");
        for part in self.loaded() {
            let _ = writeln!(
                out,
                "  - split: {}\n    path: {}",
                quoted(&part.name),
                quoted(&part.file)
            );
        }
        out.push_str("dataset_info:\n  features:\n");
        for (column, dtype) in [
            ("document", "string"),
            ("sentence", "int64"),
            ("status", "string"),
        ] {
            let _ = writeln!(out, "  - name: {column}\n    dtype: {dtype}");
        }
        for (column, dtype) in [
            ("tokens", "string"),
            ("token_starts", "int64"),
            ("token_ends", "int64"),
        ] {
            let _ = writeln!(out, "  - name: {column}\n    sequence: {dtype}");
        }
        for k in 0..self.depth.max(1) {
            let column = crate::formats::hf::parquet::tag_column(k);
            let _ = writeln!(
                out,
                "  - name: {column}\n    sequence:\n      class_label:\n        names:"
            );
            for (id, tag) in self.tags.iter().enumerate() {
                let _ = writeln!(out, "          '{id}': {}", quoted(tag));
            }
        }
        out.push_str("  splits:\n");
        for part in self.loaded() {
            let _ = writeln!(
                out,
                "  - name: {}\n    num_bytes: {}\n    num_examples: {}",
                quoted(&part.name),
                part.arrow_bytes,
                part.rows
            );
        }
        let download: u64 = self.loaded().map(|p| p.file_bytes).sum();
        let size: u64 = self.loaded().map(|p| p.arrow_bytes).sum();
        let _ = writeln!(out, "  download_size: {download}\n  dataset_size: {size}");
    }

    fn prose(&self, out: &mut String) {
        let name = self
            .meta
            .pretty_name
            .as_deref()
            .unwrap_or(&self.fallback_name);
        let labels: Vec<&str> = self.labels.iter().map(|(n, _)| n.as_str()).collect();
        let _ = writeln!(
            out,
            "# {name}\n\nSpans of news articles labelled {}, exported by glosser {} as token rows for \
             span tagging (IOB2): one row per sentence, with the document it comes from and each \
             token's code-point offsets into the article, so a prediction maps back to characters.\n",
            labels.join(", "),
            env!("CARGO_PKG_VERSION")
        );
        self.data_section(out);
        self.source_section(out);
        self.agreement_section(out);
        self.changes_section(out);
        self.load_section(out);
    }

    fn data_section(&self, out: &mut String) {
        out.push_str("## Data\n\n| split | file | documents | rows | spans | spans dropped |\n|---|---|---|---|---|---|\n");
        for p in &self.parts {
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} | {} | {} |",
                p.name, p.file, p.documents, p.rows, p.spans, p.dropped
            );
        }
        let empty: Vec<&str> = self
            .parts
            .iter()
            .filter(|p| p.rows == 0)
            .map(|p| p.name.as_str())
            .collect();
        if !empty.is_empty() {
            let _ = writeln!(
                out,
                "\nNo rows in {}: left out of `configs` (`datasets` cannot load an empty split).",
                empty.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "\nColumns: `document` (its path in the corpus), `sentence` (from 0 within the document), \
             `status` (the annotator's: Todo, InProgress, Done), `tokens`, `token_starts` and \
             `token_ends` (code points, end exclusive), and `ner_tags`{}: a `ClassLabel` with these \
             names, in this order: {}.\n",
            if self.depth > 1 {
                format!(
                    " with `ner_tags_2` … `ner_tags_{}` (overlapping spans in further layers)",
                    self.depth
                )
            } else {
                String::new()
            },
            self.tags
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        out.push_str("Labels:\n\n");
        for (name, description) in &self.labels {
            let _ = writeln!(out, "- **{name}**: {description}");
        }
        let _ = writeln!(
            out,
            "\nFiles are {}; `dataset.json` beside this card lists every document with its split, \
             status and text hash, and every span the export dropped or changed, with why.\n",
            if self.parquet {
                "Parquet (the `huggingface` metadata in each file names the features too)"
            } else {
                "JSON lines (`ner_tags` as tag strings, which `datasets` maps to the names above)"
            }
        );
    }

    fn source_section(&self, out: &mut String) {
        let who = match self.annotator_kind {
            Kind::Gold => "`gold`, the adjudicated set".to_owned(),
            Kind::Merged => format!("`{}`, a merged set", self.annotator),
            Kind::Suggester => format!("`{}`, a suggester (machine-made spans)", self.annotator),
            Kind::Person => format!("`{}`", self.annotator),
        };
        let _ = writeln!(
            out,
            "## Source\n\nSpans by {who}; {}. Split by document (a document's sentences stay in one \
             split), deterministically for seed {}.\n",
            if self.done_only {
                "only documents the annotator marked Done"
            } else {
                "documents of any status"
            },
            self.seed
        );
    }

    fn agreement_section(&self, out: &mut String) {
        let a = self.agreement;
        out.push_str("## Annotators and agreement\n\n");
        let people: Vec<&String> = a.compared.iter().filter(|n| *n != "gold").collect();
        if people.is_empty() {
            out.push_str("No person's annotation files cover these documents.\n");
        } else {
            let _ = writeln!(
                out,
                "Annotated by {} ({}).",
                people
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if people.len() == 1 {
                    "one person"
                } else {
                    "people"
                }
            );
        }
        for (name, kind) in &a.excluded {
            let _ = writeln!(
                out,
                "Left out of agreement: `{name}`, {} ({}).",
                kind.as_str(),
                kind.evidence()
            );
        }
        let pairs = a.json.get("pairs").and_then(Value::as_array);
        match pairs {
            Some(pairs) if !pairs.is_empty() => {
                out.push_str(
                    "\nAgreement on these documents (Cohen's κ per label over non-whitespace \
                     characters, averaged over labels; F1 of spans overlapping with the same \
                     label; glosser's docs/review.md has the formulas):\n\n| pair | kind | κ | F1 (overlap) | F1 (exact) |\n|---|---|---|---|---|\n",
                );
                for p in pairs {
                    let figure = |key: &str| {
                        p["overall"][key]
                            .as_f64()
                            .map_or("—".to_owned(), |v| format!("{v:.3}"))
                    };
                    let _ = writeln!(
                        out,
                        "| {} × {} | {} | {} | {} | {} |",
                        p["a"].as_str().unwrap_or(""),
                        p["b"].as_str().unwrap_or(""),
                        p["kind"].as_str().unwrap_or(""),
                        figure("kappa"),
                        figure("f1_overlap"),
                        figure("f1_strict")
                    );
                }
                if let Some(mean) = a.json.get("mean") {
                    let figure = |key: &str| {
                        mean["overall"][key]
                            .as_f64()
                            .map_or("—".to_owned(), |v| format!("{v:.3}"))
                    };
                    let _ = writeln!(
                        out,
                        "\nMean over the {} pairs of people: κ {}, F1 (overlap) {}.",
                        mean["pairs"],
                        figure("kappa"),
                        figure("f1_overlap")
                    );
                }
            }
            _ => out.push_str(
                "\nNo agreement figures: fewer than two people (or gold and one person) have \
                 files for these documents.\n",
            ),
        }
        out.push('\n');
    }

    fn changes_section(&self, out: &mut String) {
        let c = self.changes;
        out.push_str("## What the export changed\n\n");
        let lines = [
            (
                c.overlapping_dropped,
                "overlapping spans dropped (one tag per token: the longest kept; `--overlaps layers` keeps every span)",
            ),
            (
                c.layered,
                "overlapping spans written to further tag layers (`ner_tags_2`, …)",
            ),
            (
                c.trimmed,
                "spans written without the whitespace at their edges (a token never holds whitespace)",
            ),
            (
                c.orphans,
                "orphaned or ambiguous spans not exported (their place in the article is not known)",
            ),
            (
                c.links_dropped,
                "links between spans dropped (rows hold no links)",
            ),
            (
                c.tokens_split,
                "tokens split at a span edge (spans keep their exact characters)",
            ),
            (c.sentences_joined, "sentence breaks left out inside a span"),
        ];
        for (n, what) in lines {
            let _ = writeln!(out, "- {what}: {n}");
        }
        out.push_str(
            "\nEach one is named in `dataset.json` (`spans_dropped`, `spans_trimmed`).\n\n",
        );
    }

    fn load_section(&self, out: &mut String) {
        out.push_str(
            "## Load\n\n```python\nfrom datasets import load_dataset\n\
             data = load_dataset(\"path/to/this/folder\")\n\
             names = data[\"train\"].features[\"ner_tags\"].feature.names\n```\n",
        );
        if self.meta.license.is_none() {
            out.push_str(
                "\nNo licence was given: set `dataset: (license: \"…\")` in the corpus's \
                 glosser.ron, or export with `--license`, before publishing.\n",
            );
        }
        if self.meta.language.is_empty() {
            out.push_str(
                "\nNo language was given: set `dataset: (language: [\"en\"])` in glosser.ron, \
                 or export with `--language`.\n",
            );
        }
    }
}

#[cfg(test)]
mod tests;
