//! Issue 25's hostile cases, each as it was reproduced: repeated quotes, context ignored, the
//! only other occurrence taken, a search window, spans edited on both sides, a span moved onto
//! a linked orphan's offsets — with the old text known and without it.

use super::super::*;
use super::restamp::{at, both_ways, file_on, places};
use crate::old_texts::NoOldTexts;
use crate::span::AnnotationSet;
use crate::store::{self, AnnotationFile, Link};
use crate::text::Document;

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
