//! `restamp` on the cases that used to shift or lose spans (issue: "Spans never shift or vanish
//! silently"), and the anchoring invariant as a property over saves, text changes, reopening,
//! `--fix` and merges.

use proptest::prelude::*;

use super::*;
use crate::store::{self, Link, Status};

fn at(doc: &Document, needle: &str, nth: usize) -> Span {
    let b = doc.text().match_indices(needle).nth(nth).unwrap().0;
    let start = doc.byte_to_char(b).unwrap();
    Span::new(doc, start..start + needle.chars().count(), "claim")
}

fn file_on(doc: &Document, spans: Vec<Span>) -> AnnotationFile {
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.status = Status::InProgress;
    file.spans = AnnotationSet::from_spans(spans);
    // What a save writes: the context hints of the text the spans were made on.
    restamp(&mut file, doc);
    file
}

#[test]
fn two_equal_sentences_reduced_to_one_keep_both_notes() {
    let old = Document::from_text("Tax cuts work. Tax cuts work.");
    let mut first = at(&old, "Tax cuts work.", 0);
    first.note = Some("first".into());
    let mut second = at(&old, "Tax cuts work.", 1);
    second.note = Some("second".into());
    let mut file = file_on(&old, vec![first, second]);
    let new = Document::from_text("Tax cuts work.");
    let r = restamp(&mut file, &new);
    assert_eq!(file.spans.len(), 1);
    assert_eq!(
        file.orphans.len(),
        1,
        "the second cannot share the first's place"
    );
    assert_eq!(r.orphaned.len(), 1);
    let notes: Vec<_> = file.all_spans().filter_map(|s| s.note.clone()).collect();
    assert_eq!(notes, ["first", "second"], "no note is lost");
}

#[test]
fn a_repeated_quote_keeps_its_occurrence_by_context() {
    let old = Document::from_text("Russia said no. Later, Russia said yes.");
    let second = at(&old, "Russia", 1);
    let mut file = file_on(&old, vec![second]);
    let new = Document::from_text("Breaking: Russia said no. Later, Russia said yes.");
    let r = restamp(&mut file, &new);
    let placed = file.spans.get(0).unwrap();
    assert_eq!(
        placed.start,
        at(&new, "Russia", 1).start,
        "still the second"
    );
    assert!(r.ambiguous.is_empty());
}

#[test]
fn a_repeated_quote_without_context_is_reported_ambiguous() {
    let old = Document::from_text("Russia said no. Later, Russia said yes.");
    let mut second = at(&old, "Russia", 1);
    second.orphan = false;
    // A version 1 file: no context hints.
    let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
    file.spans = AnnotationSet::from_spans(vec![second]);
    let new = Document::from_text("Breaking: Russia said no. Later, Russia said yes.");
    let r = restamp(&mut file, &new);
    assert_eq!(r.ambiguous.len(), 1, "never a silent jump: {r:?}");
    assert!(r.summary().contains("1 ambiguous"), "{}", r.summary());
}

#[test]
fn orphans_stay_orphans_until_their_text_returns() {
    let old = Document::from_text("Alpha one. The end. Omega two.");
    let mut file = file_on(
        &old,
        vec![at(&old, "The end.", 0), at(&old, "Omega two.", 0)],
    );
    let changed = Document::from_text("Alpha one. Omega two. Fin.");
    restamp(&mut file, &changed);
    assert_eq!(file.orphans.len(), 1);
    assert_eq!(file.text_sha256, changed.sha256());
    // Saved and read again, restamped on the same text: still an orphan, offsets as they were.
    let text = store::to_ron(&file);
    let mut again = store::parse(&text, std::path::Path::new("a.txt.alice.ron")).unwrap();
    assert_eq!(again, file);
    let r = restamp(&mut again, &changed);
    assert_eq!((again.orphans.len(), r.still_orphaned), (1, 1));
    // The text comes back: the orphan is placed again.
    let back = Document::from_text("Alpha one. Omega two. The end.");
    let r = restamp(&mut again, &back);
    assert_eq!((again.orphans.len(), r.recovered), (0, 1));
    assert!(
        again
            .spans
            .spans()
            .iter()
            .all(|s| s.check_text(&back).is_ok())
    );
}

#[test]
fn links_follow_their_spans() {
    let old = Document::from_text("“We will win,” said Tsahkna.");
    let quote = at(&old, "“We will win,”", 0);
    let mut source = at(&old, "Tsahkna", 0);
    source.label = "source".into();
    let mut file = file_on(&old, vec![quote.clone(), source.clone()]);
    file.links = vec![Link {
        kind: "speaker".into(),
        from: store::LinkEnd::of(&quote),
        to: store::LinkEnd::of(&source),
    }];
    let new = Document::from_text("Tallinn. “We will win,” said Tsahkna.");
    restamp(&mut file, &new);
    let link = &file.links[0];
    assert!(file.spans.spans().iter().any(|s| link.from.matches(s)));
    assert!(file.spans.spans().iter().any(|s| link.to.matches(s)));
}

