//! Tests of `ac1`.
#![allow(clippy::float_cmp)] // exact figures
use super::*;

/// Gwet's 4 raters × 12 subjects example (irrCAC's `raw_4raters`).
fn gwet_example() -> Vec<Vec<Option<&'static str>>> {
    let rows: [[&str; 4]; 12] = [
        ["1", "1", "", "1"],
        ["2", "2", "3", "2"],
        ["3", "3", "3", "3"],
        ["3", "3", "3", "3"],
        ["2", "2", "2", "2"],
        ["1", "2", "3", "4"],
        ["4", "4", "4", "4"],
        ["1", "1", "2", "1"],
        ["2", "2", "2", "2"],
        ["", "5", "5", "5"],
        ["", "", "1", "1"],
        ["", "", "3", ""],
    ];
    rows.iter()
        .map(|row| row.iter().map(|r| (!r.is_empty()).then_some(*r)).collect())
        .collect()
}

#[test]
fn matches_gwet_published_example() {
    let result = gwet_ac1(&gwet_example(), None).unwrap();
    let round5 = |x: f64| (x * 1e5).round() / 1e5;
    assert_eq!(round5(result.ac1), 0.77544);
    assert_eq!(round5(result.percent_agreement), 0.81818);
    assert_eq!(round5(result.chance_agreement), 0.19032);
    assert_eq!(round5(result.standard_error.unwrap()), 0.14295);
    assert_eq!(
        (result.items, result.pairable_items, result.categories),
        (12, 11, 5)
    );
}

#[test]
fn declared_unused_categories_change_chance() {
    let data = gwet_example();
    let declared = ["1", "2", "3", "4", "5", "6"];
    let more = gwet_ac1(&data, Some(&declared[..])).unwrap();
    assert_eq!(more.categories, 6);
    let fewer = gwet_ac1(&data, None).unwrap();
    assert!(more.chance_agreement < fewer.chance_agreement);
    assert!(matches!(
        gwet_ac1(&data, Some(&["1", "2"][..])),
        Err(Ac1Error::UnknownCategory { item: 1, .. })
    ));
    assert!(matches!(
        gwet_ac1(&data, Some(&["1", "1", "2", "3", "4", "5"][..])),
        Err(Ac1Error::DuplicateCategory { .. })
    ));
}

#[test]
fn edge_cases() {
    let unpaired = vec![vec![Some("a"), None], vec![None, Some("b")]];
    assert_eq!(gwet_ac1(&unpaired, None), Err(Ac1Error::NoPairableItem));
    let single = vec![vec![Some("a"), Some("a")], vec![Some("a"), None]];
    let result = gwet_ac1(&single, None).unwrap();
    assert_eq!(result.ac1, 1.0);
    assert_eq!(result.standard_error, None);
    let perfect = vec![vec![Some("a"), Some("a")], vec![Some("b"), Some("b")]];
    let result = gwet_ac1(&perfect, None).unwrap();
    assert_eq!(result.ac1, 1.0);
    assert_eq!(result.percent_agreement, 1.0);
    let empty_rows = vec![vec![None, None], vec![Some("a"), Some("b")]];
    assert_eq!(gwet_ac1(&empty_rows, None).unwrap().items, 1);
}
