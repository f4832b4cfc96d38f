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
    pub fn note(&mut self, first: usize, records: &[Result<Record, String>], labels: &LabelSet) {
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
                ": {}. Define them in {} (its `labels` list, docs/format.md \"Labels and \
                 configuration\") and import again; records already imported are merged, not \
                 doubled",
                names.join(", "),
                root.join(labels::CORPUS_CONFIG_FILE).display()
            );
        }
        if !invalid.is_empty() {
            let _ = write!(
                hint,
                "{} {} cannot be a label name (letters, digits, `_ - . : / & +` and single \
                 spaces, at most 64 characters): rename {} in the tool that wrote the file",
                if names.is_empty() { ":" } else { ";" },
                invalid.join(", "),
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
mod tests {
    use super::*;
    use crate::formats::import::{RawSpan, Unit};

    fn record(labels: &[&str]) -> Record {
        let mut record = Record::new("line 1", "a.txt".into(), "Alice".into(), Unit::Codepoint);
        for label in labels {
            record.spans.push(RawSpan {
                start: 0,
                end: 5,
                label: (*label).to_owned(),
                ..RawSpan::default()
            });
        }
        record
    }

    #[test]
    fn only_rejected_records_count_and_each_label_once_per_record() {
        let labels = LabelSet::default();
        let mut unknown = UnknownLabels::default();
        let records = vec![
            Ok(record(&["PERSON", "PERSON", "claim"])),
            Ok(record(&["claim"])),
            Ok(record(&["ORG", "PERSON"])),
            Err("line 4: not JSON".to_owned()),
            Ok(record(&["PERSON"])),
        ];
        unknown.note(10, &records, &labels);
        for index in [10, 11, 12, 13] {
            unknown.rejected(index);
        }
        let hint = unknown.hint(Path::new("corpus")).unwrap();
        assert!(
            hint.starts_with(
                "2 rejected records use labels this corpus does not define: \"ORG\" (1 record), \
                 \"PERSON\" (2 records). Define them in corpus/glosser.ron"
            ),
            "{hint}"
        );
        assert!(!hint.contains("cannot be a label name"), "{hint}");
    }

    #[test]
    fn no_hint_without_such_a_rejection_and_invalid_names_are_told_apart() {
        let labels = LabelSet::default();
        let mut unknown = UnknownLabels::default();
        unknown.note(
            0,
            &[Ok(record(&["PERSON"])), Ok(record(&["claim"]))],
            &labels,
        );
        unknown.rejected(1);
        assert_eq!(
            unknown.hint(Path::new("c")),
            None,
            "record 1 uses defined labels"
        );
        unknown.note(2, &[Ok(record(&["B-PER\t"]))], &labels);
        unknown.rejected(2);
        let hint = unknown.hint(Path::new("c")).unwrap();
        assert!(
            hint.starts_with(
                "1 rejected record uses labels this corpus does not define: \"B-PER\\t\" (1 \
                 record) cannot be a label name"
            ),
            "{hint}"
        );
        assert!(
            hint.ends_with("rename it in the tool that wrote the file"),
            "{hint}"
        );
    }
}
