//! Tests of `simplex`.
use super::*;

#[test]
fn finds_the_integral_optimum_and_its_duals() {
    // Units 0,1,2: singletons cost 1, {0,1} costs 0.2, {1,2} costs 0.5, {0,1,2} costs 1.9.
    let members = vec![
        vec![0],
        vec![1],
        vec![2],
        vec![0, 1],
        vec![1, 2],
        vec![0, 1, 2],
    ];
    let costs = vec![1.0, 1.0, 1.0, 0.2, 0.5, 1.9];
    let tuples = Tuples {
        members: &members,
        costs: &costs,
    };
    let lp = solve(3, &tuples, &[0, 1, 2], 100);
    assert!(lp.optimal);
    let mut chosen = lp.integral.unwrap();
    chosen.sort_unstable();
    assert_eq!(chosen, vec![2, 3]);
    let bound: f64 = lp.duals.iter().sum();
    assert!((bound - 1.2).abs() < 1e-9);
    for (t, m) in members.iter().enumerate() {
        let reduced = costs[t] - m.iter().map(|&u| lp.duals[u]).sum::<f64>();
        assert!(reduced > -1e-9);
    }
}

#[test]
fn reports_a_fractional_optimum() {
    // Odd cycle of pairs: the LP takes every pair at 1/2.
    let members = vec![
        vec![0],
        vec![1],
        vec![2],
        vec![0, 1],
        vec![1, 2],
        vec![0, 2],
    ];
    let costs = vec![1.0, 1.0, 1.0, 0.1, 0.1, 0.1];
    let tuples = Tuples {
        members: &members,
        costs: &costs,
    };
    let lp = solve(3, &tuples, &[0, 1, 2], 100);
    assert!(lp.optimal);
    assert!(lp.integral.is_none());
    assert!((lp.duals.iter().sum::<f64>() - 0.15).abs() < 1e-9);
}

#[test]
fn refactoring_matches_the_updated_inverse() {
    let members = vec![vec![0], vec![1], vec![0, 1]];
    let costs = vec![1.0, 1.0, 0.5];
    let tuples = Tuples {
        members: &members,
        costs: &costs,
    };
    let inverse = invert(2, &[2, 1], &tuples).unwrap();
    // B = [[1,0],[1,1]] (rows: units), B⁻¹ = [[1,0],[-1,1]].
    assert_eq!(inverse, vec![1.0, 0.0, -1.0, 1.0]);
    assert!(invert(2, &[2, 2], &tuples).is_none());
}
