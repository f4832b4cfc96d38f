use std::path::Path;
use std::time::Instant;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::action::Action;
use crate::keymap::Keymap;
use crate::update::{Event, MouseKind, update_now};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;

fn seeds_app(dir: &Path) -> App {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    // Only the articles: a demo run leaves annotation and lock files in seeds/.
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let corpus = Corpus::scan(dir).unwrap();
    App::with_parts(
        corpus,
        LabelSet::default(),
        "tester".into(),
        Keymap::default(),
    )
}

fn screen(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update_now(app, Event::Resize(width, height), Instant::now());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(frame, app)).unwrap();
    terminal
}

fn act(app: &mut App, actions: &[Action]) {
    for &a in actions {
        update_now(app, Event::Action(a), Instant::now());
    }
}

#[test]
fn main_screen_120x40() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(
        &mut app,
        &[
            Action::SelectSentence,
            Action::Label(1),
            Action::NextSentence,
            Action::NextSentence,
        ],
    );
    act(&mut app, &[Action::SelectQuotation]);
    let terminal = screen(&mut app, 120, 40);
    insta::assert_snapshot!("main_120x40", terminal.backend());
}

#[test]
fn main_screen_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(&mut app, &[Action::SelectSentence, Action::Label(1)]);
    let terminal = screen(&mut app, 80, 24);
    insta::assert_snapshot!("main_80x24", terminal.backend());
}

#[test]
fn help_overlay_lists_live_bindings() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(&mut app, &[Action::Help]);
    let terminal = screen(&mut app, 120, 60);
    let text = terminal.backend().to_string();
    assert!(text.contains("Ctrl-r"), "{text}");
    assert!(text.contains("label claim"));
    assert!(text.contains("select the sentence"));
}

#[test]
fn too_small_notice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    let terminal = screen(&mut app, 39, 9);
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("terminal too small")
    );
}

#[test]
fn pane_styles_focus_list_row_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(&mut app, &[Action::SelectSentence, Action::Label(1)]);
    let terminal = screen(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    let areas = crate::layout::Areas::new(120, 40).unwrap();
    // The focused article has a cyan border; the list does not.
    assert_eq!(buf[(areas.article.x, areas.article.y)].fg, Color::Cyan);
    assert_eq!(buf[(areas.list.x, areas.list.y)].fg, Color::DarkGray);
    // The sidebar row of the span under the cursor is highlighted.
    let row = areas.sidebar.y + 1;
    assert!(
        buf[(areas.sidebar.x + 12, row)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    // The span's label is in its colour in the sidebar.
    assert!(matches!(buf[(areas.sidebar.x + 1, row)].fg, Color::Rgb(..)));
    // The status line says unsaved until the debounce passes.
    let status: String = (0..120)
        .map(|x| buf[(x, areas.status.y)].symbol().to_owned())
        .collect();
    assert!(
        status.contains("unsaved") && status.contains("tester"),
        "{status}"
    );
    // The list marks the open document's row in focus only.
    act(&mut app, &[Action::PrevPane]);
    let terminal = screen(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    assert!(
        buf[(areas.list.x + 3, areas.list.y + 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

fn article_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Word",
        "word",
        " ",
        ". ",
        "\n",
        "\r\n",
        "\n\n",
        "😀",
        "👨\u{200d}👩\u{200d}👧",
        "e\u{301}",
        "中文",
        "\t",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{7f}",
        "“quoted”",
        "\"x\"",
        "\u{85}",
    ]);
    prop::collection::vec(pieces, 1..60).prop_map(|v| v.concat())
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => prop::sample::select(Action::ALL.to_vec()).prop_map(Event::Action),
        1 => (0u16..130, 0u16..60, 0u8..4).prop_map(|(column, row, k)| Event::Mouse {
            kind: [MouseKind::Down, MouseKind::Drag, MouseKind::ScrollUp, MouseKind::ScrollDown][usize::from(k)],
            column,
            row,
        }),
        1 => (0u16..200, 0u16..80).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => prop::sample::select(vec!['a', ' ', '😀', '\u{1b}']).prop_map(Event::PromptChar),
        1 => Just(Event::PromptSubmit),
        1 => Just(Event::PromptCancel),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_texts_sizes_and_keys(
        text in article_text(),
        width in 1u16..160,
        height in 1u16..60,
        events in prop::collection::vec(any_event(), 1..40),
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), &text).unwrap();
        std::fs::write(dir.path().join("b.txt"), "Second doc.").unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let mut app = App::with_parts(corpus, LabelSet::default(), "prop".into(), Keymap::default());
        update_now(&mut app, Event::Resize(width, height), Instant::now());
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for event in events {
            if let Event::Resize(w, h) = event {
                terminal.backend_mut().resize(w, h);
            }
            update_now(&mut app, event, Instant::now());
            if app.quit.is_leaving() {
                break;
            }
            terminal.draw(|frame| draw(frame, &app)).unwrap();
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                prop_assert!(!cell.symbol().chars().any(|c| c.is_control() || glosser_core::fsio::is_bidi_control(c)),
                    "raw control in the buffer: {:?}", cell.symbol());
            }
            let (w, h) = app.size;
            if let (Some(areas), Some(session)) = (crate::layout::Areas::new(w, h), app.session())
                && let Ok(doc) = &session.doc
            {
                prop_assert!(doc.is_grapheme_boundary(session.cursor));
                let banner = u16::from(session.read_only.is_some());
                let rows = usize::from(areas.article_text().height.saturating_sub(banner)).max(1);
                let row = app.wrap.row_of(session.cursor);
                prop_assert!(row >= session.top_row && row < session.top_row + rows,
                    "cursor row {} outside {}..{}", row, session.top_row, session.top_row + rows);
                for span in session.file.spans.spans() {
                    prop_assert!(span.check(doc, &app.labels).is_ok(), "{:?}", span);
                }
            }
        }
    }
}

#[test]
fn help_scrolls_at_80x24_and_cuts_no_description() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(&mut app, &[Action::Help]);
    // Every page of the help, scrolled with j / PgDn (which no longer close it).
    let mut pages = String::new();
    for _ in 0..40 {
        let terminal = screen(&mut app, 80, 24);
        pages.push_str(&terminal.backend().to_string());
        assert!(
            matches!(app.mode, Mode::Help { .. }),
            "scrolling keeps the help open"
        );
        act(&mut app, &[Action::PageDown]);
    }
    // The help's box: every row of text inside it, joined, holds every description whole.
    let joined: String = pages
        .lines()
        .map(|l| l.trim_matches(|c: char| matches!(c, '│' | ' ' | '"')))
        .collect::<Vec<_>>()
        .join(" ");
    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    for (_, description) in crate::view::help::lines(&app) {
        let words = description.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains(&words), "{description:?} cut:\n{pages}");
    }
    for footer in ["mouse: click moves the cursor", "any other key closes"] {
        assert!(joined.contains(footer), "{footer} missing:\n{pages}");
    }
    assert!(pages.contains("Keys · lines 1–"), "{pages}");
    act(&mut app, &[Action::MoveUp, Action::MoveDown, Action::Start]);
    assert!(
        matches!(app.mode, Mode::Help { top: 0 }),
        "g goes to the top"
    );
    act(&mut app, &[Action::Help]);
    assert_eq!(app.mode, Mode::Normal, "any other key closes it");
    assert!(
        !pages.contains("label 5"),
        "digits without a label are not listed"
    );
}

