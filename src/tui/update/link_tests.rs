//! Links follow their spans through TUI edits: relabel, delete, undo, placing an orphan.

use super::tests::{ARTICLE, Fixture, app_for};
use super::*;
use crate::span::{AnnotationSet, Span};
use crate::store::{self, AnnotationFile, Link, LinkEnd, Status};
use crate::text::Document;

/// ARTICLE with a claim on the first sentence linked to a quote on "Second".
fn linked() -> Fixture {
    let f = Fixture::article();
    let doc = Document::from_text(ARTICLE);
    let claim = Span::new(&doc, 0..17, "claim");
    let quote = Span::new(&doc, 18..24, "quote");
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        links: vec![Link {
            kind: "speaker".into(),
            from: LinkEnd::of(&claim),
            to: LinkEnd::of(&quote),
        }],
        spans: AnnotationSet::from_spans(vec![claim, quote]),
        ..Default::default()
    };
    store::save(&f.dir.path().join("a.txt.tester.ron"), &file).unwrap();
    let super::tests::Fixture { dir, app, now } = f;
    drop(app);
    Fixture {
        app: app_for(dir.path()),
        dir,
        now,
    }
}

fn links(f: &Fixture) -> Vec<Link> {
    f.app.session().unwrap().file.links.clone()
}

#[test]
fn a_relabelled_span_keeps_its_links_and_undo_restores_them() {
    let mut f = linked();
    let before = links(&f);
    f.set_cursor(2);
    f.act(&[Action::Label(3)]);
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
