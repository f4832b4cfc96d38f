//! Any text through wrap and render at any size with spans and a cursor: no panic, and no raw
//! control or bidi character ever reaches the screen buffer.
#![no_main]

use glosser_core::labels::LabelSet;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::text::Document;
use glosser_tui::view::article::ArticleView;
use glosser_tui::wrap::WrapCache;
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, body) = data.split_at(4);
    let Ok(text) = std::str::from_utf8(body) else { return };
    let doc = Document::from_text(text);
    let width = u16::from(head[0] % 200);
    let height = u16::from(head[1] % 80);
    let mut wrap = WrapCache::new();
    wrap.update(&doc, 1, width.max(1));
    let len = doc.char_len();
    let mut spans = Vec::new();
    if len > 0 {
        let start = doc.grapheme_floor(usize::from(head[2]) % len);
        let end = doc.grapheme_ceil((start + usize::from(head[3])).min(len));
        if start < end {
            spans.push(Span::new(&doc, start..end, "claim"));
        }
    }
    let spans = AnnotationSet::from_spans(spans);
    let labels = LabelSet::default();
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    let cursor = doc.grapheme_floor(usize::from(head[3]).min(len));
    ArticleView {
        doc: &doc,
        spans: &spans,
        labels: &labels,
        wrap: &wrap,
        top_row: wrap.row_of(cursor),
        cursor,
        selection: None,
        matches: &[],
        linked: &[],
        ghosts: &[],
        focused: true,
        color: head[0] % 2 == 0,
    }
    .render(area, &mut buf);
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(|c| c.is_control() || glosser_core::fsio::is_bidi_control(c)));
    }
});
