use super::*;

#[test]
fn texts_in_memory_are_asked_first_then_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    let kept = Document::from_text("kept in the store");
    TextStore::for_corpus(dir.path()).keep(&kept).expect("kept");
    let in_memory = Document::from_text("in memory");
    let lookup = Lookup::in_corpus(dir.path(), &article).knowing(in_memory.clone());
    assert_eq!(
        lookup.find(in_memory.sha256()).map(|d| d.text().to_owned()),
        Some("in memory".into())
    );
    assert_eq!(
        lookup.find(kept.sha256()).map(|d| d.text().to_owned()),
        Some("kept in the store".into())
    );
    assert!(NoOldTexts.find(kept.sha256()).is_none());
    assert!(Lookup::default().find(kept.sha256()).is_none());
}
