//! Tests of `sampler`.
#![allow(clippy::float_cmp)] // exact figures
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::continuum::{Document, Unit};

fn reference() -> Continuum {
    let unit = |annotator: &str, start: f64, end: f64, category: &str| Unit {
        annotator: annotator.into(),
        start,
        end,
        category: category.into(),
    };
    Continuum::from_document(&Document {
        id: "r".into(),
        annotators: vec!["a".into(), "b".into(), "c".into()],
        units: vec![
            unit("a", 2.0, 6.0, "x"),
            unit("a", 10.0, 12.0, "y"),
            unit("b", 0.0, 6.0, "x"),
            unit("b", 5.0, 8.0, "x"),
        ],
    })
    .unwrap()
}

#[test]
fn statistics_follow_pygamma() {
    let sampler = StatisticalSampler::new(&reference());
    // gaps: [0, 10-6 (a), 5-6 (b), 2 (a's first start)]; b's first start is 0, not added.
    let gaps = MeanStd::of(&[0.0, 4.0, -1.0, 2.0]);
    assert_eq!(sampler.gap, gaps);
    assert!((sampler.gap.mean - 1.25).abs() < 1e-12);
    assert_eq!(sampler.units, MeanStd::of(&[2.0, 2.0, 0.0]));
    assert_eq!(sampler.duration, MeanStd::of(&[4.0, 2.0, 6.0, 3.0]));
    assert_eq!(sampler.cumulative, vec![3.0, 4.0]);
    let population = MeanStd::of(&[1.0, 3.0]);
    assert!((population.std - 1.0).abs() < 1e-12);
}

#[test]
fn samples_are_deterministic_valid_and_never_empty() {
    let reference = reference();
    let sampler = StatisticalSampler::new(&reference);
    let draw = |seed| {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..50)
            .map(|_| sampler.sample(&reference, &mut rng))
            .collect::<Vec<_>>()
    };
    let first = draw(7);
    assert_eq!(first, draw(7));
    assert_ne!(first, draw(8));
    for sample in &first {
        assert_eq!(sample.annotators, reference.annotators);
        assert!(sample.num_units() >= 1);
        for span in sample.units.iter().flatten() {
            assert!(span.end - span.start >= MIN_DURATION);
            assert!(span.category < 2);
        }
    }
}

#[test]
fn category_frequencies_are_respected() {
    let reference = reference();
    let sampler = StatisticalSampler::new(&reference);
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut counts = [0_usize; 2];
    for _ in 0..20_000 {
        counts[sampler.category(&mut rng)] += 1;
    }
    let share = counts[0] as f64 / 20_000.0;
    assert!((share - 0.75).abs() < 0.02, "share of x = {share}");
}
