//! WebAnno TSV fixtures from INCEpTION's own test suite, read and checked against what
//! INCEpTION's reader makes of them (its reference XMI files, where the suite has one).

#![allow(clippy::type_complexity)]
use crate::{Document, LayerKind, Span, tsv, xmi};

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn covered(document: &Document, span: &Span) -> String {
    document.covered_text(span).unwrap()
}

fn layer<'a>(document: &'a Document, name: &str) -> Vec<&'a Span> {
    document
        .spans
        .iter()
        .filter(|span| span.layer.ends_with(name))
        .collect()
}

#[test]
fn example2_multi_token_stacked_spans_and_dependency_relations() {
    let imported = tsv::read(&fixture("tsv/example2.tsv")).unwrap();
    let document = &imported.document;
    assert!(
        document
            .text
            .starts_with("Ms. Haag plays Elianti .\nRolls-Royce Motor Cars")
    );
    assert!(document.text.ends_with("building products .\n"));
    assert_eq!(document.text.encode_utf16().count(), 445);
    assert_eq!(layer(document, "POS").len(), 86);
    let entities: Vec<(String, &str)> = layer(document, "NamedEntity")
        .into_iter()
        .map(|span| (covered(document, span), span.label.as_str()))
        .collect();
    let expected = [
        ("Ms. Haag", "PER"),
        ("Elianti", "OTH"),
        ("Rolls-Royce Motor", "ORG"),
        ("U.S.", "LOC"),
        ("U.S.", "LOC"),
        ("BELL INDUSTRIES Inc.", "ORG"),
        ("BELL", "PER"),
        ("Bell", "ORG"),
        ("Los Angeles", "LOC"),
    ];
    let expected: Vec<(String, &str)> = expected
        .iter()
        .map(|(text, label)| ((*text).to_owned(), *label))
        .collect();
    assert_eq!(entities, expected);
    assert_eq!(document.relations.len(), 86);
    let described: Vec<(String, String, &str)> = document
        .relations
        .iter()
        .take(4)
        .map(|relation| {
            (
                covered(document, &document.spans[relation.from]),
                covered(document, &document.spans[relation.to]),
                relation.label.as_str(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            ("plays".to_owned(), "Ms.".to_owned(), "SUBJ"),
            ("plays".to_owned(), "Haag".to_owned(), "SBJ"),
            (".".to_owned(), "plays".to_owned(), "P"),
            ("plays".to_owned(), "plays".to_owned(), "ROOT"),
        ]
    );
    assert!(
        document
            .relations
            .iter()
            .all(|r| document.spans[r.from].layer.ends_with("POS"))
    );
    let dependency = imported
        .schema
        .layer("de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency")
        .unwrap();
    assert_eq!(dependency.label_feature.as_deref(), Some("DependencyType"));
    assert_eq!(
        dependency.kind,
        LayerKind::Relation {
            attach: Some("de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS".into())
        }
    );
    let gaps = document
        .skipped
        .iter()
        .find(|s| s.what == "the text between sentences")
        .unwrap();
    assert!(
        gaps.reason
            .contains("6 one-character gaps were filled with a line break"),
        "{}",
        gaps.reason
    );
}

#[test]
fn stacked_multi_unit_spans_over_sub_tokens_match_inceptions_reference() {
    let document = tsv::read(&fixture("tsv/stacked-subtoken-multitoken.tsv"))
        .unwrap()
        .document;
    let mut found: Vec<(usize, usize, &str)> = document
        .spans
        .iter()
        .map(|span| (span.start, span.end, span.label.as_str()))
        .collect();
    found.sort_unstable();
    // The NamedEntity annotations of INCEpTION's reference.xmi for this test.
    let mut expected = vec![
        (0, 10, "7a"),
        (0, 10, "7b"),
        (0, 13, "2a"),
        (0, 13, "2b"),
        (0, 6, "1a"),
        (0, 6, "1b"),
        (10, 10, "10a"),
        (10, 10, "10b"),
        (13, 13, "12a"),
        (13, 13, "12b"),
        (3, 10, "8a"),
        (3, 10, "8b"),
        (3, 13, "6a"),
        (3, 13, "6b"),
        (3, 17, "9a"),
        (3, 17, "9b"),
        (7, 10, "4a"),
        (7, 10, "4b"),
        (7, 7, "11a"),
        (7, 7, "11b"),
        (9, 10, "3a"),
        (9, 10, "3b"),
        (9, 13, "5a"),
        (9, 13, "5b"),
    ];
    expected.sort_unstable();
    assert_eq!(found, expected);
}

#[test]
fn sub_token_relation_agrees_with_inceptions_reference_xmi() {
    let from_tsv = tsv::read(&fixture("tsv/subtoken-relation.tsv"))
        .unwrap()
        .document;
    let from_xmi = xmi::read(&fixture("xmi/subtoken-relation.xmi"), None)
        .unwrap()
        .document;
    assert_eq!(from_tsv.text, "Test\n");
    assert_eq!(from_xmi.text, "Test");
    let describe = |document: &Document| -> (
        Vec<(usize, usize, String)>,
        Vec<((usize, usize), (usize, usize))>,
    ) {
        let mut spans: Vec<(usize, usize, String)> = document
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect();
        spans.sort();
        let relations = document
            .relations
            .iter()
            .map(|r| {
                let (from, to) = (&document.spans[r.from], &document.spans[r.to]);
                ((from.start, from.end), (to.start, to.end))
            })
            .collect();
        (spans, relations)
    };
    assert_eq!(describe(&from_tsv), describe(&from_xmi));
    assert_eq!(describe(&from_tsv).1, [((0, 1), (3, 4))]);
}

#[test]
fn emoji_offsets_are_utf16() {
    let document = tsv::read(&fixture("tsv/sentence-with-emoji.tsv"))
        .unwrap()
        .document;
    assert_eq!(document.text, "I like it 😊 .\n");
    assert_eq!(document.spans.len(), 1);
    let span = &document.spans[0];
    assert_eq!((span.start, span.end, span.label.as_str()), (10, 11, ""));
    assert_eq!(covered(&document, span), "😊");
}

#[test]
fn sentences_without_a_gap_and_multi_line_sentences() {
    let document = tsv::read(&fixture("tsv/two-sentences-no-space.tsv"))
        .unwrap()
        .document;
    assert_eq!(document.text, "onetwo\n");
    let gaps = document
        .skipped
        .iter()
        .find(|s| s.what == "the text between sentences")
        .unwrap();
    assert!(gaps.reason.contains("1 sentences with no gap were joined"));
    let document = tsv::read(&fixture("tsv/sentence-with-line-break.tsv"))
        .unwrap()
        .document;
    assert_eq!(document.text, "This is\na test .\n");
    assert_eq!(covered(&document, &document.spans[0]), "This");
}

#[test]
fn escaped_values_are_unescaped() {
    let document = tsv::read(&fixture("tsv/special-symbols-value.tsv"))
        .unwrap()
        .document;
    assert_eq!(document.spans.len(), 5);
    assert!(
        document
            .spans
            .iter()
            .all(|span| span.label == "#*'\"`´\t:;{}|[ ]()\\§$%?=&_\n")
    );
}

#[test]
fn chains_are_read_as_links() {
    let imported = tsv::read(&fixture("tsv/simple-chain.tsv")).unwrap();
    let document = &imported.document;
    let texts: Vec<String> = document
        .spans
        .iter()
        .map(|s| covered(document, s))
        .collect();
    assert_eq!(texts, ["This", "is", "a"]);
    let links: Vec<(usize, usize)> = document.relations.iter().map(|r| (r.from, r.to)).collect();
    assert_eq!(links, [(0, 1), (1, 2)]);
    assert_eq!(
        imported
            .schema
            .layer("webanno.custom.SimpleLink")
            .unwrap()
            .kind,
        LayerKind::Chain
    );
}

#[test]
fn constructed_gaps_slots_and_bad_rows() {
    let tsv_text = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Host|ROLE_webanno.custom.Host:links_webanno.custom.Link|webanno.custom.Host|value\n\n\n#Text=a😀\n1-1\t0-1\ta\tr1\t1-2\tX\n1-2\t1-3\t😀\t_\t_\t_\n1-2.1\t1-2\t?\t_\t_\tHALF\n\n#Text=b\n2-1\t6-7\tb\t_\t_\tY\n";
    let document = tsv::read(tsv_text).unwrap().document;
    assert_eq!(document.text, "a😀\n  b\n");
    let labels: Vec<&str> = document.spans.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["X", "Y"]);
    let reasons: Vec<&str> = document.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("its end 2 falls inside character 1")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("slot features")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("1 longer gaps")),
        "{reasons:?}"
    );
    let short_row =
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=a\n1-1\t0-1\ta\n";
    assert!(tsv::read(short_row).is_err());
    let overlapping =
        "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=abc\n1-1\t0-3\tabc\t\n\n#Text=b\n2-1\t1-2\tb\t\n";
    assert!(tsv::read(overlapping).is_err());
    let no_text = "#FORMAT=WebAnno TSV 3.3\n\n\n1-1\t0-3\tabc\t\n";
    assert!(tsv::read(no_text).is_err());
}
