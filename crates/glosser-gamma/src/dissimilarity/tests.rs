//! Tests of `dissimilarity`.
#![allow(clippy::float_cmp)] // exact figures
use super::*;
use crate::continuum::{Document, Unit};

fn matrix() -> CategoryMatrix {
    CategoryMatrix::new(
        vec!["a".into(), "b".into()],
        vec![vec![0.0, 0.4], vec![0.4, 0.0]],
    )
    .unwrap()
}

#[test]
fn positional_matches_the_formula() {
    let d = Dissimilarity::default();
    assert_eq!(d.positional((0.0, 10.0), (0.0, 10.0)), 0.0);
    // (|0-2| + |10-10|) / (10 + 8) = 1/9
    assert!((d.positional((0.0, 10.0), (2.0, 10.0)) - 1.0 / 81.0).abs() < 1e-15);
    let half = Dissimilarity {
        delta_empty: 0.5,
        ..Dissimilarity::default()
    };
    assert!((half.positional((0.0, 1.0), (2.0, 3.0)) - 0.5 * 4.0).abs() < 1e-15);
}

#[test]
fn categorical_nominal_and_matrix() {
    let d = Dissimilarity::default();
    assert_eq!(d.categorical("x", "x").unwrap(), 0.0);
    assert_eq!(d.categorical("x", "y").unwrap(), 1.0);
    let m = Dissimilarity {
        categorical: CategoryDistance::Matrix(matrix()),
        delta_empty: 2.0,
        ..Dissimilarity::default()
    };
    assert!((m.categorical("a", "b").unwrap() - 0.8).abs() < 1e-15);
    assert!(matches!(
        m.categorical("a", "z"),
        Err(GammaError::UnknownCategory { .. })
    ));
    assert_eq!(matrix().categories(), ["a", "b"]);
    assert_eq!(matrix().distance("b", "a").unwrap(), 0.4);
}

#[test]
fn combined_weighs_both_parts() {
    let d = Dissimilarity {
        alpha: 3.0,
        beta: 2.0,
        ..Dissimilarity::default()
    };
    let value = d.combined((0.0, 10.0, "x"), (2.0, 10.0, "y")).unwrap();
    assert!((value - (3.0 / 81.0 + 2.0)).abs() < 1e-12);
}

#[test]
fn matrix_validation_rejects_bad_matrices() {
    let bad = |distances: Vec<Vec<f64>>| {
        CategoryMatrix::new(vec!["a".into(), "b".into()], distances).is_err()
    };
    assert!(bad(vec![vec![0.0, 0.4], vec![0.3, 0.0]]));
    assert!(bad(vec![vec![0.1, 0.4], vec![0.4, 0.0]]));
    assert!(bad(vec![vec![0.0, -0.4], vec![-0.4, 0.0]]));
    assert!(bad(vec![vec![0.0, 0.4]]));
    assert!(CategoryMatrix::new(vec!["a".into(), "a".into()], vec![vec![0.0; 2]; 2]).is_err());
    assert!(CategoryMatrix::new(Vec::new(), Vec::new()).is_err());
}

#[test]
fn validate_rejects_bad_weights() {
    for (alpha, beta, delta) in [(-1.0, 1.0, 1.0), (1.0, f64::NAN, 1.0), (1.0, 1.0, 0.0)] {
        let d = Dissimilarity {
            alpha,
            beta,
            delta_empty: delta,
            ..Dissimilarity::default()
        };
        assert!(d.validate().is_err());
    }
    assert!(Dissimilarity::default().validate().is_ok());
}

#[test]
fn compile_resolves_continuum_categories() {
    let doc = Document {
        id: "d".into(),
        annotators: Vec::new(),
        units: vec![
            Unit {
                annotator: "p".into(),
                start: 0.0,
                end: 4.0,
                category: "b".into(),
            },
            Unit {
                annotator: "q".into(),
                start: 1.0,
                end: 4.0,
                category: "a".into(),
            },
        ],
    };
    let continuum = Continuum::from_document(&doc).unwrap();
    let d = Dissimilarity {
        categorical: CategoryDistance::Matrix(matrix()),
        ..Dissimilarity::default()
    };
    let compiled = d.compile(&continuum).unwrap();
    let p = continuum.units[0][0];
    let q = continuum.units[1][0];
    assert!((compiled.categorical(&p, &q) - 0.4).abs() < 1e-15);
    let expected = d.combined((0.0, 4.0, "b"), (1.0, 4.0, "a")).unwrap();
    assert!((compiled.combined(&p, &q) - expected).abs() < 1e-15);
}

#[test]
fn settings_round_trip_through_json_and_bad_matrices_are_refused() {
    let d = Dissimilarity {
        alpha: 3.0,
        categorical: CategoryDistance::Matrix(matrix()),
        ..Dissimilarity::default()
    };
    let text = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Dissimilarity>(&text).unwrap(), d);
    let defaults: Dissimilarity = serde_json::from_str("{}").unwrap();
    assert_eq!(defaults, Dissimilarity::default());
    let asymmetric = r#"{"categorical": {"Matrix": {"categories": ["a", "b"],
        "distances": [[0, 1], [0.5, 0]]}}}"#;
    assert!(serde_json::from_str::<Dissimilarity>(asymmetric).is_err());
}
