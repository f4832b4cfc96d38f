use super::*;

#[test]
fn a_kept_text_is_found_again_by_its_hash_and_git_ignores_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = TextStore::for_corpus(dir.path());
    let doc = Document::from_text("An article as it was when spans were made on it.");
    assert!(store.find(doc.sha256()).is_none());
    store.keep(&doc).expect("kept");
    store.keep(&doc).expect("kept twice: nothing new");
    let found = store.find(doc.sha256()).expect("found");
    assert_eq!(found.text(), doc.text());
    let ignore = std::fs::read_to_string(dir.path().join(".glosser/.gitignore")).expect("ignore");
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    // Found from an article in a subfolder of the corpus.
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let above = TextStore::above(&dir.path().join("sub/a.txt")).expect("the corpus's store");
    assert!(above.find(doc.sha256()).is_some());
}

#[test]
fn a_text_with_a_byte_order_mark_keeps_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = TextStore::for_corpus(dir.path());
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice("With a BOM.".as_bytes());
    let doc = Document::from_bytes(Path::new("a.txt"), bytes).expect("doc");
    store.keep(&doc).expect("kept");
    let found = store.find(doc.sha256()).expect("found");
    assert!(found.has_bom());
    assert_eq!(found.sha256(), doc.sha256());
}

#[test]
fn a_damaged_copy_or_a_hash_that_is_no_hash_is_never_taken() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = TextStore::for_corpus(dir.path());
    let doc = Document::from_text("The original.");
    store.keep(&doc).expect("kept");
    std::fs::write(
        dir.path().join(".glosser/texts").join(doc.sha256()),
        "Tampered.",
    )
    .expect("write");
    assert!(store.find(doc.sha256()).is_none());
    assert!(store.find("../../etc/passwd").is_none());
}

#[test]
fn the_least_recently_used_texts_go_first_when_the_store_is_full() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = TextStore::for_corpus(dir.path());
    let docs: Vec<Document> = (0..5)
        .map(|i| Document::from_text(format!("text number {i} {}", "x".repeat(100))))
        .collect();
    for (i, doc) in docs.iter().enumerate() {
        store.keep(doc).expect("kept");
        let path = dir.path().join(".glosser/texts").join(doc.sha256());
        let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000 + i as u64);
        std::fs::File::options()
            .append(true)
            .open(path)
            .and_then(|f| f.set_modified(when))
            .expect("age");
    }
    let removed = store.prune(300).expect("pruned");
    assert_eq!(removed, 3, "down to four fifths of 300 bytes: two texts");
    assert!(store.find(docs[0].sha256()).is_none() && store.find(docs[2].sha256()).is_none());
    assert!(store.find(docs[3].sha256()).is_some() && store.find(docs[4].sha256()).is_some());
}

#[cfg(unix)]
#[test]
fn a_store_folder_that_is_a_symlink_is_not_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(".glosser")).expect("link");
    let store = TextStore::for_corpus(dir.path());
    let err = store.keep(&Document::from_text("x")).expect_err("refused");
    assert!(err.to_string().contains("not a folder"), "{err}");
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).expect("list").count(),
        0
    );
}
