//! What the screen shows for issue #28: positions and counts never cut, labels told apart
//! inside the text without colour, search matches not struck through, word-jump hints, the stats
//! view's bars for every label with annotators told apart without colour.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::super::*;
use crate::action::Action;
use crate::keymap::Keymap;
use crate::update::{Event, update_now};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;

const SEED: &str = include_str!("../../../../../seeds/000_b226eff58fa68952.txt");

fn app_with(dir: &std::path::Path, name: &str, text: &str) -> App {
    std::fs::write(dir.join(name), text).unwrap();
    let corpus = Corpus::scan(dir).unwrap();
    App::with_parts(
        corpus,
        LabelSet::default(),
        "a-rather-long-annotator-name".into(),
        Keymap::default(),
    )
}

fn draw_at(app: &mut App, width: u16, height: u16) -> Buffer {
    update_now(app, Event::Resize(width, height), Instant::now());
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    render_screen(&mut buf, app, area);
    buf
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update_now(app, Event::Action(a), Instant::now());
    }
}

/// The cell showing char `offset` of the article (first screen row only).
fn cell_of(buf: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let line = row(buf, y);
        if let Some(byte) = line.find(needle) {
            return (line[..byte].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn the_position_count_and_saved_state_are_never_cut() {
    let dir = tempfile::tempdir().unwrap();
    let name = "000_b226eff58fa68952_with_a_long_name.txt";
    let mut app = app_with(dir.path(), name, SEED);
    if let Some(s) = app.session_mut() {
        s.cursor = 14;
    }
    act(&mut app, &[Action::Label(3)]);
    assert_eq!(app.count, Some(3));
    for (width, height) in [(40, 10), (60, 20), (80, 24), (120, 40)] {
        let buf = draw_at(&mut app, width, height);
        let status = row(&buf, height - 2);
        assert!(
            status.contains("14/2453 │ 3…"),
            "{width}×{height}: {status}"
        );
        assert!(status.contains("no edits"), "{width}×{height}: {status}");
    }
}

#[test]
fn without_colour_each_span_start_shows_its_label_and_matches_are_not_struck_through() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(
        dir.path(),
        "a.txt",
        "Officials said “it works” and more. Then a claim.\n",
    );
    app.color = false;
    // A quote inside a sentence labelled opinion, and the next sentence a claim.
    act(&mut app, &[Action::SelectQuotation, Action::Label(2)]);
    act(
        &mut app,
        &[Action::Start, Action::SelectSentence, Action::Label(3)],
    );
    act(
        &mut app,
        &[
            Action::NextSentence,
            Action::SelectSentence,
            Action::Label(1),
        ],
    );
    let buf = draw_at(&mut app, 120, 40);
    let line = row(&buf, 1);
    // The blank before each span start shows its label's marker; the text is untouched.
    assert!(
        line.contains("│■Officials said▲“it works” and more.●Then a claim."),
        "the blank before a span start shows its marker, a row's first in the gutter: {line}"
    );
    update_now(&mut app, Event::Action(Action::Search), Instant::now());
    for c in "works".chars() {
        update_now(&mut app, Event::PromptChar(c), Instant::now());
    }
    update_now(&mut app, Event::PromptSubmit, Instant::now());
    act(&mut app, &[Action::End]);
    let buf = draw_at(&mut app, 120, 40);
    let (x, y) = cell_of(&buf, "works");
    let cell = &buf[(x, y)];
    assert!(!cell.modifier.contains(Modifier::CROSSED_OUT), "{cell:?}");
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
}

#[test]
fn word_jump_hints_sit_on_the_words_of_the_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), "a.txt", "Alpha beta gamma. Delta epsilon.\n");
    act(&mut app, &[Action::JumpToWord]);
    let buf = draw_at(&mut app, 120, 40);
    let line = row(&buf, 1);
    assert!(line.contains("alpha seta damma. Delta"), "{line}");
    let (x, y) = cell_of(&buf, "seta");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    update_now(&mut app, Event::PromptChar('d'), Instant::now());
    assert_eq!(app.session().unwrap().cursor, 11, "on gamma");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn the_stats_view_has_bars_for_every_label_and_tells_annotators_apart_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(dir.path(), "a.txt", SEED);
    app.color = false;
    let labels: Vec<String> = (1..=12).map(|i| format!("label{i:02}")).collect();
    let mut stats = crate::stats::CorpusStats {
        labels: labels.clone(),
        counts: vec![
            ("alice".into(), (1..=12).collect()),
            ("bob".into(), (1..=12).rev().collect()),
            ("carol".into(), vec![3; 12]),
        ],
        ..Default::default()
    };
    stats.left_out = vec![("suggest".into(), "suggester")];
    app.mode = Mode::Stats(Some(Box::new(stats)));
    let buf = draw_at(&mut app, 80, 24);
    let screen: String = (0..24).map(|y| row(&buf, y) + "\n").collect();
    for label in &labels {
        assert!(
            screen.contains(label.as_str()),
            "{label} has no bars:\n{screen}"
        );
    }
    assert!(
        screen.contains("█ alice") && screen.contains("▓ bob") && screen.contains("▒ carol"),
        "{screen}"
    );
    let twelfth = screen.lines().find(|l| l.contains("label12")).unwrap();
    assert!(
        twelfth.contains('█') && twelfth.contains('▓') && twelfth.contains('▒'),
        "{twelfth}"
    );
    assert!(screen.contains("left out: suggest (suggester)"), "{screen}");
}