#[test]
fn a_span_that_no_longer_matches_its_own_hash_is_repaired_not_trusted() {
    let doc = Document::from_text("One two three. Four five six.");
    let mut wrong = at(&doc, "Four five six.", 0);
    wrong.start -= 2;
    wrong.end -= 2;
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.spans = AnnotationSet::from_spans(vec![wrong]);
    let r = restamp(&mut file, &doc);
    assert_eq!(r.moved, 1);
    assert!(file.spans.get(0).unwrap().check_text(&doc).is_ok());
}

fn sentences() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(vec![
            "Tax cuts work.",
            "Russia said no.",
            "“Positive,” he said.",
            "Analysts doubt it.",
            "😀 Emoji news.",
            "中文新闻。",
            "Cafe\u{301} opens.",
            "It rained.",
        ])
        .prop_map(String::from),
        2..12,
    )
}

/// One step an annotation file can go through.
#[derive(Debug, Clone)]
enum Step {
    /// The article is edited: a sentence inserted at, or removed from, a position.
    Insert(usize, String),
    Remove(usize),
    /// Saved and read back.
    SaveLoad,
    /// Opened (restamped) on the current text, as the TUI and `validate --fix` do.
    Restamp,
    /// Merged with an unchanged copy of itself (a teammate's no-op), as the driver does.
    MergeWithSelf,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        prop_oneof![
            (
                0usize..20,
                prop::sample::select(vec!["Tax cuts work.", "New line.", "Russia said no."])
            )
                .prop_map(|(i, s)| Step::Insert(i, s.to_owned())),
            (0usize..20).prop_map(Step::Remove),
            Just(Step::SaveLoad),
            Just(Step::Restamp),
            Just(Step::MergeWithSelf),
        ],
        1..12,
    )
}

proptest! {
    /// After any sequence of edits, saves, reopenings, fixes and merges: every span that is not
    /// an orphan is valid in the text its file is stamped with, and the multiset of (label,
    /// quote, note) is the one we started with — nothing lost, nothing changed.
    #[test]
    fn the_anchoring_invariant_holds_through_every_path(
        mut text in sentences(),
        picks in prop::collection::vec((0usize..100, 0usize..3), 1..8),
        steps in steps(),
    ) {
        let doc = Document::from_text(text.join(" "));
        let labels = ["claim", "quote", "opinion"];
        let mut spans = Vec::new();
        for (n, (pick, label)) in picks.iter().enumerate() {
            let i = pick % text.len();
            let needle = &text[i];
            let nth = text[..i].iter().filter(|s| *s == needle).count();
            let mut span = at(&doc, needle, nth);
            span.label = labels[*label].to_owned();
            span.note = Some(format!("note {n}"));
            spans.push(span);
        }
        let file = file_on(&doc, spans);
        let before: Vec<(String, String, Option<String>)> = multiset(&file);
        let mut file = file;
        let mut texts = std::collections::HashMap::new();
        texts.insert(doc.sha256().to_owned(), doc);
        for step in steps {
            match step {
                Step::Insert(i, s) => {
                    let i = i % (text.len() + 1);
                    text.insert(i, s);
                }
                Step::Remove(i) => {
                    if text.len() > 1 {
                        text.remove(i % text.len());
                    }
                }
                Step::SaveLoad => {
                    let saved = store::to_ron(&file);
                    file = store::parse(&saved, std::path::Path::new("a.txt.alice.ron")).unwrap();
                }
                Step::Restamp => {
                    let doc = Document::from_text(text.join(" "));
                    restamp(&mut file, &doc);
                    texts.insert(doc.sha256().to_owned(), doc);
                }
                Step::MergeWithSelf => {
                    let doc = Document::from_text(text.join(" "));
                    let mut theirs = file.clone();
                    restamp(&mut theirs, &doc);
                    let mut base = file.clone();
                    restamp(&mut base, &doc);
                    restamp(&mut file, &doc);
                    file = crate::merge3::merge3(&base, &file, &theirs).file;
                    texts.insert(doc.sha256().to_owned(), doc);
                }
            }
            let stamped = &texts[&file.text_sha256];
            for span in file.spans.spans() {
                prop_assert!(span.check_text(stamped).is_ok(), "{:?} under {:?}", span, file.text_sha256);
            }
            prop_assert_eq!(&multiset(&file), &before);
        }
    }
}

fn multiset(file: &AnnotationFile) -> Vec<(String, String, Option<String>)> {
    let mut all: Vec<_> = file
        .all_spans()
        .map(|s| (s.label.clone(), s.quote.clone(), s.note.clone()))
        .collect();
    all.sort();
    all
}
