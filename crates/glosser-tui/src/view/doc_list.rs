//! The document list: status glyph, id and span count per document, the filter, and a corpus
//! progress gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph};

use super::super::app::{App, DocInfo, Focus};
use super::super::sanitize::sanitize;
use super::{has_focus, pane_block, render, truncate};
use glosser_core::store::Status;

/// The glyph for a document's status.
pub(crate) fn glyph(info: Option<DocInfo>) -> &'static str {
    match info {
        Some(DocInfo::Annotated {
            status: Status::Done,
            ..
        }) => "✓",
        Some(DocInfo::Annotated {
            status: Status::InProgress,
            ..
        }) => "◐",
        Some(DocInfo::Broken) => "!",
        Some(DocInfo::Locked) => "⊘",
        Some(DocInfo::None | DocInfo::Annotated { .. }) => "·",
        None => " ",
    }
}

/// In review: whether document `index` changed since adjudication (its open review knows best).
fn changed(app: &App, index: usize) -> bool {
    match app.sessions.get(&index).and_then(|s| s.review.as_ref()) {
        Some(review) => review.flag_changed(),
        None => app
            .reviewing
            .as_ref()
            .and_then(|r| r.changed.get(index))
            .copied()
            .unwrap_or(false),
    }
}

pub fn draw(buf: &mut Buffer, app: &App, area: Rect) {
    let focused = has_focus(app, Focus::List);
    let changed_count = if app.reviewing.is_some() {
        (0..app.corpus.documents.len())
            .filter(|&i| changed(app, i))
            .count()
    } else {
        0
    };
    let listing = app.listing.is_listing();
    let title = if let Some(search) = &app.corpus_search {
        match &search.hits {
            Some(hits) => format!(
                " “{}” {}/{} ",
                sanitize(&search.query),
                hits.len(),
                app.corpus.documents.len()
            ),
            None => format!(" “{}” searching… ", sanitize(&search.query)),
        }
    } else if listing && !app.filter.is_empty() {
        format!(
            " /{} {} · listing… {} ",
            sanitize(&app.filter),
            app.visible_docs.len(),
            app.corpus.documents.len()
        )
    } else if listing {
        format!(" listing… {} ", app.corpus.documents.len())
    } else if !app.filter.is_empty() {
        format!(" /{} {} ", sanitize(&app.filter), app.visible_docs.len())
    } else if changed_count > 0 {
        // As much as fits: the counts are never cut.
        let total = app.corpus.documents.len();
        let room = usize::from(area.width.saturating_sub(2));
        [
            format!(" Documents {total} · {changed_count} changed since adjudication "),
            format!(" {total} · {changed_count} changed "),
            format!(" {total} · {changed_count}Δ "),
        ]
        .into_iter()
        .find(|t| t.chars().count() <= room)
        .unwrap_or_else(|| format!(" {changed_count}Δ "))
    } else {
        let total = app.corpus.documents.len();
        let room = usize::from(area.width.saturating_sub(2));
        [format!(" Documents {total} "), format!(" Docs {total} ")]
            .into_iter()
            .find(|t| t.chars().count() <= room)
            .unwrap_or_else(|| format!(" {total} "))
    };
    let block = pane_block(title, focused, app.color);
    let inner = block.inner(area);
    render(buf, block, area);
    if inner.height == 0 {
        return;
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let width = usize::from(inner.width);
    let mut lines = Vec::with_capacity(rows);
    for (row, &index) in app
        .visible_docs
        .iter()
        .enumerate()
        .skip(app.list_top)
        .take(rows)
    {
        let entry = &app.corpus.documents[index];
        let info = app.doc_info.get(index).copied().flatten();
        let count = match (crate::update::corpus_hits_in(app, index), info) {
            (Some(hits), _) => format!("{hits}×"),
            (None, Some(DocInfo::Annotated { spans, .. })) if spans > 0 => spans.to_string(),
            _ => String::new(),
        };
        let name_width = width.saturating_sub(3 + count.len());
        let name = truncate(&sanitize(&entry.id), name_width);
        let pad = name_width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
        let mut style = Style::new();
        if app.open == Some(index) {
            style = style.add_modifier(Modifier::BOLD);
        }
        if row == app.list_cursor && focused {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let glyph_style = match (info, app.color) {
            (
                Some(DocInfo::Annotated {
                    status: Status::Done,
                    ..
                }),
                true,
            ) => Style::new().fg(Color::Green),
            (Some(DocInfo::Broken), true) => Style::new().fg(Color::Red),
            (Some(DocInfo::Locked), true) => Style::new().fg(Color::Yellow),
            _ => Style::new(),
        };
        let marker = if app.open == Some(index) { "▸" } else { " " };
        let flagged = app.reviewing.is_some() && changed(app, index);
        let unsettled = matches!(info, Some(DocInfo::Annotated { unsettled, .. }) if unsettled > 0);
        let (glyph, glyph_style) = if flagged || unsettled {
            // Changed since adjudication (open items again), or spans of yours to settle.
            let style = if app.color {
                Style::new().fg(Color::Yellow)
            } else {
                Style::new()
            };
            (if flagged { "Δ" } else { "?" }, style)
        } else {
            (glyph(info), glyph_style)
        };
        lines.push(Line::from(vec![
            Span::styled(glyph, glyph_style),
            Span::styled(marker, style),
            Span::styled(format!("{name}{}", " ".repeat(pad)), style),
            Span::styled(format!(" {count}"), Style::new().fg(Color::DarkGray)),
        ]));
    }
    render(
        buf,
        Paragraph::new(lines),
        Rect::new(
            inner.x,
            inner.y,
            inner.width,
            inner.height.saturating_sub(1),
        ),
    );
    let (done, total, complete) = app.progress();
    let ratio = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    // While listing, the total is what has been listed so far.
    let label = format!(
        "{done}/{total}{} done{}",
        if listing { "+" } else { "" },
        if complete && !listing { "" } else { "…" }
    );
    let gauge_style = if app.color {
        Style::new().fg(Color::Green).bg(Color::Black)
    } else {
        Style::new()
    };
    render(
        buf,
        Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label)
            .gauge_style(gauge_style),
        Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
    );
}
