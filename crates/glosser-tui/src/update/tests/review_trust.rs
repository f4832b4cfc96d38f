//! Review you can trust: every span of a version is shown and accepted, notes reach gold, an
//! annotator without a file is a state of its own, and the figures are `agree`'s.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::*;
use super::review::{TEXT, act, alice_and_bob, gold, review, write};
use crate::keymap::Keymap;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::review::adjudicate::Decision;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};

pub(super) fn open_review(dir: &std::path::Path, width: u16, height: u16) -> (App, Instant) {
    let corpus = Corpus::scan(dir).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "gold".into(),
        Keymap::default(),
    );
    let now = Instant::now();
    update_now(&mut app, Event::Resize(width, height), now);
    crate::update::review::start(&mut app, vec!["alice".into(), "bob".into()], now);
    (app, now)
}

pub(super) fn screen_text(app: &App, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    crate::view::render_screen(&mut buf, app, area);
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_version_is_a_list_and_accepting_takes_exactly_what_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    // Alice: a claim over three sentences with a quote and an opinion nested inside.
    write(
        dir.path(),
        "alice",
        &[(0, 53, "claim"), (6, 10, "quote"), (38, 52, "opinion")],
    );
    write(dir.path(), "bob", &[(0, 17, "claim")]);
    let (mut app, mut now) = open_review(dir.path(), 100, 30);
    assert_eq!(review(&app).items.len(), 1);
    let text = screen_text(&app, 100, 30);
    for line in [
        "1 alice: 3 spans",
        "claim 0..53",
        "quote 6..10",
        "opinion 38..52",
        "2 bob: 1 span",
    ] {
        assert!(text.contains(line), "{line} missing:\n{text}");
    }
    act(&mut app, &[Action::Label(1)], &mut now);
    let keys: Vec<(usize, usize, String)> = gold(&app)
        .into_iter()
        .map(|(s, e, l, _)| (s, e, l))
        .collect();
    assert_eq!(
        keys,
        [
            (0, 53, "claim".to_owned()),
            (6, 10, "quote".to_owned()),
            (38, 52, "opinion".to_owned())
        ],
        "every span shown, the nested ones included"
    );
}

#[test]
fn a_long_version_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let many: Vec<(usize, usize, &str)> = (0..30).map(|i| (i, 60, "claim")).collect();
    write(dir.path(), "alice", &many);
    write(dir.path(), "bob", &[(0, 5, "quote")]);
    let (mut app, mut now) = open_review(dir.path(), 100, 20);
    let before = screen_text(&app, 100, 20);
    assert!(before.contains("claim 0..60"), "{before}");
    assert!(!before.contains("claim 29..60"), "{before}");
    act(&mut app, &[Action::PageDown; 6], &mut now);
    let after = screen_text(&app, 100, 20);
    assert!(
        after.contains("claim 29..60"),
        "scrolled to the end:\n{after}"
    );
    assert!(after.contains("2 bob: 1 span"), "{after}");
}

#[test]
fn notes_reach_gold_with_from() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let doc = glosser_core::text::Document::from_text(TEXT);
    let mut noted = Span::new(&doc, 18..37, "quote");
    noted.note = Some("Moscow readout".into());
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "alice".into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        spans: AnnotationSet::from_spans(vec![noted]),
        ..Default::default()
    };
    store::save(&dir.path().join("a.txt.alice.ron"), &file).unwrap();
    write(dir.path(), "bob", &[(18, 37, "claim")]);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert!(screen_text(&app, 120, 40).contains("✎ Moscow readout"));
    act(&mut app, &[Action::Label(1)], &mut now);
    let span = &app.session().unwrap().file.spans.spans()[0];
    assert_eq!(
        span.note.as_deref(),
        Some("alice: Moscow readout"),
        "gold never passes a personal note off as its own"
    );
    assert_eq!(span.from, ["alice"]);
}

#[test]
fn an_annotator_without_a_file_is_not_kappa_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(
        dir.path(),
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion")],
    );
    // Bob exists in the corpus (another document) but never opened this one.
    std::fs::write(dir.path().join("b.txt"), "Other.\n").unwrap();
    write(dir.path(), "bob", &[]);
    std::fs::rename(
        dir.path().join("a.txt.bob.ron"),
        dir.path().join("b.txt.bob.ron"),
    )
    .unwrap();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    let r = review(&app);
    assert_eq!(r.has_file, [true, false]);
    assert_eq!((r.kappa, r.f1), (None, None), "no pair, no figures");
    assert!(gold(&app).is_empty(), "alice alone agrees on nothing");
    assert_eq!(r.items.len(), 2, "each of her spans is an item");
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("2 bob has no file"), "{text}");
    assert!(text.contains("no pair to compare"), "{text}");
    assert!(!text.contains("κ 0.00"), "{text}");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("bob has no file")),
        "{:?}",
        app.message
    );
    act(&mut app, &[Action::Label(2)], &mut now);
    assert_eq!(review(&app).decisions[0], None);
    assert!(app.message.as_ref().unwrap().0.contains("bob has no file"));
    act(&mut app, &[Action::Label(1)], &mut now);
    assert_eq!(review(&app).decisions[0], Some(Decision::Accepted(0)));
    assert_eq!(gold(&app)[0].3, ["alice"]);
}

#[test]
fn the_status_line_figures_are_agrees() {
    let dir = tempfile::tempdir().unwrap();
    alice_and_bob(dir.path());
    let (app, _) = open_review(dir.path(), 120, 40);
    let corpus = Corpus::scan(dir.path()).unwrap();
    let names = ["alice".to_owned(), "bob".to_owned()];
    let report = glosser_core::review::corpus::compute(
        &corpus,
        &LabelSet::default(),
        &names,
        true,
        &mut |_| {},
    );
    let (_, row) = &report.per_doc[0];
    let figures = row[0].2;
    assert_eq!(review(&app).kappa, figures.kappa);
    assert_eq!(review(&app).f1, figures.f1_strict);
    assert!(figures.kappa.is_some());
}

#[test]
fn a_document_nobody_annotated_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Other.\n").unwrap();
    write(dir.path(), "alice", &[(0, 17, "claim")]);
    write(dir.path(), "bob", &[(0, 17, "claim")]);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::NextDocument], &mut now);
    assert_eq!(app.open, Some(1));
    assert_eq!(
        app.message.as_ref().map(|(m, _)| m.as_str()),
        Some("no annotator has a file for this document")
    );
    let text = screen_text(&app, 120, 40);
    assert!(
        text.contains("no pair to compare │ nobody has a file"),
        "{text}"
    );
}
