use super::*;

#[test]
fn default_labels_mark_the_sentence_like_ones() {
    let sentence: Vec<String> = default_labels()
        .into_iter()
        .filter(|l| l.kind == LabelKind::Sentence)
        .map(|l| l.name)
        .collect();
    assert_eq!(sentence, ["claim", "opinion", "unverified"]);
}

#[test]
fn kinds_serialise_in_lowercase() -> Result<(), serde_json::Error> {
    assert_eq!(serde_json::to_string(&LabelKind::Sentence)?, "\"sentence\"");
    assert_eq!(LabelKind::Phrase.as_str(), "phrase");
    Ok(())
}

#[test]
fn constructors_keep_their_fields() {
    let doc = Document::new("a.txt", "Hi.");
    assert_eq!((doc.id.as_str(), doc.text.as_str()), ("a.txt", "Hi."));
    let label = Label::new("claim", "d", LabelKind::Sentence);
    assert_eq!(label.name, "claim");
}
