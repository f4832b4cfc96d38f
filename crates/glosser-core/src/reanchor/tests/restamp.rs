//! `restamp` on the cases that used to shift or lose spans (issue: "Spans never shift or vanish
//! silently", and issue 25's hostile cases: repeated quotes, context ignored, a search window,
//! forgotten ambiguity), and the anchoring invariant as a property over saves, text changes,
//! reopening, `--fix` and merges.

use proptest::prelude::*;

use super::super::*;
use crate::old_texts::{NoOldTexts, OldTexts};
use crate::span::AnnotationSet;
use crate::store::{self, AnnotationFile, Link, Status};
use crate::text::Document;

pub(super) fn at(doc: &Document, needle: &str, nth: usize) -> Span {
    let b = doc.text().match_indices(needle).nth(nth).unwrap().0;
    let start = doc.byte_to_char(b).unwrap();
    Span::new(doc, start..start + needle.chars().count(), "claim")
}

pub(super) fn file_on(doc: &Document, spans: Vec<Span>) -> AnnotationFile {
    let mut file = AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.status = Status::InProgress;
    file.spans = AnnotationSet::from_spans(spans);
    // What a save writes: the context hints of the text the spans were made on.
    restamp(&mut file, doc, &NoOldTexts);
    file
}

/// Where each of `file`'s spans is, placed or not: (start, label, note, state).
pub(super) fn places(file: &AnnotationFile) -> Vec<(usize, String, Option<String>, &'static str)> {
    file.all_spans()
        .map(|s| {
            let state = if s.orphan {
                "orphan"
            } else if s.ambiguous {
                "ambiguous"
            } else {
                "placed"
            };
            (s.start, s.label.clone(), s.note.clone(), state)
        })
        .collect()
}

/// Restamps copies of `file` onto `new`, knowing the old text `old` and not, and returns both.
pub(super) fn both_ways(
    file: &AnnotationFile,
    old: &Document,
    new: &Document,
) -> [(AnnotationFile, Restamped); 2] {
    let run = |texts: &dyn OldTexts| {
        let mut copy = file.clone();
        let report = restamp(&mut copy, new, texts);
        (copy, report)
    };
    [run(old), run(&NoOldTexts)]
}

#[test]
fn two_equal_sentences_reduced_to_one_keep_both_notes() {
    let old = Document::from_text("Tax cuts work. Tax cuts work.");
    let mut first = at(&old, "Tax cuts work.", 0);
    first.note = Some("first".into());
    let mut second = at(&old, "Tax cuts work.", 1);
    second.note = Some("second".into());
    let file = file_on(&old, vec![first, second]);
    let new = Document::from_text("Tax cuts work.");
    for (file, r) in both_ways(&file, &old, &new) {
        assert!(file.spans.len() <= 1, "{:?}", places(&file));
        assert_eq!(
            file.all_spans().count(),
            2,
            "both are kept: {:?}",
            places(&file)
        );
        assert!(
            r.orphaned().count() >= 1,
            "the second cannot share the first's place"
        );
        let mut notes: Vec<_> = file.all_spans().filter_map(|s| s.note.clone()).collect();
        notes.sort();
        assert_eq!(notes, ["first", "second"], "no note is lost");
    }
}

#[test]
fn a_repeated_quote_keeps_its_occurrence_by_context() {
    let old = Document::from_text("Russia said no. Later, Russia said yes.");
    let second = at(&old, "Russia", 1);
    let file = file_on(&old, vec![second]);
    let new = Document::from_text("Breaking: Russia said no. Later, Russia said yes.");
    for (file, r) in both_ways(&file, &old, &new) {
        let placed = file.spans.get(0).unwrap();
        assert_eq!(
            placed.start,
            at(&new, "Russia", 1).start,
            "still the second"
        );
        assert_eq!(r.ambiguous().count(), 0);
    }
}

#[test]
fn a_repeated_quote_without_context_is_stored_ambiguous() {
    let old = Document::from_text("Russia said no. Later, Russia said yes.");
    let second = at(&old, "Russia", 1);
    // A version 1 file: no context hints, and the old text is not known.
    let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
    file.spans = AnnotationSet::from_spans(vec![second]);
    let new = Document::from_text("Breaking: Russia said no. Later, Russia said yes.");
    let r = restamp(&mut file, &new, &NoOldTexts);
    assert_eq!(r.ambiguous().count(), 1, "never a silent jump: {r:?}");
    assert!(r.summary().contains("1 ambiguous"), "{}", r.summary());
    assert!(file.spans.is_empty() && file.orphans[0].ambiguous);
    // Stored, read back, and still ambiguous at the next restamp: ambiguity is not forgotten.
    let text = store::to_ron(&file);
    assert!(
        text.contains("ambiguous: true") && text.contains("glosser: 3"),
        "{text}"
    );
    let mut again = store::parse(&text, std::path::Path::new("a.txt.alice.ron")).unwrap();
    assert_eq!(again, file);
    let r = restamp(&mut again, &new, &NoOldTexts);
    assert_eq!((r.still_ambiguous, again.orphans.len()), (1, 1));
    assert!(r.summary().contains("1 ambiguous"), "{}", r.summary());
}

