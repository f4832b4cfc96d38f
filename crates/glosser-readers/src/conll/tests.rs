mod fixtures;

use super::*;

#[test]
fn columns_split_at_tabs_or_whitespace() {
    assert_eq!(
        columns("New York\tNNP\tB-LOC"),
        ["New York", "NNP", "B-LOC"]
    );
    assert_eq!(columns("EU  NNP   B-ORG"), ["EU", "NNP", "B-ORG"]);
}

#[test]
fn comments_are_told_from_hash_tokens() {
    assert!(is_comment("# text = Ada left."));
    assert!(is_comment("# document = a.txt"));
    assert!(is_comment("#"));
    assert!(is_comment("# a free comment"));
    assert!(!is_comment("# O"));
    assert!(!is_comment("#\tSYM\tB-TAG"));
    assert!(!is_comment("Ada B-PER"));
}

#[test]
fn placeholder_columns_are_not_reported() {
    let placeholders = read(
        "-DOCSTART- -X- O O\n\nAda -X- O B-PER\nleft -X- _ O\n",
        &ReadOptions::default(),
    )
    .unwrap();
    assert!(
        placeholders
            .skipped
            .iter()
            .all(|s| !s.what.contains("column")),
        "{:?}",
        placeholders.skipped
    );
    let pos = read("Ada NNP B-PER\nleft VBD O\n", &ReadOptions::default()).unwrap();
    assert!(
        pos.skipped.iter().any(|s| s.what == "1 other column"),
        "{:?}",
        pos.skipped
    );
}
