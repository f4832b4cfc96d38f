use super::*;

#[test]
fn hints_are_single_letters_up_to_26_then_the_farthest_take_two() {
    assert_eq!(hints(3), ["a", "s", "d"]);
    assert_eq!(hints(26).len(), 26);
    let forty = hints(40);
    assert_eq!(forty.len(), 40);
    assert!(forty[..25].iter().all(|h| h.chars().count() == 1));
    assert!(forty[25..].iter().all(|h| h.chars().count() == 2));
    // No hint is the start of another: every one can be typed to the end.
    for a in &forty {
        for b in &forty {
            assert!(a == b || !b.starts_with(a.as_str()), "{a} {b}");
        }
    }
    let many = hints(600);
    assert_eq!(many.len(), 600);
    let unique: std::collections::BTreeSet<&String> = many.iter().collect();
    assert_eq!(unique.len(), 600);
}

#[test]
fn a_jump_targets_every_word_of_the_sentence() {
    let doc = Document::from_text(
        "Finland’s Valtonen echoed the sentiment, saying that Russia’s refusal.",
    );
    let starts = word_starts(&doc, 0..doc.char_len());
    let words: Vec<String> = starts
        .iter()
        .map(|&s| doc.slice(s, s + 3).to_owned())
        .collect();
    assert_eq!(
        words,
        [
            "Fin", "Val", "ech", "the", "sen", "say", "tha", "Rus", "ref"
        ]
    );
    let mut jump = Jump::over(&doc, 0..doc.char_len());
    jump.typed.push('k');
    assert_eq!(jump.reached(), Some(starts[7]), "the eighth word has k");
    jump.typed = "z".into();
    assert!(!jump.is_live(), "no hint starts with z here");
}
