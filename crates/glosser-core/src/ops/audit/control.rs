//! The control set (`glosser agree --control`): each analyst's labels on the documents they
//! annotate blind (`assignments.ron` `blind:` / `blind_for:`, no suggestions shown) beside their
//! labels on the documents a suggester had suggested, so a shift of the label distribution or
//! of the agreement with gold under suggestions can be seen. Documents no suggester suggested and
//! that are not blind belong to neither arm and are counted.

use std::collections::BTreeMap;

use super::VsGold;
use crate::store::AnnotationFile;

/// One arm of the comparison: an analyst's files in one condition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Arm {
    pub documents: u64,
    /// Label → spans.
    pub spans: BTreeMap<String, u64>,
    /// Documents of the arm gold has a file for (on the same text).
    pub gold_documents: u64,
    /// Label → the analyst's spans against gold's (strict), on `gold_documents`.
    pub gold: BTreeMap<String, VsGold>,
}

impl Arm {
    /// Spans of `label` per document of the arm; `None` for an empty arm.
    pub fn per_document(&self, label: &str) -> Option<f64> {
        (self.documents > 0)
            .then(|| self.spans.get(label).copied().unwrap_or(0) as f64 / self.documents as f64)
    }

    /// The analyst against gold over every label (strict span F1); `None` without gold.
    pub fn gold_overall(&self) -> VsGold {
        self.gold.values().fold(VsGold::default(), |mut acc, g| {
            acc.gold += g.gold;
            acc.suggested += g.suggested;
            acc.correct += g.correct;
            acc
        })
    }

    /// Adds one file of the analyst's, and gold's file on the same document when there is one.
    pub(super) fn add(&mut self, file: &AnnotationFile, gold: Option<&AnnotationFile>) {
        self.documents += 1;
        let placed = || file.spans.spans().iter().filter(|s| !s.orphan);
        for s in placed() {
            *self.spans.entry(s.label.clone()).or_default() += 1;
        }
        let Some(gold) = gold.filter(|g| g.text_sha256 == file.text_sha256) else {
            return;
        };
        self.gold_documents += 1;
        for s in gold.spans.spans().iter().filter(|s| !s.orphan) {
            self.gold.entry(s.label.clone()).or_default().gold += 1;
        }
        for s in placed() {
            let slot = self.gold.entry(s.label.clone()).or_default();
            slot.suggested += 1;
            if gold.spans.position(s.key()).is_some() {
                slot.correct += 1;
            }
        }
    }

    pub(super) fn merge(&mut self, other: Arm) {
        self.documents += other.documents;
        self.gold_documents += other.gold_documents;
        for (label, n) in other.spans {
            *self.spans.entry(label).or_default() += n;
        }
        for (label, g) in other.gold {
            let slot = self.gold.entry(label).or_default();
            slot.gold += g.gold;
            slot.suggested += g.suggested;
            slot.correct += g.correct;
        }
    }
}

/// One analyst's two arms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotatorControl {
    /// Documents annotated blind.
    pub blind: Arm,
    /// Documents annotated with a suggester's suggestions available.
    pub shown: Arm,
    /// Documents neither blind nor suggested by any suggester.
    pub unsuggested: u64,
}

impl AnnotatorControl {
    pub(super) fn merge(&mut self, other: AnnotatorControl) {
        self.blind.merge(other.blind);
        self.shown.merge(other.shown);
        self.unsuggested += other.unsuggested;
    }
}

#[cfg(test)]
mod tests;
