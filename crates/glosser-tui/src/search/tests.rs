#![allow(clippy::single_range_in_vec_init)]

use super::*;
use proptest::prelude::*;

/// The search as it was, over the whole text at once: the reference the slices must equal.
fn reference(text: &str, query: &str) -> Vec<Range<usize>> {
    let fold = !query.chars().any(char::is_uppercase);
    let needle: Vec<char> = if fold {
        query.chars().flat_map(char::to_lowercase).collect()
    } else {
        query.chars().collect()
    };
    let hay: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| {
        if fold {
            a.to_lowercase().eq(std::iter::once(b))
        } else {
            a == b
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|(&a, &b)| same(a, b))
        {
            out.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

fn sliced(text: &str, query: &str, budget: usize) -> Vec<Range<usize>> {
    let mut scan = Scan::new(query, 0, 1).unwrap();
    let mut out = Vec::new();
    let mut steps = 0;
    while !scan.step(text, budget, &mut out) {
        steps += 1;
        assert!(steps <= text.chars().count() + 1, "the scan must progress");
    }
    out
}

#[test]
fn finds_case_folded_and_exact_matches() {
    assert_eq!(sliced("Eve sees evE", "eve", 100), [0..3, 9..12]);
    assert_eq!(sliced("Eve sees evE", "Eve", 100), [0..3]);
    assert_eq!(sliced("aaaa", "aa", 1), [0..2, 2..4]);
    assert_eq!(sliced("é😀é", "😀é", 1), [1..3]);
    assert!(sliced("abc", "abcd", 2).is_empty());
    assert!(Scan::new("", 0, 1).is_none());
}

#[test]
fn a_budget_stops_the_scan_and_the_next_step_resumes() {
    let text = "x e ".repeat(1000);
    let mut scan = Scan::new("e", 0, 1).unwrap();
    let mut out = Vec::new();
    assert!(!scan.step(&text, 10, &mut out));
    assert_eq!(scan.position(), 10);
    assert_eq!(out, [2..3, 6..7]);
    assert!(scan.step(&text, usize::MAX, &mut out));
    assert_eq!(out.len(), 1000);
}

#[test]
fn matches_in_a_row_by_binary_search() {
    let matches = [0..2, 4..6, 10..15, 20..21];
    assert_eq!(matches_in(&matches, 0..1), [0..2]);
    assert_eq!(matches_in(&matches, 2..4), [] as [Range<usize>; 0]);
    assert_eq!(matches_in(&matches, 5..12), [4..6, 10..15]);
    assert_eq!(matches_in(&matches, 14..100), [10..15, 20..21]);
    assert_eq!(matches_in(&matches, 21..30), [] as [Range<usize>; 0]);
    assert_eq!(matches_in(&[], 0..10), [] as [Range<usize>; 0]);
}

proptest! {
    #[test]
    fn sliced_search_equals_the_whole_text_search(
        text in "[aAbé😀 \n]{0,60}",
        query in "[aAbé😀]{1,3}",
        budget in 1usize..20,
    ) {
        prop_assert_eq!(sliced(&text, &query, budget), reference(&text, &query));
    }

    #[test]
    fn matches_in_equals_a_linear_filter(
        text in "[ab ]{0,80}",
        query in "[ab]{1,2}",
        start in 0usize..90,
        len in 0usize..30,
    ) {
        let matches = reference(&text, &query);
        let range = start..start + len;
        let linear: Vec<Range<usize>> = matches
            .iter()
            .filter(|m| m.start < range.end && range.start < m.end)
            .cloned()
            .collect();
        prop_assert_eq!(matches_in(&matches, range).to_vec(), linear);
    }
}
