//! Links on screen (SPEC §10): the detail box lists the links of the span under the cursor and
//! the article highlights the spans it is linked to, with and without colour.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::super::*;
use crate::keymap::Keymap;
use crate::update::{Event, update_now};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Link, LinkEnd, Status};
use glosser_core::text::Document;

const TEXT: &str =
    "Margus Tsahkna said it reveals “a leader positioning for advantage, not peace.” Then more.\n";

/// A corpus whose file links the quotation to "Margus Tsahkna"; the cursor on the quotation.
fn app(dir: &std::path::Path, color: bool) -> App {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    let doc = Document::from_text(TEXT);
    let source = Span::new(&doc, 0..14, "source");
    let q = doc.byte_to_char(TEXT.find('“').unwrap()).unwrap();
    let close = doc.byte_to_char(TEXT.find('”').unwrap()).unwrap() + 1;
    let quote = Span::new(&doc, q..close, "quote");
    let file = AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        links: vec![Link {
            kind: "speaker".into(),
            from: LinkEnd::of(&quote),
            to: LinkEnd::of(&source),
        }],
        spans: AnnotationSet::from_spans(vec![source, quote]),
        ..Default::default()
    };
    store::save(&dir.join("a.txt.tester.ron"), &file).unwrap();
    let corpus = Corpus::scan(dir).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "tester".into(),
        Keymap::default(),
    );
    app.color = color;
    if let Some(s) = app.session_mut() {
        s.cursor = q + 3;
    }
    app
}

fn draw(app: &mut App) -> Buffer {
    update_now(app, Event::Resize(120, 30), Instant::now());
    let area = Rect::new(0, 0, 120, 30);
    let mut buf = Buffer::empty(area);
    render_screen(&mut buf, app, area);
    buf
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

/// The cell showing the first occurrence of `needle` in the article pane.
fn cell_of(buf: &Buffer, needle: &str) -> (u16, u16) {
    let areas = crate::layout::Areas::new(buf.area.width, buf.area.height).unwrap();
    let a = areas.article;
    for y in a.y..a.y + a.height {
        let row: Vec<String> = (a.x..a.x + a.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        let joined = row.concat();
        if let Some(byte) = joined.find(needle) {
            let col = joined[..byte].chars().count();
            return (a.x + u16::try_from(col).unwrap(), y);
        }
    }
    panic!("{needle:?} not in the article:\n{}", text(buf));
}

#[test]
fn the_detail_box_lists_links_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path(), true);
    let screen = text(&draw(&mut app));
    assert!(screen.contains("→ speaker: Margus Tsahkna"), "{screen}");
    if let Some(s) = app.session_mut() {
        s.cursor = 2;
    }
    let screen = text(&draw(&mut app));
    assert!(screen.contains("← speaker: “a leader position"), "{screen}");
}

#[test]
fn the_linked_span_is_highlighted_with_and_without_colour() {
    for color in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path(), color);
        let buf = draw(&mut app);
        let linked = buf[cell_of(&buf, "Tsahkna")].modifier;
        assert!(
            linked.contains(Modifier::BOLD | Modifier::UNDERLINED),
            "color {color}: {linked:?}"
        );
        let plain = buf[cell_of(&buf, "reveals")].modifier;
        assert!(!plain.contains(Modifier::BOLD), "color {color}: {plain:?}");
        // Away from the quotation nothing is linked: the name is drawn as any span.
        if let Some(s) = app.session_mut() {
            s.cursor = TEXT.find("Then").unwrap();
        }
        let buf = draw(&mut app);
        let unlinked = buf[cell_of(&buf, "Tsahkna")].modifier;
        assert!(
            !unlinked.contains(Modifier::BOLD),
            "color {color}: {unlinked:?}"
        );
    }
}
