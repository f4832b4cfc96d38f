//! `restamp` on the cases that used to shift or lose spans (issue: "Spans never shift or vanish
//! silently", and issue 25's hostile cases: repeated quotes, context ignored, a search window,
//! forgotten ambiguity), and the anchoring invariant as a property over saves, text changes,
//! reopening, `--fix` and merges.

use proptest::prelude::*;

use super::*;
use crate::old_texts::{NoOldTexts, OldTexts};
use crate::span::AnnotationSet;
use crate::store::{self, AnnotationFile, Link, Status};
use crate::text::Document;

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
    restamp(&mut file, doc, &NoOldTexts);
    file
}

/// Where each of `file`'s spans is, placed or not: (start, label, note, state).
fn places(file: &AnnotationFile) -> Vec<(usize, String, Option<String>, &'static str)> {
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
fn both_ways(
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

// Issue 25, case 1: "the minister said no" twice, a noted span on the second; text edited
// right next to the second occurrence.
#[test]
fn an_edit_next_to_the_second_of_two_quotes_keeps_the_span_and_note_on_the_second() {
    let old = Document::from_text(
        "On Monday the minister said no to the plan. Reporters asked again on Tuesday, and the minister said no once more, officials confirmed.",
    );
    let mut second = at(&old, "the minister said no", 1);
    second.note = Some("Tuesday".into());
    let file = file_on(&old, vec![second]);
    let new = Document::from_text(
        "On Monday the minister said no to the plan. Reporters asked again on Tuesday, and this time the minister said no once more, officials confirmed.",
    );
    let want = at(&new, "the minister said no", 1).start;
    for (file, _) in both_ways(&file, &old, &new) {
        let span = file.spans.get(0).expect("placed");
        assert_eq!((span.start, span.note.as_deref()), (want, Some("Tuesday")));
    }
}

// Issue 25, case 2: a word changed inside a claim; another sentence shares its first and last
// words. The claim is never put on the other sentence.
#[test]
fn a_claim_edited_inside_is_orphaned_never_moved_to_a_look_alike_sentence() {
    let old = Document::from_text(
        "The ministry issued a statement on Monday about the border closure and its costs. The ministry issued a statement on Friday about the border closure and its costs. Later news.",
    );
    let mut friday = at(
        &old,
        "The ministry issued a statement on Friday about the border closure and its costs.",
        0,
    );
    friday.note = Some("FRIDAY statement".into());
    let file = file_on(&old, vec![friday]);
    let new = Document::from_text(
        "The ministry issued a statement on Monday about the border closure and its costs. The ministry issued a short statement on Friday about the border closure and its costs. Later news.",
    );
    for (file, r) in both_ways(&file, &old, &new) {
        assert!(file.spans.is_empty(), "not placed: {:?}", places(&file));
        assert!(file.orphans[0].orphan, "{:?}", places(&file));
        assert_eq!(r.orphaned().count(), 1);
        // The best place offered is the Friday sentence, not the Monday one.
        let offered = r
            .orphaned()
            .next()
            .unwrap()
            .offered
            .clone()
            .expect("an offer");
        assert!(
            new.slice(offered.start, offered.end).contains("Friday"),
            "{offered:?}"
        );
    }
}

// Issue 25, case 3: the span's own words change case, or its sentence is deleted; the only
// other "Russia" is never taken.
#[test]
fn a_span_whose_own_words_are_gone_is_orphaned_not_moved_to_the_other_occurrence() {
    let old = Document::from_text(
        "Officials in Moscow met the envoys. Russia rejected the plan on Friday. The talks were about Ukraine and Russia alike.",
    );
    let mut first = at(&old, "Russia", 0);
    first.note = Some("the rejecting one".into());
    let file = file_on(&old, vec![first]);
    for new in [
        "Officials in Moscow met the envoys. RUSSIA rejected the plan on Friday. The talks were about Ukraine and Russia alike.",
        "Officials in Moscow met the envoys. The talks were about Ukraine and Russia alike.",
    ] {
        let new = Document::from_text(new);
        for (file, _) in both_ways(&file, &old, &new) {
            assert!(file.spans.is_empty(), "{new:?}: {:?}", places(&file));
            assert!(file.orphans[0].orphan);
        }
    }
}

// Issue 25, case 4: a 100 KB lead inserted; another occurrence lies near the old offset, the
// span's own fully matching one far away.
#[test]
fn a_long_lead_does_not_make_a_nearer_occurrence_win() {
    let old = Document::from_text(
        "Prologue. The minister said no. Middle part of the story. Then the minister said no again, firmly.",
    );
    let mut second = at(&old, "the minister said no", 0);
    second.note = Some("second".into());
    let file = file_on(&old, vec![second]);
    let mut lead = String::new();
    while lead.len() < 100_000 {
        lead.push_str("Filler words about nothing in particular. ");
    }
    lead.push_str("Here too the minister said no, as a quote. ");
    let new = Document::from_text(format!("{lead}{}", old.text()));
    let want = at(&new, "the minister said no", 1).start;
    for (file, _) in both_ways(&file, &old, &new) {
        assert_eq!(
            file.spans.get(0).map(|s| s.start),
            Some(want),
            "{:?}",
            places(&file)
        );
    }
}

#[test]
fn an_ambiguous_span_stays_ambiguous_when_the_text_changes_again() {
    let old = Document::from_text("Yes. Yes. End of the story here.");
    let mut file = AnnotationFile::new("a.txt", "alice", old.sha256());
    file.spans = AnnotationSet::from_spans(vec![at(&old, "Yes.", 1)]);
    let new = Document::from_text("Intro. Yes. Yes. End of the story here.");
    restamp(&mut file, &new, &NoOldTexts);
    assert!(file.orphans[0].ambiguous);
    let newer = Document::from_text("A new intro. Yes. Yes. End of the story here.");
    let r = restamp(&mut file, &newer, &new);
    assert!(file.spans.is_empty() && file.orphans[0].ambiguous, "{r:?}");
    assert!(
        file.orphans[0].check_text(&newer).is_ok(),
        "valid where it sits"
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

#[test]
fn a_span_whose_neighbours_were_both_edited_waits_for_a_person() {
    let old = Document::from_text("Alpha one. The end. Omega two.");
    let file = file_on(&old, vec![at(&old, "Omega two.", 0)]);
    // The sentence before it deleted, one appended after it: nothing around it is as it was.
    let new = Document::from_text("Alpha one. Omega two. Fin.");
    let [(diffed, by_diff), (searched, _)] = both_ways(&file, &old, &new);
    // By diff its words are where they were, but nothing vouches for them: ambiguous, there.
    assert!(diffed.spans.is_empty(), "{:?}", places(&diffed));
    assert_eq!(by_diff.ambiguous().count(), 1, "{by_diff:?}");
    assert_eq!(diffed.orphans[0].start, at(&new, "Omega two.", 0).start);
    // By search its context agrees nowhere: an orphan, its place offered.
    assert!(searched.spans.is_empty() && searched.orphans[0].orphan);
}

/// Issue 25, case 8: re-anchoring moves a linked span onto the offsets where another linked
/// span was just orphaned. The orphan moves off them and each link follows its own span, so no
/// two spans share a key: dropping the orphan (`O`) takes only its own link, and `validate` sees
/// no "duplicate".
#[test]
fn a_span_moved_onto_a_linked_orphans_offsets_never_shares_its_key() {
    let old =
        Document::from_text("Xx. Gone words here. Tail words here, and more to say about them.");
    let mut gone = at(&old, "Gone words", 0);
    gone.label = "source".into();
    let mut tail = at(&old, "Tail words", 0);
    tail.label = "source".into();
    let quote = at(&old, "more to say", 0);
    let mut file = file_on(&old, vec![gone.clone(), tail.clone(), quote.clone()]);
    file.links = vec![
        Link {
            kind: "speaker".into(),
            from: store::LinkEnd::of(&quote),
            to: store::LinkEnd::of(&gone),
        },
        Link {
            kind: "speaker".into(),
            from: store::LinkEnd::of(&quote),
            to: store::LinkEnd::of(&tail),
        },
    ];
    file.links.sort();
    let new = Document::from_text("Xx. Tail words here, and more to say about them.");
    for (file, r) in both_ways(&file, &old, &new) {
        let placed_tail = file
            .spans
            .spans()
            .iter()
            .find(|s| s.quote == "Tail words")
            .expect("placed")
            .clone();
        assert_eq!(
            placed_tail.range(),
            gone.range(),
            "it took the orphan's old offsets"
        );
        let orphan = file.orphans[0].clone();
        assert_eq!(orphan.quote, "Gone words");
        assert_ne!(orphan.key(), placed_tail.key(), "{r:?}");
        assert_eq!(file.links.len(), 2, "{:?}", file.links);
        assert!(file.links.iter().any(|l| l.to.matches(&orphan)));
        assert!(file.links.iter().any(|l| l.to.matches(&placed_tail)));
    }
}
