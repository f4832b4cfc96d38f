//! The categorical disorder of an alignment, for γ-cat (all categories) and γ-k (one category):
//! pygamma's `Alignment.gamma_k_disorder` (section 4.2.5 of Mathet's thesis).
//!
//! Over the pairs of annotator slots of each unitary alignment with `v` real units: a pair of two
//! real units adds `dist_cat · w` to the disorder and `w` to the weight, with
//! `w = max(0, 1 − α·d_pos) / (v − 1)`; a pair of one real unit and one empty slot adds Δ∅² to the
//! disorder and Δ∅ to the weight (pygamma's "experimental" case); two empty slots add nothing.
//! For γ-k only pairs with at least one real unit of category k count. The disorder is
//! `Σ disorder / Σ weight`, 0 when the disorder sum is 0, and, when no pair of two real units
//! counted, 1 if no pair counted at all and 0 otherwise (pygamma's conventions).

use crate::alignment::UnitId;
use crate::continuum::Continuum;
use crate::dissimilarity::UnitDissimilarity;

/// Sums behind one categorical disorder; sums of several alignments pool into one disorder.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct CategoricalSums {
    disorder: f64,
    weight: f64,
    any_pair: bool,
    any_real_pair: bool,
}

impl CategoricalSums {
    /// Pools another alignment's sums into these.
    pub fn add(&mut self, other: &Self) {
        self.disorder += other.disorder;
        self.weight += other.weight;
        self.any_pair |= other.any_pair;
        self.any_real_pair |= other.any_real_pair;
    }

    pub fn value(&self) -> f64 {
        if !self.any_real_pair {
            return if self.any_pair { 0.0 } else { 1.0 };
        }
        if self.disorder == 0.0 {
            0.0
        } else {
            self.disorder / self.weight
        }
    }
}

/// Sums over an alignment, for all categories (`category == None`) or for one.
pub(crate) fn categorical_sums(
    continuum: &Continuum,
    dissimilarity: &UnitDissimilarity,
    tuples: &[Vec<UnitId>],
    category: Option<usize>,
) -> CategoricalSums {
    let n = continuum.annotators.len();
    let delta = dissimilarity.delta_empty;
    let mut sums = CategoricalSums::default();
    for tuple in tuples {
        let spans: Vec<_> = tuple
            .iter()
            .map(|u| continuum.units[u.annotator][u.index])
            .collect();
        let real = spans.len();
        let empty = n - real;
        let counts = |span: &crate::continuum::Span| category.is_none_or(|k| span.category == k);
        let counted_real = spans.iter().filter(|s| counts(s)).count();
        // Pairs of one real unit and one empty slot.
        let half_empty = counted_real * empty;
        sums.disorder += half_empty as f64 * delta * delta;
        sums.weight += half_empty as f64 * delta;
        let any_pair_here = match category {
            None => n >= 2,
            Some(_) => counted_real > 0 && n >= 2,
        };
        sums.any_pair |= any_pair_here;
        let base = if real < 2 {
            0.0
        } else {
            1.0 / (real - 1) as f64
        };
        for (i, a) in spans.iter().enumerate() {
            for b in &spans[i + 1..] {
                if !counts(a) && !counts(b) {
                    continue;
                }
                sums.any_real_pair = true;
                let positional = dissimilarity.alpha * dissimilarity.positional(a, b);
                let weight = base * (1.0 - positional).max(0.0);
                sums.disorder += dissimilarity.categorical(a, b) * weight;
                sums.weight += weight;
            }
        }
    }
    sums
}

#[cfg(test)]
mod tests;
