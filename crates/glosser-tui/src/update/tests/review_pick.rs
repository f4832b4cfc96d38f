//! Review at 80×24 (issue #28): each item shows its text and the current one is marked; single
//! spans are taken from any version (`j` `k` to a span, `Space` marks it, `Enter` takes the
//! marked ones and turns the rest down, one undoable step).

use std::time::Instant;

use super::super::*;
use super::review::{TEXT, act, gold, review, write};
use super::review_trust::{open_review, screen_text};
use glosser_core::review::adjudicate::Decision;

/// Alice: a claim with a quote inside it; bob: an opinion over the same sentence.
fn two_versions() -> (tempfile::TempDir, App, Instant) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    write(dir.path(), "alice", &[(0, 17, "claim"), (6, 10, "quote")]);
    write(dir.path(), "bob", &[(0, 17, "opinion")]);
    let (app, now) = open_review(dir.path(), 80, 24);
    (dir, app, now)
}

#[test]
fn at_80x24_an_item_shows_its_text_and_the_current_one_is_marked() {
    let (_dir, app, _) = two_versions();
    let screen = screen_text(&app, 80, 24);
    for needle in [
        "▸ #1 open “Alpha beta gamma.”",
        "● claim Alpha beta",
        "▲ quote beta",
        "■ opinion Alpha",
    ] {
        assert!(screen.contains(needle), "{needle} missing:\n{screen}");
    }
    assert!(screen.contains("›[ ]"), "the span j/k are on:\n{screen}");
    for keys in ["Space mark", "Enter take", "1-2 version", "j/k span"] {
        assert!(screen.contains(keys), "{keys} at 80 columns:\n{screen}");
    }
    assert!(
        screen.contains("Docs 1"),
        "the list's count is not cut:\n{screen}"
    );
}

#[test]
fn single_spans_are_taken_from_any_version() {
    let (_dir, mut app, mut now) = two_versions();
    assert_eq!(review(&app).items.len(), 1);
    // alice's quote (second line) and bob's opinion (third): marked, then taken.
    act(&mut app, &[Action::MoveDown, Action::Flow], &mut now);
    act(&mut app, &[Action::MoveDown, Action::Flow], &mut now);
    assert_eq!(review(&app).marked.len(), 2);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("›[x]"), "{screen}");
    act(&mut app, &[Action::Confirm], &mut now);
    assert_eq!(
        gold(&app),
        [
            (0, 17, "opinion".into(), vec!["bob".into()]),
            (6, 10, "quote".into(), vec!["alice".into()]),
        ]
    );
    let rejected: Vec<(usize, usize, String)> = app
        .session()
        .unwrap()
        .file
        .rejected
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    assert_eq!(
        rejected,
        [(0, 17, "claim".to_owned())],
        "the rest turned down"
    );
    assert_eq!(review(&app).decisions, [Some(Decision::Picked)]);
    assert!(
        app.message
            .clone()
            .unwrap()
            .0
            .contains("took 2 spans, turned 1 down")
    );
    act(&mut app, &[Action::Undo], &mut now);
    assert!(gold(&app).is_empty(), "one undoable step");
    assert_eq!(review(&app).decisions, [None]);
}
