use super::*;
use crate::text::Document;
use proptest::prelude::*;

const DOC: &str = "European leaders said “positive,” today.\r\nNext 😀 line.";

fn sample(doc: &Document) -> AnnotationFile {
    let mut quote = Span::new(doc, 22..33, "quote");
    quote.note = Some("Moscow \"readout\"\nsecond line".into());
    let mut gold = Span::new(doc, 0..16, "claim");
    gold.from = vec!["alice".into(), "bob".into()];
    AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(vec![quote, gold]),
        ..Default::default()
    }
}

#[test]
fn writes_the_spec_layout_one_span_per_line() {
    let doc = Document::from_text(DOC);
    let text = to_ron(&sample(&doc));
    let expected = format!(
        "(\n    glosser: 2,\n    document: \"a.txt\",\n    annotator: \"alice\",\n    text_sha256: \"{}\",\n    status: InProgress,\n    spans: [\n        (start: 0, end: 16, label: \"claim\", quote: \"European leaders\", from: [\"alice\", \"bob\"]),\n        (start: 22, end: 33, label: \"quote\", quote: \"“positive,”\", note: \"Moscow \\\"readout\\\"\\nsecond line\"),\n    ],\n)\n",
        doc.sha256()
    );
    assert_eq!(text, expected);
}

#[test]
fn save_load_round_trip_and_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::from_text(DOC);
    let path = dir.path().join("a.txt.alice.ron");
    let file = sample(&doc);
    save(&path, &file).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded, file);
    save(&path, &loaded).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temp files left behind");
}

#[test]
fn reads_the_spec_example_with_implicit_some_and_comments() {
    let source = r#"(
    glosser: 1,
    document: "a.txt",
    annotator: "alice",
    text_sha256: "a825c8cf00000000000000000000000000000000000000000000000000000000", // hash
    status: Done,
    spans: [
        (start: 22, end: 33, label: "quote", quote: "“positive,”", note: "Moscow readout"),
    ],
)"#;
    let file = parse(source, Path::new("dir/a.txt.alice.ron")).unwrap();
    assert_eq!(file.status, Status::Done);
    assert_eq!(
        file.spans.get(0).unwrap().note.as_deref(),
        Some("Moscow readout")
    );
}

fn err_of(source: &str, name: &str) -> String {
    parse(source, Path::new(name)).unwrap_err().to_string()
}

const HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[test]
fn errors_are_located_and_named() {
    let head = format!(
        "(glosser: 1, document: \"a.txt\", annotator: \"bob\", text_sha256: \"{HASH}\", status: Todo,\n"
    );
    let err = err_of(
        &format!("{head} spans: [(start: 0, end: 1, label: \"x\", quote: \"E\", colour: 1)])"),
        "a.txt.bob.ron",
    );
    assert!(err.starts_with("a.txt.bob.ron:2:"), "{err}");
    assert!(err.contains("colour"), "{err}");

    let err = err_of(&format!("{head} spans: [], extra: 1)"), "a.txt.bob.ron");
    assert!(err.contains("extra"), "{err}");

    let err = err_of(&format!("{head} spans: []"), "a.txt.bob.ron");
    assert!(err.starts_with("a.txt.bob.ron:2:"), "{err}");

    let err = err_of(&format!("{head} spans: [])"), "b.txt.bob.ron");
    assert!(
        err.contains("does not name this file's own document"),
        "{err}"
    );

    let err = err_of(&format!("{head} spans: [])"), "a.txt.alice.ron");
    assert!(err.contains("annotator"), "{err}");

    let evil = head.replace("\"a.txt\"", "\"../../etc/passwd\"");
    let err = err_of(&format!("{evil} spans: [])"), "a.txt.bob.ron");
    assert!(err.contains("does not name"), "{err}");

    let err = err_of(
        &format!("{} spans: [])", head.replace("glosser: 1", "glosser: 5")),
        "a.txt.bob.ron",
    );
    assert!(err.contains("version 5"), "{err}");

    let err = err_of(
        &format!("{head} spans: [(start: 0, end: 1, label: \"x\", quote: \"E\", score: 1.5)])"),
        "a.txt.bob.ron",
    );
    assert!(err.contains("score 1.5"), "{err}");

    let err = err_of(
        &format!("{} spans: [])", head.replace(HASH, "abc")),
        "a.txt.bob.ron",
    );
    assert!(err.contains("text_sha256"), "{err}");

    let deep = format!("{head} spans: {}{})", "[".repeat(500), "]".repeat(500));
    assert!(parse(&deep, Path::new("a.txt.bob.ron")).is_err());

    let huge = format!(
        "{head} spans: [(start: 99999999999999999999999, end: 1, label: \"x\", quote: \"\")])"
    );
    assert!(parse(&huge, Path::new("a.txt.bob.ron")).is_err());
}

