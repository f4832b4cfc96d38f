//! Tests of `solve`.
use super::*;

#[test]
fn splits_into_components() {
    let members = vec![vec![0], vec![1], vec![2], vec![3], vec![0, 2]];
    let parts = components(4, &members);
    assert_eq!(
        parts,
        vec![
            (vec![0, 2], vec![0, 2, 4]),
            (vec![1], vec![1]),
            (vec![3], vec![3])
        ]
    );
}

#[test]
fn solves_each_component_and_sums_nothing_approximate() {
    // {0,1} pairs cheaply; {2,3} an odd-free fractional-free pair; 4 alone.
    let members = vec![
        vec![0],
        vec![1],
        vec![2],
        vec![3],
        vec![4],
        vec![0, 1],
        vec![2, 3],
    ];
    let costs = vec![1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 2.5];
    let tuples = Tuples {
        members: &members,
        costs: &costs,
    };
    let mut solved = solve(5, &tuples, &[0, 1, 2, 3, 4], 8, 1000);
    solved.tuples.sort_unstable();
    assert_eq!(solved.tuples, vec![2, 3, 4, 5]);
    assert_eq!(solved.lower_bound, None);
    assert_eq!(solved.components, 3);
}

#[test]
fn fractional_lp_falls_back_to_the_exact_search() {
    // Odd cycle of cheap pairs: LP is fractional (3 × 0.5 pairs); the best partition is one
    // pair and one singleton.
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
    let solved = solve(3, &tuples, &[0, 1, 2], 8, 1000);
    let total: f64 = solved.tuples.iter().map(|&t| costs[t]).sum();
    assert!((total - 1.1).abs() < 1e-12);
    assert_eq!(solved.by_lp, 0);
    assert!(is_partition(3, &tuples, &solved.tuples));
}
