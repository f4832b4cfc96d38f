//! tagtog documentation examples: a `formatted` text with paragraph parts and a `verbatim`
//! one, read with and without an annotations legend.

use crate::tagtog;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/tagtog/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn formatted_paragraph_parts() {
    let corpus = tagtog::read(
        &fixture("formatted.ann.json"),
        &fixture("formatted.txt"),
        None,
    )
    .unwrap();
    let document = &corpus.documents[0];
    let spans: Vec<(String, &str, Option<&str>)> = document
        .spans
        .iter()
        .map(|s| {
            (
                document.covered_text(s).unwrap(),
                s.label.as_str(),
                s.annotator.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("Leonardo DiCaprio".to_owned(), "e_1", Some("asereje")),
            ("Cielo Drive".to_owned(), "e_2", Some("asereje"))
        ]
    );
    assert_eq!((document.spans[1].start, document.spans[1].end), (115, 126));
    assert!(document.skipped.is_empty(), "{:?}", document.skipped);
    assert_eq!(
        corpus.skipped[0].reason,
        "no annotations legend: labels are tagtog class ids (e_1, …)"
    );
}

#[test]
fn verbatim_part_with_a_legend() {
    let legend = tagtog::parse_legend(r#"{"e_1": "Greeting target"}"#).unwrap();
    let corpus = tagtog::read(
        &fixture("hellotag.ann.json"),
        &fixture("hellotag.txt"),
        Some(&legend),
    )
    .unwrap();
    let document = &corpus.documents[0];
    assert_eq!((document.spans[0].start, document.spans[0].end), (6, 9));
    assert_eq!(document.spans[0].label, "Greeting target");
    assert_eq!(corpus.labels, ["Greeting target"]);
    assert!(corpus.skipped.is_empty());
}

#[test]
fn the_wrong_text_is_reported_not_guessed() {
    let corpus = tagtog::read(
        &fixture("formatted.ann.json"),
        "Another text entirely.",
        None,
    )
    .unwrap();
    let document = &corpus.documents[0];
    assert!(document.spans.is_empty());
    assert_eq!(document.skipped.len(), 2);
    assert_eq!(
        document.skipped[0].reason,
        "offset 32 is past the end of the text (22): not read"
    );
    assert!(document.skipped[1].reason.contains("part \"s1p2\""));
    let changed = fixture("formatted.txt").replace("DiCaprio", "DiCaprix");
    let corpus = tagtog::read(&fixture("formatted.ann.json"), &changed, None).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.spans.len(), 1);
    assert!(document.skipped[0].reason.starts_with("the annotation's text \"Leonardo DiCaprio\" is not at its offsets (found \"Leonardo DiCaprix\""));
}
