//! Tests of `categorical`.
#![allow(clippy::float_cmp)] // exact figures
use super::*;
use crate::continuum::{Document, Unit};
use crate::dissimilarity::Dissimilarity;

fn setup() -> (Continuum, UnitDissimilarity) {
    let unit = |annotator: &str, start: f64, end: f64, category: &str| Unit {
        annotator: annotator.into(),
        start,
        end,
        category: category.into(),
    };
    let continuum = Continuum::from_document(&Document {
        id: "c".into(),
        annotators: Vec::new(),
        units: vec![
            unit("a", 0.0, 10.0, "x"),
            unit("b", 0.0, 10.0, "y"),
            unit("c", 0.0, 10.0, "x"),
            unit("a", 20.0, 30.0, "y"),
        ],
    })
    .unwrap();
    let compiled = Dissimilarity::default().compile(&continuum).unwrap();
    (continuum, compiled)
}

fn tuples() -> Vec<Vec<UnitId>> {
    let id = |annotator, index| UnitId { annotator, index };
    vec![vec![id(0, 0), id(1, 0), id(2, 0)], vec![id(0, 1)]]
}

#[test]
fn gamma_cat_sums_match_hand_computation() {
    let (continuum, compiled) = setup();
    let sums = categorical_sums(&continuum, &compiled, &tuples(), None);
    // First tuple: three real pairs of weight 1/2 (positions identical), two of them x≠y;
    // second tuple: one real unit and two empty slots, each adding Δ² = 1 and weight 1.
    assert!((sums.disorder - (2.0 * 0.5 + 2.0)).abs() < 1e-12);
    assert!((sums.weight - (1.5 + 2.0)).abs() < 1e-12);
    assert!((sums.value() - 3.0 / 3.5).abs() < 1e-12);
}

#[test]
fn gamma_k_counts_pairs_touching_the_category() {
    let (continuum, compiled) = setup();
    // Category y is index 1: pairs (a,b) and (b,c) in the first tuple, two empty pairs after.
    let sums = categorical_sums(&continuum, &compiled, &tuples(), Some(1));
    assert!((sums.disorder - (2.0 * 0.5 + 2.0)).abs() < 1e-12);
    assert!((sums.weight - (1.0 + 2.0)).abs() < 1e-12);
    // Category x, index 0: all three real pairs, no empty pair (the lone unit is y).
    let x = categorical_sums(&continuum, &compiled, &tuples(), Some(0));
    assert!((x.value() - 1.0 / 1.5).abs() < 1e-12);
}

#[test]
fn conventions_without_real_pairs() {
    let (continuum, compiled) = setup();
    let lone = vec![vec![UnitId {
        annotator: 0,
        index: 1,
    }]];
    // Only empty pairs: pygamma returns 0 although the sums are positive.
    assert_eq!(
        categorical_sums(&continuum, &compiled, &lone, None).value(),
        0.0
    );
    // Category x absent from the alignment: no pair at all, disorder 1.
    assert_eq!(
        categorical_sums(&continuum, &compiled, &lone, Some(0)).value(),
        1.0
    );
    let mut pooled = categorical_sums(&continuum, &compiled, &lone, None);
    pooled.add(&categorical_sums(&continuum, &compiled, &tuples(), None));
    assert!((pooled.value() - 5.0 / 5.5).abs() < 1e-12);
}
