use super::*;

#[test]
fn possessive_is_split_like_spacy() {
    let doc = Document::from_text("Putin’s aide, U.S. talks, U.S.-Russia, Kremlin-backed won’t");
    let texts: Vec<String> = words(&doc).into_iter().map(|w| w.text).collect();
    assert_eq!(
        texts,
        [
            "Putin",
            "’s",
            "aide",
            ",",
            "U.S.",
            "talks",
            ",",
            "U.S.-Russia",
            ",",
            "Kremlin",
            "-",
            "backed",
            "wo",
            "n’t"
        ]
    );
}

#[test]
fn whitespace_other_than_one_space_is_a_token() {
    let doc = Document::from_text("Vladimir\nPutin  said");
    let w = words(&doc);
    let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts, ["Vladimir", "\n", "Putin", " ", "said"]);
    assert!(find_phrase(&w, &phrase_words("Vladimir Putin")).is_empty());
}

#[test]
fn phrases_match_on_token_boundaries_only() {
    let doc = Document::from_text("Putin met Putinists and Vladimir Putin.");
    let w = words(&doc);
    let found = find_phrase(&w, &phrase_words("Putin"));
    let spans: Vec<(usize, usize)> = found
        .iter()
        .map(|&(a, b)| (w[a].start, w[b - 1].end))
        .collect();
    assert_eq!(spans, [(0, 5), (33, 38)]);
}
