//! Links in the review sidebar (SPEC §10): each annotator's links beside their spans, marked when
//! their other span is not in gold, and what gold holds once a version is accepted.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::super::*;
use crate::action::Action;
use crate::keymap::Keymap;
use crate::update::{Event, update_now};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

const TEXT: &str = "Margus Tsahkna said it reveals “a leader positioning for advantage, not peace.” Putin spoke.\n";

/// Alice marks Tsahkna and the quotation and links them; bob marks the quotation and Putin and
/// links those: three items (Tsahkna, the quotation's links, Putin).
fn review_app(dir: &std::path::Path, color: bool) -> App {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    let doc = Document::from_text(TEXT);
    let at = |needle: &str| doc.byte_to_char(TEXT.find(needle).unwrap()).unwrap();
    let tsahkna = Span::new(&doc, 0..14, "source");
    let quote = Span::new(&doc, at("“")..at("” Putin") + 1, "quote");
    let putin = Span::new(&doc, at("Putin")..at("Putin") + 5, "source");
    for (who, spans, to) in [
        ("alice", vec![tsahkna.clone(), quote.clone()], &tsahkna),
        ("bob", vec![quote.clone(), putin.clone()], &putin),
    ] {
        let file = AnnotationFile {
            document: "a.txt".into(),
            annotator: who.into(),
            text_sha256: doc.sha256().into(),
            status: Status::Done,
            links: vec![Link {
                kind: "speaker".into(),
                from: LinkEnd::of(&quote),
                to: LinkEnd::of(to),
            }],
            spans: AnnotationSet::from_spans(spans),
            ..Default::default()
        };
        store::save(&dir.join(format!("a.txt.{who}.ron")), &file).unwrap();
    }
    let mut app = App::with_parts(
        Corpus::scan(dir).unwrap(),
        LabelSet::default(),
        "gold".into(),
        Keymap::default(),
    );
    app.color = color;
    let now = Instant::now();
    update_now(&mut app, Event::Resize(120, 40), now);
    crate::update::review::start(&mut app, vec!["alice".into(), "bob".into()], now);
    app
}

fn draw(app: &mut App) -> Terminal<TestBackend> {
    update_now(app, Event::Resize(120, 40), Instant::now());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| super::super::draw(frame, app))
        .unwrap();
    terminal
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first cell of `needle` in the review sidebar (the rightmost pane).
fn cell_of(buf: &Buffer, needle: &str) -> (u16, u16) {
    let areas = crate::layout::Areas::with_review(buf.area.width, buf.area.height, true).unwrap();
    let a = areas.sidebar;
    for y in a.y..a.y + a.height {
        let row: String = (a.x..a.x + a.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        if let Some(byte) = row.find(needle) {
            let col = row[..byte].chars().count();
            return (a.x + u16::try_from(col).unwrap(), y);
        }
    }
    panic!("{needle:?} not in the sidebar:\n{}", text(buf));
}

#[test]
fn each_version_lists_its_links_both_ways_and_what_gold_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = review_app(dir.path(), true);
    let terminal = draw(&mut app);
    let screen = text(terminal.backend().buffer());
    for needle in [
        " 1 alice: 1 span, 1 link",
        "← speaker: “a leader positioning … ∉ gold",
        "→ speaker: Margus Tsahkna ∉ gold",
        "→ speaker: Putin ∉ gold",
    ] {
        assert!(screen.contains(needle), "{needle:?} missing:\n{screen}");
    }
    // Alice's Tsahkna is in the same version as nothing it links to: its link waits, marked.
    let buf = terminal.backend().buffer();
    let link = &buf[cell_of(buf, "→ speaker: Margus")];
    assert_eq!(link.fg, Color::Cyan);
    let missing = &buf[cell_of(buf, "∉ gold")];
    assert!(missing.modifier.contains(Modifier::DIM), "{missing:?}");
    // Accepting alice's Tsahkna puts it in gold: her quote's link is no longer marked, and the
    // decided item shows what gold holds.
    update_now(&mut app, Event::Action(Action::Label(1)), Instant::now());
    let screen = text(draw(&mut app).backend().buffer());
    assert!(screen.contains(" gold holds:"), "{screen}");
    assert!(screen.contains("→ speaker: Margus Tsahkna"), "{screen}");
    assert!(!screen.contains("→ speaker: Margus … ∉ gold"), "{screen}");
}

#[test]
fn without_colour_links_are_plain_and_the_mark_is_dim() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = review_app(dir.path(), false);
    let terminal = draw(&mut app);
    let buf = terminal.backend().buffer();
    let link = &buf[cell_of(buf, "→ speaker: Putin")];
    assert_eq!(link.fg, Color::Reset);
    let missing = &buf[cell_of(buf, "∉ gold")];
    assert!(missing.modifier.contains(Modifier::DIM), "{missing:?}");
    assert_eq!(missing.fg, Color::Reset);
}

#[test]
fn review_with_links_120x40() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = review_app(dir.path(), true);
    update_now(&mut app, Event::Action(Action::Label(1)), Instant::now());
    let terminal = draw(&mut app);
    insta::assert_snapshot!("review_with_links_120x40", terminal.backend());
}

#[test]
fn the_article_highlights_where_the_current_items_links_go() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = review_app(dir.path(), true);
    // The second item, the quotation: alice links it to Tsahkna, bob to Putin.
    update_now(&mut app, Event::Action(Action::NextSpan), Instant::now());
    assert_eq!(
        app.session()
            .and_then(|s| s.review.as_ref())
            .map(|r| r.current),
        Some(1)
    );
    let terminal = draw(&mut app);
    let buf = terminal.backend().buffer();
    let areas = crate::layout::Areas::new(120, 40).unwrap();
    let find = |needle: &str| {
        let a = areas.article;
        (a.y..a.y + a.height)
            .find_map(|y| {
                let row: String = (a.x..a.x + a.width)
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect();
                row.find(needle)
                    .map(|b| (a.x + u16::try_from(row[..b].chars().count()).unwrap(), y))
            })
            .unwrap()
    };
    for name in ["Tsahkna", "Putin"] {
        let cell = &buf[find(name)];
        assert!(
            cell.modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED),
            "{name}: {cell:?}"
        );
    }
    assert!(!buf[find("spoke")].modifier.contains(Modifier::BOLD));
}
