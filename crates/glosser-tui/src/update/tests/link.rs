//! Links follow their spans through TUI edits: relabel, delete, undo, placing an orphan.

use super::super::tests::{ARTICLE, Fixture, app_for};
use super::super::*;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

/// ARTICLE with the first sentence labelled `from` linked (speaker) to "Second" labelled `to`.
fn linked_as(from: &str, to: &str) -> Fixture {
    let f = Fixture::article();
    let doc = Document::from_text(ARTICLE);
    let first = Span::new(&doc, 0..17, from);
    let second = Span::new(&doc, 18..24, to);
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        links: vec![Link {
            kind: "speaker".into(),
            from: LinkEnd::of(&first),
            to: LinkEnd::of(&second),
        }],
        spans: AnnotationSet::from_spans(vec![first, second]),
        ..Default::default()
    };
    store::save(&f.dir.path().join("a.txt.tester.ron"), &file).unwrap();
    let super::super::tests::Fixture { dir, app, now } = f;
    drop(app);
    Fixture {
        app: app_for(dir.path()),
        dir,
        now,
    }
}

/// ARTICLE with a claim on the first sentence linked to a quote on "Second".
fn linked() -> Fixture {
    linked_as("claim", "quote")
}

fn links(f: &Fixture) -> Vec<Link> {
    f.app.session().unwrap().file.links.clone()
}

#[test]
fn a_relabelled_span_keeps_its_links_and_undo_restores_them() {
    let mut f = linked();
    let before = links(&f);
    f.set_cursor(2);
    f.act(&[Action::PrevSpan, Action::Label(3)]);
    let after = links(&f);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].from, LinkEnd(0, 17, "opinion".into()));
    f.act(&[Action::Undo]);
    assert_eq!(links(&f), before);
}

#[test]
fn a_deleted_span_takes_its_links_with_it() {
    let mut f = linked();
    f.set_cursor(19);
    f.act(&[Action::DeleteSpan]);
    assert!(links(&f).is_empty());
    f.wait_for_save();
    let saved = store::load(&f.dir.path().join("a.txt.tester.ron")).unwrap();
    assert!(
        saved.links.is_empty(),
        "no link names a span the file does not hold"
    );
    f.act(&[Action::Undo]);
    assert_eq!(links(&f).len(), 1);
}

/// ARTICLE with a quote on "First claim here." whose speaker is the source "Second".
fn quote_with_speaker() -> Fixture {
    linked_as("quote", "source")
}

#[test]
fn a_relabel_the_link_type_does_not_allow_drops_the_link_says_so_and_undo_brings_it_back() {
    let mut f = quote_with_speaker();
    let before = links(&f);
    f.set_cursor(2);
    f.act(&[Action::PrevSpan, Action::Label(3)]);
    assert!(links(&f).is_empty(), "no speaker link from an opinion");
    let message = f.app.message.clone().unwrap().0;
    assert_eq!(
        message,
        "relabelled quote → opinion: “First claim here.”, which drops its speaker link (speaker goes from quote or claim to source): u undoes both"
    );
    f.wait_for_save();
    let report = glosser_core::ops::validate::check_corpus(f.dir.path()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    f.act(&[Action::Undo]);
    assert_eq!(links(&f), before);
    assert_eq!(
        f.app.session().unwrap().file.spans.spans()[0].label,
        "quote"
    );
    // A label the type allows keeps the link, under the span's new key (`[` picks the span
    // the cursor is at the start of).
    f.act(&[Action::PrevSpan, Action::Label(1)]);
    assert_eq!(links(&f)[0].from, LinkEnd(0, 17, "claim".into()));
    assert_eq!(
        f.app.message.clone().unwrap().0,
        "relabelled quote → claim: “First claim here.” (u undoes)"
    );
}
