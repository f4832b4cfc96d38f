use std::path::{Path, PathBuf};

use super::*;
use crate::span::Span;

fn annotate(article: &Path, annotator: &str, start: usize, end: usize, label: &str) {
    let doc = Document::load(article).expect("article");
    let name = article.file_name().and_then(|n| n.to_str()).expect("name");
    let mut file = AnnotationFile::new(name, annotator, doc.sha256());
    file.spans
        .insert_unchecked(Span::new(&doc, start..end, label));
    file.status = crate::store::Status::InProgress;
    let path = store::annotation_path(article, annotator);
    crate::save::save_merged(
        &path,
        &file,
        None,
        &doc,
        &crate::old_texts::Lookup::default(),
    )
    .expect("save");
}

#[test]
fn moves_the_article_and_every_file_and_fixes_document() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = tmp.path().join("a.txt");
    std::fs::write(&old, "Alpha said beta. Gamma.").expect("write");
    annotate(&old, "alice", 0, 5, "claim");
    annotate(&old, "gold", 6, 10, "quote");
    std::fs::write(tmp.path().join("ab.txt.bob.ron"), "not ours").expect("write");
    let new = tmp.path().join("sub/b.txt");
    let moved = move_article(&old, &new).expect("moves").moved;
    assert_eq!(moved.len(), 3, "{moved:?}");
    assert!(!old.exists());
    assert!(!tmp.path().join("a.txt.alice.ron").exists());
    assert!(
        tmp.path().join("ab.txt.bob.ron").exists(),
        "another article's file stays"
    );
    let alice = store::load(&tmp.path().join("sub/b.txt.alice.ron")).expect("alice moved");
    assert_eq!(alice.document, "b.txt");
    assert_eq!(alice.spans.spans()[0].quote, "Alpha");
    assert_eq!(alice.status, crate::store::Status::InProgress);
    let gold = store::load(&tmp.path().join("sub/b.txt.gold.ron")).expect("gold moved");
    assert_eq!(gold.document, "b.txt");
    assert_eq!(gold.spans.len(), 1);
    let report = crate::ops::validate::check_corpus(tmp.path()).expect("list the corpus");
    assert!(
        report
            .problems
            .iter()
            .all(|p| !p.file.ends_with("b.txt.alice.ron"))
    );
    assert!(
        report
            .problems
            .iter()
            .all(|p| !p.file.ends_with("b.txt.gold.ron"))
    );
}

#[test]
fn refuses_to_overwrite_and_moves_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = tmp.path().join("a.txt");
    std::fs::write(&old, "Alpha said beta.").expect("write");
    annotate(&old, "alice", 0, 5, "claim");
    let new = tmp.path().join("b.txt");
    std::fs::write(tmp.path().join("b.txt.alice.ron"), "left over").expect("write");
    let err = move_article(&old, &new).expect_err("a target exists");
    assert!(err.chain().contains("never overwrites"), "{}", err.chain());
    assert!(old.exists() && !new.exists());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("b.txt.alice.ron")).expect("read"),
        "left over"
    );
    std::fs::write(&new, "other").expect("write");
    assert!(move_article(&old, &new).is_err());
    assert_eq!(std::fs::read_to_string(&new).expect("read"), "other");
}

#[test]
fn refuses_a_broken_file_and_an_open_document() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = tmp.path().join("a.txt");
    std::fs::write(&old, "Alpha said beta.").expect("write");
    annotate(&old, "alice", 0, 5, "claim");
    let lock = crate::lock::lock_path(&tmp.path().join("a.txt.alice.ron"));
    std::fs::write(&lock, "1 host 0 token").expect("write");
    let err = move_article(&old, &tmp.path().join("b.txt")).expect_err("open");
    assert!(err.chain().contains("open in glosser"), "{}", err.chain());
    std::fs::remove_file(&lock).expect("rm");
    std::fs::write(tmp.path().join("a.txt.bob.ron"), "(broken").expect("write");
    assert!(move_article(&old, &tmp.path().join("b.txt")).is_err());
    assert!(old.exists());
}

/// Every file and folder under `dir` (hidden ones too): path, mode and bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u32, Vec<u8>)> {
    use std::os::unix::fs::PermissionsExt as _;
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("list") {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("stat");
            let bytes = if meta.is_dir() {
                pending.push(path.clone());
                Vec::new()
            } else {
                std::fs::read(&path).expect("read")
            };
            let relative = path.strip_prefix(dir).expect("inside").to_owned();
            found.push((relative, meta.permissions().mode(), bytes));
        }
    }
    found.sort();
    found
}

/// `a.txt` annotated by alice, bob and gold.
fn three_files() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = tmp.path().join("a.txt");
    std::fs::write(&old, "Alpha said beta. Gamma.").expect("write");
    annotate(&old, "alice", 0, 5, "claim");
    annotate(&old, "bob", 6, 10, "quote");
    annotate(&old, "gold", 0, 5, "claim");
    (tmp, old)
}

#[test]
fn a_write_failing_after_the_article_moved_rolls_everything_back() {
    for failing in ["alice", "bob", "gold"] {
        let (tmp, old) = three_files();
        let before = snapshot(tmp.path());
        let new = tmp.path().join("sub/deeper/b.txt");
        let target = store::annotation_path(&new, failing);
        let _full = crate::fsio::fault::fail_writes_to(&target, std::io::ErrorKind::StorageFull);
        let err = move_article(&old, &new).expect_err("the disk is full");
        let said = err.chain();
        assert!(said.contains("disk is full"), "{failing}: {said}");
        assert!(said.contains(&target.display().to_string()), "{said}");
        assert!(said.contains("nothing was moved"), "{failing}: {said}");
        assert_eq!(
            snapshot(tmp.path()),
            before,
            "{failing}: everything as it was, no new folder, no temp file"
        );
    }
}

#[test]
fn refuses_a_read_only_annotation_file_and_moves_nothing() {
    use std::os::unix::fs::PermissionsExt as _;
    let (tmp, old) = three_files();
    let bob = tmp.path().join("a.txt.bob.ron");
    std::fs::set_permissions(&bob, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = snapshot(tmp.path());
    let err = move_article(&old, &tmp.path().join("sub/b.txt")).expect_err("read-only");
    let said = err.chain();
    // As `validate --fix`, `merge` and `import` say it (`store::check_writable`).
    assert!(said.contains("a.txt.bob.ron: permission denied"), "{said}");
    assert!(said.contains("nothing was moved"), "{said}");
    assert_eq!(snapshot(tmp.path()), before, "nothing moved, the mode kept");
}
