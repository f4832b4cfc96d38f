use super::*;

fn char_range(text: &str, needle: &str, nth: usize) -> Range<usize> {
    let b = text.match_indices(needle).nth(nth).expect("present").0;
    let start = text[..b].chars().count();
    start..start + needle.chars().count()
}

#[test]
fn an_unchanged_stretch_is_carried_exactly() {
    let old = "The minister said no to the plan on Monday, officials in the capital confirmed. Later news.";
    let new = "BREAKING. The minister said no to the plan on Monday, officials in the capital confirmed. Later news.";
    let al = Alignment::new(old, new);
    let span = char_range(old, "said no to the plan", 0);
    assert_eq!(
        al.carry(span),
        Carried::To(char_range(new, "said no to the plan", 0))
    );
}

#[test]
fn an_inserted_word_is_an_inserted_word_not_letters_borrowed_from_the_next() {
    // "this time " shares "th" with "the": the edit is put at the word boundary, so the span
    // starting at "the" is carried whole.
    let old = "Reporters asked again on Tuesday, and the minister said no once more, officials confirmed.";
    let new = "Reporters asked again on Tuesday, and this time the minister said no once more, officials confirmed.";
    let al = Alignment::new(old, new);
    let span = char_range(old, "the minister said no", 0);
    assert_eq!(
        al.carry(span),
        Carried::To(char_range(new, "the minister said no", 0))
    );
}

#[test]
fn an_appended_sentence_is_appended_after_the_full_stop() {
    let old = "Alpha one is the first sentence here. Omega two is the final sentence of it.";
    let new = "Alpha one is the first sentence here. Omega two is the final sentence of it. Fin.";
    let al = Alignment::new(old, new);
    let span = char_range(old, "Omega two is the final sentence of it.", 0);
    assert_eq!(al.carry(span.clone()), Carried::To(span));
}

#[test]
fn a_span_with_an_edit_inside_is_changed_inside_with_where_its_ends_went() {
    let old = "Opening words here. The ministry issued a statement on Friday about the border. Closing words there.";
    let new = "Opening words here. The ministry issued a short statement on Friday about the border. Closing words there.";
    let al = Alignment::new(old, new);
    let span = char_range(
        old,
        "The ministry issued a statement on Friday about the border.",
        0,
    );
    let near = char_range(
        new,
        "The ministry issued a short statement on Friday about the border.",
        0,
    );
    assert_eq!(al.carry(span), Carried::ChangedInside { near: Some(near) });
}

#[test]
fn a_deleted_span_is_deleted() {
    let old =
        "Keep this first sentence as it is. Drop me now. Keep this last sentence as it is too.";
    let new = "Keep this first sentence as it is. Keep this last sentence as it is too.";
    let al = Alignment::new(old, new);
    assert_eq!(al.carry(char_range(old, "Drop me", 0)), Carried::Deleted);
}

#[test]
fn a_span_between_two_edits_is_unanchored() {
    let old = "Alpha one. The end. Omega two.";
    let new = "Alpha one. Omega two. Fin.";
    let al = Alignment::new(old, new);
    assert_eq!(
        al.carry(char_range(old, "Omega two.", 0)),
        Carried::Unanchored(char_range(new, "Omega two.", 0))
    );
}

#[test]
fn an_insertion_that_repeats_the_whole_span_makes_it_slide() {
    // "said no " inserted before "said no ": the span could be either copy.
    let old = "The spokesman for the ministry said no to the plan, officials confirmed later.";
    let new =
        "The spokesman for the ministry said no said no to the plan, officials confirmed later.";
    let al = Alignment::new(old, new);
    match al.carry(char_range(old, "said no", 0)) {
        Carried::Slid(_) => {}
        other => panic!("not doubtful: {other:?}"),
    }
}

#[test]
fn a_stretch_that_occurs_twice_is_not_trusted() {
    let part = "the minister said no to the plan and left the room at once";
    let old = format!("{part} one. {part} two. {part} three.");
    let new = format!("{part} ONE. {part} TWO. {part} three.");
    let al = Alignment::new(&old, &new);
    // The middle copy sits in a stretch between two edits that occurs twice in each text.
    let span = char_range(&old, "said no", 1);
    match al.carry(span) {
        Carried::Repeated(to) => assert_eq!(to, char_range(&new, "said no", 1)),
        other => panic!("trusted a repeated stretch: {other:?}"),
    }
}

#[test]
fn long_texts_are_aligned_line_by_line_first() {
    let lines: Vec<String> = (0..20_000)
        .map(|i| format!("line {i} of the article\n"))
        .collect();
    let old = lines.concat();
    let mut edited = lines.clone();
    edited[10_000] = "a line rewritten entirely\n".into();
    edited.insert(3, "an inserted line\n".into());
    let new = edited.concat();
    let al = Alignment::new(&old, &new);
    let span = char_range(&old, "line 15000 of the article", 0);
    assert_eq!(
        al.carry(span),
        Carried::To(char_range(&new, "line 15000 of the article", 0))
    );
    assert!(matches!(
        al.carry(char_range(&old, "line 10000 of the article", 0)),
        Carried::ChangedInside { .. } | Carried::Deleted
    ));
}
