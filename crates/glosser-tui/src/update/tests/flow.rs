//! The labelling flow (`Space`): one key labels the item shown and moves on; suggestions are
//! accepted (`y`) or rejected (`X`) in one key; `Space` skips, `Backspace` goes back, `Esc`
//! leaves; a motion leaves the item's selection so counts work again; labelled items are passed
//! over; the next document starts at its first item. And nested spans: `]` `[` and `r`.

use super::super::tests::Fixture;
use super::super::*;
use glosser_core::store::LinkEnd;

const TEXT: &str = "First claim here. He said “we will” today. Third one.\nA second paragraph.\n";

fn item(f: &Fixture) -> Option<(usize, usize)> {
    let flow = f.app.flow.clone()?;
    flow.item.map(|r| (r.start, r.end))
}

fn sentence(f: &Fixture, text: &str) -> (usize, usize) {
    let start = f.at(text);
    (start, start + text.chars().count())
}

#[test]
fn one_key_labels_the_item_and_moves_on_and_space_skips() {
    let mut f = Fixture::new(&[("a.txt", TEXT), ("b.txt", "Other doc. Two.\n")]);
    f.act(&[Action::Flow]);
    assert_eq!(item(&f), Some(sentence(&f, "First claim here.")));
    assert_eq!(
        f.app.session().unwrap().selection(),
        Some(0..17),
        "shown as the selection"
    );
    f.act(&[Action::Label(1)]);
    assert_eq!(item(&f), Some(sentence(&f, "He said “we will” today.")));
    f.act(&[Action::Flow]);
    assert_eq!(
        item(&f),
        Some(sentence(&f, "“we will”")),
        "the quotation inside"
    );
    f.act(&[Action::Label(2), Action::Label(3), Action::Label(1)]);
    assert_eq!(
        f.spans(),
        [
            (0, 17, "claim".to_owned()),
            (
                sentence(&f, "“we will”").0,
                sentence(&f, "“we will”").1,
                "quote".to_owned()
            ),
            (
                sentence(&f, "Third one.").0,
                sentence(&f, "Third one.").1,
                "opinion".to_owned()
            ),
            (
                sentence(&f, "A second paragraph.").0,
                sentence(&f, "A second paragraph.").1,
                "claim".to_owned()
            ),
        ]
    );
    assert_eq!(item(&f), None, "nothing left here");
    assert!(
        f.app
            .message
            .clone()
            .unwrap()
            .0
            .contains("nothing left to label")
    );
    // Backspace goes back to the sentence skipped; the next document starts at its top.
    f.act(&[Action::FlowBack]);
    assert_eq!(item(&f), Some(sentence(&f, "He said “we will” today.")));
    f.act(&[Action::NextDocument]);
    assert_eq!(item(&f), Some((0, 10)), "Other doc.");
    f.act(&[Action::Cancel]);
    assert!(f.app.flow.is_none());
    assert!(f.app.session().unwrap().anchor.is_none());
}

#[test]
fn a_motion_leaves_the_item_so_counts_work_and_a_part_labelled_brings_the_item_back() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::Flow, Action::Label(1)]);
    // On "He said …": a motion (from the item's start), then a count: no digit labelled.
    f.act(&[Action::NextWord, Action::Label(2), Action::NextWord]);
    assert_eq!(f.cursor(), f.at("will”"));
    assert_eq!(f.spans().len(), 1);
    f.act(&[Action::SelectQuotationInside, Action::Label(2)]);
    assert!(
        f.spans()
            .contains(&(f.at("we will"), f.at("” today"), "quote".to_owned()))
    );
    assert_eq!(
        item(&f),
        Some(sentence(&f, "He said “we will” today.")),
        "the item again: the sentence is still to label"
    );
    assert_eq!(
        f.app
            .session()
            .unwrap()
            .selection()
            .map(|r| (r.start, r.end)),
        item(&f)
    );
}

#[test]
fn suggestions_are_items_accepted_or_rejected_in_one_key() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    let doc = glosser_core::text::Document::from_text(TEXT);
    let mut file = glosser_core::store::AnnotationFile::new("a.txt", "suggest", doc.sha256());
    for (text, label) in [("“we will”", "quote"), ("Third one.", "claim")] {
        let start = doc.byte_to_char(TEXT.find(text).unwrap()).unwrap();
        let mut span =
            glosser_core::span::Span::new(&doc, start..start + text.chars().count(), label);
        span.score = Some(glosser_core::span::Score(0.9));
        file.spans.insert_unchecked(span);
    }
    glosser_core::store::save(&f.dir.path().join("a.txt.suggest.ron"), &file).unwrap();
    f.app.show_suggestions("suggest");
    f.act(&[Action::Flow, Action::Flow, Action::Flow]);
    assert_eq!(item(&f), Some(sentence(&f, "“we will”")));
    assert_eq!(
        f.app.flow.clone().unwrap().suggested.as_deref(),
        Some("quote")
    );
    f.act(&[Action::AcceptSuggestion]);
    assert_eq!(
        f.spans(),
        [(
            sentence(&f, "“we will”").0,
            sentence(&f, "“we will”").1,
            "quote".to_owned()
        )]
    );
    assert_eq!(
        item(&f),
        Some(sentence(&f, "Third one.")),
        "the suggestion stands for the sentence"
    );
    f.act(&[Action::RejectSuggestion]);
    assert_eq!(f.app.session().unwrap().file.rejected.len(), 1);
    assert_eq!(item(&f), Some(sentence(&f, "A second paragraph.")));
    f.act(&[Action::Undo]);
    assert!(
        f.app.session().unwrap().file.rejected.is_empty(),
        "u undoes a rejection"
    );
}

#[test]
fn nested_spans_pick_predictably_and_the_link_target_is_shown_before_it_is_made() {
    // A claim and a source start at the same offset; the quote is inside the claim.
    let text = "Margus Tsahkna was blunt, saying “no peace” today.\n";
    let mut f = Fixture::new(&[("a.txt", text)]);
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.act(&[
        Action::Start,
        Action::StartSelection,
        Action::NameEnd,
        Action::Label(5),
    ]);
    f.act(&[Action::SelectQuotation, Action::Label(2)]);
    let claim = (0, text.chars().count() - 1);
    let source = (0, 14);
    let quote = sentence(&f, "“no peace”");
    // `]` from the top: the claim (outermost) first, then the source, then the quote.
    f.act(&[Action::Start, Action::PrevSpan]);
    let picked = |f: &Fixture| {
        f.app
            .session()
            .unwrap()
            .picked
            .clone()
            .map(|(s, e, _)| (s, e))
    };
    assert_eq!(
        picked(&f),
        Some(source),
        "[ at a start picks the innermost span there"
    );
    f.act(&[Action::PrevSpan]);
    assert_eq!(picked(&f), Some(claim), "then the one around it");
    f.act(&[Action::NextSpan]);
    assert_eq!(picked(&f), Some(source));
    f.act(&[Action::NextSpan]);
    assert_eq!(picked(&f), Some(quote));
    // r on the quote, [ : the source (not the claim sharing its start); the status line says
    // so before r makes it.
    f.act(&[Action::Link, Action::PrevSpan]);
    let says = f.app.message.clone().unwrap().0;
    assert!(
        says.contains("→ source “Margus Tsahkna”: r links"),
        "{says}"
    );
    f.act(&[Action::Link]);
    let links = f.app.session().unwrap().file.links.clone();
    assert_eq!(links[0].from, LinkEnd(quote.0, quote.1, "quote".into()));
    assert_eq!(links[0].to, LinkEnd(0, 14, "source".into()));
}
