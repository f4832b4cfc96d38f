//! Agreement on links (SPEC §10): a link of one annotator matches one of the other when its type
//! and both of its spans (offsets and labels) are the same; F1 over the two sets.

use std::collections::BTreeSet;

use crate::store::Link;

/// Link counts of a pair over some documents: each annotator's links and those both drew.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RelationCounts {
    pub a: u64,
    pub b: u64,
    pub matched: u64,
}

impl RelationCounts {
    /// The counts of one document's links (duplicates count once).
    pub fn of(a: &[Link], b: &[Link]) -> Self {
        let a: BTreeSet<&Link> = a.iter().collect();
        let b: BTreeSet<&Link> = b.iter().collect();
        Self {
            a: a.len() as u64,
            b: b.len() as u64,
            matched: a.intersection(&b).count() as u64,
        }
    }

    /// Adds another document's counts.
    pub(crate) fn absorb(&mut self, other: Self) {
        self.a += other.a;
        self.b += other.b;
        self.matched += other.matched;
    }

    /// Strict F1 (2·matched / (a + b)); undefined when neither drew a link.
    pub fn f1(&self) -> Option<f64> {
        let total = self.a + self.b;
        (total > 0).then(|| 2.0 * self.matched as f64 / total as f64)
    }
}

#[cfg(test)]
mod tests;
