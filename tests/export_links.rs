#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Links in exports (SPEC §10): w3c writes linking annotations; formats that cannot hold links
//! say how many they dropped; jsonl, brat, Label Studio, doccano, Prodigy (`relations`) and the
//! UIMA formats carry them through an export and an import unchanged.

use std::path::Path;
use std::process::{Command, Output};

use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

const TEXT: &str = "Margus Tsahkna said “a leader positioning for advantage.” Claims abound.\n";

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

/// A corpus whose one file links the quote and the claim to the source.
fn corpus(dir: &Path) -> Vec<Link> {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    let doc = Document::from_text(TEXT);
    let spans = vec![
        Span::new(&doc, 0..14, "source"),
        Span::new(&doc, 20..57, "quote"),
        Span::new(&doc, 58..71, "claim"),
    ];
    let mut links: Vec<Link> = [1, 2]
        .iter()
        .map(|&from| Link {
            kind: "speaker".into(),
            from: LinkEnd::of(&spans[from]),
            to: LinkEnd::of(&spans[0]),
        })
        .collect();
    links.sort();
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "ann".into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        links: links.clone(),
        spans: AnnotationSet::from_spans(spans),
        ..Default::default()
    };
    store::save(&dir.join("a.txt.ann.ron"), &file).unwrap();
    links
}

#[test]
fn w3c_writes_links_as_linking_annotations_on_the_two_spans() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = glosser(&["export", dir.path().to_str().unwrap(), "--format", "w3c"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let id_of = |label: &str| {
        items
            .iter()
            .find(|i| i["body"][0]["value"] == label)
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let linking: Vec<&serde_json::Value> = items
        .iter()
        .filter(|i| i["motivation"] == "linking")
        .collect();
    assert_eq!(linking.len(), 2, "{v}");
    assert_eq!(v["total"], 5);
    let quote_link = linking
        .iter()
        .find(|l| l["target"][0] == id_of("quote").as_str())
        .unwrap();
    assert_eq!(quote_link["target"][1], id_of("source").as_str());
    assert_eq!(quote_link["body"]["purpose"], "linking");
    assert_eq!(quote_link["body"]["value"], "speaker");
}

#[test]
fn formats_without_links_say_how_many_they_dropped() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let outputs = tempfile::tempdir().unwrap();
    for format in ["csv", "conll", "hf", "spacy"] {
        // spacy writes a binary DocBin, so every format writes a file here.
        let output = outputs.path().join(format!("export.{format}"));
        let out = glosser(&[
            "export",
            dir.path().to_str().unwrap(),
            "--format",
            format,
            "-o",
            output.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "{format} cannot hold links between spans: dropped 2 links"
            )),
            "{format}: {stderr}"
        );
    }
    for format in ["jsonl", "doccano", "label-studio", "w3c", "prodigy"] {
        let out = glosser(&["export", dir.path().to_str().unwrap(), "--format", format]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("cannot hold links"), "{format}: {stderr}");
    }
}

#[test]
fn links_survive_export_then_import_in_every_format_that_holds_them() {
    for format in [
        "jsonl",
        "brat",
        "label-studio",
        "doccano",
        "prodigy",
        "uima-json",
        "xmi",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("corpus");
        std::fs::create_dir(&source).unwrap();
        let links = corpus(&source);
        let exported = dir.path().join(format!("out.{format}"));
        let mut args = vec![
            "export",
            source.to_str().unwrap(),
            "--format",
            format,
            "-o",
            exported.to_str().unwrap(),
        ];
        if format == "doccano" {
            args.extend(["--offsets", "codepoint"]);
        }
        let out = glosser(&args);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let target = dir.path().join("imported");
        let mut args = vec![
            "import",
            exported.to_str().unwrap(),
            "--format",
            format,
            "--corpus",
            target.to_str().unwrap(),
            "--annotator",
            "ann",
        ];
        if format == "doccano" {
            args.extend(["--offsets", "codepoint"]);
        }
        let out = glosser(&args);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = store::load(&target.join("a.txt.ann.ron"))
            .or_else(|_| store::load(&target.join("a.ann.ron")))
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        let mut back = file.links.clone();
        back.sort();
        assert_eq!(back, links, "{format}");
    }
}

/// Every file's links in a corpus, by document: (document, type, from, to).
fn all_links(corpus: &Path) -> Vec<(String, String, LinkEnd, LinkEnd)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".w.ron") {
            let file = store::load(&path).unwrap();
            for l in file.links {
                out.push((file.document.clone(), l.kind, l.from, l.to));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn links_of_the_wild_fixtures_survive_an_export_and_an_import() {
    let wild = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wild");
    for (input, format) in [
        ("brat/news", "brat"),
        ("doccano/relation_extraction.jsonl", "doccano"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("first");
        let second = dir.path().join("second");
        for c in [&first, &second] {
            std::fs::create_dir(c).unwrap();
            std::fs::copy(wild.join("glosser.ron"), c.join("glosser.ron")).unwrap();
        }
        let offsets: &[&str] = if format == "doccano" {
            &["--offsets", "codepoint"]
        } else {
            &[]
        };
        let import = |from: &Path, into: &Path| {
            let mut args = vec![
                "import",
                from.to_str().unwrap(),
                "--format",
                format,
                "--corpus",
                into.to_str().unwrap(),
                "--annotator",
                "w",
            ];
            args.extend_from_slice(offsets);
            let out = glosser(&args);
            // 1: the fixture holds what glosser does not keep (events, `*` equivalences), listed
            // in the import report; that is not about links.
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{input}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stderr).into_owned()
        };
        let _report = import(&wild.join(input), &first);
        let links = all_links(&first);
        assert!(!links.is_empty(), "{input}: the fixture has relations");
        let exported = dir.path().join("out");
        let mut args = vec![
            "export",
            first.to_str().unwrap(),
            "--format",
            format,
            "--annotator",
            "w",
            "-o",
            exported.to_str().unwrap(),
        ];
        args.extend_from_slice(offsets);
        let out = glosser(&args);
        assert!(
            out.status.success(),
            "{input}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = import(&exported, &second);
        assert!(
            !report.contains("relation"),
            "{input}: the re-import keeps every relation: {report}"
        );
        assert_eq!(all_links(&second), links, "{input}");
    }
}
