//! Every hint line shows its most important keys at 80 columns (issue #28: `Y` and `X` were
//! never visible): with suggestions, in the flow, while selecting or moving edges, in the list
//! and the sidebar, while a count is typed — and `? help · q quit` always.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::*;
use crate::action::Action;
use crate::keymap::Keymap;
use crate::update::{Event, update_now};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;

const SEED: &str = include_str!("../../../../../seeds/000_b226eff58fa68952.txt");

/// The seed, with the quote suggester's file when `suggested`.
fn app(dir: &std::path::Path, suggested: bool) -> App {
    std::fs::write(dir.join("seed.txt"), SEED).unwrap();
    if suggested {
        let doc = glosser_core::text::Document::from_text(SEED);
        let mut file = glosser_core::store::AnnotationFile::new("seed.txt", "quotes", doc.sha256());
        for proposal in glosser_core::suggest::quotes::suggest(&doc) {
            let mut span =
                glosser_core::span::Span::new(&doc, proposal.start..proposal.end, &proposal.label);
            span.score = Some(glosser_core::span::Score(proposal.score));
            file.spans.insert_unchecked(span);
        }
        glosser_core::store::save(&dir.join("seed.txt.quotes.ron"), &file).unwrap();
    }
    let corpus = Corpus::scan(dir).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "tester".into(),
        Keymap::default(),
    );
    if suggested {
        app.show_suggestions("quotes");
    }
    app
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update_now(app, Event::Action(a), Instant::now());
    }
}

/// The hint line (the last row) at 80×24.
fn hints(app: &mut App) -> String {
    update_now(app, Event::Resize(80, 24), Instant::now());
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    render_screen(&mut buf, app, area);
    (0..80).map(|x| buf[(x, 23)].symbol().to_owned()).collect()
}

fn assert_shows(line: &str, keys: &[&str]) {
    for key in keys.iter().chain(&["? help · q quit"]) {
        assert!(line.contains(key), "{key:?} missing at 80 columns: {line}");
    }
}

#[test]
fn with_suggestions_accept_reject_and_all_show_and_so_in_the_flow() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), true);
    assert_shows(
        &hints(&mut app),
        &["y accept", "X reject", "Y all", "> next"],
    );
    act(&mut app, &[Action::Flow]);
    assert_shows(
        &hints(&mut app),
        &["1-9 label", "y accept", "X reject", "Space skip"],
    );
}

#[test]
fn the_flow_selecting_edges_and_counts_show_their_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), false);
    act(&mut app, &[Action::Flow]);
    assert_shows(
        &hints(&mut app),
        &["1-9 label", "Space skip", "⌫ back", "t punct"],
    );
    act(
        &mut app,
        &[Action::Cancel, Action::StartSelection, Action::NextWord],
    );
    assert_shows(&hints(&mut app), &["1-9 label", "Enter labels", "t punct"]);
    act(
        &mut app,
        &[
            Action::Cancel,
            Action::SelectSentence,
            Action::Label(1),
            Action::EditEdges,
        ],
    );
    let said = hints(&mut app);
    assert!(
        said.trim_end().ends_with("; the start · Enter done"),
        "the message fits whole: {said}"
    );
    app.message = None;
    assert_shows(
        &hints(&mut app),
        &[
            "h/l char",
            "w/b word",
            "t/T punct",
            "; other edge",
            "Enter done",
        ],
    );
    act(
        &mut app,
        &[Action::Confirm, Action::Start, Action::Label(3)],
    );
    assert_eq!(app.count, Some(3), "on the claim, unpicked: a count");
    let said = hints(&mut app);
    assert_eq!(
        said.trim_end(),
        "count 3: a motion repeats 3 times · Esc drops it · to label, select: s \" t v",
        "the count's message fits whole"
    );
    app.message = None;
    assert_shows(
        &hints(&mut app),
        &["a motion repeats", "Esc drops the count"],
    );
}

#[test]
fn the_list_and_the_sidebar_show_their_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), false);
    act(&mut app, &[Action::SelectSentence, Action::Label(1)]);
    act(&mut app, &[Action::NextPane]);
    assert_shows(
        &hints(&mut app),
        &["j/k span", "1-9 relabel", "x delete", "c edges"],
    );
    act(&mut app, &[Action::NextPane]);
    assert_shows(
        &hints(&mut app),
        &["j/k move", "Enter open", "/ filter (Tab: texts)"],
    );
}
