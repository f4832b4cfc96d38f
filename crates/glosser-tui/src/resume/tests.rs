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
        copy: copy_of(one.path()),
    };
    remember(&path, one.path(), "alice", here.clone()).unwrap();
    remember(
        &path,
        two.path(),
        "alice",
        Place {
            document: "x.txt".into(),
            cursor: 1,
            copy: None,
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

#[test]
fn a_new_copy_of_a_corpus_at_the_same_path_starts_at_the_top() {
    let state = tempfile::tempdir().unwrap();
    let path = state.path().join("resume.json");
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("corpus");
    std::fs::create_dir(&root).unwrap();
    let place = Place {
        document: "b.txt".into(),
        cursor: 7,
        copy: copy_of(&root),
    };
    remember(&path, &root, "alice", place.clone()).unwrap();
    assert_eq!(
        recall(&path, &root, "alice"),
        Some(place),
        "the same copy resumes"
    );
    std::fs::remove_dir(&root).unwrap();
    // Another folder made meanwhile, so the old inode is not simply handed out again.
    std::fs::create_dir(parent.path().join("other")).unwrap();
    std::fs::create_dir(&root).unwrap();
    assert_eq!(
        recall(&path, &root, "alice"),
        None,
        "a corpus copied anew at the same path is another corpus"
    );
}
