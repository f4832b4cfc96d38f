//! Tests of `bound`.
use super::*;

#[test]
fn prices_are_feasible_and_reach_the_optimum_of_an_integral_case() {
    // Units 0,1,2; pair {0,1} costs 0.2, singletons 1, pair {1,2} costs 1.5.
    let members = vec![vec![0], vec![1], vec![2], vec![0, 1], vec![1, 2]];
    let costs = vec![1.0, 1.0, 1.0, 0.2, 1.5];
    let tuples = Tuples {
        members: &members,
        costs: &costs,
    };
    let prices = prices(3, &tuples, 1.2, 200);
    for t in 0..members.len() {
        assert!(tuples.reduced(t, &prices) >= -1e-9, "tuple {t} violated");
    }
    let bound: f64 = prices.iter().sum();
    assert!(bound <= 1.2 + 1e-9);
    assert!(bound >= 1.2 - 1e-6, "bound {bound}");
}

#[test]
fn feasible_spreads_excess() {
    let members = vec![vec![0, 1]];
    let costs = vec![1.0];
    let tuples = Tuples {
        members: &members,
        costs: &costs,
    };
    let repaired = feasible(&[1.0, 1.0], &tuples);
    assert_eq!(repaired, vec![0.5, 0.5]);
}
