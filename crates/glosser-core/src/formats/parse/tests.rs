use super::*;

#[test]
fn annotator_names_from_emails_and_ids() {
    assert_eq!(
        annotator_name("Hakan@heartex.com").as_deref(),
        Some("hakan")
    );
    assert_eq!(
        annotator_name("ner_news-Alice").as_deref(),
        Some("ner_news-alice")
    );
    assert_eq!(annotator_name("Jo Smith").as_deref(), Some("jo-smith"));
    assert_eq!(annotator_name("@x.org"), None);
    assert_eq!(annotator_name("ÉÉ"), None);
}
