#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Files and names from the outside world (SPEC §5, §8), through the real binary: names with
//! escape sequences are printed escaped, `export -o` never writes into the corpus, and files
//! glosser creates honour the umask.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// An OSC 52 sequence (set the clipboard) and a bidi override in a document's name.
const HOSTILE: &str = "a\u{1b}]52;c;aGk=\u{7}\u{202e}txt.txt";

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .env("GLOSSER_CONFIG", "/nonexistent/config.ron")
        .output()
        .unwrap()
}

/// Runs glosser under `umask 022`, whatever the test runner's umask is.
fn glosser_umask_022(args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .env("GLOSSER_CONFIG", "/nonexistent/config.ron")
        .output()
        .unwrap()
}

fn outputs(out: &Output) -> (i32, String, String) {
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

fn annotation(
    document: &str,
    annotator: &str,
    text: &str,
    spans: &[(usize, usize, &str)],
) -> String {
    let doc = glosser_core::text::Document::from_text(text);
    let file = glosser_core::store::AnnotationFile {
        document: document.into(),
        annotator: annotator.into(),
        text_sha256: doc.sha256().into(),
        status: glosser_core::store::Status::InProgress,
        spans: glosser_core::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| glosser_core::span::Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    glosser_core::store::to_ron(&file)
}

/// A corpus with a hostile document name: a good file for alice, a broken one for bob.
fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = "Alpha said this. Beta said that.\n";
    std::fs::write(dir.path().join(HOSTILE), text).unwrap();
    std::fs::write(
        dir.path().join(format!("{HOSTILE}.alice.ron")),
        annotation(HOSTILE, "alice", text, &[(0, 16, "claim")]),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(format!("{HOSTILE}.bob.ron")),
        "(glosser: 1, oops",
    )
    .unwrap();
    // An empty article cannot be annotated: stats and validate name it.
    std::fs::write(dir.path().join("b\u{1b}[2J.txt"), "").unwrap();
    dir
}

fn assert_no_raw_controls(what: &str, s: &str) {
    assert!(
        !s.contains('\u{1b}') && !s.contains('\u{7}') && !s.contains('\u{202e}'),
        "{what} printed a raw control character: {s:?}"
    );
}

#[test]
fn names_with_escape_sequences_are_printed_escaped() {
    let corpus = hostile_corpus();
    let root = corpus.path().to_str().unwrap();
    let escaped = ["a\\x1b]52;c;aGk=\\x07\\u{202e}txt.txt", "b\\x1b[2J.txt"];
    for args in [
        vec!["validate", root],
        vec!["stats", root],
        vec!["export", root, "--format", "csv", "--annotator", "bob"],
        vec!["agree", root, "--annotators", "alice,bob"],
        vec![
            "merge",
            root,
            "--annotators",
            "alice,bob",
            "--strategy",
            "union",
        ],
    ] {
        let out = glosser(&args);
        let (_, stdout, stderr) = outputs(&out);
        assert_no_raw_controls(args[0], &stdout);
        assert_no_raw_controls(args[0], &stderr);
        if args[0] != "agree" {
            assert!(
                escaped
                    .iter()
                    .any(|e| stdout.contains(e) || stderr.contains(e)),
                "{}: the name is shown escaped: {stdout}{stderr}",
                args[0]
            );
        }
    }
    // The JSON reports stay JSON (serde escapes the controls there).
    let (_, stdout, _) = outputs(&glosser(&["validate", root, "--json"]));
    assert_no_raw_controls("validate --json", &stdout.replace('\u{202e}', ""));
    serde_json::from_str::<serde_json::Value>(&stdout).unwrap();
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && !path.is_symlink() {
                stack.push(path);
            } else if path.is_file() {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn export_never_writes_into_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    let text = "Alpha said this. Beta said that.\n";
    std::fs::write(corpus.join("a.txt"), text).unwrap();
    std::fs::write(
        corpus.join("a.txt.alice.ron"),
        annotation("a.txt", "alice", text, &[(0, 16, "claim")]),
    )
    .unwrap();
    std::os::unix::fs::symlink(&corpus, dir.path().join("link")).unwrap();
    let before = snapshot(&corpus);
    let c = corpus.to_str().unwrap();
    let refused = [
        ("brat", corpus.clone()),
        ("brat", corpus.join("sub")),
        ("jsonl", corpus.join("a.txt")),
        ("jsonl", corpus.join("a.txt.alice.ron")),
        ("jsonl", corpus.join("new/deeper/out.jsonl")),
        ("jsonl", corpus.join("sub/../out.jsonl")),
        ("brat", dir.path().join("link")),
        ("jsonl", dir.path().join("link/out.jsonl")),
    ];
    for (format, output) in &refused {
        let out = glosser(&[
            "export",
            c,
            "--format",
            format,
            "-o",
            output.to_str().unwrap(),
        ]);
        let (code, stdout, stderr) = outputs(&out);
        assert_eq!(code, 2, "{format} -o {}: {stderr}", output.display());
        assert!(stdout.is_empty());
        assert!(stderr.contains("inside the corpus"), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one sentence: {stderr}");
        assert_eq!(snapshot(&corpus), before, "-o {}", output.display());
        assert!(!corpus.join("new").exists());
    }
    // Next to the corpus is fine, and the file gets the umask's mode, not 0600.
    let outside = dir.path().join("out.jsonl");
    let out = glosser_umask_022(&[
        "export",
        c,
        "--format",
        "jsonl",
        "-o",
        outside.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&outside), 0o644);
    let brat = dir.path().join("brat");
    let out = glosser_umask_022(&[
        "export",
        c,
        "--format",
        "brat",
        "-o",
        brat.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&brat.join("a.txt")), 0o644);
    assert_eq!(mode(&brat.join("a.ann")), 0o644);
    assert_eq!(snapshot(&corpus), before);
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn imported_articles_and_annotation_files_honour_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        r#"{"document":"n.txt","annotator":"alice","text":"Alpha said.","spans":[{"start":0,"end":5,"label":"claim","text":"Alpha"}]}"#,
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let out = glosser_umask_022(&[
        "import",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&corpus.join("n.txt")), 0o644);
    assert_eq!(mode(&corpus.join("n.txt.alice.ron")), 0o644);
    // An existing file keeps its own mode when glosser rewrites it.
    std::fs::set_permissions(
        corpus.join("n.txt.alice.ron"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    std::fs::write(
        &input,
        r#"{"document":"n.txt","annotator":"alice","text":"Alpha said.","spans":[{"start":6,"end":10,"label":"claim","text":"said"}]}"#,
    )
    .unwrap();
    let out = glosser_umask_022(&[
        "import",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = glosser_core::store::load(&corpus.join("n.txt.alice.ron")).unwrap();
    assert!(
        file.spans
            .spans()
            .iter()
            .any(|s| (s.start, s.end) == (6, 10))
    );
    assert_eq!(mode(&corpus.join("n.txt.alice.ron")), 0o600);
}
