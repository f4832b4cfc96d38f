#![allow(clippy::float_cmp, clippy::single_range_in_vec_init)] // exact figures; one-span sides
use super::*;
use proptest::prelude::*;

/// Krippendorff (2004: p. 254) as DKPro Statistics sets it up: continuum 150..450 (length 300),
/// two coders, categories c and k. Positions are shifted by −150 onto our 0-based continuum.
fn example() -> (Units, Units, Units, Units) {
    let shift = |v: &[(u64, u64)]| v.iter().map(|&(s, l)| (s - 150, l)).collect::<Units>();
    (
        shift(&[(225, 70), (370, 30)]),
        shift(&[(220, 80), (355, 20), (400, 20)]),
        shift(&[(180, 60), (300, 50)]),
        shift(&[(180, 60), (300, 50)]),
    )
}

#[test]
fn krippendorff_2004_worked_example() {
    let (c_a, c_b, k_a, k_b) = example();
    let (do_c, de_c) = (observed(&c_a, &c_b, 300), expected(&c_a, &c_b, 300));
    assert!((do_c - 0.0144).abs() < 0.0001, "{do_c}");
    assert!((de_c - 0.0532).abs() < 0.0001, "{de_c}");
    assert!((alpha(do_c, de_c).unwrap() - 0.7286).abs() < 0.0001);
    let (do_k, de_k) = (observed(&k_a, &k_b, 300), expected(&k_a, &k_b, 300));
    assert!(do_k.abs() < 1e-12);
    assert!((de_k - 0.0490).abs() < 0.0001, "{de_k}");
    let overall = 1.0 - (do_c + do_k) / (de_c + de_k);
    assert!((overall - 0.8587).abs() < 0.0005, "{overall}");
}

#[test]
fn distances_as_dkpro_defines_them() {
    let unit = |start, len| Section {
        start,
        len,
        unit: true,
    };
    let gap = |start, len| Section {
        start,
        len,
        unit: false,
    };
    assert_eq!(distance(unit(225, 70), unit(220, 80)), 50.0);
    assert_eq!(distance(unit(370, 30), unit(355, 20)), 850.0);
    assert_eq!(distance(gap(400, 50), unit(400, 20)), 400.0);
    assert_eq!(distance(unit(5, 6), unit(5, 6)), 0.0);
    assert_eq!(distance(unit(5, 6), unit(4, 2)), 26.0);
}

#[test]
fn merging_overlaps_keeps_touching_apart() {
    assert_eq!(
        merge_overlapping(vec![(5, 5), (0, 6), (10, 2), (20, 0)]),
        vec![(0, 10), (10, 2)]
    );
}

/// DKPro's loop, written the slow obvious way: every pair of sections, overlapping or not.
fn observed_all_pairs(a: &[(u64, u64)], b: &[(u64, u64)], length: u64) -> f64 {
    let (pa, pb) = (partition(a, length), partition(b, length));
    let mut sum = 0.0;
    for x in &pa {
        for y in &pb {
            if x.start < y.start + y.len && y.start < x.start + x.len {
                sum += distance(*x, *y);
            }
        }
    }
    sum / (length as f64 * length as f64)
}

fn expected_all_pairs(a: &[(u64, u64)], b: &[(u64, u64)], length: u64) -> f64 {
    let gaps: Vec<u64> = partition(a, length)
        .into_iter()
        .chain(partition(b, length))
        .filter(|s| !s.unit)
        .map(|s| s.len)
        .collect();
    let units: Vec<u64> = a.iter().chain(b).map(|&(_, l)| l).collect();
    let n = units.len() as f64;
    let mut total = 0.0;
    for &l in &units {
        let lf = l as f64;
        total += (n - 1.0) * (2.0 * lf * lf * lf - 3.0 * lf * lf + lf) / 3.0;
        for &g in &gaps {
            if g >= l {
                total += (g - l + 1) as f64 * lf * lf;
            }
        }
    }
    let squared: f64 = units.iter().map(|&l| l as f64 * (l as f64 - 1.0)).sum();
    let lf = length as f64;
    total * (2.0 / lf) / (2.0 * lf * (2.0 * lf - 1.0) - squared)
}

fn units(length: u64) -> impl Strategy<Value = Units> {
    prop::collection::vec((0..length, 1u64..30), 0..8).prop_map(move |v| {
        merge_overlapping(v.into_iter().map(|(s, l)| (s, l.min(length - s))).collect())
    })
}

proptest! {
    #[test]
    fn sweep_equals_all_pairs(a in units(200), b in units(200)) {
        let fast = observed(&a, &b, 200);
        let slow = observed_all_pairs(&a, &b, 200);
        prop_assert!((fast - slow).abs() < 1e-9, "{} vs {}", fast, slow);
        let fast = expected(&a, &b, 200);
        let slow = expected_all_pairs(&a, &b, 200);
        prop_assert!((fast - slow).abs() < 1e-9 * slow.abs().max(1.0), "{} vs {}", fast, slow);
        if a == b {
            prop_assert!(observed(&a, &b, 200).abs() < 1e-12);
        }
    }
}
