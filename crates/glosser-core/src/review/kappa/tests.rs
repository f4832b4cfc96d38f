#![allow(clippy::float_cmp, clippy::single_range_in_vec_init)] // exact figures; one-span sides
use super::*;

#[test]
fn counts_skip_whitespace_and_merge_overlaps() {
    let text = "ab cd\nef";
    let counts = KappaCounts::of(text, &[0..5, 1..2], &[3..8]);
    // non-whitespace chars: a b c d e f; A covers a b c d; B covers c d e f
    assert_eq!(
        counts,
        KappaCounts {
            both: 2,
            only_a: 2,
            only_b: 2,
            neither: 0
        }
    );
}

#[test]
fn undefined_when_chance_agreement_is_certain() {
    let all = KappaCounts {
        both: 10,
        only_a: 0,
        only_b: 0,
        neither: 0,
    };
    assert_eq!(all.kappa(), None);
    let none = KappaCounts {
        both: 0,
        only_a: 0,
        only_b: 0,
        neither: 10,
    };
    assert_eq!(none.kappa(), None);
    assert_eq!(KappaCounts::default().kappa(), None);
}

#[test]
fn perfect_and_chance_agreement() {
    let perfect = KappaCounts {
        both: 4,
        only_a: 0,
        only_b: 0,
        neither: 6,
    };
    assert!((perfect.kappa().unwrap() - 1.0).abs() < 1e-12);
    let chance = KappaCounts {
        both: 25,
        only_a: 25,
        only_b: 25,
        neither: 25,
    };
    assert!(chance.kappa().unwrap().abs() < 1e-12);
}

/// Cases whose κ scikit-learn computed (tests/fixtures/review/kappa_sklearn.py).
#[test]
fn matches_scikit_learn() {
    let cases: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../../tests/fixtures/review/kappa_cases.json"
    ))
    .unwrap();
    let ranges = |v: &serde_json::Value| -> Vec<Range<usize>> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize)
            .collect()
    };
    let cases = cases.as_array().unwrap();
    assert_eq!(cases.len(), 10);
    for case in cases {
        let counts = KappaCounts::of(
            case["text"].as_str().unwrap(),
            &ranges(&case["a"]),
            &ranges(&case["b"]),
        );
        match case["kappa"].as_f64() {
            Some(expected) => {
                let got = counts.kappa().unwrap();
                assert!(
                    (got - expected).abs() < 1e-9,
                    "{got} != {expected} for {case}"
                );
            }
            None => assert_eq!(counts.kappa(), None, "{case}"),
        }
    }
}

/// Gwet's AC1 from the 2×2 table equals glosser-gamma's `gwet_ac1` (checked against irrCAC)
/// over the same characters rated 0/1 by two raters.
#[test]
fn ac1_matches_the_reference_implementation() {
    let tables = [
        (10, 2, 3, 85),
        (1, 4, 6, 989),
        (0, 3, 2, 95),
        (50, 0, 0, 50),
        (7, 7, 0, 0),
    ];
    for (both, only_a, only_b, neither) in tables {
        let counts = KappaCounts {
            both,
            only_a,
            only_b,
            neither,
        };
        let mut ratings: Vec<Vec<Option<&str>>> = Vec::new();
        for (n, a, b) in [
            (both, "1", "1"),
            (only_a, "1", "0"),
            (only_b, "0", "1"),
            (neither, "0", "0"),
        ] {
            for _ in 0..n {
                ratings.push(vec![Some(a), Some(b)]);
            }
        }
        let reference = glosser_gamma::gwet_ac1(&ratings, Some(&["0", "1"][..])).unwrap();
        let ac1 = counts.ac1().unwrap();
        assert!(
            (ac1 - reference.ac1).abs() < 1e-12,
            "{counts:?}: {ac1} vs {}",
            reference.ac1
        );
    }
    assert_eq!(KappaCounts::default().ac1(), None);
}

#[test]
fn prevalence_is_the_mean_marked_share() {
    let counts = KappaCounts {
        both: 1,
        only_a: 1,
        only_b: 3,
        neither: 5,
    };
    assert!((counts.prevalence().unwrap() - 0.3).abs() < 1e-12);
    // A rare label: high observed agreement, κ pulled down, AC1 not.
    let rare = KappaCounts {
        both: 1,
        only_a: 4,
        only_b: 6,
        neither: 989,
    };
    assert!(rare.kappa().unwrap() < 0.2);
    assert!(rare.ac1().unwrap() > 0.98);
}
