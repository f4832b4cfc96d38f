//! Random continua for the expected disorder: pygamma's default `StatisticalContinuumSampler`.
//!
//! From the reference continuum it takes the mean and (population) standard deviation of the
//! number of units per annotator, of the gap between consecutive units of an annotator (plus the
//! start of each annotator's first unit when positive, plus one 0), and of unit durations, and the
//! frequency of each category. A sample gives every annotator `|trunc(N(units))|` units (at least
//! one for the first annotator, so a sample is never empty), each starting `N(gap)` after the end
//! of the previous one (the first after 0), lasting `|N(duration)|` (drawn again while shorter than
//! [`MIN_DURATION`]), with a category drawn by frequency.

use rand::{Rng, RngExt};
use rand_distr::{Distribution, StandardNormal};

use crate::continuum::{Continuum, Span};

/// pygamma (through pyannote.core's `SEGMENT_PRECISION`) refuses shorter segments.
pub const MIN_DURATION: f64 = 1e-6;

/// Sampling statistics of one reference continuum.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StatisticalSampler {
    units: MeanStd,
    gap: MeanStd,
    duration: MeanStd,
    /// Cumulative category frequencies, indexed like the reference's categories.
    cumulative: Vec<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct MeanStd {
    mean: f64,
    std: f64,
}

impl MeanStd {
    fn of(values: &[f64]) -> Self {
        let count = values.len().max(1) as f64;
        let mean = values.iter().sum::<f64>() / count;
        let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / count;
        Self {
            mean,
            std: variance.sqrt(),
        }
    }

    fn draw(self, rng: &mut impl Rng) -> f64 {
        let z: f64 = StandardNormal.sample(rng);
        self.mean + self.std * z
    }
}

impl StatisticalSampler {
    pub fn new(reference: &Continuum) -> Self {
        let mut gaps = vec![0.0];
        for spans in &reference.units {
            gaps.extend(spans.windows(2).map(|w| w[1].start - w[0].end));
        }
        for spans in &reference.units {
            if let Some(first) = spans.first()
                && first.start > 0.0
            {
                gaps.push(first.start);
            }
        }
        let units: Vec<f64> = reference.units.iter().map(|s| s.len() as f64).collect();
        let durations: Vec<f64> = reference
            .units
            .iter()
            .flatten()
            .map(Span::duration)
            .collect();
        let mut counts = vec![0.0; reference.categories.len()];
        for span in reference.units.iter().flatten() {
            counts[span.category] += 1.0;
        }
        let mut running = 0.0;
        let cumulative = counts
            .iter()
            .map(|c| {
                running += c;
                running
            })
            .collect();
        Self {
            units: MeanStd::of(&units),
            gap: MeanStd::of(&gaps),
            duration: MeanStd::of(&durations),
            cumulative,
        }
    }

    /// Draws one random continuum with the reference's annotators and categories.
    pub fn sample(&self, reference: &Continuum, rng: &mut impl Rng) -> Continuum {
        let mut units = Vec::with_capacity(reference.annotators.len());
        let mut any_unit = false;
        for _ in &reference.annotators {
            let mut spans = Vec::new();
            let mut count = (self.units.draw(rng) as i64).unsigned_abs() as usize;
            if !any_unit {
                count = count.max(1);
            }
            let mut last_end = 0.0;
            for _ in 0..count {
                let start = last_end + self.gap.draw(rng);
                let mut end = start + self.duration.draw(rng).abs();
                while end - start < MIN_DURATION {
                    end = start + self.duration.draw(rng).abs();
                }
                spans.push(Span {
                    start,
                    end,
                    category: self.category(rng),
                    source: None,
                });
                last_end = end;
            }
            any_unit |= !spans.is_empty();
            units.push(spans);
        }
        Continuum::sample(
            &reference.document,
            &reference.annotators,
            &reference.categories,
            units,
        )
    }

    fn category(&self, rng: &mut impl Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = rng.random::<f64>() * total;
        self.cumulative
            .iter()
            .position(|&c| target < c)
            .unwrap_or(self.cumulative.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests;
