//! Opening a document a slice first gives what loading it whole gives: the same text, hash and
//! length, the same error for a file that cannot be annotated, and a first slice that is a
//! prefix of the text cut at a char boundary. A file changed between the two reads is read again.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::super::progressive::{Started, load_rest, start};
use super::super::*;

fn file_with(dir: &tempfile::TempDir, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join("a.txt");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// What opening `path` a slice first ends with, and the first slice's text if there was one.
fn opened(path: &Path, first: usize) -> (Result<Document, DocumentError>, Option<String>) {
    match Document::open(path, first) {
        Err(e) => (Err(e), None),
        Ok(Opening::Whole(doc)) => (Ok(doc), None),
        Ok(Opening::Partial { head, rest }) => {
            let loaded = rest.wait();
            assert!(!loaded.changed, "nothing changed the file");
            (loaded.doc, Some(head.text().to_owned()))
        }
    }
}

/// The slice-first result equals `Document::load`'s, and the first slice is a prefix.
fn same_as_load(path: &Path, first: usize) -> Option<String> {
    let (doc, head) = opened(path, first);
    match (doc, Document::load(path)) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.text(), b.text());
            assert_eq!(a.char_len(), b.char_len());
            assert_eq!(a.sha256(), b.sha256());
            assert_eq!(a.char_to_utf16(a.char_len()), b.utf16_len());
            if let Some(head) = &head {
                assert!(b.text().starts_with(head.as_str()), "{head:?}");
                assert!(!head.is_empty());
                assert!(head.len() <= first);
            }
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        (a, b) => panic!("slice first: {a:?}, whole: {b:?}"),
    }
    head
}

#[test]
fn a_cut_inside_a_char_moves_back_to_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let text = "aé中😀b\u{301}中😀 end of it\n";
    let path = file_with(&dir, text.as_bytes());
    let mut heads = Vec::new();
    for first in 1..text.len() + 2 {
        heads.push(same_as_load(&path, first));
    }
    assert_eq!(heads[0].as_deref(), Some("a"));
    // 'é' is bytes 1..3: a slice of 2 bytes holds only "a".
    assert_eq!(heads[1].as_deref(), Some("a"));
    assert_eq!(heads[2].as_deref(), Some("aé"));
    // '中' is bytes 3..6, '😀' 6..10.
    assert_eq!(heads[4].as_deref(), Some("aé"));
    assert_eq!(heads[5].as_deref(), Some("aé中"));
    assert_eq!(heads[8].as_deref(), Some("aé中"));
    assert_eq!(heads[9].as_deref(), Some("aé中😀"));
    assert_eq!(
        heads[text.len() - 1],
        None,
        "a slice holding it all is the whole document"
    );
}

#[test]
fn crlf_and_a_bom_at_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(&dir, b"ab\r\ncd\r\n");
    assert_eq!(same_as_load(&path, 3).as_deref(), Some("ab\r"));
    assert_eq!(same_as_load(&path, 4).as_deref(), Some("ab\r\n"));
    let path = file_with(&dir, "\u{feff}hello world".as_bytes());
    // Inside the BOM, or the BOM alone: nothing to show, read whole.
    for first in 1..=3 {
        assert_eq!(same_as_load(&path, first), None);
    }
    assert_eq!(same_as_load(&path, 5).as_deref(), Some("he"));
    let (doc, _) = opened(&path, 5);
    let doc = doc.unwrap();
    assert_eq!(doc.text(), "hello world");
    assert_eq!(
        doc.sha256(),
        sha256_hex("\u{feff}hello world".as_bytes()),
        "the BOM is hashed"
    );
}