#[test]
fn stats_view_shows_spans_agreement_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = seeds_app(dir.path());
    act(
        &mut app,
        &[Action::SelectSentence, Action::Label(1), Action::ToggleDone],
    );
    // A second annotator on the same document, so agreement can be shown.
    let doc = app.document().unwrap().clone();
    let file =
        glosser_core::store::AnnotationFile {
            document: "000_b226eff58fa68952.txt".into(),
            annotator: "other".into(),
            text_sha256: doc.sha256().into(),
            status: glosser_core::store::Status::Done,
            spans: glosser_core::span::AnnotationSet::from_spans(vec![
                glosser_core::span::Span::new(&doc, 0..263, "claim"),
            ]),
            ..Default::default()
        };
    glosser_core::store::save(
        &dir.path().join("000_b226eff58fa68952.txt.other.ron"),
        &file,
    )
    .unwrap();
    act(&mut app, &[Action::Stats]);
    let Mode::Stats(Some(stats)) = &app.mode else {
        panic!("S opens the stats view");
    };
    assert_eq!(stats.counts.len(), 2);
    assert_eq!(stats.counts[0].0, "other");
    assert_eq!(
        stats.counts[1].1[0], 1,
        "tester has one claim, saved when S was pressed"
    );
    assert_eq!(stats.done, 1);
    let agreement = stats.agreement.as_ref().unwrap();
    assert_eq!(agreement.labels[0].1.kappa, Some(1.0));
    assert_eq!(agreement.title, "other × tester");
    let terminal = screen(&mut app, 120, 40);
    let text = terminal.backend().to_string();
    assert!(text.contains("Corpus statistics"), "{text}");
    assert!(
        text.contains("claim") && text.contains("agreement"),
        "{text}"
    );
    assert!(
        text.contains("tester: 1 done · 0 in progress · 4 to do"),
        "{text}"
    );
    act(&mut app, &[Action::MoveRight]);
    assert_eq!(app.mode, Mode::Normal, "any key closes it");
}

mod fit;
mod hints;
mod link_screen;
mod review_link_screen;
mod screen;
mod stats_warnings;
