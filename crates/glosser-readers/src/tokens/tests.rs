use super::*;
use proptest::prelude::*;

#[test]
fn join_spaces_tokens_and_breaks_sentences() {
    let (text, ranges) = join(&[vec!["Ada", "😀"], vec!["Bob"]]);
    assert_eq!(text, "Ada 😀\nBob");
    assert_eq!(ranges, [vec![(0, 3), (4, 5)], vec![(6, 9)]]);
    let (text, ranges) = join::<Vec<&str>, &str>(&[]);
    assert_eq!((text.as_str(), ranges.len()), ("", 0));
}

#[test]
fn align_finds_tokens_across_whitespace_only() {
    let text = "  Uber’s\tcar\n\n“ok”";
    assert_eq!(
        align(text, 0, &["Uber", "’s", "car", "“", "ok", "”"]),
        Some(vec![(2, 6), (6, 8), (9, 12), (14, 15), (15, 17), (17, 18)])
    );
    assert_eq!(align(text, 0, &["Uber", "car"]), None);
    assert_eq!(align(text, 0, &["Uber’s", "bus"]), None);
    assert_eq!(align(text, 9, &["car"]), Some(vec![(9, 12)]));
    assert_eq!(align(text, 0, &[""]), None);
    assert_eq!(
        align("a\nb", 0, &["a", "\n", "b"]),
        Some(vec![(0, 1), (1, 2), (2, 3)])
    );
}

proptest! {
    #[test]
    fn joined_tokens_align_where_join_put_them(
        sentences in proptest::collection::vec(proptest::collection::vec("[^\\s]{1,5}", 1..5), 0..4)
    ) {
        let (text, ranges) = join(&sentences);
        let tokens: Vec<&String> = sentences.iter().flatten().collect();
        let found = align(&text, 0, &tokens).unwrap();
        prop_assert_eq!(found, ranges.concat());
    }
}