#[test]
fn not_utf8_after_the_first_slice_is_the_whole_load_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "word ".repeat(100).into_bytes();
    bytes.extend_from_slice(&[b'x', 0xff, b'y']);
    let path = file_with(&dir, &bytes);
    let (doc, head) = opened(&path, 64);
    assert!(head.is_some(), "the first slice was shown");
    let e = doc.unwrap_err();
    assert!(
        matches!(e, DocumentError::NotUtf8 { offset: 501, .. }),
        "{e:?}"
    );
    same_as_load(&path, 64);
    // Invalid in the first slice: the error comes at once, named as a whole load names it.
    let path = file_with(&dir, b"ab\xffcd and more text after it");
    assert!(Document::open(&path, 8).is_err());
    same_as_load(&path, 8);
    // A truncated char at the very end of the file.
    let path = file_with(&dir, b"some text then half a char \xe4\xb8");
    for first in [4, 28, 29, 100] {
        same_as_load(&path, first);
    }
}

#[test]
fn empty_missing_and_too_large_files_fail_as_a_whole_load() {
    let dir = tempfile::tempdir().unwrap();
    for bytes in [&b""[..], "\u{feff}".as_bytes()] {
        let path = file_with(&dir, bytes);
        for first in [1, 2, 3, 4, 100] {
            same_as_load(&path, first);
        }
    }
    same_as_load(&dir.path().join("missing.txt"), 16);
    same_as_load(dir.path(), 16);
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(MAX_DOCUMENT_BYTES + 1).unwrap();
    let (doc, _) = opened(&big, 16);
    assert!(matches!(doc, Err(DocumentError::TooLarge { .. })));
    same_as_load(&big, 16);
}

/// Reads the first slice, lets `change` act on the file, then reads the rest.
fn changed_between_reads(first: usize, change: impl FnOnce(&Path)) -> (Loaded, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with(&dir, "line of text\n".repeat(50).as_bytes());
    let Ok(Started::Partial {
        file,
        bytes,
        before,
        ..
    }) = start(&path, first)
    else {
        panic!("a 650-byte file is read in two steps")
    };
    change(&path);
    let loaded = load_rest(file, bytes, &path, before);
    // Keep the folder until the reads are done.
    drop(dir);
    (loaded, path)
}

#[test]
fn a_file_changed_between_the_two_reads_is_read_again() {
    let (loaded, _) = changed_between_reads(40, |_| {});
    assert!(!loaded.changed);
    assert_eq!(loaded.doc.unwrap().text(), "line of text\n".repeat(50));

    let now = |path: &Path| Document::load(path).unwrap().text().to_owned();
    let mut seen = String::new();
    let (loaded, _) = changed_between_reads(40, |path| {
        std::fs::write(path, "short now\n").unwrap();
        seen = now(path);
    });
    assert!(loaded.changed, "a shrunk file");
    assert_eq!(loaded.doc.unwrap().text(), seen);

    let (loaded, _) = changed_between_reads(40, |path| {
        let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
        f.write_all(b"one more line\n").unwrap();
        seen = now(path);
    });
    assert!(loaded.changed, "a grown file");
    assert_eq!(loaded.doc.unwrap().text(), seen);

    let (loaded, _) = changed_between_reads(40, |path| {
        let other = path.with_extension("new");
        std::fs::write(&other, "line of text\n".repeat(50).replace("text", "TEXT")).unwrap();
        std::fs::rename(&other, path).unwrap();
        seen = now(path);
    });
    assert!(loaded.changed, "a file replaced by a rename (same size)");
    assert_eq!(loaded.doc.unwrap().text(), seen);

    let (loaded, _) = changed_between_reads(40, |path| {
        let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
        f.write_all(b"\xff").unwrap();
    });
    assert!(loaded.changed);
    assert!(matches!(
        loaded.doc,
        Err(DocumentError::NotUtf8 { offset: 650, .. })
    ));

    let (loaded, path) = changed_between_reads(40, |path| std::fs::remove_file(path).unwrap());
    assert!(loaded.changed, "a deleted file");
    let e = loaded.doc.unwrap_err();
    assert_eq!(
        e.to_string(),
        Document::load(&path).unwrap_err().to_string()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn slice_first_equals_whole_load(
        text in "[a-z \\n\\r\u{301}é中😀\u{feff}]{0,200}",
        bom in any::<bool>(),
        first in 1usize..260,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let bytes = if bom { format!("\u{feff}{text}") } else { text };
        let path = file_with(&dir, bytes.as_bytes());
        same_as_load(&path, first);
    }
}
