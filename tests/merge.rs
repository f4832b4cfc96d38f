#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser merge` on the cases review found: a document only one annotator has, nesting, and
//! re-running after review.

use std::path::Path;
use std::process::{Command, Output};

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

const ONE: &str = "Alpha beta gamma. Delta epsilon zeta.\n";

fn write(dir: &Path, doc: &str, annotator: &str, spans: &[(usize, usize, &str, Option<&str>)]) {
    let text = glosser_core::text::Document::load(&dir.join(doc)).unwrap();
    let set = glosser_core::span::AnnotationSet::from_spans(
        spans
            .iter()
            .map(|&(s, e, l, note)| {
                let mut span = glosser_core::span::Span::new(&text, s..e, l);
                span.note = note.map(str::to_owned);
                span
            })
            .collect(),
    );
    let file = glosser_core::store::AnnotationFile {
        document: doc.to_owned(),
        annotator: annotator.to_owned(),
        text_sha256: text.sha256().to_owned(),
        status: glosser_core::store::Status::Done,
        spans: set,
        ..Default::default()
    };
    glosser_core::store::save(&dir.join(format!("{doc}.{annotator}.ron")), &file).unwrap();
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), ONE).unwrap();
    std::fs::write(dir.path().join("solo.txt"), "Only alice read this.\n").unwrap();
    write(
        dir.path(),
        "one.txt",
        "alice",
        &[(0, 17, "claim", Some("check")), (18, 37, "opinion", None)],
    );
    write(
        dir.path(),
        "one.txt",
        "bob",
        &[
            (0, 17, "claim", None),
            (6, 10, "quote", None),
            (18, 37, "claim", None),
        ],
    );
    write(dir.path(), "solo.txt", "alice", &[(0, 21, "claim", None)]);
    dir
}

