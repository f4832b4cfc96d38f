//! Tests of `result`.
#![allow(clippy::float_cmp)] // exact figures
use super::*;

#[test]
fn ratios_follow_pygamma_edge_cases() {
    assert_eq!(gamma_ratio(0.0, 0.0), 1.0);
    assert!((gamma_ratio(0.5, 2.0) - 0.75).abs() < 1e-15);
    assert_eq!(gamma_cat_ratio(0.0, 0.0), 1.0);
    assert_eq!(gamma_cat_ratio(0.3, 0.0), 0.0);
    assert!((gamma_cat_ratio(0.3, 0.6) - 0.5).abs() < 1e-15);
    assert_eq!(gamma_k_ratio(0.0, 0.0), Some(1.0));
    assert_eq!(gamma_k_ratio(0.3, 0.0), None);
    assert_eq!(gamma_k_ratio(0.2, 0.8), Some(0.75));
    assert_eq!(mean(&[]), 0.0);
}
