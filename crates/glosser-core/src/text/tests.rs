use super::*;
use proptest::prelude::*;

fn doc(s: &str) -> Document {
    Document::from_text(s)
}

#[test]
fn offsets_after_emoji_and_cjk() {
    let d = doc("a😀b中c");
    assert_eq!(d.char_len(), 5);
    assert_eq!(d.char_to_byte(2), 5);
    assert_eq!(d.char_to_utf16(2), 3);
    assert_eq!(d.char_to_utf16(5), 6);
    assert_eq!(d.byte_to_char(5), Some(2));
    assert_eq!(d.byte_to_char(2), None, "inside the emoji");
    assert_eq!(d.utf16_to_char(3), Some(2));
    assert_eq!(d.utf16_to_char(2), None, "between the surrogates");
    assert_eq!(d.slice(1, 4), "😀b中");
    assert_eq!(d.char_at(3), Some('中'));
    assert_eq!(d.utf16_len(), 6);
}

#[test]
fn offsets_past_many_checkpoints() {
    let text: String = "é😀x".repeat(100);
    let d = doc(&text);
    assert_eq!(d.char_len(), 300);
    for c in 0..=300 {
        let byte = text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        assert_eq!(d.char_to_byte(c), byte);
        assert_eq!(d.byte_to_char(byte), Some(c));
    }
    assert_eq!(d.char_to_byte(10_000), text.len(), "clamped");
}

#[test]
fn bom_dropped_crlf_kept_hash_of_file_bytes() {
    let bytes = b"\xef\xbb\xbfHi\r\nthere".to_vec();
    let d = Document::from_bytes(Path::new("a.txt"), bytes.clone()).unwrap();
    assert_eq!(d.text(), "Hi\r\nthere");
    assert_eq!(d.sha256(), sha256_hex(&bytes));
    assert_eq!(d.sha256().len(), 64);
}

#[test]
fn rejects_non_utf8_empty_and_bom_only() {
    let p = Path::new("x.txt");
    let err = Document::from_bytes(p, b"ok \xff bad".to_vec()).unwrap_err();
    assert!(
        matches!(err, DocumentError::NotUtf8 { offset: 3, .. }),
        "{err}"
    );
    assert!(err.to_string().starts_with("x.txt: not valid UTF-8"));
    assert!(matches!(
        Document::from_bytes(p, Vec::new()),
        Err(DocumentError::Empty { .. })
    ));
    assert!(matches!(
        Document::from_bytes(p, b"\xef\xbb\xbf".to_vec()),
        Err(DocumentError::Empty { .. })
    ));
}

#[test]
fn load_reports_missing_file_by_path() {
    let err = Document::load(Path::new("/nonexistent/zz.txt")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/zz.txt"));
}

#[test]
fn check_file_agrees_with_load() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("ok.txt", &b"fine \xe2\x80\x9cquote\xe2\x80\x9d"[..]),
        ("bom.txt", b"\xef\xbb\xbf"),
        ("bad.txt", b"caf\xe9"),
        ("empty.txt", b""),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(
            Document::check_file(&path).map_err(|e| e.to_string()),
            Document::load(&path).map(|_| ()).map_err(|e| e.to_string()),
            "{name}"
        );
    }
    assert!(Document::check_file(&dir.path().join("missing.txt")).is_err());
}

#[test]
fn too_large_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_DOCUMENT_BYTES + 1).unwrap();
    assert!(matches!(
        Document::load(&path),
        Err(DocumentError::TooLarge { .. })
    ));
}

#[test]
fn grapheme_boundaries() {
    // family emoji with ZWJ (5 chars), e + combining acute (2 chars), CRLF (2 chars, one grapheme)
    let d = doc("👨\u{200d}👩\u{200d}👧e\u{301}\r\nx");
    assert!(d.is_grapheme_boundary(0));
    assert!(!d.is_grapheme_boundary(1));
    assert!(d.is_grapheme_boundary(5));
    assert!(!d.is_grapheme_boundary(6));
    assert!(!d.is_grapheme_boundary(8), "inside CRLF");
    assert!(d.is_grapheme_boundary(10));
    assert!(!d.is_grapheme_boundary(11));
    assert_eq!(d.next_grapheme(0), 5);
    assert_eq!(d.next_grapheme(5), 7);
    assert_eq!(d.next_grapheme(7), 9);
    assert_eq!(d.next_grapheme(10), 10);
    assert_eq!(d.prev_grapheme(9), 7);
    assert_eq!(d.prev_grapheme(0), 0);
    assert_eq!(d.grapheme_floor(3), 0);
    assert_eq!(d.grapheme_ceil(3), 5);
    assert_eq!(d.grapheme_ceil(6), 7);
}

fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        " ",
        "\r\n",
        "\n",
        "😀",
        "👨\u{200d}👩",
        "e\u{301}",
        "中文",
        "\u{feff}",
        "é",
        "\t",
        "\u{1b}",
        "𝔘",
        "\u{202e}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn char_byte_utf16_round_trip(text in tricky_text()) {
        let d = doc(&text);
        prop_assert_eq!(d.char_len(), text.chars().count());
        prop_assert_eq!(d.utf16_len(), text.encode_utf16().count());
        let mut byte = 0;
        let mut utf16 = 0;
        for (c, ch) in text.chars().chain(std::iter::once('\0')).enumerate() {
            prop_assert_eq!(d.char_to_byte(c), byte);
            prop_assert_eq!(d.byte_to_char(byte), Some(c));
            prop_assert_eq!(d.char_to_utf16(c), utf16);
            prop_assert_eq!(d.utf16_to_char(utf16), Some(c));
            if c == d.char_len() { break; }
            byte += ch.len_utf8();
            utf16 += ch.len_utf16();
        }
    }

    #[test]
    fn graphemes_agree_with_unicode_segmentation(text in tricky_text()) {
        use unicode_segmentation::UnicodeSegmentation;
        let d = doc(&text);
        let starts: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(b, _)| d.byte_to_char(b).unwrap())
            .chain(std::iter::once(d.char_len()))
            .collect();
        for c in 0..=d.char_len() {
            prop_assert_eq!(d.is_grapheme_boundary(c), starts.contains(&c));
        }
        let mut c = 0;
        let mut walked = vec![0];
        while c < d.char_len() {
            c = d.next_grapheme(c);
            walked.push(c);
        }
        prop_assert_eq!(walked, starts);
    }
}

#[test]
fn a_fifo_document_is_listed_with_a_reason_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pipe.txt");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let err = Document::check_file(&path).unwrap_err();
    assert!(
        err.reason().contains("not a regular file"),
        "{}",
        err.reason()
    );
    let err = Document::load(&path).unwrap_err();
    assert!(err.to_string().contains("pipe.txt"), "{err}");
    assert!(matches!(err, DocumentError::Refused(_)), "{err}");
}

mod hash;
mod index;
mod progressive;