fn merge(dir: &Path, strategy: &str) -> (Option<i32>, String) {
    let out = glosser(&[
        "merge",
        dir.to_str().unwrap(),
        "--annotators",
        "alice,bob",
        "--strategy",
        strategy,
    ]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn intersection_of_one_annotator_writes_nothing_and_says_so() {
    let dir = corpus();
    let (code, err) = merge(dir.path(), "intersection");
    assert!(
        !dir.path().join("solo.txt.gold.ron").exists(),
        "no gold from alice alone: {err}"
    );
    assert!(
        err.contains(
            "solo.txt: only alice has a file; left out (intersection needs two annotators or more)"
        ),
        "{err}"
    );
    assert!(
        err.contains("1 document with a single annotator left out"),
        "{err}"
    );
    assert_eq!(code, Some(0), "{err}");
    let gold = glosser_core::store::load(&dir.path().join("one.txt.gold.ron")).unwrap();
    let claim = &gold.spans.spans()[0];
    assert_eq!((claim.start, claim.end), (0, 17));
    assert_eq!(
        claim.note.as_deref(),
        Some("alice: check"),
        "notes reach gold with their author"
    );
    assert_eq!(claim.from, ["alice", "bob"]);
}

#[test]
fn union_does_not_call_nesting_a_conflict() {
    let dir = corpus();
    let (code, err) = merge(dir.path(), "union");
    assert!(
        !err.contains("6..10 quote"),
        "a quote inside a claim is normal: {err}"
    );
    assert!(
        err.contains("conflict: 18..37 claim (bob) overlaps 18..37 opinion (alice)"),
        "{err}"
    );
    assert_eq!(code, Some(1));
    assert!(
        dir.path().join("solo.txt.gold.ron").exists(),
        "union of one annotator is her spans"
    );
}

#[test]
fn a_rerun_after_review_is_quiet_about_what_gold_holds() {
    let dir = corpus();
    let (code, err) = merge(dir.path(), "majority");
    assert_eq!(code, Some(1));
    let ties = err.matches(": tie: ").count();
    assert_eq!(ties, 3, "{err}");
    // The reviewer settles the 18..37 item (alice's opinion) and keeps bob's quote.
    let path = dir.path().join("one.txt.gold.ron");
    let mut gold = glosser_core::store::load(&path).unwrap();
    let text = glosser_core::text::Document::load(&dir.path().join("one.txt")).unwrap();
    let labels = glosser_core::labels::LabelSet::default();
    for (s, e, l) in [(18, 37, "opinion"), (6, 10, "quote")] {
        gold.spans
            .insert(
                glosser_core::span::Span::new(&text, s..e, l),
                &text,
                &labels,
            )
            .unwrap();
    }
    glosser_core::store::save(&path, &gold).unwrap();
    let (code, err) = merge(dir.path(), "majority");
    assert!(!err.contains(": tie: "), "{err}");
    assert!(
        err.contains("3 already settled in gold (not listed)"),
        "{err}"
    );
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_rerun_never_brings_back_what_review_rejected() {
    let dir = corpus();
    let (code, err) = merge(dir.path(), "majority");
    assert_eq!(code, Some(1), "{err}");
    // Review (as `glosser review` records it): alice's opinion over bob's claim on 18..37, and
    // bob's nested quote turned down — both kept in gold's `rejected` with whose they were.
    let path = dir.path().join("one.txt.gold.ron");
    let mut gold = glosser_core::store::load(&path).unwrap();
    let text = glosser_core::text::Document::load(&dir.path().join("one.txt")).unwrap();
    let labels = glosser_core::labels::LabelSet::default();
    gold.spans
        .insert(
            glosser_core::span::Span::new(&text, 18..37, "opinion"),
            &text,
            &labels,
        )
        .unwrap();
    for (s, e, l) in [(18, 37, "claim"), (6, 10, "quote")] {
        let mut span = glosser_core::span::Span::new(&text, s..e, l);
        span.from = vec!["bob".into()];
        gold.rejected.push(span);
    }
    glosser_core::store::save(&path, &gold).unwrap();

    for strategy in ["majority", "union"] {
        let (code, err) = merge(dir.path(), strategy);
        assert!(!err.contains(": tie: "), "{strategy}: {err}");
        assert!(!err.contains("conflict"), "{strategy}: {err}");
        assert!(err.contains("already settled in gold"), "{strategy}: {err}");
        assert_eq!(code, Some(0), "{strategy}: {err}");
        let gold = glosser_core::store::load(&path).unwrap();
        let held: Vec<(usize, usize, &str)> = gold
            .spans
            .spans()
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(
            held,
            [(0, 17, "claim"), (18, 37, "opinion")],
            "{strategy} never re-adds a rejected span"
        );
        assert_eq!(gold.rejected.len(), 2, "the decisions stay in gold");
    }
}

#[test]
fn done_only_leaves_out_files_not_marked_done_and_says_so() {
    let dir = corpus();
    let bob = dir.path().join("one.txt.bob.ron");
    let mut file = glosser_core::store::load(&bob).unwrap();
    file.status = glosser_core::store::Status::InProgress;
    glosser_core::store::save(&bob, &file).unwrap();
    let root = dir.path().to_str().unwrap();
    let out = glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob",
        "--strategy",
        "union",
        "--done-only",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 file not marked Done left out (--done-only)"),
        "{stderr}"
    );
    // Without bob's file, one.txt has a single annotator: union keeps alice's spans only.
    let gold = glosser_core::store::load(&dir.path().join("one.txt.gold.ron")).unwrap();
    assert!(
        gold.spans.spans().iter().all(|s| s.from == ["alice"]),
        "{gold:?}"
    );
}

/// A span's (start, end, label), as a link names it.
type End<'a> = (usize, usize, &'a str);

/// Adds links to an annotator's file of `one.txt`.
fn link(dir: &Path, annotator: &str, links: &[(End, End)]) {
    let path = dir.join(format!("one.txt.{annotator}.ron"));
    let mut file = glosser_core::store::load(&path).unwrap();
    file.links = links
        .iter()
        .map(|&(from, to)| glosser_core::store::Link {
            kind: "speaker".into(),
            from: glosser_core::store::LinkEnd(from.0, from.1, from.2.into()),
            to: glosser_core::store::LinkEnd(to.0, to.1, to.2.into()),
        })
        .collect();
    glosser_core::store::save(&path, &file).unwrap();
}

#[test]
fn links_are_merged_with_their_spans_and_those_left_out_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("one.txt"), ONE).unwrap();
    let spans = [
        (0, 5, "source", None),
        (6, 16, "quote", None),
        (18, 23, "source", None),
    ];
    write(dir.path(), "one.txt", "alice", &spans);
    write(dir.path(), "one.txt", "bob", &spans[..2]);
    let quote = (6, 16, "quote");
    link(
        dir.path(),
        "alice",
        &[(quote, (0, 5, "source")), (quote, (18, 23, "source"))],
    );
    link(dir.path(), "bob", &[(quote, (0, 5, "source"))]);
    let corpus = dir.path().to_str().unwrap();

    let out = glosser(&[
        "merge",
        corpus,
        "--annotators",
        "alice,bob",
        "--strategy",
        "union",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let gold = glosser_core::store::load(&dir.path().join("one.txt.gold.ron")).unwrap();
    let ends: Vec<(usize, usize)> = gold.links.iter().map(|l| (l.to.0, l.to.1)).collect();
    assert_eq!(ends, [(0, 5), (18, 23)], "union keeps both links");
    std::fs::remove_file(dir.path().join("one.txt.gold.ron")).unwrap();

    let out = glosser(&[
        "merge",
        corpus,
        "--annotators",
        "alice,bob",
        "--strategy",
        "majority",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let gold = glosser_core::store::load(&dir.path().join("one.txt.gold.ron")).unwrap();
    let ends: Vec<(usize, usize)> = gold.links.iter().map(|l| (l.to.0, l.to.1)).collect();
    assert_eq!(ends, [(0, 5)], "the majority keeps the link both drew");
    assert!(
        stderr.contains(
            "one.txt: tie: link speaker 6..16 quote → 18..23 source (alice) had by 1 of 2; left out"
        ),
        "{stderr}"
    );
    let check = glosser(&["validate", corpus]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
