//! Labels the corpus does not define, counted over the records they got rejected, so that an
//! import from a tool with its own label set ends with one line saying which labels to define,
//! not only a rejection per record.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use crate::formats::import::Record;
use crate::labels::{self, LabelSet};

#[derive(Default)]
pub struct UnknownLabels {
    /// Record index → the labels it uses that the corpus does not define (records of the
    /// current chunk only).
    by_record: HashMap<usize, BTreeSet<String>>,
    /// Label → rejected records using it.
    rejected: BTreeMap<String, usize>,
    /// Rejected records using at least one of them.
    records: usize,
}

impl UnknownLabels {
    /// Notes the undefined labels of a chunk's records, numbered from `first`.
    pub fn note(
        &mut self,
        first: usize,
        records: &[Result<Record, crate::formats::Rejected>],
        labels: &LabelSet,
    ) {
        self.by_record.clear();
        for (i, record) in records.iter().enumerate() {
            let Ok(record) = record else { continue };
            let unknown: BTreeSet<String> = record
                .spans
                .iter()
                .filter(|s| !labels.contains(&s.label))
                .map(|s| s.label.clone())
                .collect();
            if !unknown.is_empty() {
                self.by_record.insert(first + i, unknown);
            }
        }
    }

    /// Counts the record at `index`, which was rejected.
    pub fn rejected(&mut self, index: usize) {
        if let Some(unknown) = self.by_record.remove(&index) {
            self.records += 1;
            for label in unknown {
                *self.rejected.entry(label).or_default() += 1;
            }
        }
    }

    /// The closing hint, if any rejected record used a label the corpus at `root` lacks.
    pub fn hint(&self, root: &Path) -> Option<String> {
        if self.records == 0 {
            return None;
        }
        let mut names = Vec::new();
        let mut invalid = Vec::new();
        for (label, count) in &self.rejected {
            let counted = format!("{label:?} ({count} record{})", plural(*count));
            if labels::is_valid_label_name(label) {
                names.push(counted);
            } else {
                invalid.push(counted);
            }
        }
        let mut hint = format!(
            "{} rejected record{} use{} labels this corpus does not define",
            self.records,
            plural(self.records),
            if self.records == 1 { "s" } else { "" },
        );
        if !names.is_empty() {
            let _ = write!(
                hint,
                ": {}. Import again with --add-labels to add them to {}, or define them there \
                 yourself (its `labels` list, docs/format.md \"Labels and configuration\"); \
                 records already imported are merged, not doubled",
                names.join(", "),
                root.join(labels::CORPUS_CONFIG_FILE).display()
            );
        }
        if !invalid.is_empty() {
            let _ = write!(
                hint,
                "{} {} cannot be a label name (letters, digits, `_ - . : / & +` and single \
                 spaces, at most 64 characters): rename {} in the tool that wrote the file, \
                 or leave out the layer that holds {} with --layers (xmi, uima-json, webanno, \
                 gate: e.g. --layers NamedEntity)",
                if names.is_empty() { ":" } else { ";" },
                invalid.join(", "),
                if invalid.len() == 1 { "it" } else { "them" },
                if invalid.len() == 1 { "it" } else { "them" },
            );
        }
        Some(hint)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
