#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser agree` compares links (SPEC §10): a link matches when its type and both spans match
//! strictly; `relations` per pair in `--json`, a `links` row in the table.

use std::process::Command;

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

const TEXT: &str = "Margus Tsahkna said “a leader positioning for advantage.” Claims abound.\n";

fn write(dir: &std::path::Path, who: &str, links: &[(usize, usize)]) {
    let doc = Document::from_text(TEXT);
    let spans = vec![
        Span::new(&doc, 0..14, "source"),
        Span::new(&doc, 20..57, "quote"),
        Span::new(&doc, 58..71, "claim"),
    ];
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: who.into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        links: links
            .iter()
            .map(|&(from, to)| Link {
                kind: "speaker".into(),
                from: LinkEnd::of(&spans[from]),
                to: LinkEnd::of(&spans[to]),
            })
            .collect(),
        spans: AnnotationSet::from_spans(spans.clone()),
        ..Default::default()
    };
    store::save(&dir.join(format!("a.txt.{who}.ron")), &file).unwrap();
}

#[test]
fn agree_reports_relations_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(dir.path(), "ann", &[(1, 0), (2, 0)]);
    write(dir.path(), "bob", &[(1, 0)]);
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["agree", dir.path().to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&out.stdout);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let relations = &value["pairs"][0]["relations"];
    assert_eq!(relations["a"], 2, "{json}");
    assert_eq!(relations["b"], 1, "{json}");
    assert_eq!(relations["matched"], 1, "{json}");
    let f1 = relations["f1"].as_f64().unwrap();
    assert!((f1 - 2.0 / 3.0).abs() < 1e-9, "{json}");
    let table = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["agree", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    let row = table.lines().find(|l| l.starts_with("links")).unwrap_or("");
    assert!(
        row.split_whitespace().collect::<Vec<_>>() == ["links", "0.667", "2", "1"],
        "{table}"
    );
}
