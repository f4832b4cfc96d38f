//! CoNLL reading on real files from INCEpTION's documentation, seqeval's tests, spaCy's
//! examples and glosser's own export, and the writer read back by the reader.

use crate::conll::{self, ReadOptions, TokenizedDocument, WriteOptions};
use crate::{Corpus, Document, Scheme, Span};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/conll/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn spans(document: &Document) -> Vec<(String, String)> {
    document
        .spans
        .iter()
        .map(|span| (document.covered_text(span).unwrap(), span.label.clone()))
        .collect()
}

fn reasons(corpus: &Corpus) -> Vec<String> {
    corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn inception_conll2002_example() {
    let corpus = conll::read(&fixture("inception-conll2002.txt"), &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let document = &corpus.documents[0];
    assert_eq!(
        document.text,
        "Wolff , currently a journalist in Argentina , played with Del Bosque in the final years of the seventies in Real Madrid ."
    );
    assert_eq!(
        spans(document),
        pairs(&[
            ("Wolff", "PER"),
            ("Argentina", "LOC"),
            ("Del Bosque", "PER"),
            ("Real Madrid", "ORG")
        ])
    );
    assert_eq!(
        reasons(&corpus),
        ["the tags: read as IOB2 (detected from the tags)"]
    );
    assert_eq!(corpus.labels, ["PER", "LOC", "ORG"]);
    assert!(
        document.skipped[0]
            .reason
            .starts_with("rebuilt from the tokens")
    );
}

#[test]
fn inception_conll2003_example_is_iob1_with_unread_columns() {
    let corpus = conll::read(&fixture("inception-conll2003.txt"), &ReadOptions::default()).unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.text, "U.N. official Ekeus heads for Baghdad .");
    assert_eq!(
        spans(document),
        pairs(&[("U.N.", "ORG"), ("Ekeus", "PER"), ("Baghdad", "LOC")])
    );
    assert_eq!(
        reasons(&corpus),
        [
            "the tags: read as IOB1 (detected from the tags)",
            "2 other columns: not kept: only the token and tag columns are read (e.g. line 1)"
        ]
    );
    assert_eq!(
        document.skipped.len(),
        1,
        "no invalid transitions in IOB1: {:?}",
        document.skipped
    );
}

#[test]
fn seqeval_ground_truth_columns() {
    let text = fixture("seqeval-ground_truth-head.txt");
    let gold = conll::read(
        &text,
        &ReadOptions {
            tag_column: Some(2),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    let begins = text
        .lines()
        .filter(|line| {
            line.split(' ')
                .nth(2)
                .is_some_and(|tag| tag.starts_with("B-"))
        })
        .count();
    assert_eq!(gold.documents[0].spans.len(), begins);
    assert_eq!(
        reasons(&gold)[0],
        "the tags: read as IOB2 (detected from the tags)"
    );
    let predicted = conll::read(&text, &ReadOptions::default()).unwrap();
    // The prediction column mixes IOB1's leading I- with B- after other chunks: IOB2 is
    // assumed and every I- that starts a chunk is reported, each still read as a chunk.
    assert_eq!(
        reasons(&predicted)[0],
        "the tags: read as IOB2 (detected from the tags)"
    );
    let first = &predicted.documents[0];
    assert_eq!(first.skipped[1].what, "line 1");
    assert!(
        first.skipped[1]
            .reason
            .starts_with("I-NP after the start of the sentence is invalid in IOB2")
    );
    assert_eq!(
        spans(first)[..3],
        pairs(&[
            ("Rockwell International Corp.", "NP"),
            ("'s Tulsa unit", "NP"),
            ("said", "VP")
        ])
    );
}

#[test]
fn spacy_conll2003_example() {
    let corpus = conll::read(
        &fixture("spacy-ner-token-per-line-conll2003.iob"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let document = &corpus.documents[0];
    assert_eq!(document.metadata.document_id, None);
    assert_eq!(document.text.lines().count(), 2);
    assert_eq!(
        spans(document),
        pairs(&[
            ("Sebastian Thrun", "PERSON"),
            ("Google", "ORG"),
            ("2007", "DATE"),
            ("American", "NORP"),
            ("Thrun", "PERSON"),
            ("Recode", "ORG"),
            ("earlier this week", "DATE"),
        ])
    );
}

#[test]
fn glosser_export_comments_name_the_document_and_are_reported() {
    let corpus = conll::read(
        &fixture("glosser-conll-export.conll"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(corpus.documents.len(), 1);
    let document = &corpus.documents[0];
    assert_eq!(document.metadata.document_id.as_deref(), Some("a.txt"));
    assert_eq!(
        document.text,
        "Putin’s envoy 😀 said “ we won ” today .\nCritics doubt it ."
    );
    assert_eq!(
        spans(document),
        pairs(&[("Putin’s envoy 😀 said “ we won ” today .", "claim")])
    );
    let reasons = reasons(&corpus);
    assert!(
        reasons.contains(
            &"`# sentence = …` comments: not kept (2 lines, e.g. line 4: \"0\")".to_owned()
        ),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("`# status = …` comments"))
    );
}

#[test]
fn documents_comments_tabs_and_hints() {
    let text = "-DOCSTART- (doc1)\n\n# text = New  York, 😀!\nNew\tB-LOC\nYork\tL-LOC\n,\tO\n😀\tU-EMO\n!\tO\n\n\
                -DOCSTART- -X- O O\n# document = second\n\nI-PER B-X\nO O\n# O\n";
    let corpus = conll::read(text, &ReadOptions::default()).unwrap();
    assert_eq!(corpus.documents.len(), 2);
    let first = &corpus.documents[0];
    assert_eq!(first.metadata.document_id.as_deref(), Some("(doc1)"));
    assert_eq!(first.text, "New  York, 😀!");
    assert_eq!(spans(first), pairs(&[("New  York", "LOC"), ("😀", "EMO")]));
    assert!(first.skipped[0].reason.contains("`# text` comments"));
    assert_eq!(
        reasons(&corpus)[0],
        "the tags: read as BILUO (detected from the tags)"
    );
    let second = &corpus.documents[1];
    assert_eq!(second.metadata.document_id.as_deref(), Some("second"));
    assert_eq!(second.text, "I-PER O #");
    assert_eq!(spans(second), pairs(&[("I-PER", "X")]));
    let hinted = conll::read(
        text,
        &ReadOptions {
            scheme: Some(Scheme::Iob2),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(reasons(&hinted)[0], "the tags: read as IOB2 (as given)");
    let problems: Vec<String> = hinted.documents[0]
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.what, s.reason))
        .collect();
    assert!(
        problems.contains(
            &"line 5: L-LOC does not belong to IOB2: read as the end of the LOC entity".to_owned()
        ),
        "{problems:?}"
    );
}

#[test]
fn invalid_transitions_name_their_line() {
    let corpus = conll::read(
        "Ada B-PER\nsaw O\nLovelace I-PER\n",
        &ReadOptions::default(),
    )
    .unwrap();
    let document = &corpus.documents[0];
    assert_eq!(
        spans(document),
        pairs(&[("Ada", "PER"), ("Lovelace", "PER")])
    );
    assert_eq!(document.skipped[1].what, "line 3");
    assert_eq!(
        document.skipped[1].reason,
        "I-PER after O is invalid in IOB2: read as the start of a PER entity"
    );
}

#[test]
fn bad_lines_are_reported_not_dropped() {
    let corpus = conll::read(
        "Ada\nLovelace B-\nx y Q-Z W\n",
        &ReadOptions {
            tag_column: Some(1),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(corpus.documents[0].text, "Ada Lovelace x");
    let reasons = reasons(&corpus);
    assert!(
        reasons
            .iter()
            .any(|r| r
                .starts_with("lines without column 1: not a tag: read as O (1 line, e.g. line 1")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.starts_with(
            "tags that are not tags: not a tag: read as O (1 line, e.g. line 2: \"B-\")"
        )),
        "{reasons:?}"
    );
    assert!(
        conll::read(
            "a b\n",
            &ReadOptions {
                tag_column: Some(0),
                ..ReadOptions::default()
            }
        )
        .is_err()
    );
    assert!(
        conll::read("", &ReadOptions::default())
            .unwrap()
            .documents
            .is_empty()
    );
}

/// Documents whose text is their tokens joined, as the reader rebuilds it.
/// A document and its sentences of token ranges.
type Tokenized = (Document, Vec<Vec<(usize, usize)>>);

fn joined_documents() -> impl Strategy<Value = Vec<Tokenized>> {
    let token = "[a-zA-Z0-9😀é“”,.\u{0301}\u{4e2d}]{1,4}";
    let sentence = proptest::collection::vec((token, 0usize..4), 1..6);
    let document = proptest::collection::vec(sentence, 0..4);
    proptest::collection::vec(document, 1..4).prop_map(|documents| {
        documents
            .into_iter()
            .enumerate()
            .map(|(number, sentences)| {
                let mut text = String::new();
                let mut at = 0;
                let mut ranges = Vec::new();
                let mut spans = Vec::new();
                let mut open: Option<(usize, usize)> = None;
                for (s, sentence) in sentences.iter().enumerate() {
                    if s > 0 {
                        text.push('\n');
                        at += 1;
                    }
                    let mut sentence_ranges = Vec::new();
                    for (t, (token, role)) in sentence.iter().enumerate() {
                        if t > 0 {
                            text.push(' ');
                            at += 1;
                        }
                        let length = token.chars().count();
                        sentence_ranges.push((at, at + length));
                        // role 0: outside; 1: starts an entity; 2 and 3: continue the open one.
                        match (role, open) {
                            (0, _) => open = None,
                            (1, _) | (_, None) => {
                                spans.push(Span {
                                    start: at,
                                    end: at + length,
                                    layer: "ner".into(),
                                    label: ["PER", "LOC"][t % 2].into(),
                                    ..Span::default()
                                });
                                open = Some((spans.len() - 1, s));
                            }
                            (_, Some((index, sentence_of_open))) if sentence_of_open == s => {
                                spans[index].end = at + length;
                            }
                            _ => {
                                spans.push(Span {
                                    start: at,
                                    end: at + length,
                                    layer: "ner".into(),
                                    label: "PER".into(),
                                    ..Span::default()
                                });
                                open = Some((spans.len() - 1, s));
                            }
                        }
                        at += length;
                        text.push_str(token);
                    }
                    open = None;
                    ranges.push(sentence_ranges);
                }
                let mut document = Document::new(text);
                document.spans = spans;
                document.metadata.document_id = Some(format!("d{number}"));
                (document, ranges)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn what_the_writer_writes_the_reader_reads(documents in joined_documents(), scheme in prop::sample::select(vec![Scheme::Iob1, Scheme::Iob2, Scheme::Biluo, Scheme::Bioes]), two in any::<bool>()) {
        let tokenized: Vec<TokenizedDocument> = documents.iter().map(|(document, sentences)| TokenizedDocument { document, sentences: sentences.clone() }).collect();
        let options = WriteOptions {
            columns: if two { conll::Columns::Two } else { conll::Columns::Four },
            document_ids: conll::DocumentIds::Comment,
            scheme,
            layers: None,
        };
        let written = conll::write(&tokenized, &options).unwrap();
        prop_assert!(written.skipped.iter().all(|s| s.reason.contains("no tokens")), "{:?}", written.skipped);
        let read = conll::read(&written.text, &ReadOptions { scheme: Some(scheme), ..ReadOptions::default() }).unwrap();
        prop_assert_eq!(read.documents.len(), documents.len());
        for ((original, _), back) in documents.iter().zip(&read.documents) {
            prop_assert_eq!(&back.text, &original.text);
            prop_assert_eq!(&back.metadata.document_id, &original.metadata.document_id);
            let expected: Vec<(usize, usize, &str)> = original.spans.iter().map(|s| (s.start, s.end, s.label.as_str())).collect();
            let found: Vec<(usize, usize, &str)> = back.spans.iter().map(|s| (s.start, s.end, s.label.as_str())).collect();
            prop_assert_eq!(found, expected);
            prop_assert_eq!(back.skipped.len(), usize::from(!original.text.is_empty()), "{:?}", back.skipped);
        }
    }
}
