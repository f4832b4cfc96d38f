//! Counts never label (issue #28): a count and a motion move; a digit labels only what was
//! selected or picked, and the status line says what a relabel did; keys that do nothing say so
//! once; messages do not outlive the next key.

use super::super::*;
use super::Fixture;

const TEXT: &str = "One two three four five six seven eight nine ten.\nSecond line here. And more.\nThird line.\nFourth.\n";

#[test]
fn a_count_and_a_motion_move_that_many_times() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::Label(5), Action::NextWord]);
    assert_eq!(f.cursor(), f.at("six"));
    f.act(&[Action::Label(2), Action::NextSentence]);
    assert_eq!(f.cursor(), f.at("And more"));
    f.act(&[Action::Start, Action::Label(3), Action::MoveDown]);
    assert_eq!(f.cursor(), f.at("Fourth"));
    // Two digits make one count; `0` continues it.
    f.act(&[
        Action::Start,
        Action::Label(1),
        Action::Reject,
        Action::MoveRight,
    ]);
    assert_eq!(f.cursor(), 10);
    assert!(f.spans().is_empty(), "no digit labelled anything");
    assert_eq!(f.app.count, None);
}

#[test]
fn three_j_on_a_claim_moves_three_lines_and_relabels_nothing() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.act(&[Action::Start, Action::Label(3), Action::MoveDown]);
    assert_eq!(f.spans(), [(0, 49, "claim".to_owned())]);
    assert_eq!(f.cursor(), f.at("Fourth"));
}

#[test]
fn v_then_a_count_extends_the_selection_by_that_many_words() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::StartSelection, Action::Label(5), Action::WordEnd]);
    assert!(f.spans().is_empty(), "5 was a count, not a label");
    assert_eq!(f.cursor(), f.at("e six"), "the end of the fifth word");
    f.act(&[Action::Label(1)]);
    assert_eq!(f.spans(), [(0, 23, "claim".to_owned())], "One … five");
}

#[test]
fn a_picked_span_is_relabelled_and_the_status_line_says_from_what() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.act(&[Action::PrevSpan, Action::Label(3)]);
    assert_eq!(f.spans(), [(0, 49, "opinion".to_owned())]);
    assert_eq!(
        f.app.message.clone().unwrap().0,
        "relabelled claim → opinion: “One two three four five six sev…” (u undoes)"
    );
    // Moving off it ends the pick: the next digit is a count again.
    f.act(&[Action::NextWord, Action::Label(2), Action::NextWord]);
    assert_eq!(f.spans(), [(0, 49, "opinion".to_owned())]);
    assert_eq!(f.cursor(), f.at("four"));
}

#[test]
fn a_count_before_a_key_that_takes_none_is_dropped_and_said() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::Label(4), Action::SelectSentence]);
    assert_eq!(f.app.count, None);
    assert!(
        f.app
            .message
            .clone()
            .is_some_and(|(m, _)| m.contains("count 4 dropped")),
        "{:?}",
        f.app.message
    );
    assert!(
        f.app.session().unwrap().anchor.is_some(),
        "s still selected"
    );
}

#[test]
fn a_key_bound_to_nothing_says_so_and_the_next_key_clears_it() {
    use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    let z = TermEvent::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE));
    let event = crate::translate(&f.app, &z);
    assert_eq!(event, Some(Event::Unbound("z".into())));
    f.send(event.unwrap());
    assert_eq!(
        f.app.message.clone().unwrap().0,
        "z does nothing here: ? lists every key"
    );
    // A warning (refused key) is cleared by the next key too: "select text first" never
    // stays after `N`.
    f.act(&[Action::RepeatLabel]);
    assert!(f.app.message.is_some());
    f.act(&[Action::PrevMatch]);
    assert!(
        !f.app
            .message
            .clone()
            .is_some_and(|(m, _)| m.contains("select text first") || m.contains("nothing labelled")),
        "{:?}",
        f.app.message
    );
}

#[test]
fn vim_keys_that_did_nothing_move_now() {
    let mut f = Fixture::new(&[("a.txt", TEXT)]);
    f.act(&[Action::LineEnd]);
    assert_eq!(
        f.cursor(),
        f.at(".\nSecond"),
        "$ ends on the row's last character"
    );
    f.act(&[Action::LineStart]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::NextBigWord, Action::NextBigWord]);
    assert_eq!(f.cursor(), f.at("three"));
    f.act(&[Action::PrevBigWord]);
    assert_eq!(f.cursor(), f.at("two"));
    f.act(&[Action::HalfPageDown]);
    assert!(f.cursor() > f.at("Second"), "Ctrl-d moves down");
    f.act(&[Action::HalfPageUp]);
    assert!(f.cursor() < f.at("Second"));
    // `.` labels the selection like the last label.
    f.act(&[Action::SelectSentence, Action::Label(3)]);
    f.act(&[
        Action::NextSentence,
        Action::SelectSentence,
        Action::RepeatLabel,
    ]);
    assert_eq!(f.spans().last().unwrap().2, "opinion");
}