#[test]
fn load_refuses_non_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt.bob.ron");
    std::fs::write(&path, b"(\xff)").unwrap();
    let err = load(&path).unwrap_err().to_string();
    assert!(
        err.contains("a.txt.bob.ron") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn names() {
    assert!(is_valid_annotator("alice"));
    assert!(is_valid_annotator("a1_b-c"));
    assert!(is_valid_annotator(&"a".repeat(32)));
    for bad in [
        "",
        "Alice",
        "-a",
        "_a",
        "a b",
        "a/b",
        "..",
        "a.b",
        &"a".repeat(33),
        "é",
    ] {
        assert!(!is_valid_annotator(bad), "{bad:?}");
    }
    assert_eq!(annotation_file_name("x.txt", "bob"), "x.txt.bob.ron");
    assert_eq!(
        annotation_path(Path::new("c/d/x.md"), "bob"),
        Path::new("c/d/x.md.bob.ron")
    );
    assert_eq!(
        split_annotation_file_name("x.y.txt.bob.ron"),
        Some(("x.y.txt", "bob"))
    );
    assert_eq!(split_annotation_file_name("x.txt.Bob.ron"), None);
    assert_eq!(split_annotation_file_name("x.csv.bob.ron"), None);
    assert_eq!(split_annotation_file_name("glosser.ron"), None);
}

#[test]
fn strings_escape_controls_and_bidi_only() {
    assert_eq!(ron_string("“a” 中 e\u{301}"), "\"“a” 中 e\u{301}\"");
    assert_eq!(ron_string("\u{1b}[31m\u{202e}"), "\"\\u{1b}[31m\\u{202e}\"");
}

fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            prop::sample::select(vec![
                "\"", "\\", "\r\n", "😀", "e\u{301}", "\u{1b}", "'", "}", ")"
            ])
            .prop_map(String::from),
        ],
        1..30,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn save_load_is_identity(
        quotes in prop::collection::vec((0usize..1000, 1usize..50, any_text(), prop::option::of(any_text())), 0..12),
        status in prop::sample::select(vec![Status::Todo, Status::InProgress, Status::Done]),
    ) {
        let spans = quotes
            .into_iter()
            .map(|(start, len, quote, note)| Span {
                start,
                end: start + len,
                label: "claim".into(),
                quote,
                note: note.filter(|n| !n.trim().is_empty()),
                ..Span::default()
            })
            .collect();
        let file = AnnotationFile {
            document: "d.md".into(),
            annotator: "zed".into(),
            text_sha256: HASH.into(),
            status,
            spans: AnnotationSet::from_spans(spans),
    ..Default::default()
        };
        let text = to_ron(&file);
        let back = parse(&text, Path::new("d.md.zed.ron")).unwrap();
        prop_assert_eq!(&back, &file);
        prop_assert_eq!(to_ron(&back), text.clone());
        prop_assert_eq!(text.lines().count(), 8 + file.spans.len() + usize::from(!file.spans.is_empty()));
    }
}

#[test]
fn special_files_and_links_out_are_broken_files_not_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("a.txt.alice.ron");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let err = load(&fifo).unwrap_err();
    assert_eq!(err.kind(), StoreErrorKind::Broken, "{err}");
    assert!(err.to_string().contains("a.txt.alice.ron"), "{err}");
    assert!(err.to_string().contains("FIFO"), "{err}");
    let outside = tempfile::tempdir().unwrap();
    let doc = Document::from_text(DOC);
    store_sample_at(&outside.path().join("a.txt.alice.ron"), &doc);
    let link = dir.path().join("b.txt.alice.ron");
    std::os::unix::fs::symlink(outside.path().join("a.txt.alice.ron"), &link).unwrap();
    let err = load(&link).unwrap_err();
    assert_eq!(err.kind(), StoreErrorKind::Broken, "{err}");
    assert!(err.to_string().contains("outside"), "{err}");
    let err = load_in(dir.path(), &link).unwrap_err();
    assert!(err.to_string().contains("outside"), "{err}");
    let missing = load(&dir.path().join("c.txt.alice.ron")).unwrap_err();
    assert_eq!(missing.kind(), StoreErrorKind::NotFound);
}

fn store_sample_at(path: &Path, doc: &Document) {
    save(path, &sample(doc)).unwrap();
}

#[test]
fn errors_say_what_kind_of_trouble_they_are() {
    let write = |kind: std::io::ErrorKind| StoreError::Write {
        path: "a".into(),
        source: kind.into(),
    };
    assert_eq!(
        write(std::io::ErrorKind::StorageFull).kind(),
        StoreErrorKind::NoSpace
    );
    assert_eq!(
        write(std::io::ErrorKind::PermissionDenied).kind(),
        StoreErrorKind::PermissionDenied
    );
    assert_eq!(
        write(std::io::ErrorKind::ReadOnlyFilesystem).kind(),
        StoreErrorKind::ReadOnly
    );
    assert_eq!(
        write(std::io::ErrorKind::Interrupted).kind(),
        StoreErrorKind::Other
    );
    assert_eq!(err_kind_of_parse("(glosser: 1,"), StoreErrorKind::Broken);
}

fn err_kind_of_parse(source: &str) -> StoreErrorKind {
    parse(source, Path::new("a.txt.alice.ron"))
        .unwrap_err()
        .kind()
}

#[test]
fn a_read_only_file_is_never_replaced() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt.alice.ron");
    let doc = Document::from_text(DOC);
    assert!(!is_read_only(&path), "a missing file is not read-only");
    store_sample_at(&path, &doc);
    assert!(!is_read_only(&path));
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    assert!(is_read_only(&path));
    let mut changed = sample(&doc);
    changed.status = Status::Done;
    let err = save(&path, &changed).unwrap_err();
    assert_eq!(err.kind(), StoreErrorKind::PermissionDenied, "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}
