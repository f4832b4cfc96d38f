use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

use super::*;
use glosser_core::span::{AnnotationSet, Span};

struct Case {
    doc: Document,
    spans: AnnotationSet,
    labels: LabelSet,
    wrap: WrapCache,
}

impl Case {
    fn new(text: &str, spans: &[(usize, usize, &str)], width: u16) -> Self {
        let doc = Document::from_text(text);
        let spans = AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| Span::new(&doc, s..e, l))
                .collect(),
        );
        let mut wrap = WrapCache::new();
        wrap.update(&doc, 1, width);
        Self {
            doc,
            spans,
            labels: LabelSet::default(),
            wrap,
        }
    }

    fn render(
        &self,
        width: u16,
        height: u16,
        cursor: usize,
        selection: Option<Range<usize>>,
        color: bool,
    ) -> Buffer {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        ArticleView {
            doc: &self.doc,
            spans: &self.spans,
            labels: &self.labels,
            wrap: &self.wrap,
            top_row: 0,
            cursor,
            selection,
            matches: &[],
            linked: &[],
            focused: true,
            color,
            ghosts: &[],
        }
        .render(area, &mut buf);
        buf
    }
}

fn rgb(label: &str) -> Color {
    let (r, g, b) = parse_color(&LabelSet::default().get(label).unwrap().color).unwrap();
    Color::Rgb(r, g, b)
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

#[test]
fn label_colours_nesting_and_boundaries() {
    // "He said “yes” today." — claim over 0..20, quote nested over 8..13
    let case = Case::new(
        "He said “yes” today.",
        &[(0, 20, "claim"), (8, 13, "quote")],
        30,
    );
    let buf = case.render(30, 2, 25, None, true);
    assert_eq!(row_text(&buf, 0).trim_end(), "He said “yes” today.");
    assert_eq!(buf[(0, 0)].bg, rgb("claim"));
    assert!(
        buf[(0, 0)].modifier.contains(Modifier::ITALIC),
        "a span's first cell is marked"
    );
    assert!(!buf[(1, 0)].modifier.contains(Modifier::ITALIC));
    assert_eq!(buf[(5, 0)].bg, rgb("claim"));
    assert!(!buf[(5, 0)].modifier.contains(Modifier::UNDERLINED));
    for x in 8..13 {
        assert_eq!(buf[(x, 0)].bg, rgb("quote"), "innermost wins at {x}");
        assert!(
            buf[(x, 0)].modifier.contains(Modifier::UNDERLINED),
            "nested marker at {x}"
        );
    }
    assert!(buf[(8, 0)].modifier.contains(Modifier::ITALIC));
    assert_eq!(buf[(13, 0)].bg, rgb("claim"));
    assert_eq!(buf[(21, 0)].bg, Color::Reset, "outside every span");
}

#[test]
fn no_color_markers_survive() {
    let case = Case::new(
        "He said “yes” today.",
        &[(0, 20, "claim"), (8, 13, "quote")],
        30,
    );
    let buf = case.render(30, 2, 25, None, false);
    for x in 0..20 {
        assert_eq!(buf[(x, 0)].bg, Color::Reset);
        assert!(
            buf[(x, 0)].modifier.contains(Modifier::UNDERLINED),
            "spanned text underlined at {x}"
        );
    }
    assert!(
        buf[(9, 0)].modifier.contains(Modifier::BOLD),
        "nested text bold"
    );
    assert!(!buf[(3, 0)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(22, 0)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn cursor_beats_selection_beats_label() {
    let case = Case::new("abcdef ghi", &[(0, 6, "claim")], 20);
    let buf = case.render(20, 1, 3, Some(2..5), true);
    assert_eq!(buf[(0, 0)].bg, rgb("claim"));
    assert_eq!(buf[(2, 0)].bg, SELECTION_BG);
    assert_eq!(
        buf[(3, 0)].bg,
        SELECTION_BG,
        "the cursor's cell is stored by a label key, so it is drawn selected"
    );
    assert!(buf[(3, 0)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(2, 0)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(buf[(4, 0)].bg, SELECTION_BG);
    assert_eq!(buf[(5, 0)].bg, rgb("claim"));
    let outside = case.render(20, 1, 1, Some(2..5), true);
    assert_eq!(
        outside[(1, 0)].bg,
        CURSOR_BG,
        "outside a selection: the cursor colour"
    );
    let plain = case.render(20, 1, 3, Some(2..5), false);
    assert!(plain[(2, 0)].modifier.contains(Modifier::REVERSED));
    assert!(
        plain[(3, 0)].modifier.contains(Modifier::REVERSED),
        "the cursor in a selection is drawn selected"
    );
    assert!(plain[(3, 0)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn cursor_visible_at_line_end_and_text_end() {
    let case = Case::new("ab\ncd", &[], 10);
    let buf = case.render(10, 2, 2, None, true);
    assert_eq!(buf[(2, 0)].bg, CURSOR_BG, "cursor on the line break");
    let buf = case.render(10, 2, 5, None, true);
    assert_eq!(buf[(2, 1)].bg, CURSOR_BG, "cursor after the last char");
}

#[test]
fn controls_become_placeholders() {
    let case = Case::new("a\u{1b}[31mb\u{202e}c\u{7}\td", &[], 30);
    let buf = case.render(30, 1, 99, None, true);
    let row = row_text(&buf, 0);
    assert!(row.starts_with("a␛[31mb¦c␇    d"), "{row:?}");
    for x in 0..30 {
        let symbol = buf[(x, 0)].symbol();
        assert!(
            !symbol
                .chars()
                .any(|c| c.is_control() || glosser_core::fsio::is_bidi_control(c)),
            "{symbol:?}"
        );
    }
}

#[test]
fn wide_chars_take_two_cells() {
    let case = Case::new("中文x", &[(1, 2, "claim")], 10);
    let buf = case.render(10, 1, 99, None, true);
    assert_eq!(buf[(0, 0)].symbol(), "中");
    assert_eq!(buf[(2, 0)].symbol(), "文");
    assert_eq!(buf[(2, 0)].bg, rgb("claim"));
    assert_eq!(buf[(4, 0)].symbol(), "x");
}

#[test]
fn only_visible_rows_drawn() {
    let text = "line\n".repeat(1000);
    let case = Case::new(&text, &[], 10);
    let area = Rect::new(0, 0, 10, 3);
    let mut buf = Buffer::empty(area);
    ArticleView {
        doc: &case.doc,
        spans: &case.spans,
        labels: &case.labels,
        wrap: &case.wrap,
        top_row: 998,
        cursor: 0,
        selection: None,
        matches: &[],
        linked: &[],
        focused: true,
        color: true,
        ghosts: &[],
    }
    .render(area, &mut buf);
    assert_eq!(row_text(&buf, 0).trim_end(), "line");
    assert_eq!(row_text(&buf, 1).trim_end(), "line");
    assert_eq!(row_text(&buf, 2).trim_end(), "", "the empty last row");
}
