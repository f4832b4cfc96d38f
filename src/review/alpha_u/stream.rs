//! α_u over a corpus in bounded memory: documents are laid end to end on one continuum (as
//! [`super::observed`] and [`super::expected`] see it), but only what the two formulas need is
//! kept. D_o's sum adds up document by document (units never cross a document's edge, and a
//! gap's distance to a unit depends only on whether it contains the unit). D_e needs the lengths
//! of the units and of the gaps, not where they are: two histograms per annotator, with the
//! gap still open at the end of the last document carried into the next one, since on the
//! continuum it is one gap with the first gap of the next document.

use std::collections::BTreeMap;

use super::{Section, distance, partition};

/// One label's α_u statistics for two annotators, one document at a time.
#[derive(Debug, Clone, Default)]
pub struct Continuum {
    /// Σ of distances between overlapping sections (D_o's numerator), over the documents so far.
    distances: f64,
    a: Lengths,
    b: Lengths,
}

/// One annotator's unit and gap lengths (length → how many), and the gap open at the end.
#[derive(Debug, Clone, Default)]
struct Lengths {
    units: BTreeMap<u64, u64>,
    gaps: BTreeMap<u64, u64>,
    open_gap: u64,
}

impl Continuum {
    /// A label first met after `length` chars of the continuum: so far all gap for both.
    pub fn starting_after(length: u64) -> Self {
        let mut c = Self::default();
        c.a.open_gap = length;
        c.b.open_gap = length;
        c
    }

    /// Adds a document of `length` chars with each annotator's units (sorted, not overlapping,
    /// as [`super::merge_overlapping`] gives them), relative to the document's start.
    pub fn add(&mut self, a: &[(u64, u64)], b: &[(u64, u64)], length: u64) {
        if length == 0 {
            return;
        }
        let (pa, pb) = (partition(a, length), partition(b, length));
        self.distances += sweep(&pa, &pb);
        self.a.add(&pa, length);
        self.b.add(&pb, length);
    }

    /// D_o on a continuum of `length` chars (every document added).
    pub fn observed(&self, length: u64) -> f64 {
        if length == 0 {
            return 0.0;
        }
        let l = length as f64;
        2.0 * self.distances / (2.0 * l * l)
    }

    /// D_e on a continuum of `length` chars (every document added).
    pub fn expected(&self, length: u64) -> f64 {
        if length == 0 {
            return 0.0;
        }
        let mut gaps: BTreeMap<u64, u64> = BTreeMap::new();
        let mut units: BTreeMap<u64, u64> = BTreeMap::new();
        for side in [&self.a, &self.b] {
            for (&len, &n) in &side.gaps {
                *gaps.entry(len).or_default() += n;
            }
            if side.open_gap > 0 {
                *gaps.entry(side.open_gap).or_default() += 1;
            }
            for (&len, &n) in &side.units {
                *units.entry(len).or_default() += n;
            }
        }
        // From the longest gap down: how many gaps are ≥ l and the sum of their lengths.
        let descending: Vec<(u64, u64, u128)> = {
            let (mut count, mut sum) = (0u64, 0u128);
            gaps.iter()
                .rev()
                .map(|(&g, &n)| {
                    count += n;
                    sum += u128::from(g) * u128::from(n);
                    (g, count, sum)
                })
                .collect()
        };
        let n_c: f64 = units.values().map(|&n| n as f64).sum();
        let squared: f64 = units
            .iter()
            .map(|(&l, &n)| n as f64 * l as f64 * (l as f64 - 1.0))
            .sum();
        let mut total = 0.0;
        for (&l, &n) in &units {
            let lf = l as f64;
            let sum1 = (n_c - 1.0) * (2.0 * lf * lf * lf - 3.0 * lf * lf + lf) / 3.0;
            // The shortest gap that is still ≥ l carries the counts of all gaps ≥ l.
            let at = descending.partition_point(|&(g, _, _)| g >= l);
            let (count, sum) = at
                .checked_sub(1)
                .map_or((0, 0), |i| (descending[i].1, descending[i].2));
            let sum2 = (sum as f64 - count as f64 * (lf - 1.0)) * lf * lf;
            total += n as f64 * (sum1 + sum2);
        }
        let l = length as f64;
        let r = 2.0;
        total * (2.0 / l) / (r * l * (r * l - 1.0) - squared)
    }
}

impl Lengths {
    fn add(&mut self, sections: &[Section], length: u64) {
        for s in sections {
            let starts = s.start == 0;
            let ends = s.start + s.len == length;
            if s.unit {
                if starts && self.open_gap > 0 {
                    *self.gaps.entry(self.open_gap).or_default() += 1;
                    self.open_gap = 0;
                }
                *self.units.entry(s.len).or_default() += 1;
                continue;
            }
            let len = if starts {
                std::mem::take(&mut self.open_gap) + s.len
            } else {
                s.len
            };
            if ends {
                self.open_gap = len;
            } else {
                *self.gaps.entry(len).or_default() += 1;
            }
        }
    }
}

/// Σ of distances between the overlapping sections of two partitions of the same stretch.
pub(super) fn sweep(pa: &[Section], pb: &[Section]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0.0;
    while i < pa.len() && j < pb.len() {
        sum += distance(pa[i], pb[j]);
        let (ea, eb) = (pa[i].start + pa[i].len, pb[j].start + pb[j].len);
        if ea <= eb {
            i += 1;
        }
        if eb <= ea {
            j += 1;
        }
    }
    sum
}

#[cfg(test)]
mod tests;
