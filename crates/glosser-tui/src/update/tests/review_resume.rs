//! Review decisions kept with gold: reopening resumes with only the open items, undo takes a
//! rejection back out of gold, a document edited after adjudication is flagged, and the review
//! keys work right after a document is opened from the list.

use super::super::*;
use super::review::{TEXT, act, alice_and_bob, gold, review, write};
use super::review_trust::{open_review, screen_text};
use glosser_core::store::{self, Status};

/// Alice and Bob agree on the first sentence and disagree on three items.
fn two_annotators() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    alice_and_bob(dir.path());
    dir
}

fn saved_gold(dir: &std::path::Path) -> store::AnnotationFile {
    store::load(&dir.join("a.txt.gold.ron")).unwrap()
}

fn rejected_keys(file: &store::AnnotationFile) -> Vec<(usize, usize, String, Vec<String>)> {
    file.rejected
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.from.clone()))
        .collect()
}

#[test]
fn decisions_are_kept_with_gold_and_reopening_lists_only_open_items() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(review(&app).items.len(), 3);
    // Bob's claim over alice's opinion; then reject alice's quote; leave the third open.
    act(&mut app, &[Action::Label(2), Action::Reject], &mut now);
    act(&mut app, &[Action::Save], &mut now);
    let saved = saved_gold(dir.path());
    assert_eq!(
        rejected_keys(&saved),
        [
            (18, 37, "opinion".into(), vec!["alice".into()]),
            (38, 53, "quote".into(), vec!["alice".into()]),
        ]
    );
    assert_ne!(saved.status, Status::Done, "one item is still open");

    drop(app);
    let (app, _) = open_review(dir.path(), 120, 40);
    let r = review(&app);
    assert_eq!(r.items.len(), 1, "only the undecided item is listed again");
    assert_eq!(r.items[0].range, 54..67);
    assert_eq!((r.earlier, r.changed), (2, false));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("2 items decided earlier")
    );
    assert!(gold(&app).contains(&(18, 37, "claim".into(), vec!["bob".into()])));
}

#[test]
fn the_last_decision_marks_gold_adjudicated_and_undo_takes_it_all_back() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(
        &mut app,
        &[Action::Label(1), Action::Reject, Action::Reject],
        &mut now,
    );
    let session = app.session().unwrap();
    assert_eq!(session.file.status, Status::Done, "every item decided");
    assert_eq!(session.file.rejected.len(), 3);
    act(&mut app, &[Action::Undo], &mut now);
    let session = app.session().unwrap();
    assert_eq!(
        session.file.rejected.len(),
        2,
        "undo takes the rejection out"
    );
    assert_ne!(session.file.status, Status::Done);
    act(&mut app, &[Action::Undo, Action::Undo], &mut now);
    assert!(app.session().unwrap().file.rejected.is_empty());
    assert_eq!(review(&app).left(), 3);
    act(&mut app, &[Action::Save], &mut now);
    assert!(saved_gold(dir.path()).rejected.is_empty());
    act(&mut app, &[Action::Redo], &mut now);
    assert_eq!(app.session().unwrap().file.rejected.len(), 1);
}

#[test]
fn a_document_edited_after_adjudication_is_flagged_with_its_new_items() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::AcceptMajority, Action::Save], &mut now);
    assert_eq!(saved_gold(dir.path()).status, Status::Done);
    drop(app);
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert!(review(&app).items.is_empty());
    assert!(!review(&app).changed);
    assert!(screen_text(&app, 120, 40).contains("every item is decided"));
    act(&mut app, &[Action::Reject], &mut now);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("every item of this document is decided")
    );

    // Alice adds a quote inside the second sentence after adjudication.
    write(
        dir.path(),
        "alice",
        &[
            (0, 17, "claim"),
            (18, 37, "opinion"),
            (24, 31, "quote"),
            (38, 53, "quote"),
        ],
    );
    drop(app);
    let (app, _) = open_review(dir.path(), 120, 40);
    let r = review(&app);
    assert!(r.changed);
    assert_eq!(
        r.items.len(),
        1,
        "the item with alice's new span opens again"
    );
    assert_eq!(r.items[0].range, 18..37);
    assert_eq!(r.earlier, 2);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("changed since adjudication"), "{text}");
}

#[test]
fn review_keys_work_right_after_opening_a_document_from_the_list() {
    let dir = two_annotators();
    std::fs::write(dir.path().join("b.txt"), TEXT).unwrap();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::NextPane, Action::MoveDown], &mut now);
    assert_eq!(app.focus, Focus::List);
    act(&mut app, &[Action::MoveUp, Action::Confirm], &mut now);
    assert_eq!(app.open, Some(0));
    assert_eq!(app.focus, Focus::Sidebar, "the decision keys work here");
    act(&mut app, &[Action::Label(2)], &mut now);
    assert_eq!(
        review(&app).decisions[0],
        Some(glosser_core::review::adjudicate::Decision::Accepted(1))
    );
    // `m` means nothing else, so it decides from the article too.
    act(&mut app, &[Action::PrevPane], &mut now);
    assert_eq!(app.focus, Focus::Article);
    act(&mut app, &[Action::AcceptMajority], &mut now);
    assert_eq!(review(&app).left(), 0);
}

