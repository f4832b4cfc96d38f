//! Tests of the best alignment against an exhaustive search over all partitions.

#![allow(clippy::float_cmp)] // exact figures

use proptest::prelude::*;

use super::*;
use crate::continuum::{Document, Unit};

fn unit(annotator: &str, start: f64, end: f64, category: &str) -> Unit {
    Unit {
        annotator: annotator.to_owned(),
        start,
        end,
        category: category.to_owned(),
    }
}

fn continuum(units: Vec<Unit>) -> Continuum {
    let document = Document {
        id: "t".into(),
        annotators: Vec::new(),
        units,
    };
    Continuum::from_document(&document).unwrap()
}

/// Least total disorder over every partition into every tuple (pygamma's search space, unpruned).
fn brute_force_total(continuum: &Continuum, dissimilarity: &UnitDissimilarity) -> f64 {
    let n = continuum.annotators.len();
    let mut offsets = Vec::new();
    let mut total_units = 0;
    for spans in &continuum.units {
        offsets.push(total_units);
        total_units += spans.len();
    }
    let mut tuples: Vec<(u32, f64)> = Vec::new();
    let mut choice = vec![0_usize; n];
    loop {
        let members: Vec<(usize, usize)> = choice
            .iter()
            .enumerate()
            .filter(|&(a, &c)| c < continuum.units[a].len())
            .map(|(a, &c)| (a, c))
            .collect();
        if !members.is_empty() {
            let mut sum = 0.0;
            for (i, &(a, x)) in members.iter().enumerate() {
                for &(b, y) in &members[i + 1..] {
                    sum += dissimilarity.combined(&continuum.units[a][x], &continuum.units[b][y]);
                }
            }
            let mask = members
                .iter()
                .fold(0_u32, |m, &(a, x)| m | 1 << (offsets[a] + x));
            let disorder =
                candidates::tuple_disorder(sum, members.len(), n, dissimilarity.delta_empty);
            tuples.push((mask, disorder));
        }
        let mut a = 0;
        loop {
            if a == n {
                break;
            }
            choice[a] += 1;
            if choice[a] <= continuum.units[a].len() {
                break;
            }
            choice[a] = 0;
            a += 1;
        }
        if a == n {
            break;
        }
    }
    let full = (1_u32 << total_units) - 1;
    let mut best = vec![f64::INFINITY; 1 << total_units];
    best[0] = 0.0;
    for covered in 0..=full {
        if best[covered as usize].is_infinite() || covered == full {
            continue;
        }
        let lowest_free = (!covered).trailing_zeros();
        for &(mask, disorder) in &tuples {
            if mask & (1 << lowest_free) != 0 && mask & covered == 0 {
                let next = (covered | mask) as usize;
                best[next] = best[next].min(best[covered as usize] + disorder);
            }
        }
    }
    best[full as usize]
}

fn check_partition(continuum: &Continuum, raw: &RawAlignment) {
    let mut seen: Vec<Vec<bool>> = continuum
        .units
        .iter()
        .map(|s| vec![false; s.len()])
        .collect();
    for tuple in &raw.tuples {
        let mut annotators: Vec<usize> = tuple.iter().map(|u| u.annotator).collect();
        annotators.dedup();
        assert_eq!(annotators.len(), tuple.len(), "one unit per annotator");
        for u in tuple {
            assert!(!seen[u.annotator][u.index], "unit aligned twice");
            seen[u.annotator][u.index] = true;
        }
    }
    assert!(seen.iter().flatten().all(|&s| s), "every unit aligned");
}

#[test]
fn identical_annotations_align_with_zero_disorder() {
    let c = continuum(vec![
        unit("a", 0.0, 5.0, "x"),
        unit("a", 10.0, 20.0, "y"),
        unit("b", 0.0, 5.0, "x"),
        unit("b", 10.0, 20.0, "y"),
        unit("c", 0.0, 5.0, "x"),
        unit("c", 10.0, 20.0, "y"),
    ]);
    let alignment =
        best_alignment(&c, &Dissimilarity::default(), &SolverLimits::default()).unwrap();
    assert_eq!(alignment.disorder, 0.0);
    assert_eq!(alignment.unitary_alignments.len(), 2);
    assert!(
        alignment
            .unitary_alignments
            .iter()
            .all(|u| u.num_units() == 3 && !u.is_alone())
    );
    assert_eq!(alignment.quality, AlignmentQuality::Exact);
    let first = &alignment.unitary_alignments[0];
    assert_eq!(first.units[0].as_ref().unwrap().unit_index, Some(0));
}

#[test]
fn far_unit_is_left_alone() {
    let c = continuum(vec![
        unit("a", 0.0, 5.0, "x"),
        unit("b", 0.0, 5.0, "x"),
        unit("b", 100.0, 101.0, "x"),
    ]);
    let alignment =
        best_alignment(&c, &Dissimilarity::default(), &SolverLimits::default()).unwrap();
    assert_eq!(alignment.unitary_alignments.len(), 2);
    let alone = &alignment.unitary_alignments[1];
    assert!(alone.is_alone());
    assert_eq!(alone.disorder, 1.0);
    assert!(alone.units[0].is_none());
    // Σ disorders = 0 + 1, units per annotator = 1.5.
    assert!((alignment.disorder - 1.0 / 1.5).abs() < 1e-12);
}

