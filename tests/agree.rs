#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser agree` and `glosser merge` run as a user would.

use std::path::Path;
use std::process::{Command, Output};

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

/// A document, an annotator and their spans.
type Annotated<'a> = (&'a str, &'a str, &'a [(usize, usize, &'a str)]);

/// Two documents annotated by alice, bob and carol, and one only alice has.
fn three_annotators() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        ("one.txt", "Alpha beta gamma. Delta epsilon zeta.\n"),
        ("two.txt", "Eta theta iota. Kappa lambda mu.\n"),
        ("three.txt", "Only alice read this one.\n"),
    ];
    let spans: &[Annotated] = &[
        ("one.txt", "alice", &[(0, 17, "claim"), (18, 37, "opinion")]),
        ("one.txt", "bob", &[(0, 17, "claim"), (18, 37, "quote")]),
        ("one.txt", "carol", &[(0, 17, "claim"), (18, 37, "opinion")]),
        ("two.txt", "alice", &[(0, 15, "claim")]),
        (
            "two.txt",
            "bob",
            &[(0, 15, "claim"), (16, 32, "unverified")],
        ),
        ("two.txt", "carol", &[(0, 15, "opinion")]),
        ("three.txt", "alice", &[(0, 25, "claim")]),
    ];
    for (name, text) in texts {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    for (name, annotator, list) in spans {
        let doc = glosser_core::text::Document::load(&dir.path().join(name)).unwrap();
        let set = glosser_core::span::AnnotationSet::from_spans(
            list.iter()
                .map(|&(s, e, l)| glosser_core::span::Span::new(&doc, s..e, l))
                .collect(),
        );
        let file = glosser_core::store::AnnotationFile {
            document: (*name).to_owned(),
            annotator: (*annotator).to_owned(),
            text_sha256: doc.sha256().to_owned(),
            status: glosser_core::store::Status::Done,
            spans: set,
            ..Default::default()
        };
        glosser_core::store::save(&dir.path().join(format!("{name}.{annotator}.ron")), &file)
            .unwrap();
    }
    dir
}

#[test]
fn json_shape_every_pair_and_the_mean() {
    let dir = three_annotators();
    let out = glosser(&["agree", dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["annotators"],
        serde_json::json!(["alice", "bob", "carol"])
    );
    assert_eq!(v["documents"], 2);
    assert_eq!(v["single_annotator_documents"], 1);
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 3);
    assert_eq!(
        (pairs[0]["a"].as_str(), pairs[0]["b"].as_str()),
        (Some("alice"), Some("bob"))
    );
    let claim = &pairs[0]["labels"]["claim"];
    assert_eq!(claim["a_spans"], 2);
    assert_eq!(claim["b_spans"], 2);
    assert_eq!(claim["f1_strict"], 1.0);
    for key in [
        "kappa",
        "alpha_u",
        "f1_strict",
        "f1_overlap",
        "a_spans",
        "b_spans",
    ] {
        assert!(pairs[0]["overall"].get(key).is_some(), "{key}");
    }
    // alice and carol agree on "one" entirely, disagree on two's label.
    let ac = &pairs[1];
    assert_eq!(
        ac["labels"]["quote"]["kappa"],
        serde_json::Value::Null,
        "nobody used quote"
    );
    assert!(v["mean"]["overall"]["kappa"].is_number());
}

#[test]
fn table_and_per_doc_worst_first() {
    let dir = three_annotators();
    let out = glosser(&[
        "agree",
        dir.path().to_str().unwrap(),
        "--annotators",
        "alice,carol",
        "--per-doc",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("alice × carol"), "{text}");
    assert!(text.contains("overall"), "{text}");
    let two = text.find("two.txt").unwrap();
    let one = text.find("one.txt").unwrap();
    assert!(two < one, "two.txt (they disagree) comes first:\n{text}");
    assert!(
        !text.contains("annotator pairs (gold left out)"),
        "one pair has no mean"
    );
    assert!(
        text.starts_with("agreement over 2 documents (1 with a single annotator skipped)"),
        "{text}"
    );
    std::fs::remove_file(dir.path().join("two.txt.carol.ron")).unwrap();
    let one = glosser(&[
        "agree",
        dir.path().to_str().unwrap(),
        "--annotators",
        "alice,carol",
    ]);
    let one = String::from_utf8(one.stdout).unwrap();
    assert!(
        one.starts_with("agreement over 1 document (2 with a single annotator skipped)"),
        "one document, not \"1 documents\": {one}"
    );
}

#[test]
fn errors_for_too_few_or_unknown_annotators() {
    let dir = three_annotators();
    let out = glosser(&[
        "agree",
        dir.path().to_str().unwrap(),
        "--annotators",
        "alice,zed",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no annotation files for \"zed\""));
    let out = glosser(&[
        "agree",
        dir.path().to_str().unwrap(),
        "--annotators",
        "alice",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("two annotators or more"));
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let out = glosser(&["agree", seeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn broken_files_leave_their_document_out_with_a_warning() {
    let dir = three_annotators();
    std::fs::write(dir.path().join("two.txt.carol.ron"), "(broken").unwrap();
    let out = glosser(&["agree", dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("two.txt.carol.ron:1:"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 1);
    assert_eq!(v["excluded_documents"], 1);
}

#[test]
fn merge_strategies_write_gold_with_from() {
    let dir = three_annotators();
    let root = dir.path().to_str().unwrap();
    let out = glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob,carol",
        "--strategy",
        "majority",
    ]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    let gold = glosser_core::store::load(&dir.path().join("one.txt.gold.ron")).unwrap();
    let keys: Vec<(usize, usize, &str, Vec<String>)> = gold
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str(), s.from.clone()))
        .collect();
    assert_eq!(
        keys[0],
        (
            0,
            17,
            "claim",
            vec!["alice".into(), "bob".into(), "carol".into()]
        )
    );
    assert_eq!(
        keys[1],
        (18, 37, "opinion", vec!["alice".into(), "carol".into()])
    );
    assert_eq!(keys.len(), 2);
    assert!(
        !dir.path().join("three.txt.gold.ron").exists(),
        "alice alone is no majority: one person's spans are not agreement"
    );
    assert!(
        err.contains("three.txt: only alice has a file; left out"),
        "{err}"
    );
    let validate = glosser(&["validate", root]);
    assert_eq!(validate.status.code(), Some(0));

    let out = glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob",
        "--strategy",
        "majority",
        "--into",
        "ab",
    ]);
    assert_eq!(out.status.code(), Some(1), "ties are reported");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("one.txt: tie: 18..37 opinion"), "{err}");
    let out = glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob",
        "--strategy",
        "intersection",
        "--into",
        "both",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let both = glosser_core::store::load(&dir.path().join("two.txt.both.ron")).unwrap();
    assert_eq!(both.spans.len(), 1);
    let out = glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob",
        "--strategy",
        "union",
        "--into",
        "any",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "claim and quote overlap on 18..37"
    );
    let any = glosser_core::store::load(&dir.path().join("one.txt.any.ron")).unwrap();
    assert_eq!(any.spans.len(), 3);
}

#[test]
fn merge_into_existing_gold_keeps_it() {
    let dir = three_annotators();
    let root = dir.path().to_str().unwrap();
    glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob,carol",
        "--strategy",
        "intersection",
    ]);
    let path = dir.path().join("one.txt.gold.ron");
    let mut gold = glosser_core::store::load(&path).unwrap();
    let doc = glosser_core::text::Document::load(&dir.path().join("one.txt")).unwrap();
    gold.spans
        .insert(
            glosser_core::span::Span::new(&doc, 24..31, "quote"),
            &doc,
            &glosser_core::labels::LabelSet::default(),
        )
        .unwrap();
    gold.status = glosser_core::store::Status::Done;
    glosser_core::store::save(&path, &gold).unwrap();
    glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob,carol",
        "--strategy",
        "majority",
    ]);
    let after = glosser_core::store::load(&path).unwrap();
    assert_eq!(
        after.status,
        glosser_core::store::Status::Done,
        "status kept"
    );
    assert_eq!(
        after.spans.len(),
        3,
        "the hand-added span survives and the majority span joins"
    );
    let out = glosser(&[
        "merge",
        root,
        "--annotators",
        "alice,bob",
        "--strategy",
        "plurality",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
