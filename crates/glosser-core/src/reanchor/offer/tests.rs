use super::*;

fn saved(doc: &Document, needle: &str) -> Span {
    let b = doc.text().find(needle).expect("present");
    let start = doc.byte_to_char(b).expect("boundary");
    let mut span = Span::new(doc, start..start + needle.chars().count(), "claim");
    span.set_context(doc);
    span
}

fn at(doc: &Document, needle: &str) -> Range<usize> {
    let b = doc.text().find(needle).expect("present");
    let start = doc.byte_to_char(b).expect("boundary");
    start..start + needle.chars().count()
}

#[test]
fn other_capitals_are_offered_where_the_context_agrees() {
    let old = Document::from_text(
        "Officials in Moscow met the envoys. Russia rejected the plan on Friday. Russia alike.",
    );
    let span = saved(&old, "Russia rejected");
    let new = Document::from_text(
        "Officials in Moscow met the envoys. RUSSIA REJECTED the plan on Friday. Russia alike.",
    );
    assert_eq!(offer(&span, &new), Some(at(&new, "RUSSIA REJECTED")));
}

#[test]
fn a_sentence_edited_inside_is_offered_between_its_context() {
    let old = Document::from_text(
        "The ministry spoke on Monday about the border. The ministry spoke on Friday about the border. Then came more news of the day.",
    );
    let span = saved(&old, "The ministry spoke on Friday about the border.");
    let new = Document::from_text(
        "The ministry spoke on Monday about the border. The ministry spoke briefly on Friday about the border. Then came more news of the day.",
    );
    assert_eq!(
        offer(&span, &new),
        Some(at(
            &new,
            "The ministry spoke briefly on Friday about the border."
        ))
    );
}

#[test]
fn words_whose_context_agrees_nowhere_are_not_offered() {
    let old = Document::from_text(
        "Officials in Moscow met the envoys. Russia rejected the plan on Friday. The talks were about Ukraine and Russia alike.",
    );
    let span = saved(&old, "Russia rejected");
    let new = Document::from_text("Something else entirely. Russia rejected the idea of it all.");
    assert_eq!(offer(&span, &new), None);
}