/// A continuum whose LP relaxation is fractional, so that the exact search has to run.
fn fractional_lp() -> Continuum {
    continuum(vec![
        unit("a", 7.0, 10.0, "y"),
        unit("a", 15.0, 23.0, "x"),
        unit("a", 25.0, 27.0, "y"),
        unit("a", 1.0, 5.0, "x"),
        unit("b", 7.0, 12.0, "x"),
        unit("b", 14.0, 21.0, "y"),
        unit("c", 25.0, 28.0, "y"),
        unit("c", 5.0, 17.0, "x"),
        unit("c", 6.0, 7.0, "y"),
        unit("c", 26.0, 28.0, "y"),
        unit("d", 20.0, 24.0, "x"),
        unit("d", 19.0, 25.0, "y"),
        unit("d", 8.0, 11.0, "y"),
    ])
}

#[test]
fn fractional_lp_is_solved_exactly_by_the_search() {
    let c = fractional_lp();
    let dissimilarity = Dissimilarity::default();
    let alignment = best_alignment(&c, &dissimilarity, &SolverLimits::default()).unwrap();
    assert_eq!(alignment.search.solved_by_lp, 0);
    assert!(alignment.search.states > 0);
    assert_eq!(alignment.quality, AlignmentQuality::Exact);
    let compiled = dissimilarity.compile(&c).unwrap();
    let expected = brute_force_total(&c, &compiled) / c.avg_units_per_annotator();
    assert!((alignment.disorder - expected).abs() < 1e-12);
}

#[test]
fn search_limit_error_and_flagged_approximation() {
    let c = fractional_lp();
    let tight = SolverLimits {
        max_states: 0,
        ..SolverLimits::default()
    };
    assert!(matches!(
        best_alignment(&c, &Dissimilarity::default(), &tight),
        Err(GammaError::SearchLimit { .. })
    ));
    let approximate = SolverLimits {
        policy: LimitPolicy::Approximate,
        ..tight
    };
    let alignment = best_alignment(&c, &Dissimilarity::default(), &approximate).unwrap();
    let AlignmentQuality::Approximate { lower_bound } = alignment.quality else {
        panic!("expected a flagged approximation");
    };
    assert!(lower_bound <= alignment.disorder + 1e-12);
    assert!(lower_bound > 0.0);
    let few = SolverLimits {
        max_candidates: 3,
        ..SolverLimits::default()
    };
    assert!(matches!(
        best_alignment(&c, &Dissimilarity::default(), &few),
        Err(GammaError::CandidateLimit { .. })
    ));
}

fn arbitrary_units() -> impl Strategy<Value = Vec<Unit>> {
    let one = (0_usize..3, 0_u32..40, 1_u32..15, 0_usize..3).prop_map(|(a, s, l, c)| {
        let names = ["a", "b", "c"];
        let cats = ["x", "y", "z"];
        unit(names[a], f64::from(s), f64::from(s + l), cats[c])
    });
    prop::collection::vec(one, 2..11)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn matches_exhaustive_search(units in arbitrary_units(), alpha in 0.5_f64..3.0, delta in 0.5_f64..2.0) {
        let document = Document { id: "p".into(), annotators: vec!["a".into(), "b".into(), "c".into()], units };
        let c = Continuum::from_document(&document).unwrap();
        let dissimilarity = Dissimilarity { alpha, delta_empty: delta, ..Dissimilarity::default() };
        let compiled = dissimilarity.compile(&c).unwrap();
        let raw = align(&c, &compiled, &SolverLimits::default()).unwrap();
        check_partition(&c, &raw);
        let expected = brute_force_total(&c, &compiled);
        let total: f64 = raw.disorders.iter().sum();
        prop_assert!((total - expected).abs() < 1e-9, "search {total} vs exhaustive {expected}");
        prop_assert_eq!(raw.quality, AlignmentQuality::Exact);
    }
}

fn four_annotator_units() -> impl Strategy<Value = Vec<Unit>> {
    let one = (0_usize..4, 0_u32..30, 1_u32..20, 0_usize..2).prop_map(|(a, s, l, c)| {
        let names = ["a", "b", "c", "d"];
        unit(names[a], f64::from(s), f64::from(s + l), ["x", "y"][c])
    });
    prop::collection::vec(one, 2..13)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn matches_exhaustive_search_with_four_annotators(units in four_annotator_units(), beta in 0.0_f64..2.0) {
        let document = Document { id: "p".into(), annotators: vec!["a".into(), "b".into(), "c".into(), "d".into()], units };
        let c = Continuum::from_document(&document).unwrap();
        let dissimilarity = Dissimilarity { beta, ..Dissimilarity::default() };
        let compiled = dissimilarity.compile(&c).unwrap();
        let raw = align(&c, &compiled, &SolverLimits::default()).unwrap();
        check_partition(&c, &raw);
        let expected = brute_force_total(&c, &compiled);
        let total: f64 = raw.disorders.iter().sum();
        prop_assert!((total - expected).abs() < 1e-9, "search {total} vs exhaustive {expected}");
    }
}
