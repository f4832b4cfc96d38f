//! Cohen's κ at character level (SPEC §7): over the characters that are not whitespace, an
//! annotator's value is 1 where a span of the label covers the character, else 0.

use std::ops::Range;

/// The 2×2 table of two annotators' values over characters, additive over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KappaCounts {
    pub both: u64,
    pub only_a: u64,
    pub only_b: u64,
    pub neither: u64,
}

/// Non-whitespace characters before each char offset of a text: `prefix[i]` counts `0..i`.
pub(crate) fn non_whitespace_prefix(text: &str) -> Vec<u32> {
    let mut prefix = Vec::with_capacity(text.len() + 1);
    let mut count = 0u32;
    prefix.push(0);
    for c in text.chars() {
        count += u32::from(!c.is_whitespace());
        prefix.push(count);
    }
    prefix
}

/// Sorted ranges with overlapping or touching ones joined (coverage only matters here).
fn union(ranges: &[Range<usize>], len: usize) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = ranges
        .iter()
        .map(|r| (r.start.min(len), r.end.min(len)))
        .filter(|(s, e)| s < e)
        .collect();
    sorted.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (s, e) in sorted {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

impl KappaCounts {
    /// Counts one document: `text` and each annotator's ranges (char offsets) of one label.
    pub fn of(text: &str, a: &[Range<usize>], b: &[Range<usize>]) -> Self {
        Self::with_prefix(&non_whitespace_prefix(text), a, b)
    }

    /// The same from the document's [`non_whitespace_prefix`], in time proportional to the spans.
    pub(crate) fn with_prefix(prefix: &[u32], a: &[Range<usize>], b: &[Range<usize>]) -> Self {
        let len = prefix.len().saturating_sub(1);
        let count = |s: usize, e: usize| u64::from(prefix[e] - prefix[s]);
        let (ua, ub) = (union(a, len), union(b, len));
        let covered = |u: &[(usize, usize)]| u.iter().map(|&(s, e)| count(s, e)).sum::<u64>();
        let (in_a, in_b) = (covered(&ua), covered(&ub));
        let mut both = 0;
        let (mut i, mut j) = (0, 0);
        while i < ua.len() && j < ub.len() {
            let (s, e) = (ua[i].0.max(ub[j].0), ua[i].1.min(ub[j].1));
            if s < e {
                both += count(s, e);
            }
            if ua[i].1 <= ub[j].1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        let total = u64::from(prefix.last().copied().unwrap_or(0));
        Self {
            both,
            only_a: in_a - both,
            only_b: in_b - both,
            neither: total + both - in_a - in_b,
        }
    }

    pub fn add(&mut self, other: Self) {
        self.both += other.both;
        self.only_a += other.only_a;
        self.only_b += other.only_b;
        self.neither += other.neither;
    }

    /// κ = (p_o − p_e) / (1 − p_e); `None` where p_e = 1 (or there are no characters).
    pub fn kappa(&self) -> Option<f64> {
        let n = (self.both + self.only_a + self.only_b + self.neither) as f64;
        if n == 0.0 {
            return None;
        }
        let p_o = (self.both + self.neither) as f64 / n;
        let a1 = (self.both + self.only_a) as f64 / n;
        let b1 = (self.both + self.only_b) as f64 / n;
        let p_e = a1 * b1 + (1.0 - a1) * (1.0 - b1);
        if (1.0 - p_e).abs() < f64::EPSILON {
            return None;
        }
        Some((p_o - p_e) / (1.0 - p_e))
    }

    /// Share of the characters each annotator marked: (p_A, p_B); `None` without characters.
    fn shares(&self) -> Option<(f64, f64)> {
        let n = (self.both + self.only_a + self.only_b + self.neither) as f64;
        (n > 0.0).then(|| {
            (
                (self.both + self.only_a) as f64 / n,
                (self.both + self.only_b) as f64 / n,
            )
        })
    }

    /// Prevalence of the label: the mean share of characters the two marked, (p_A + p_B) / 2.
    pub fn prevalence(&self) -> Option<f64> {
        self.shares().map(|(a, b)| f64::midpoint(a, b))
    }

    /// Gwet's AC1 over the same table (two raters, two categories): p_e = 2π(1 − π) with π the
    /// prevalence; less sensitive than κ to a label covering few characters (the "kappa paradox").
    /// `None` without characters.
    pub fn ac1(&self) -> Option<f64> {
        let n = (self.both + self.only_a + self.only_b + self.neither) as f64;
        let pi = self.prevalence()?;
        let p_o = (self.both + self.neither) as f64 / n;
        let p_e = 2.0 * pi * (1.0 - pi);
        Some((p_o - p_e) / (1.0 - p_e))
    }
}

#[cfg(test)]
mod tests;
