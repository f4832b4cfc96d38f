//! Span F1 (SPEC §7). Strict: start, end and label equal; F1 = 2·TP/(|A|+|B|). Overlap: P = share
//! of B's spans overlapping a same-label span of A, R = share of A's overlapping B, F1 = 2PR/(P+R).

use std::ops::Range;

/// Counts for one label, additive over documents (and over labels for the pooled figure).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct F1Counts {
    pub a_spans: u64,
    pub b_spans: u64,
    /// Spans equal in both.
    pub exact: u64,
    /// A's spans that overlap one of B's.
    pub a_overlapping: u64,
    /// B's spans that overlap one of A's.
    pub b_overlapping: u64,
}

fn overlapping(xs: &[Range<usize>], ys: &[Range<usize>]) -> u64 {
    // Both sorted by start: ys with start < x.end are a prefix; track the furthest end seen.
    let mut count = 0;
    let mut j = 0;
    let mut furthest_end = 0;
    for x in xs {
        while j < ys.len() && ys[j].start < x.end {
            furthest_end = furthest_end.max(ys[j].end);
            j += 1;
        }
        // Some y with start < x.end overlaps x iff one of them ends after x.start; the furthest
        // end among them decides.
        if j > 0 && furthest_end > x.start {
            count += 1;
        }
    }
    count
}

impl F1Counts {
    /// One document and label: each side's ranges, sorted by (start, end).
    pub fn of(a: &[Range<usize>], b: &[Range<usize>]) -> Self {
        let mut exact = 0;
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match (a[i].start, a[i].end).cmp(&(b[j].start, b[j].end)) {
                std::cmp::Ordering::Equal => {
                    exact += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        Self {
            a_spans: a.len() as u64,
            b_spans: b.len() as u64,
            exact,
            a_overlapping: overlapping(a, b),
            b_overlapping: overlapping(b, a),
        }
    }

    pub fn add(&mut self, other: Self) {
        self.a_spans += other.a_spans;
        self.b_spans += other.b_spans;
        self.exact += other.exact;
        self.a_overlapping += other.a_overlapping;
        self.b_overlapping += other.b_overlapping;
    }

    /// 2·TP/(|A|+|B|); `None` when neither side has spans.
    pub fn strict(&self) -> Option<f64> {
        let total = self.a_spans + self.b_spans;
        (total > 0).then(|| 2.0 * self.exact as f64 / total as f64)
    }

    /// 2PR/(P+R) over overlapping spans; 0 when P+R = 0, `None` when either side has none.
    pub fn overlap(&self) -> Option<f64> {
        if self.a_spans == 0 || self.b_spans == 0 {
            return None;
        }
        let p = self.b_overlapping as f64 / self.b_spans as f64;
        let r = self.a_overlapping as f64 / self.a_spans as f64;
        Some(if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        })
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp, clippy::single_range_in_vec_init)] // exact figures; one-span sides
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        // A: 0..5, 10..20, 30..40   B: 0..5, 12..15, 50..60
        let c = F1Counts::of(&[0..5, 10..20, 30..40], &[0..5, 12..15, 50..60]);
        assert_eq!(c.exact, 1);
        assert!((c.strict().unwrap() - 2.0 / 6.0).abs() < 1e-12);
        assert_eq!((c.a_overlapping, c.b_overlapping), (2, 2));
        // P = 2/3, R = 2/3 → F1 = 2/3
        assert!((c.overlap().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn edge_cases() {
        assert_eq!(F1Counts::of(&[], &[]).strict(), None);
        assert_eq!(F1Counts::of(&[0..3], &[]).overlap(), None);
        assert_eq!(F1Counts::of(&[0..3], &[]).strict(), Some(0.0));
        assert_eq!(
            F1Counts::of(&[0..3], &[3..6]).overlap(),
            Some(0.0),
            "touching is not overlapping"
        );
        let nested = F1Counts::of(&[0..100], &[10..20, 30..40, 200..210]);
        assert_eq!((nested.a_overlapping, nested.b_overlapping), (1, 2));
        // P = 2/3, R = 1 → 0.8
        assert!((nested.overlap().unwrap() - 0.8).abs() < 1e-12);
        let long_first = F1Counts::of(&[5..6], &[0..100, 1..2]);
        assert_eq!(
            long_first.a_overlapping, 1,
            "an earlier long span still overlaps"
        );
    }
}
