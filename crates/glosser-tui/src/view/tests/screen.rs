//! What the screen shows for issue #13: the span under the cursor whole with its note, hints
//! that keep `? help · q quit`, label markers that survive `NO_COLOR`, and room for the article
//! on small terminals.

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

const TEXT: &str = "Officials said the talks were “positive, constructive and long overdue for everyone involved,” adding more.\nSecond line.\n";

fn app(dir: &std::path::Path) -> App {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    let corpus = Corpus::scan(dir).unwrap();
    App::with_parts(
        corpus,
        LabelSet::default(),
        "tester".into(),
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

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update_now(app, Event::Action(a), Instant::now());
    }
}

#[test]
fn the_span_under_the_cursor_is_shown_whole_with_its_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let inside = TEXT[..TEXT.find("constructive").unwrap()].chars().count();
    let open = TEXT[..TEXT.find('“').unwrap()].chars().count();
    let close = TEXT[..TEXT.find('”').unwrap()].chars().count() + 1;
    app.session_mut().unwrap().cursor = inside;
    act(
        &mut app,
        &[Action::SelectQuotation, Action::Label(2), Action::EditNote],
    );
    for c in "Moscow readout".chars() {
        update_now(&mut app, Event::PromptChar(c), Instant::now());
    }
    update_now(&mut app, Event::PromptSubmit, Instant::now());
    let buf = draw_at(&mut app, 120, 40);
    let screen = text(&buf);
    let head = format!("─ ▲ quote {open}..{close}");
    assert!(screen.contains(&head), "{head}:\n{screen}");
    // Every word of the quotation, though the list row cuts it.
    for word in [
        "“positive,",
        "constructive",
        "overdue",
        "everyone",
        "involved,”",
    ] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    let note_row = (0..40).find(|&y| row(&buf, y).contains("✎ Moscow readout"));
    let note_row = note_row.expect("the note is shown without opening anything");
    let x = row(&buf, note_row).chars().position(|c| c == '✎').unwrap() as u16;
    assert!(buf[(x, note_row)].modifier.contains(Modifier::ITALIC));
    assert!(
        screen.contains("▲ quote      ✎ “positive"),
        "the note mark comes before the excerpt:\n{screen}"
    );
    act(&mut app, &[Action::Start]);
    let away = text(&draw_at(&mut app, 120, 40));
    assert!(
        !away.contains("✎ Moscow readout"),
        "only for the span under the cursor"
    );
}

#[test]
fn hints_keep_help_and_quit_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    for width in [80, 60, 40] {
        let buf = draw_at(&mut app, width, 24);
        let hints = row(&buf, 23);
        assert!(hints.contains("? help · q quit"), "{width}: {hints}");
    }
    // At 80 columns the keys that label come first: the flow, a sentence, a quotation, a label.
    let usual = row(&draw_at(&mut app, 80, 24), 23);
    for key in ["Space flow", "s sentence", "\" quote", "1-9 label"] {
        assert!(usual.contains(key), "{key} at 80 columns: {usual}");
    }
    let wide = row(&draw_at(&mut app, 200, 24), 23);
    assert!(
        wide.contains("s sentence") && wide.contains(": command"),
        "{wide}"
    );
}

#[test]
fn labels_differ_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.color = false;
    act(&mut app, &[Action::SelectSentence, Action::Label(1)]);
    act(
        &mut app,
        &[
            Action::NextSentence,
            Action::SelectSentence,
            Action::Label(3),
        ],
    );
    let buf = draw_at(&mut app, 120, 40);
    let screen = text(&buf);
    let article_x = crate::layout::Areas::new(120, 40).unwrap().article.x;
    assert_eq!(
        buf[(article_x, 1)].symbol(),
        "●",
        "the claim's row in the gutter:\n{screen}"
    );
    let gutter = |y: u16| buf[(article_x, y)].symbol().to_owned();
    assert_eq!(gutter(2), "●", "the claim's wrapped row:\n{screen}");
    assert_eq!(gutter(3), "■", "the opinion's row:\n{screen}");
    assert_eq!(gutter(4), "┃", "no span: the border:\n{screen}");
    assert!(screen.contains("● claim"), "{screen}");
    assert!(screen.contains("■ opinion"), "{screen}");
    let markers: Vec<char> = app
        .labels
        .labels()
        .iter()
        .map(|l| label_marker(&app, &l.name))
        .collect();
    let mut unique = markers.clone();
    unique.dedup();
    assert_eq!(
        unique.len(),
        markers.len(),
        "one marker per label: {markers:?}"
    );
}

#[test]
fn a_small_terminal_gives_the_article_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let buf = draw_at(&mut app, 40, 10);
    let areas = crate::layout::Areas::new(40, 10).unwrap();
    assert!(areas.article.width >= 20, "{areas:?}");
    assert!(row(&buf, 1).contains("Officials said"), "{}", text(&buf));
    let screen = text(&buf);
    assert!(
        screen.contains(" 5 label…"),
        "the legend gives way and says how to reach the labels:\n{screen}"
    );
    assert!(!screen.contains("unverified"), "{screen}");
    let roomy = text(&draw_at(&mut app, 120, 40));
    assert!(
        roomy.contains("◆ unverified") && !roomy.contains("labels: L"),
        "{roomy}"
    );
}

#[test]
fn the_label_picker_lists_every_label_with_the_highlight_reversed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    act(
        &mut app,
        &[Action::SelectSentence, Action::PickLabel, Action::MoveDown],
    );
    let buf = draw_at(&mut app, 120, 40);
    let screen = text(&buf);
    for line in ["1 ● claim", "2 ▲ quote", "3 ■ opinion", "4 ◆ unverified"] {
        assert!(screen.contains(line), "{line}:\n{screen}");
    }
    let y = (0..40)
        .find(|&y| row(&buf, y).contains("2 ▲ quote"))
        .unwrap();
    let x = row(&buf, y)
        .find("2 ▲ quote")
        .map(|b| row(&buf, y)[..b].chars().count())
        .unwrap() as u16;
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "the highlighted label"
    );
    let y1 = (0..40)
        .find(|&y| row(&buf, y).contains("1 ● claim"))
        .unwrap();
    let x1 = row(&buf, y1)
        .find("1 ● claim")
        .map(|b| row(&buf, y1)[..b].chars().count())
        .unwrap() as u16;
    assert!(!buf[(x1, y1)].modifier.contains(Modifier::REVERSED));
    assert!(
        screen.contains(" LABEL "),
        "the mode in the status line:\n{screen}"
    );
}
