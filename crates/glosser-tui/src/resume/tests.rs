use super::*;

#[test]
fn places_are_kept_per_corpus_and_annotator() {
    let state = tempfile::tempdir().unwrap();
    let path = state.path().join("deep/resume.json");
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_eq!(recall(&path, one.path(), "alice"), None);
    let here = Place {
        document: "b.txt".into(),
        cursor: 7,
    };
    remember(&path, one.path(), "alice", here.clone()).unwrap();
    remember(
        &path,
        two.path(),
        "alice",
        Place {
            document: "x.txt".into(),
            cursor: 1,
        },
    )
    .unwrap();
    assert_eq!(recall(&path, one.path(), "alice"), Some(here));
    assert_eq!(recall(&path, one.path(), "bob"), None);
    assert_eq!(
        recall(&path, two.path(), "alice").unwrap().document,
        "x.txt"
    );
    std::fs::write(&path, "not json").unwrap();
    assert_eq!(
        recall(&path, one.path(), "alice"),
        None,
        "a bad file is no place"
    );
}
