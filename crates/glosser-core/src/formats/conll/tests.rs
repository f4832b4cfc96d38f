use glosser_readers::conll::{ReadOptions, read};

use super::*;
use crate::formats::overlaps::{Policy, layer};
use crate::formats::tokens::tokenize;
use crate::labels::LabelSet;
use crate::span::Span;
use crate::text::Document;

fn tagged(doc: &Document, spans: &[Span], policy: Policy) -> (Tagged, usize) {
    let tokens = tokenize(doc, spans);
    let layers = layer(&tokens, spans, &LabelSet::default(), policy);
    let depth = layers.layers.len();
    (Tagged::new("news/a.txt", "Done", &tokens, &layers), depth)
}

#[test]
fn the_conll_2003_layout_with_a_docstart_line_and_no_comments() {
    let doc = Document::from_text("Ada said “we won”. Bo left.");
    let spans = vec![
        Span::new(&doc, 0..3, "source"),
        Span::new(&doc, 9..17, "quote"),
    ];
    let (t, depth) = tagged(&doc, &spans, Policy::Longest);
    let out = document(&t, depth, Style::default());
    assert!(
        out.starts_with(
            "-DOCSTART- -X- O O\n\nAda -X- O B-source\nsaid -X- O O\n“ -X- O B-quote\n"
        ),
        "{out}"
    );
    assert!(!out.contains("# "), "{out}");
    assert!(out.ends_with("left -X- O O\n. -X- O O\n\n"), "{out}");
    for line in out.lines().filter(|l| !l.is_empty()) {
        assert_eq!(line.split(' ').count(), 4, "{line}");
    }
    // glosser's CoNLL reader reads it back: the same entities on the same tokens.
    let corpus = read(&out, &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let read_back = &corpus.documents[0];
    let labels: Vec<(String, &str)> = read_back
        .spans
        .iter()
        .map(|s| (read_back.covered_text(s).unwrap(), s.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("Ada".to_owned(), "source"),
            ("“ we won ”".to_owned(), "quote")
        ]
    );
    assert!(
        corpus.skipped.iter().all(|s| !s.what.contains("column")),
        "{:?}",
        corpus.skipped
    );
}

#[test]
fn two_columns_ids_and_layers() {
    let doc = Document::from_text("Ada said hi.");
    let spans = vec![
        Span::new(&doc, 0..8, "claim"),
        Span::new(&doc, 0..3, "source"),
    ];
    let (t, depth) = tagged(&doc, &spans, Policy::Layers);
    let two = document(
        &t,
        depth,
        Style {
            two_columns: true,
            id_comments: true,
        },
    );
    assert_eq!(
        two,
        "-DOCSTART- O\n# document = news/a.txt\n\nAda B-claim B-source\nsaid I-claim O\nhi O O\n. O O\n\n"
    );
    let corpus = read(&two, &ReadOptions::default()).unwrap();
    assert_eq!(
        corpus.documents[0].metadata.document_id.as_deref(),
        Some("news/a.txt")
    );
}
