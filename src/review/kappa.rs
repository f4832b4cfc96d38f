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

impl KappaCounts {
    /// Counts one document: `text` and each annotator's ranges (char offsets) of one label.
    pub fn of(text: &str, a: &[Range<usize>], b: &[Range<usize>]) -> Self {
        let chars: Vec<bool> = text.chars().map(char::is_whitespace).collect();
        let coverage = |ranges: &[Range<usize>]| {
            let mut delta = vec![0i32; chars.len() + 1];
            for r in ranges {
                let (s, e) = (r.start.min(chars.len()), r.end.min(chars.len()));
                if s < e {
                    delta[s] += 1;
                    delta[e] -= 1;
                }
            }
            let mut depth = 0;
            delta[..chars.len()]
                .iter()
                .map(|d| {
                    depth += d;
                    depth > 0
                })
                .collect::<Vec<bool>>()
        };
        let (ca, cb) = (coverage(a), coverage(b));
        let mut counts = Self::default();
        for i in 0..chars.len() {
            if chars[i] {
                continue;
            }
            match (ca[i], cb[i]) {
                (true, true) => counts.both += 1,
                (true, false) => counts.only_a += 1,
                (false, true) => counts.only_b += 1,
                (false, false) => counts.neither += 1,
            }
        }
        counts
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
}

#[cfg(test)]
mod tests;
