use super::*;

fn touch(root: &Path, rel: &str, body: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, body).unwrap();
}

#[test]
fn natural_order() {
    let mut ids = vec![
        "doc10.txt",
        "doc2.txt",
        "Doc1.txt",
        "a/doc1.txt",
        "doc02.txt",
        "doc1.md",
    ];
    ids.sort_by(|a, b| natural_cmp(a, b));
    assert_eq!(
        ids,
        [
            "Doc1.txt",
            "a/doc1.txt",
            "doc1.md",
            "doc02.txt",
            "doc2.txt",
            "doc10.txt"
        ]
    );
    assert_eq!(
        natural_cmp("x99999999999999999999999", "x100000000000000000000000"),
        Ordering::Less
    );
}

#[test]
fn scan_finds_documents_annotations_and_strays() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    touch(root, "doc10.txt", "ten");
    touch(root, "doc2.txt", "two");
    touch(root, "doc2.txt.alice.ron", "()");
    touch(root, "doc2.txt.bob.ron", "()");
    touch(root, "sub/deep/x.md", "x");
    touch(root, "sub/deep/x.md.alice.ron", "()");
    touch(root, "gone.txt.carol.ron", "()");
    touch(root, ".hidden/h.txt", "h");
    touch(root, ".secret.txt", "h");
    touch(root, "notes.csv", "h");
    touch(root, "glosser.ron", "()");
    std::os::unix::fs::symlink(root.join("doc2.txt"), root.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("sub"), root.join("linkdir")).unwrap();

    let corpus = Corpus::scan(root).unwrap();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["doc2.txt", "doc10.txt", "sub/deep/x.md"]);
    let annotators: Vec<&str> = corpus.documents[0]
        .annotations
        .iter()
        .map(|a| a.annotator.as_str())
        .collect();
    assert_eq!(annotators, ["alice", "bob"]);
    assert_eq!(corpus.documents[2].file_name(), "x.md");
    assert_eq!(corpus.documents[0].size, 3);
    assert_eq!(corpus.strays.len(), 1);
    assert_eq!(corpus.strays[0].document_id, "gone.txt");
    assert_eq!(
        corpus.annotators().into_iter().collect::<Vec<_>>(),
        ["alice", "bob", "carol"]
    );
    assert_eq!(corpus.position("doc10.txt"), Some(1));
    let doc = &corpus.documents[2];
    assert!(doc.annotation("alice").is_some());
    assert!(doc.annotation("bob").is_none());
    assert_eq!(
        doc.annotation_path("bob"),
        root.join("sub/deep/x.md.bob.ron")
    );
    assert_eq!(doc.load().unwrap().text(), "x");
}

#[test]
fn scan_refuses_a_file_and_a_missing_dir() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "a.txt", "x");
    let err = Corpus::scan(&dir.path().join("a.txt")).unwrap_err();
    assert!(err.to_string().contains("not a directory"), "{err}");
    assert!(Corpus::scan(&dir.path().join("missing")).is_err());
}

#[test]
fn empty_corpus_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    assert!(corpus.documents.is_empty());
    assert!(corpus.annotators().is_empty());
}
