use std::path::Path;

use super::*;
use crate::text::Document;

const TEXT: &str = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n";

fn file_of(doc: &Document, annotator: &str, spans: &[(&str, &str)]) -> AnnotationFile {
    let mut file = AnnotationFile::new("a.txt", annotator, doc.sha256());
    for (quote, label) in spans {
        let at = doc
            .byte_to_char(doc.text().find(quote).expect("quote"))
            .expect("char");
        file.spans
            .insert_unchecked(Span::new(doc, at..at + quote.chars().count(), *label));
    }
    file
}

fn gold_adjudicated(
    doc: &Document,
    alice: &AnnotationFile,
    bob: &AnnotationFile,
) -> AnnotationFile {
    let mut gold = file_of(doc, "gold", &[("Alpha beta gamma.", "claim")]);
    gold.status = Status::Done;
    gold.adjudicated = Some(record(
        doc.sha256(),
        &[("alice".into(), Some(alice)), ("bob".into(), Some(bob))],
    ));
    gold
}

#[test]
fn a_fingerprint_is_the_label_and_the_words_not_the_offsets() {
    let doc = Document::from_text(TEXT);
    let moved = Document::from_text(format!("New lead. {TEXT}"));
    let a = file_of(&doc, "alice", &[("Delta epsilon zeta.", "claim")]);
    let b = file_of(&moved, "alice", &[("Delta epsilon zeta.", "claim")]);
    let print = |f: &AnnotationFile| fingerprint(&f.spans.spans()[0]);
    assert_eq!(print(&a), print(&b));
    assert!(print(&a).starts_with("claim:"), "{}", print(&a));
    assert_eq!(print(&a).len(), "claim:".len() + 8);
}

#[test]
fn spans_added_removed_and_relabelled_after_adjudication_are_counted_per_annotator() {
    let doc = Document::from_text(TEXT);
    let alice = file_of(
        &doc,
        "alice",
        &[("Alpha beta gamma.", "claim"), ("Eta theta iota.", "quote")],
    );
    let bob = file_of(&doc, "bob", &[("Alpha beta gamma.", "claim")]);
    let gold = gold_adjudicated(&doc, &alice, &bob);
    let same = |name: &str| {
        Some(if name == "alice" {
            alice.clone()
        } else {
            bob.clone()
        })
    };
    let nothing = since(&gold, Some(doc.sha256()), &same, &[]).expect("adjudicated");
    assert!(nothing.is_empty(), "{nothing:?}");
    // Alice relabels her quote and adds a span; Bob deletes his only span.
    let alice_now = file_of(
        &doc,
        "alice",
        &[
            ("Alpha beta gamma.", "claim"),
            ("Eta theta iota.", "opinion"),
            ("Delta epsilon zeta.", "claim"),
        ],
    );
    let bob_now = file_of(&doc, "bob", &[]);
    let now = |name: &str| {
        Some(if name == "alice" {
            alice_now.clone()
        } else {
            bob_now.clone()
        })
    };
    let changed = since(&gold, Some(doc.sha256()), &now, &[]).expect("adjudicated");
    assert!(!changed.text_changed);
    assert_eq!(
        changed.annotators["alice"],
        SpanChanges {
            added: 1,
            removed: 0,
            relabelled: 1
        }
    );
    assert_eq!(
        changed.annotators["bob"],
        SpanChanges {
            added: 0,
            removed: 1,
            relabelled: 0
        }
    );
    assert_eq!(changed.describe(), "spans alice +1 1 relabelled, bob −1");
    // A file gone is every span removed; gold not Done is not adjudicated at all.
    let gone = since(&gold, Some(doc.sha256()), &|_| None, &[]).expect("adjudicated");
    assert_eq!(gone.annotators["alice"].removed, 2);
    let mut open = gold.clone();
    open.status = Status::InProgress;
    assert_eq!(since(&open, Some(doc.sha256()), &now, &[]), None);
}

#[test]
fn a_text_edit_stays_visible_after_gold_is_restamped_and_saved() {
    let doc = Document::from_text(TEXT);
    let alice = file_of(&doc, "alice", &[("Alpha beta gamma.", "claim")]);
    let bob = alice.clone();
    let mut gold = gold_adjudicated(&doc, &alice, &bob);
    let edited = Document::from_text(format!("Breaking: {TEXT}"));
    // `validate --fix` restamps gold onto the new text, then it is written and read again.
    crate::reanchor::restamp(&mut gold, &edited, &crate::old_texts::NoOldTexts);
    assert_eq!(gold.text_sha256, edited.sha256());
    let text = crate::store::to_ron(&gold);
    assert!(text.starts_with("(\n    glosser: 4,"), "{text}");
    let again = crate::store::parse(&text, Path::new("a.txt.gold.ron")).expect("parses");
    assert_eq!(again, gold, "the record round-trips");
    let restamped = |name: &str| {
        let mut f = if name == "alice" {
            alice.clone()
        } else {
            bob.clone()
        };
        crate::reanchor::restamp(&mut f, &edited, &crate::old_texts::NoOldTexts);
        Some(f)
    };
    let changed = since(&again, Some(edited.sha256()), &restamped, &[]).expect("adjudicated");
    assert!(changed.text_changed);
    assert!(
        changed.annotators.is_empty(),
        "re-anchored spans are the same spans"
    );
    assert_eq!(changed.describe(), "article text changed");
}

#[test]
fn gold_adjudicated_by_an_earlier_glosser_is_judged_by_its_own_hash_and_spans() {
    let doc = Document::from_text(TEXT);
    let mut gold = file_of(&doc, "gold", &[("Alpha beta gamma.", "claim")]);
    gold.status = Status::Done;
    let alice = file_of(
        &doc,
        "alice",
        &[("Alpha beta gamma.", "claim"), ("Eta theta iota.", "quote")],
    );
    let names = ["alice".to_owned()];
    let changed = since(&gold, Some(doc.sha256()), &|_| Some(alice.clone()), &names).expect("done");
    assert_eq!(changed.annotators["alice"].added, 1);
    assert!(!changed.text_changed);
    let stale = since(&gold, Some(&"0".repeat(64)), &|_| None, &names).expect("done");
    assert!(stale.text_changed);
}
