//! `r` / `R`: drawing and removing links between spans in the TUI, undoable, saved to disk.

use super::super::tests::{ARTICLE, Fixture, app_for};
use super::super::*;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

/// ARTICLE with a source on "First", a claim on "claim here" and a quote on “quoted words”.
pub(super) fn spans_only() -> (Fixture, Span, Span, Span) {
    let f = Fixture::article();
    let doc = Document::from_text(ARTICLE);
    let at = |needle: &str| doc.byte_to_char(ARTICLE.find(needle).unwrap()).unwrap();
    let source = Span::new(&doc, 0..5, "source");
    let claim = Span::new(&doc, 6..16, "claim");
    let q = at("“quoted");
    let quote = Span::new(&doc, q..q + 14, "quote");
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: AnnotationSet::from_spans(vec![source.clone(), claim.clone(), quote.clone()]),
        ..Default::default()
    };
    store::save(&f.dir.path().join("a.txt.tester.ron"), &file).unwrap();
    let Fixture { dir, app, now } = f;
    drop(app);
    let f = Fixture {
        app: app_for(dir.path()),
        dir,
        now,
    };
    (f, source, claim, quote)
}

pub(super) fn links(f: &Fixture) -> Vec<Link> {
    f.app.session().unwrap().file.links.clone()
}

pub(super) fn message(f: &Fixture) -> String {
    f.app.message.clone().map(|(m, _)| m).unwrap_or_default()
}

#[test]
fn r_motion_r_attributes_a_quote_undo_and_redo_and_it_is_saved() {
    let (mut f, source, _, quote) = spans_only();
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    let says = message(&f);
    assert_eq!(
        says,
        "link from quote “quoted words”: ] [ step to the spans it can end on, r links, Esc cancels",
        "the quotation's own marks, not doubled"
    );
    // `[` steps only onto spans the link can end on: past the claim, onto the source; the
    // status line says where the link would end before it is made.
    f.act(&[Action::PrevSpan]);
    assert_eq!(f.cursor(), source.start);
    assert_eq!(
        message(&f),
        "link from quote “quoted words” → source “First”: r links · ] [ other spans · Esc cancels"
    );
    f.act(&[Action::PrevSpan]);
    assert_eq!(f.cursor(), source.start, "no other source before it");
    f.act(&[Action::Link]);
    let expected = Link {
        kind: "speaker".into(),
        from: LinkEnd::of(&quote),
        to: LinkEnd::of(&source),
    };
    assert_eq!(links(&f), std::slice::from_ref(&expected));
    assert!(
        message(&f).contains("linked speaker: quote “quoted words” → source “First”"),
        "{}",
        message(&f)
    );
    assert!(f.app.session().unwrap().pending_link.is_none());
    f.act(&[Action::Undo]);
    assert!(links(&f).is_empty());
    f.act(&[Action::Redo]);
    assert_eq!(links(&f), std::slice::from_ref(&expected));
    f.wait_for_save();
    let saved = store::load(&f.dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(saved.links, [expected]);
}

#[test]
fn a_pair_no_link_type_fits_is_refused_with_the_reason() {
    let (mut f, source, claim, quote) = spans_only();
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    f.set_cursor(claim.start);
    f.act(&[Action::Link]);
    assert!(links(&f).is_empty());
    assert!(
        message(&f).contains("no link type goes from quote to claim"),
        "{}",
        message(&f)
    );
    // Still pending: the user moves on to the right span.
    f.set_cursor(source.start);
    f.act(&[Action::Link]);
    assert_eq!(links(&f).len(), 1);
    // The wrong way round says so.
    f.set_cursor(source.start);
    f.act(&[Action::Link]);
    f.set_cursor(claim.start);
    f.act(&[Action::Link]);
    assert!(message(&f).contains("the other way"), "{}", message(&f));
    assert_eq!(links(&f).len(), 1);
}

#[test]
fn esc_cancels_and_r_needs_a_span() {
    let (mut f, source, _, quote) = spans_only();
    f.set_cursor(quote.start);
    f.act(&[Action::Link, Action::Cancel]);
    assert!(f.app.session().unwrap().pending_link.is_none());
    f.set_cursor(source.start);
    f.act(&[Action::Link]);
    assert!(links(&f).is_empty(), "a new link starts at the source");
    f.act(&[Action::Cancel]);
    f.set_cursor(f.at("Next"));
    f.act(&[Action::Link]);
    assert!(
        message(&f).contains("no span under the cursor"),
        "{}",
        message(&f)
    );
    f.set_cursor(quote.start);
    f.act(&[Action::Link, Action::Link]);
    assert!(
        message(&f).contains("move to the other span"),
        "{}",
        message(&f)
    );
}

#[test]
fn shift_r_removes_the_links_of_the_span_and_undo_restores_them() {
    let (mut f, source, claim, quote) = spans_only();
    for from in [&quote, &claim] {
        f.set_cursor(from.start);
        f.act(&[Action::Link]);
        f.set_cursor(source.start);
        f.act(&[Action::Link]);
    }
    assert_eq!(links(&f).len(), 2);
    f.set_cursor(quote.start);
    f.act(&[Action::Unlink]);
    assert_eq!(links(&f).len(), 1);
    assert_eq!(links(&f)[0].from, LinkEnd::of(&claim));
    f.set_cursor(source.start);
    f.act(&[Action::Unlink]);
    assert!(links(&f).is_empty());
    assert!(message(&f).contains("removed 1 link"), "{}", message(&f));
    f.act(&[Action::Unlink]);
    assert!(message(&f).contains("no links"), "{}", message(&f));
    f.act(&[Action::Undo, Action::Undo]);
    assert_eq!(links(&f).len(), 2);
}

#[test]
fn several_fitting_types_ask_which_and_a_digit_picks() {
    let (mut f, source, _, quote) = spans_only();
    let set = glosser_core::labels::LabelSet::parse(
        r#"(labels: [(name: "claim"), (name: "quote"), (name: "opinion"), (name: "source")],
            links: [(name: "speaker", from: ["quote"], to: ["source"]),
                    (name: "cites", from: ["quote"], to: ["source"])])"#,
        "glosser.ron",
    )
    .unwrap();
    f.app.labels = set;
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    f.set_cursor(source.start);
    f.act(&[Action::Link]);
    assert!(links(&f).is_empty());
    assert!(
        message(&f).contains("which type? 1 speaker · 2 cites"),
        "{}",
        message(&f)
    );
    f.act(&[Action::Label(2)]);
    assert_eq!(links(&f).len(), 1);
    assert_eq!(links(&f)[0].kind, "cites");
    assert_eq!(f.spans().len(), 3, "the digit did not label anything");
}

#[test]
fn a_set_without_link_types_says_so() {
    let (mut f, _, _, quote) = spans_only();
    f.app.labels =
        glosser_core::labels::LabelSet::parse(r#"(labels: [(name: "quote")])"#, "g").unwrap();
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    assert!(
        message(&f).contains("declares no link types"),
        "{}",
        message(&f)
    );
}

#[test]
fn the_stats_view_counts_the_annotators_links() {
    let (mut f, source, _, quote) = spans_only();
    f.set_cursor(quote.start);
    f.act(&[Action::Link]);
    f.set_cursor(source.start);
    f.act(&[Action::Link, Action::Stats]);
    let crate::app::Mode::Stats(Some(stats)) = &f.app.mode else {
        panic!("S opens the stats view");
    };
    assert_eq!(stats.links, 1);
}
