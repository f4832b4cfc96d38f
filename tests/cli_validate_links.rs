#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser validate` checks links against the label set's link types (SPEC §10), and `stats`
//! counts links per type.

use std::process::Command;

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

const TEXT: &str = "Margus Tsahkna said “a leader positioning for advantage.” Claims abound.\n";

fn corpus(links: &[(&str, usize, usize)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let doc = Document::from_text(TEXT);
    let spans = vec![
        Span::new(&doc, 0..14, "source"),
        Span::new(&doc, 20..57, "quote"),
        Span::new(&doc, 58..71, "claim"),
    ];
    let end = |i: usize| LinkEnd::of(&spans[i]);
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "ann".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        links: links
            .iter()
            .map(|(kind, from, to)| Link {
                kind: (*kind).into(),
                from: end(*from),
                to: end(*to),
            })
            .collect(),
        spans: AnnotationSet::from_spans(spans.clone()),
        ..Default::default()
    };
    store::save(&dir.path().join("a.txt.ann.ron"), &file).unwrap();
    dir
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn allowed_links_validate_clean() {
    let dir = corpus(&[("speaker", 1, 0), ("speaker", 2, 0)]);
    let (code, out) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_link_the_label_set_does_not_allow_is_a_problem() {
    let dir = corpus(&[("speaker", 0, 1), ("cites", 1, 0)]);
    let (code, out) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_ne!(code, Some(0), "{out}");
    assert!(
        out.contains("link speaker goes from source to quote")
            && out.contains("allows it from [quote, claim] to [source]"),
        "{out}"
    );
    assert!(
        out.contains("link type \"cites\"") && out.contains("not in the label set"),
        "{out}"
    );
}

#[test]
fn stats_counts_links_per_type() {
    let dir = corpus(&[("speaker", 1, 0), ("speaker", 2, 0)]);
    let (code, out) = run(&["stats", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("links: speaker=2"), "{out}");
    let (_, json) = run(&["stats", dir.path().to_str().unwrap(), "--json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["annotators"]["ann"]["links"]["speaker"], 2, "{json}");
}
