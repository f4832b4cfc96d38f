//! α_u over a corpus in bounded memory: documents are laid end to end on one continuum (as
//! [`super::observed`] and [`super::expected`] see it), but only what the two formulas need is
//! kept. D_o's sum adds up document by document (units never cross a document's edge, and a
//! gap's distance to a unit depends only on whether it contains the unit). D_e needs the lengths
//! of the units and of the gaps, not where they are: two histograms per annotator, with the
//! gap still open at the end of the last document carried into the next one, since on the
//! continuum it is one gap with the first gap of the next document. Short lengths are counted in
//! a table, so the statistics stop growing once every short length has been seen.

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

/// One annotator's unit and gap lengths, and the gap open at the end.
#[derive(Debug, Clone, Default)]
struct Lengths {
    units: Histogram,
    gaps: Histogram,
    open_gap: u64,
}

/// How many sections have each length: short lengths (most of them) counted in a table that
/// stops growing once the longest short length is met, the rest in a map.
#[derive(Debug, Clone, Default)]
struct Histogram {
    short: Vec<u64>,
    long: BTreeMap<u64, u64>,
}

/// Lengths below this are counted in [`Histogram::short`] (128 KiB of counts at most).
const SHORT: u64 = 1 << 14;

impl Histogram {
    fn add(&mut self, len: u64, n: u64) {
        if len < SHORT {
            let i = len as usize;
            if self.short.len() <= i {
                self.short.resize(i + 1, 0);
            }
            self.short[i] += n;
        } else {
            *self.long.entry(len).or_default() += n;
        }
    }

    fn merge(&mut self, other: &Self) {
        for (len, n) in other.iter() {
            self.add(len, n);
        }
    }

    /// (length, count) in ascending length, counts above zero.
    fn iter(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        self.short
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(len, &n)| (len as u64, n))
            .chain(self.long.iter().map(|(&len, &n)| (len, n)))
    }
}

impl Continuum {
    /// A label first met after `length` chars of the continuum: so far all gap for both.
    pub(crate) fn starting_after(length: u64) -> Self {
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
    pub(crate) fn observed(&self, length: u64) -> f64 {
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
        let mut gaps = Histogram::default();
        let mut units = Histogram::default();
        for side in [&self.a, &self.b] {
            gaps.merge(&side.gaps);
            if side.open_gap > 0 {
                gaps.add(side.open_gap, 1);
            }
            units.merge(&side.units);
        }
        // Gaps ≥ l, as units are taken in ascending length: start from all of them and drop
        // the shorter ones as l grows.
        let (mut count, mut sum) = (0u64, 0u128);
        for (g, n) in gaps.iter() {
            count += n;
            sum += u128::from(g) * u128::from(n);
        }
        let mut shorter = gaps.iter().peekable();
        let n_c: f64 = units.iter().map(|(_, n)| n as f64).sum();
        let squared: f64 = units
            .iter()
            .map(|(l, n)| n as f64 * l as f64 * (l as f64 - 1.0))
            .sum();
        let mut total = 0.0;
        for (l, n) in units.iter() {
            while let Some(&(g, m)) = shorter.peek().filter(|&&(g, _)| g < l) {
                count -= m;
                sum -= u128::from(g) * u128::from(m);
                shorter.next();
            }
            let lf = l as f64;
            let sum1 = (n_c - 1.0) * (2.0 * lf * lf * lf - 3.0 * lf * lf + lf) / 3.0;
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
                    self.gaps.add(self.open_gap, 1);
                    self.open_gap = 0;
                }
                self.units.add(s.len, 1);
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
                self.gaps.add(len, 1);
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
