use super::*;

fn document(text: &str, spans: &[(usize, usize, &str)]) -> Document {
    let mut document = Document::new(text);
    document.metadata.document_id = Some("a.txt".into());
    for &(start, end, label) in spans {
        document.spans.push(Span {
            start,
            end,
            label: label.into(),
            layer: "ner".into(),
            ..Span::default()
        });
    }
    document
}

#[test]
fn writes_docstart_columns_and_iob2() {
    let doc = document(
        "Ada Lovelace met\nBob .",
        &[(0, 12, "PER"), (17, 20, "PER")],
    );
    let tokenized = TokenizedDocument {
        document: &doc,
        sentences: vec![vec![(0, 3), (4, 12), (13, 16)], vec![(17, 20), (21, 22)]],
    };
    let written = write(std::slice::from_ref(&tokenized), &WriteOptions::default()).unwrap();
    assert_eq!(
        written.text,
        "-DOCSTART- -X- O O\n\nAda -X- O B-PER\nLovelace -X- O I-PER\nmet -X- O O\n\nBob -X- O B-PER\n. -X- O O\n\n"
    );
    assert!(written.skipped.is_empty());
    let options = WriteOptions {
        columns: Columns::Two,
        document_ids: DocumentIds::Comment,
        scheme: Scheme::Biluo,
        layers: None,
    };
    let written = write(&[tokenized], &options).unwrap();
    assert!(
        written
            .text
            .starts_with("-DOCSTART- -X- O O\n# document = a.txt\n\nAda B-PER\nLovelace L-PER\n")
    );
}

#[test]
fn spans_that_do_not_fit_are_reported() {
    let doc = document(
        "Ada Lovelace met Bob",
        &[(0, 3, "PER"), (0, 12, "PER"), (4, 14, "X"), (4, 16, "Y")],
    );
    let tokenized = TokenizedDocument {
        document: &doc,
        sentences: vec![vec![(0, 3), (4, 12)], vec![(13, 16), (17, 20)]],
    };
    let written = write(&[tokenized], &WriteOptions::default()).unwrap();
    let reasons: Vec<&str> = written.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].starts_with("overlaps span 0..12 PER"));
    assert!(reasons[1].contains("sentence boundary"));
    assert!(reasons[2].contains("token boundaries"));
    assert!(
        written
            .text
            .contains("Ada -X- O B-PER\nLovelace -X- O I-PER\n")
    );
}

#[test]
fn unwritable_tokens_and_labels_are_errors() {
    let doc = document("New York -DOCSTART-", &[]);
    let write_one = |sentences: Vec<Vec<TokenRange>>| {
        write(
            &[TokenizedDocument {
                document: &doc,
                sentences,
            }],
            &WriteOptions::default(),
        )
    };
    assert!(matches!(
        write_one(vec![vec![(0, 8)]]),
        Err(Error::Token { token: 1, .. })
    ));
    assert!(matches!(
        write_one(vec![vec![(9, 19)]]),
        Err(Error::Token { .. })
    ));
    assert!(matches!(
        write_one(vec![vec![(4, 8), (0, 3)]]),
        Err(Error::Token { token: 2, .. })
    ));
    assert!(matches!(
        write_one(vec![vec![(0, 40)]]),
        Err(Error::TokenRange { .. })
    ));
    assert!(matches!(
        write_one(vec![vec![(2, 2)]]),
        Err(Error::TokenRange { .. })
    ));
    let bad_label = document("Ada", &[(0, 3, "a b")]);
    let tokenized = TokenizedDocument {
        document: &bad_label,
        sentences: vec![vec![(0, 3)]],
    };
    assert!(matches!(
        write(&[tokenized], &WriteOptions::default()),
        Err(Error::Label { .. })
    ));
    let empty = document("", &[]);
    let written = write(
        &[TokenizedDocument {
            document: &empty,
            sentences: vec![],
        }],
        &WriteOptions::default(),
    )
    .unwrap();
    assert_eq!(written.text, "-DOCSTART- -X- O O\n\n");
    assert!(written.skipped[0].reason.contains("no tokens"));
}
