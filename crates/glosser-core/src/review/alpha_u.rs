//! Krippendorff's unitizing α (2004 form, as DKPro Statistics computes it) for two annotators on
//! one continuum. D_o comes from one sweep over both annotators' partitions of the continuum
//! (units and the gaps between them), so only overlapping sections meet; D_e's sum over gaps uses
//! the gap lengths sorted once with prefix sums, so each unit costs a binary search.

/// One label's units of one annotator: `(start, length)` on the continuum, sorted, not
/// overlapping (merge overlapping spans first with [`merge_overlapping`]).
pub type Units = Vec<(u64, u64)>;

/// Sorted, non-overlapping units from any ranges: ranges sharing a character are merged,
/// touching ones stay apart.
pub(crate) fn merge_overlapping(mut ranges: Vec<(u64, u64)>) -> Units {
    ranges.retain(|&(_, len)| len > 0);
    ranges.sort_unstable();
    let mut out: Units = Vec::with_capacity(ranges.len());
    for (start, len) in ranges {
        match out.last_mut() {
            Some((s, l)) if start < *s + *l => *l = (*l).max(start + len - *s),
            _ => out.push((start, len)),
        }
    }
    out
}

/// A section of an annotator's partition: a unit (`true`) or a gap.
#[derive(Debug, Clone, Copy)]
struct Section {
    start: u64,
    len: u64,
    unit: bool,
}

/// The partition of the continuum `0..length` into units and gaps.
fn partition(units: &[(u64, u64)], length: u64) -> Vec<Section> {
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut at = 0;
    for &(start, len) in units {
        if start > at {
            out.push(Section {
                start: at,
                len: start - at,
                unit: false,
            });
        }
        out.push(Section {
            start,
            len,
            unit: true,
        });
        at = start + len;
    }
    if at < length {
        out.push(Section {
            start: at,
            len: length - at,
            unit: false,
        });
    }
    out
}

/// Krippendorff's distance between two sections (DKPro's `measureDistance`).
fn distance(a: Section, b: Section) -> f64 {
    let begin = a.start as f64 - b.start as f64;
    let (l1, l2) = (a.len as f64, b.len as f64);
    let len_diff = l1 - l2;
    if a.unit && b.unit && -l1 < begin && begin < l2 {
        begin * begin + (begin + len_diff) * (begin + len_diff)
    } else if a.unit && !b.unit && -len_diff >= begin && begin >= 0.0 {
        l1 * l1
    } else if !a.unit && b.unit && -len_diff <= begin && begin <= 0.0 {
        l2 * l2
    } else {
        0.0
    }
}

/// Observed disagreement D_o of one label for two annotators on a continuum of `length`.
#[cfg(test)]
pub(crate) fn observed(a: &[(u64, u64)], b: &[(u64, u64)], length: u64) -> f64 {
    if length == 0 {
        return 0.0;
    }
    let sum = stream::sweep(&partition(a, length), &partition(b, length));
    // 2·Σ / (R(R−1)·L²) with R = 2 raters.
    let l = length as f64;
    2.0 * sum / (2.0 * l * l)
}

/// Expected disagreement D_e of one label for two annotators on a continuum of `length`.
pub fn expected(a: &[(u64, u64)], b: &[(u64, u64)], length: u64) -> f64 {
    if length == 0 {
        return 0.0;
    }
    let mut gaps: Vec<u64> = partition(a, length)
        .into_iter()
        .chain(partition(b, length))
        .filter(|s| !s.unit)
        .map(|s| s.len)
        .collect();
    gaps.sort_unstable();
    // suffix[i] = sum of gaps[i..]
    let mut suffix = vec![0u128; gaps.len() + 1];
    for i in (0..gaps.len()).rev() {
        suffix[i] = suffix[i + 1] + u128::from(gaps[i]);
    }
    let units: Vec<u64> = a.iter().chain(b).map(|&(_, len)| len).collect();
    let n_c = units.len() as f64;
    let squared: f64 = units.iter().map(|&l| l as f64 * (l as f64 - 1.0)).sum();
    let mut total = 0.0;
    for &l in &units {
        let lf = l as f64;
        let sum1 = (n_c - 1.0) * (2.0 * lf * lf * lf - 3.0 * lf * lf + lf) / 3.0;
        // Σ over gaps g ≥ l of (g − l + 1)
        let first = gaps.partition_point(|&g| g < l);
        let count = (gaps.len() - first) as f64;
        let sum2 = (suffix[first] as f64 - count * (lf - 1.0)) * lf * lf;
        total += sum1 + sum2;
    }
    let l = length as f64;
    let r = 2.0;
    total * (2.0 / l) / (r * l * (r * l - 1.0) - squared)
}

/// α for one label: 1 − D_o/D_e (`None` when D_e is 0).
pub fn alpha(d_o: f64, d_e: f64) -> Option<f64> {
    (d_e != 0.0).then(|| 1.0 - d_o / d_e)
}

mod stream;

pub use stream::Continuum;

#[cfg(test)]
mod tests;
