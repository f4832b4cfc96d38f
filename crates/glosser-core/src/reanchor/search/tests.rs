use super::*;

fn saved(doc: &Document, needle: &str, nth: usize) -> Span {
    let b = doc
        .text()
        .match_indices(needle)
        .nth(nth)
        .expect("present")
        .0;
    let start = doc.byte_to_char(b).expect("boundary");
    let mut span = Span::new(doc, start..start + needle.chars().count(), "claim");
    span.set_context(doc);
    span
}

fn char_at(doc: &Document, needle: &str, nth: usize) -> usize {
    let b = doc
        .text()
        .match_indices(needle)
        .nth(nth)
        .expect("present")
        .0;
    doc.byte_to_char(b).expect("boundary")
}

#[test]
fn the_occurrence_with_its_context_wins_wherever_it_is() {
    let old = Document::from_text(
        "A long opening sentence that sets the scene. Russia said no. Middle part that goes on and on. Russia said yes, in the end.",
    );
    let span = saved(&old, "Russia", 1);
    let new = Document::from_text(format!("{} {}", "Lead text. ".repeat(10_000), old.text()));
    assert_eq!(
        find(&span, &new),
        Verdict::Clear {
            start: char_at(&new, "Russia", 1),
            how: How::Exact
        }
    );
}

#[test]
fn words_whose_context_agrees_nowhere_are_not_placed() {
    let old = Document::from_text(
        "Officials in Moscow met the envoys. Russia rejected the plan on Friday. The talks were about Ukraine and Russia alike.",
    );
    let span = saved(&old, "Russia", 0);
    let new = Document::from_text(
        "Officials in Moscow met the envoys. The talks were about Ukraine and Russia alike.",
    );
    assert_eq!(find(&span, &new), Verdict::NoContext);
    let gone = Document::from_text("Officials in Moscow met the envoys. Nothing else.");
    assert_eq!(find(&span, &gone), Verdict::NotFound);
}

#[test]
fn two_places_that_fit_as_well_are_a_tie() {
    let old = Document::from_text(
        "intro. x said the minister again and again today. y said the minister again and again today. end",
    );
    let span = saved(&old, "the minister", 1);
    // Both now share the span's suffix and neither its prefix.
    let new = Document::from_text(
        "intro. z said the minister again and again today. z said the minister again and again today. end",
    );
    match find(&span, &new) {
        Verdict::Unsure {
            why: Unsure::Tie { places: 2 },
            ..
        } => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_span_without_saved_context_is_only_ever_a_guess() {
    let doc = Document::from_text("No. Yes. No.");
    let span = Span::new(&doc, 9..12, "claim");
    let new = Document::from_text("Lead. No. Yes. No.");
    assert_eq!(
        find(&span, &new),
        Verdict::Unsure {
            start: 6,
            why: Unsure::NoContext
        }
    );
}

#[test]
fn context_at_the_edge_of_the_text_must_still_be_at_the_edge() {
    let old = Document::from_text("Yes. Then more text follows here for a while.");
    let span = saved(&old, "Yes.", 0);
    // The saved prefix is "": the text started there. Elsewhere it is not a fit.
    let new = Document::from_text("Intro. Yes. Then more words.");
    assert_eq!(find(&span, &new), Verdict::NoContext);
}

#[test]
fn occurrences_overlap() {
    let doc = Document::from_text("aaaa");
    assert_eq!(occurrences(&doc, "aa").collect::<Vec<_>>(), [0, 1, 2]);
}
