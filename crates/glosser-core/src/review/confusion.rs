//! What two annotators confuse: label × label over the units γ's best alignment of the pair
//! matches (units that overlap), plus "missing" (a unit the other has nothing for) and, on the
//! diagonal, how many matches differ only in their boundaries. Additive over documents and over
//! pairs (everyone against gold is the sum of each annotator's table against gold).

use glosser_gamma::{
    Continuum, Dissimilarity, Document, LimitPolicy, SolverLimits, Unit, best_alignment,
};
use serde::Serialize;

use crate::span::Span;

/// The row and column of "nothing": a unit the other annotator has no match for.
pub const MISSING: &str = "missing";

/// A confusion table: rows are `a`'s labels, columns `b`'s, the last row and column "missing".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confusion {
    pub a: String,
    pub b: String,
    pub labels: Vec<String>,
    /// `(labels.len() + 1)²` counts, row-major; index `labels.len()` is [`MISSING`].
    pub cells: Vec<Vec<u64>>,
    /// Per label: of the diagonal's matches, those whose boundaries differ.
    pub boundary_only: Vec<u64>,
    /// Pairs of units the alignment matched although they do not overlap (counted as missing
    /// on both sides).
    pub apart: u64,
    /// Documents whose pair alignment hit the search limit (approximate).
    pub approximate: u64,
}

/// The split of a table: matched with the same label and boundaries, same label other
/// boundaries, another label, and units with no match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub exact: u64,
    pub boundary_only: u64,
    pub label: u64,
    pub missing: u64,
}

impl Confusion {
    pub fn new(a: &str, b: &str, labels: &[String]) -> Self {
        let n = labels.len() + 1;
        Self {
            a: a.to_owned(),
            b: b.to_owned(),
            labels: labels.to_vec(),
            cells: vec![vec![0; n]; n],
            boundary_only: vec![0; labels.len()],
            apart: 0,
            approximate: 0,
        }
    }

    fn index(&mut self, label: &str) -> usize {
        if let Some(i) = self.labels.iter().position(|l| l == label) {
            return i;
        }
        self.labels.push(label.to_owned());
        let n = self.labels.len();
        for row in &mut self.cells {
            row.insert(n - 1, 0);
        }
        self.cells.insert(n - 1, vec![0; n + 1]);
        self.boundary_only.push(0);
        n - 1
    }

    fn missing_index(&self) -> usize {
        self.labels.len()
    }

    /// Adds one document: both annotators' spans.
    pub fn add_document(&mut self, id: &str, a: &[Span], b: &[Span]) {
        let units = |name: &str, spans: &[Span]| -> Vec<Unit> {
            spans
                .iter()
                .map(|s| Unit {
                    annotator: name.to_owned(),
                    start: s.start as f64,
                    end: s.end as f64,
                    category: s.label.clone(),
                })
                .collect()
        };
        // Fixed names keep `a` first whatever the annotators are called.
        let document = Document {
            id: id.to_owned(),
            annotators: vec!["0".to_owned(), "1".to_owned()],
            units: units("0", a).into_iter().chain(units("1", b)).collect(),
        };
        if document.units.is_empty() {
            return;
        }
        let limits = SolverLimits {
            policy: LimitPolicy::Approximate,
            ..SolverLimits::default()
        };
        let alignment = Continuum::from_document(&document)
            .and_then(|c| best_alignment(&c, &Dissimilarity::default(), &limits));
        let Ok(alignment) = alignment else {
            // Too many candidates: every unit counted unmatched, and the document flagged.
            self.approximate += 1;
            for s in a {
                let i = self.index(&s.label);
                let m = self.missing_index();
                self.cells[i][m] += 1;
            }
            for s in b {
                let j = self.index(&s.label);
                let m = self.missing_index();
                self.cells[m][j] += 1;
            }
            return;
        };
        if alignment.quality != glosser_gamma::AlignmentQuality::Exact {
            self.approximate += 1;
        }
        for unitary in &alignment.unitary_alignments {
            match (&unitary.units[0], &unitary.units[1]) {
                (Some(x), Some(y)) if x.start < y.end && y.start < x.end => {
                    let (i, j) = (self.index(&x.category), self.index(&y.category));
                    self.cells[i][j] += 1;
                    if i == j && !same_bounds(x, y) {
                        self.boundary_only[i] += 1;
                    }
                }
                (Some(x), Some(y)) => {
                    self.apart += 1;
                    let (i, j) = (self.index(&x.category), self.index(&y.category));
                    let m = self.missing_index();
                    self.cells[i][m] += 1;
                    self.cells[m][j] += 1;
                }
                (Some(x), None) => {
                    let i = self.index(&x.category);
                    let m = self.missing_index();
                    self.cells[i][m] += 1;
                }
                (None, Some(y)) => {
                    let j = self.index(&y.category);
                    let m = self.missing_index();
                    self.cells[m][j] += 1;
                }
                (None, None) => {}
            }
        }
    }

    /// Adds another table cell by cell, by label name (its `a` plays this one's `a`).
    pub fn add(&mut self, other: &Confusion) {
        let map: Vec<usize> = other
            .labels
            .clone()
            .iter()
            .map(|l| self.index(l))
            .chain(std::iter::once(usize::MAX))
            .collect();
        let m = self.missing_index();
        let at = |k: usize| if map[k] == usize::MAX { m } else { map[k] };
        for (i, row) in other.cells.iter().enumerate() {
            for (j, n) in row.iter().enumerate() {
                self.cells[at(i)][at(j)] += n;
            }
        }
        for (k, n) in other.boundary_only.iter().enumerate() {
            self.boundary_only[map[k]] += n;
        }
        self.apart += other.apart;
        self.approximate += other.approximate;
    }

    pub fn summary(&self) -> Summary {
        let m = self.missing_index();
        let mut s = Summary::default();
        for i in 0..m {
            for j in 0..m {
                if i == j {
                    s.exact += self.cells[i][j] - self.boundary_only[i];
                    s.boundary_only += self.boundary_only[i];
                } else {
                    s.label += self.cells[i][j];
                }
            }
            s.missing += self.cells[i][m] + self.cells[m][i];
        }
        s
    }
}

/// Whether two aligned units have the same boundaries (char offsets: exact integers in f64).
#[allow(clippy::float_cmp)]
pub(crate) fn same_bounds(x: &glosser_gamma::AlignedUnit, y: &glosser_gamma::AlignedUnit) -> bool {
    x.start == y.start && x.end == y.end
}

#[cfg(test)]
mod tests;
