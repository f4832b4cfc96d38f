use super::super::{
    quotation_at_or_after, quotation_inside_at_or_after, quotations_of_line, sentences_of_paragraph,
};
use super::*;

fn doc(s: &str) -> Document {
    Document::from_text(s)
}

const TEXT: &str =
    "The U.S. said 1,000 troops—at 10:30—would go; “we will,” he said. Next.\nSecond line.";

fn at(needle: &str) -> usize {
    TEXT[..TEXT.find(needle).unwrap()].chars().count()
}

#[test]
fn clause_marks_leave_abbreviations_numbers_and_times_alone() {
    assert!(is_clause_mark(',', Some(' ')));
    assert!(!is_clause_mark(',', Some('0')));
    assert!(!is_clause_mark('.', Some('S')));
    assert!(is_clause_mark('.', None));
    assert!(!is_clause_mark(':', Some('3')));
    assert!(is_clause_mark('—', Some('a')));
    assert!(!is_clause_mark('’', Some('s')));
    assert!(!is_clause_mark('-', Some('G')));
}

#[test]
fn to_the_punctuation_forwards_and_backwards_within_the_paragraph() {
    let d = doc(TEXT);
    assert_eq!(punctuation_after(&d, 0), at(". said"), "U.S stays whole");
    assert_eq!(punctuation_after(&d, at("1,000")), at("—at"));
    assert_eq!(punctuation_after(&d, at("would")), at("; “we"));
    assert_eq!(
        punctuation_after(&d, at("; “we")),
        at("“we"),
        "not its own mark"
    );
    assert_eq!(punctuation_after(&d, at("Next")), at(".\nSecond"));
    assert_eq!(
        punctuation_after(&d, at("Second")),
        TEXT.chars().count() - 1,
        "the period ending it"
    );
    let bare = doc("no mark here\nNext line.");
    assert_eq!(punctuation_after(&bare, 0), 12, "else the paragraph's end");
    assert_eq!(
        punctuation_before(&d, at("would")),
        at("would"),
        "after —, right at it"
    );
    assert_eq!(punctuation_before(&d, at("go;")), at("would"));
    assert_eq!(
        punctuation_before(&d, at("troops")),
        at("said 1,000"),
        "a dot before a blank counts, even U.S.'s last one"
    );
    assert_eq!(
        punctuation_before(&bare, 5),
        0,
        "else the paragraph's start"
    );
    assert_eq!(
        punctuation_before(&d, at("line")),
        at("Second"),
        "never across a line"
    );
}

#[test]
fn big_words_are_runs_of_non_blanks() {
    let d = doc(TEXT);
    assert_eq!(next_big_word_start(&d, 0), at("U.S."));
    assert_eq!(
        next_big_word_start(&d, at("1,000")),
        at("troops—at"),
        "1,000 is one WORD"
    );
    assert_eq!(prev_big_word_start(&d, at("troops")), at("1,000"));
    assert_eq!(
        prev_big_word_start(&d, at("roops")),
        at("troops"),
        "inside: its start"
    );
    assert_eq!(prev_big_word_start(&d, 0), 0);
    assert_eq!(next_big_word_start(&d, at("line.")), TEXT.chars().count());
}

#[test]
fn quotations_and_sentences_of_a_paragraph_and_the_quotation_ahead() {
    let d = doc(TEXT);
    let quote = at("“we")..at(" he said");
    assert_eq!(quotations_of_line(&d, 0), std::slice::from_ref(&quote));
    assert_eq!(
        quotation_at_or_after(&d, 0),
        Some(quote.clone()),
        "looks ahead"
    );
    assert_eq!(
        quotation_inside_at_or_after(&d, 0),
        Some(at("we will")..at("” he")),
        "everything between the marks, the comma too"
    );
    assert_eq!(quotation_at_or_after(&d, at("Next")), None, "not behind");
    let sentences: Vec<&str> = sentences_of_paragraph(&d, 0)
        .into_iter()
        .map(|r| d.slice(r.start, r.end))
        .collect();
    assert_eq!(sentences.last(), Some(&"Next."));
}
