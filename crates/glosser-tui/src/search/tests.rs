#![allow(clippy::single_range_in_vec_init)]

use super::*;
use proptest::prelude::*;

/// The search over the whole text at once, char by char: the reference the slices must equal.
fn reference(text: &str, query: &str) -> Vec<Range<usize>> {
    reference_words(text, query, false)
}

/// [`reference`], whole words only when `whole`.
fn reference_words(text: &str, query: &str, whole: bool) -> Vec<Range<usize>> {
    let fold = !query.chars().any(char::is_uppercase);
    let needle: Vec<char> = if fold {
        query
            .chars()
            .map(fold_punctuation)
            .flat_map(char::to_lowercase)
            .collect()
    } else {
        query.chars().map(fold_punctuation).collect()
    };
    let hay: Vec<char> = text.chars().collect();
    let same = |a: char, b: char| {
        let a = fold_punctuation(a);
        if fold {
            a.to_lowercase().eq(std::iter::once(b))
        } else {
            a == b
        }
    };
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let edges = !whole
            || (!word(i.checked_sub(1).and_then(|j| hay.get(j)))
                && !word(hay.get(i + needle.len())));
        if edges
            && hay[i..i + needle.len()]
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
    sliced_words(text, query, false, budget)
}

fn sliced_words(text: &str, query: &str, whole: bool, budget: usize) -> Vec<Range<usize>> {
    let mut scan = Scan::with_words(query, whole, 0, 1).unwrap();
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
fn typed_punctuation_finds_the_typographic_one_and_whole_words_keep_to_words() {
    let text = "Putin’s “positive,” — itself—stretching\u{a0}on supposed pos";
    assert_eq!(sliced(text, "putin's", 7), [0..7]);
    assert_eq!(sliced(text, "\"positive,\"", 3), [8..19]);
    assert_eq!(sliced(text, "itself-", 3), [22..29]);
    assert_eq!(sliced(text, "stretching on", 3), [29..42]);
    assert_eq!(sliced(text, "pos", 2).len(), 3);
    assert_eq!(sliced_words(text, "pos", true, 2), [52..55]);
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
    fn typographic_and_whole_word_search_in_slices_equals_the_reference(
        text in "[-aAb’'“\"— \u{a0}\n]{0,60}",
        query in "[-aAb'\" ]{1,3}",
        whole in any::<bool>(),
        budget in 1usize..20,
    ) {
        prop_assert_eq!(
            sliced_words(&text, &query, whole, budget),
            reference_words(&text, &query, whole)
        );
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
