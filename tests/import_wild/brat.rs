//! brat: the tutorial's relations, notes and events, CRLF (nlplab/brat#853), BOM, discontinuous spans.

use super::*;

#[test]
fn brat_news_tutorial_relations_notes_and_events() {
    let dir = corpus();
    let (code, err) = import(
        &wild("brat/news"),
        "brat",
        dir.path(),
        &["--annotator", "brat"],
    );
    assert_eq!(code, 1, "things were not kept: {err}");
    let doc = "060-relation_annotation.txt";
    let s = spans(dir.path(), doc, "brat");
    assert_eq!(
        texts(&s),
        [
            ("Person", "Terry Pratchett"),
            ("GPE", "England"),
            ("Person", "Joanne Rowling"),
            ("Person", "Jo Rowling"),
            ("Person", "J. K. Rowling"),
            ("Person", "Terry Pratchett"),
            ("GPE", "England"),
            ("Person", "Joanne Rowling"),
            ("Person", "Jo Rowling"),
            ("Person", "J. K. Rowling"),
        ]
    );
    assert_eq!((s[0].0, s[0].1), (139, 154));
    assert_eq!(
        links(dir.path(), doc, "brat"),
        [("Located".to_owned(), (139, 154), (164, 171))]
    );
    let doc = "110-note_annotation.txt";
    assert_eq!(spans(dir.path(), doc, "brat").len(), 14);
    assert_eq!(
        note(dir.path(), doc, "brat", 412),
        ["Should fictional places be annotated?"]
    );
    assert_eq!(
        links(dir.path(), doc, "brat"),
        [
            ("Family".to_owned(), (520, 534), (539, 552)),
            ("Family".to_owned(), (751, 765), (770, 783)),
        ]
    );
    for expected in [
        "not kept: 1 relation not kept (060-relation_annotation.ann *Alias T3 T4 T5)",
        "not kept: 2 events not kept (their trigger spans were imported) (110-note_annotation.ann E1, 110-note_annotation.ann E2)",
        "not kept: 2 notes on relations or events not kept (110-note_annotation.ann #2, 110-note_annotation.ann #3)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn brat_crlf_counts_one_character_and_exports_back_the_same_offsets() {
    // nlplab/brat#853: "John loves Mary.\r\nHe married her." with He at 17-19, her at 28-31.
    let dir = corpus();
    let (code, err) = import(
        &wild("brat/crlf"),
        "brat",
        dir.path(),
        &["--annotator", "brat"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("bom.ann: the text starts with a BOM"), "{err}");
    assert_eq!(
        spans(dir.path(), "issue853.txt", "brat"),
        [
            (0, 4, "Person".into(), "John".into()),
            (11, 15, "Person".into(), "Mary".into()),
            (18, 20, "Person".into(), "He".into()),
            (29, 32, "Person".into(), "her".into()),
        ],
        "glosser keeps the \\r, so He is at 18 in code points"
    );
    assert_eq!(
        spans(dir.path(), "bom.txt", "brat"),
        [
            (0, 4, "Person".into(), "John".into()),
            (29, 32, "Person".into(), "her".into()),
        ],
        "the BOM brat counted is gone from the document"
    );
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .arg("export")
        .arg(dir.path())
        .args(["--format", "brat", "--annotator", "brat", "-o"])
        .arg(out.path().join("b"))
        .status()
        .unwrap();
    assert!(status.success());
    let ann = std::fs::read_to_string(out.path().join("b/issue853.ann")).unwrap();
    let original = std::fs::read_to_string(wild("brat/crlf/issue853.ann")).unwrap();
    let offsets = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.split('\t').nth(1).unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        offsets(&ann),
        offsets(&original),
        "brat reads what it wrote"
    );
}

#[test]
fn brat_discontinuous_spans_become_fragments_and_the_rest_is_reported() {
    let dir = corpus();
    let (code, err) = import(
        &wild("brat/discontinuous"),
        "brat",
        dir.path(),
        &["--annotator", "brat"],
    );
    assert_eq!(code, 1, "{err}");
    let s = spans(dir.path(), "america.txt", "brat");
    assert_eq!(
        texts(&s),
        [
            ("GPE", "North"),
            ("GPE", "South America"),
            ("GPE", "America")
        ]
    );
    assert_eq!(
        note(dir.path(), "america.txt", "brat", 0),
        ["brat T1: fragment 1 of 2"]
    );
    assert_eq!(
        note(dir.path(), "america.txt", "brat", 16),
        ["brat T1: fragment 2 of 2"]
    );
    for expected in [
        "1 discontinuous span imported as one span per fragment (noted with its id) (america.ann T1)",
        "1 attribute not kept (america.ann A1)",
        "1 normalization not kept (america.ann N1)",
        "1 relation not kept (america.ann R1)",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

#[test]
fn brat_bionlp_corpus_with_more_labels_than_keys() {
    // BioNLP-ST 2011 GE: eleven types; the corpus's glosser.ron defines them without keys.
    let dir = tempfile::tempdir().unwrap();
    let src = wild("brat-bionlp");
    std::fs::copy(src.join("glosser.ron"), dir.path().join("glosser.ron")).unwrap();
    let ann = tempfile::tempdir().unwrap();
    for name in ["PMID-8051172.txt", "PMID-8051172.ann"] {
        std::fs::copy(src.join(name), ann.path().join(name)).unwrap();
    }
    let (code, err) = import(ann.path(), "brat", dir.path(), &["--annotator", "ge"]);
    assert_eq!(code, 1, "the events are reported: {err}");
    assert!(
        err.contains("9 events not kept (their trigger spans were imported) (PMID-8051172.ann E1, PMID-8051172.ann E2, PMID-8051172.ann E3, …)"),
        "{err}"
    );
    let s = spans(dir.path(), "PMID-8051172.txt", "ge");
    assert_eq!(s.len(), 16);
    let t = texts(&s);
    assert_eq!(t[0], ("Protein", "ZAP-70"));
    assert!(t.contains(&("Negative_regulation", "deficient")), "{t:?}");
    assert!(
        t.contains(&("Protein", "epidermal growth factor receptor")),
        "{t:?}"
    );
    assert!(t.contains(&("Entity", "tyrosine")), "{t:?}");
}

/// The `T` lines of an `.ann` as (type and offsets, text), ids left out (they are renumbered).
fn t_lines(ann: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ann
        .lines()
        .filter(|l| l.starts_with('T'))
        .map(|l| {
            let mut fields = l.split('\t').skip(1);
            (
                fields.next().unwrap().to_owned(),
                fields.next().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn brat_discontinuous_spans_round_trip_as_the_same_t_lines() {
    for (fixture, ann) in [
        ("brat/discontinuous", "america.ann"),
        ("brat/news", "060-relation_annotation.ann"),
        ("brat/news", "110-note_annotation.ann"),
    ] {
        let dir = corpus();
        let (code, err) = import(&wild(fixture), "brat", dir.path(), &["--annotator", "brat"]);
        assert!(code == 0 || code == 1, "{fixture}: {err}");
        let out = tempfile::tempdir().unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_glosser"))
            .arg("export")
            .arg(dir.path())
            .args(["--format", "brat", "--annotator", "brat", "-o"])
            .arg(out.path().join("b"))
            .status()
            .unwrap();
        assert!(status.success(), "{fixture}");
        let back = std::fs::read_to_string(out.path().join("b").join(ann)).unwrap();
        let original = std::fs::read_to_string(wild(fixture).join(ann)).unwrap();
        assert_eq!(t_lines(&back), t_lines(&original), "{fixture}/{ann}");
        if ann == "america.ann" {
            assert!(
                back.starts_with(
                    "T1\tGPE 0 5;16 23\tNorth America\nT2\tGPE 10 23\tSouth America\n"
                ),
                "{back}"
            );
            assert!(!back.contains("fragment"), "{back}");
        }
    }
}