#[test]
fn orphans_stay_orphans_until_their_text_returns() {
    let old = Document::from_text("Alpha one. The end. Omega two.");
    let mut file = file_on(
        &old,
        vec![at(&old, "The end.", 0), at(&old, "Omega two.", 0)],
    );
    let changed = Document::from_text("Alpha one. Omega two.");
    restamp(&mut file, &changed, &old);
    assert_eq!(file.orphans.len(), 1);
    assert_eq!(file.text_sha256, changed.sha256());
    // Saved and read again, restamped on the same text: still an orphan, offsets as they were.
    let text = store::to_ron(&file);
    let mut again = store::parse(&text, std::path::Path::new("a.txt.alice.ron")).unwrap();
    assert_eq!(again, file);
    let r = restamp(&mut again, &changed, &NoOldTexts);
    assert_eq!((again.orphans.len(), r.still_orphaned), (1, 1));
    // The text comes back where it was: the orphan is placed again.
    let back = Document::from_text("Alpha one. The end. Omega two.");
    let r = restamp(&mut again, &back, &NoOldTexts);
    assert_eq!(
        (again.orphans.len(), r.recovered()),
        (0, 1),
        "{:?}",
        places(&again)
    );
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
    for (file, _) in both_ways(&file, &old, &new) {
        let link = &file.links[0];
        assert!(file.spans.spans().iter().any(|s| link.from.matches(s)));
        assert!(file.spans.spans().iter().any(|s| link.to.matches(s)));
    }
}

#[test]
fn a_span_whose_offsets_disagree_with_its_quote_is_found_again_and_reported() {
    let doc = Document::from_text("One two three. Four five six.");
    let placed = file_on(&doc, vec![at(&doc, "Four five six.", 0)]);
    let mut wrong = placed.spans.get(0).unwrap().clone();
    wrong.start -= 2;
    wrong.end -= 2;
    let mut file = placed.clone();
    file.spans = AnnotationSet::from_spans(vec![wrong]);
    let r = restamp(&mut file, &doc, &NoOldTexts);
    assert!(
        r.changed(),
        "an up-to-date file with a wrong span is not fine: {r:?}"
    );
    assert_eq!(r.reanchored(), 1, "{r:?}");
    assert!(file.spans.get(0).unwrap().check_text(&doc).is_ok());
    // 0..4 with quote "Alpha": the offsets hold "Alph" — found again at 0..5.
    let doc = Document::from_text("Alpha beta. Gamma.");
    let mut file = file_on(&doc, vec![at(&doc, "Alpha", 0)]);
    let mut short = file.spans.get(0).unwrap().clone();
    short.end = 4;
    file.spans = AnnotationSet::from_spans(vec![short]);
    let r = restamp(&mut file, &doc, &NoOldTexts);
    assert!(
        r.changed() && file.spans.get(0).is_some_and(|s| s.end == 5),
        "{r:?}"
    );
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
        know_old in any::<bool>(),
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
                    restamp(&mut file, &doc, &Known(&texts, know_old));
                    texts.insert(doc.sha256().to_owned(), doc);
                }
                Step::MergeWithSelf => {
                    let doc = Document::from_text(text.join(" "));
                    let old = Known(&texts, know_old);
                    let mut theirs = file.clone();
                    restamp(&mut theirs, &doc, &old);
                    let mut base = file.clone();
                    restamp(&mut base, &doc, &old);
                    restamp(&mut file, &doc, &old);
                    file = crate::merge3::merge3(&base, &file, &theirs).file;
                    texts.insert(doc.sha256().to_owned(), doc);
                }
            }
            let stamped = &texts[&file.text_sha256];
            let ambiguous = file.orphans.iter().filter(|s| s.ambiguous);
            for span in file.spans.spans().iter().chain(ambiguous) {
                prop_assert!(span.check_text(stamped).is_ok(), "{:?} under {:?}", span, file.text_sha256);
            }
            prop_assert_eq!(&multiset(&file), &before);
        }
    }
}

/// The texts seen so far, as old texts (or none, to test the search alone).
struct Known<'a>(&'a std::collections::HashMap<String, Document>, bool);

impl OldTexts for Known<'_> {
    fn find(&self, sha256: &str) -> Option<Document> {
        self.1.then(|| self.0.get(sha256).cloned()).flatten()
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
