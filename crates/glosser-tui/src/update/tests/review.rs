//! Review mode, driven through `update` like the user would.

use std::time::{Duration, Instant};

use super::super::*;
use crate::keymap::Keymap;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::review::adjudicate::Decision;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status};

pub(super) const TEXT: &str =
    "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda.\n";

pub(super) fn write(dir: &std::path::Path, annotator: &str, spans: &[(usize, usize, &str)]) {
    let doc = glosser_core::text::Document::from_text(TEXT);
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: annotator.into(),
        text_sha256: doc.sha256().into(),
        status: Status::Done,
        spans: AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    store::save(&dir.join(format!("a.txt.{annotator}.ron")), &file).unwrap();
}

/// The article `a.txt` with alice's and bob's versions: one span agreed (0..17 claim), one
/// relabelled (18..37), and one each alone.
pub(super) fn alice_and_bob(dir: &std::path::Path) {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    write(
        dir,
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion"), (38, 53, "quote")],
    );
    write(
        dir,
        "bob",
        &[(0, 17, "claim"), (18, 37, "claim"), (54, 67, "unverified")],
    );
}

fn review_app() -> (tempfile::TempDir, App, Instant) {
    let dir = tempfile::tempdir().unwrap();
    alice_and_bob(dir.path());
    let corpus = Corpus::scan(dir.path()).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "gold".into(),
        Keymap::default(),
    );
    let now = Instant::now();
    update_now(&mut app, Event::Resize(120, 40), now);
    crate::update::review::start(&mut app, vec!["alice".into(), "bob".into()], now);
    (dir, app, now)
}

pub(super) fn gold(app: &App) -> Vec<(usize, usize, String, Vec<String>)> {
    app.session()
        .unwrap()
        .file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.from.clone()))
        .collect()
}

pub(super) fn review(app: &App) -> &crate::app::DocReview {
    app.session().unwrap().review.as_ref().unwrap()
}

pub(super) fn act(app: &mut App, actions: &[Action], now: &mut Instant) {
    for &a in actions {
        *now += Duration::from_millis(5);
        update_now(app, Event::Action(a), *now);
    }
}

#[test]
fn agreed_spans_are_accepted_up_front_as_one_undoable_step() {
    let (_dir, mut app, mut now) = review_app();
    assert_eq!(
        app.focus,
        Focus::Sidebar,
        "review starts in the review sidebar"
    );
    assert_eq!(
        gold(&app),
        [(0, 17, "claim".into(), vec!["alice".into(), "bob".into()])]
    );
    assert_eq!(review(&app).items.len(), 3);
    assert_eq!(review(&app).left(), 3);
    assert!(review(&app).kappa.is_some() && review(&app).f1.is_some());
    act(&mut app, &[Action::Undo], &mut now);
    assert!(gold(&app).is_empty());
    act(&mut app, &[Action::Redo], &mut now);
    assert_eq!(gold(&app).len(), 1);
}

#[test]
fn accept_reject_and_move_between_items() {
    let (_dir, mut app, mut now) = review_app();
    assert_eq!(
        app.session().unwrap().cursor,
        18,
        "the cursor is on the first item"
    );
    act(&mut app, &[Action::Label(2)], &mut now);
    assert_eq!(review(&app).decisions[0], Some(Decision::Accepted(1)));
    assert!(gold(&app).contains(&(18, 37, "claim".into(), vec!["bob".into()])));
    assert_eq!(review(&app).current, 1, "moved to the next item");
    act(&mut app, &[Action::Reject], &mut now);
    assert_eq!(review(&app).decisions[1], Some(Decision::Rejected));
    assert_eq!(gold(&app).len(), 2, "rejecting adds nothing");
    act(&mut app, &[Action::MoveUp, Action::MoveUp], &mut now);
    assert_eq!(review(&app).current, 0);
    act(&mut app, &[Action::Label(1)], &mut now);
    assert!(app.message.as_ref().unwrap().0.contains("already decided"));
    act(&mut app, &[Action::NextSpan, Action::NextSpan], &mut now);
    assert_eq!(review(&app).current, 2);
    act(&mut app, &[Action::Label(3)], &mut now);
    assert!(app.message.as_ref().unwrap().0.contains("keys 1 to 2"));
    act(&mut app, &[Action::Undo, Action::Undo], &mut now);
    assert_eq!(
        review(&app).decisions[0],
        None,
        "undo takes the decision back too"
    );
    assert_eq!(review(&app).decisions[1], None);
    assert_eq!(gold(&app).len(), 1);
}

#[test]
fn majority_for_the_rest_and_editing_gold_by_hand() {
    let (dir, mut app, mut now) = review_app();
    act(&mut app, &[Action::AcceptMajority], &mut now);
    assert_eq!(review(&app).left(), 0);
    assert_eq!(
        gold(&app).len(),
        1,
        "with two annotators no disagreement has a majority"
    );
    act(&mut app, &[Action::Undo], &mut now);
    assert_eq!(
        review(&app).left(),
        3,
        "one undo takes back the whole majority step"
    );
    act(&mut app, &[Action::NextPane], &mut now);
    assert_eq!(app.focus, Focus::List);
    act(
        &mut app,
        &[
            Action::NextPane,
            Action::End,
            Action::PrevSentence,
            Action::SelectSentence,
            Action::Label(4),
        ],
        &mut now,
    );
    assert!(
        gold(&app).iter().any(|s| s.2 == "unverified"),
        "the normal keys edit gold in the article"
    );
    act(&mut app, &[Action::Quit], &mut now);
    let saved = store::load(&dir.path().join("a.txt.gold.ron")).unwrap();
    assert_eq!(saved.annotator, "gold");
    assert_eq!(saved.spans.spans()[0].from, ["alice", "bob"]);
}

#[test]
fn reject_and_majority_outside_review_explain() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let corpus = Corpus::scan(dir.path()).unwrap();
    let mut app = App::with_parts(corpus, LabelSet::default(), "x".into(), Keymap::default());
    let mut now = Instant::now();
    act(&mut app, &[Action::Reject], &mut now);
    assert!(app.message.as_ref().unwrap().0.contains("review mode"));
}
