use super::*;

#[test]
fn labels_are_declared_ones_then_used_ones() {
    let mut document = Document::new("ab");
    for label in ["LOC", "PER", "", "LOC"] {
        document.spans.push(Span {
            label: label.into(),
            ..Span::default()
        });
    }
    let corpus = Corpus {
        documents: vec![document],
        ..Corpus::default()
    }
    .with_labels(["PER".to_owned(), "ORG".to_owned()]);
    assert_eq!(corpus.labels, ["PER", "ORG", "LOC"]);
}