#[test]
fn the_document_list_flags_documents_changed_since_adjudication() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(&mut app, &[Action::AcceptMajority, Action::Save], &mut now);
    // Another document comes first in the list, so a.txt is not open when the review starts.
    std::fs::write(dir.path().join("0.txt"), TEXT).unwrap();
    drop(app);
    let (app, _) = open_review(dir.path(), 120, 40);
    assert_eq!(app.reviewing.as_ref().unwrap().changed, [false, false]);
    assert!(!screen_text(&app, 120, 40).contains('Δ'));

    write(dir.path(), "bob", &[(0, 17, "claim"), (18, 37, "claim")]);
    write(
        dir.path(),
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion"), (54, 60, "quote")],
    );
    drop(app);
    let (app, _) = open_review(dir.path(), 120, 40);
    assert_eq!(app.open, Some(0));
    assert_eq!(app.reviewing.as_ref().unwrap().changed, [false, true]);
    let text = screen_text(&app, 120, 40);
    let row = text.lines().find(|l| l.contains("a.txt")).unwrap();
    assert!(row.contains("Δ"), "{text}");
    assert!(
        text.contains("· 1 changed"),
        "the list's title counts them: {text}"
    );
    assert!(!text.contains("read-only"), "{text}");
}

#[test]
fn deleting_an_annotators_span_from_gold_by_hand_keeps_it_decided() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert!(gold(&app).iter().any(|s| s.0 == 0 && s.2 == "claim"));
    act(
        &mut app,
        &[Action::PrevPane, Action::Start, Action::DeleteSpan],
        &mut now,
    );
    assert_eq!(app.focus, Focus::Article);
    let session = app.session().unwrap();
    assert!(!gold(&app).iter().any(|s| s.0 == 0 && s.2 == "claim"));
    assert_eq!(
        rejected_keys(&session.file),
        [(0, 17, "claim".into(), vec!["alice".into(), "bob".into()])],
        "the agreed span the reviewer deleted is recorded as turned down"
    );
    act(&mut app, &[Action::Undo], &mut now);
    assert!(
        app.session().unwrap().file.rejected.is_empty(),
        "undo takes it back"
    );
    assert!(gold(&app).iter().any(|s| s.0 == 0 && s.2 == "claim"));
    act(&mut app, &[Action::Redo, Action::Save], &mut now);
    drop(app);
    let (app, _) = open_review(dir.path(), 120, 40);
    assert!(
        !gold(&app).iter().any(|s| s.0 == 0 && s.2 == "claim"),
        "reopening does not accept it again"
    );
    assert_eq!(review(&app).items.len(), 3);
}

#[test]
fn relabelling_in_gold_rejects_the_annotators_label_and_claims_no_one_had_the_new_one() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    act(
        &mut app,
        &[
            Action::PrevPane,
            Action::Start,
            Action::PrevSpan,
            Action::Label(3),
        ],
        &mut now,
    );
    assert!(gold(&app).contains(&(0, 17, "opinion".into(), vec![])));
    assert_eq!(
        rejected_keys(&app.session().unwrap().file),
        [(0, 17, "claim".into(), vec!["alice".into(), "bob".into()])]
    );
}

#[test]
fn accepting_a_span_gold_had_rejected_takes_it_out_of_rejected() {
    let dir = two_annotators();
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    // Alice's opinion on 18..37 is turned down for bob's claim.
    act(&mut app, &[Action::Label(2), Action::Save], &mut now);
    drop(app);
    // Alice adds a quote inside that sentence: the item opens again, and this time the
    // reviewer takes alice's version, the opinion included.
    write(
        dir.path(),
        "alice",
        &[
            (0, 17, "claim"),
            (18, 37, "opinion"),
            (24, 31, "quote"),
            (38, 53, "quote"),
        ],
    );
    let (mut app, mut now) = open_review(dir.path(), 120, 40);
    assert_eq!(review(&app).items[0].range, 18..37);
    act(&mut app, &[Action::Label(1)], &mut now);
    let file = &app.session().unwrap().file;
    assert!(gold(&app).iter().any(|s| s.0 == 18 && s.2 == "opinion"));
    assert!(
        !file
            .rejected
            .iter()
            .any(|r| r.start == 18 && r.label == "opinion"),
        "gold never holds and rejects the same span: {:?}",
        rejected_keys(file)
    );
    assert!(
        file.rejected
            .iter()
            .any(|r| r.start == 18 && r.label == "claim"),
        "bob's claim is turned down now"
    );
    assert!(
        !gold(&app).iter().any(|s| s.0 == 18 && s.2 == "claim"),
        "and taken out of gold: the item is decided afresh"
    );
    act(&mut app, &[Action::Undo], &mut now);
    assert!(
        app.session()
            .unwrap()
            .file
            .rejected
            .iter()
            .any(|r| r.start == 18 && r.label == "opinion"),
        "undo puts the old rejection back"
    );
    assert!(gold(&app).iter().any(|s| s.0 == 18 && s.2 == "claim"));
}
