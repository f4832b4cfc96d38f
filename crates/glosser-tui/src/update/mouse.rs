//! Mouse: click moves the cursor, opens a document or jumps to a sidebar span; drag selects;
//! the wheel scrolls the pane under the pointer.

use std::time::Instant;

use ratatui::layout::{Position, Rect};

use super::super::app::{App, Focus};
use super::super::layout::{Areas, inner};
use super::super::view::sidebar;
use super::MouseKind;

/// Rows the wheel scrolls.
const WHEEL_ROWS: usize = 3;

pub(crate) fn handle(app: &mut App, kind: MouseKind, column: u16, row: u16, now: Instant) {
    let Some(areas) = Areas::of(app) else {
        return;
    };
    let at = Position::new(column, row);
    if kind == MouseKind::Up {
        return super::edges::release(app, now);
    }
    if areas.article.contains(at) {
        article(app, kind, areas.article_text(), at);
    } else if areas.list.contains(at) {
        list(app, kind, inner(areas.list), at, now);
    } else if areas.sidebar.contains(at) {
        sidebar_click(app, kind, areas.sidebar, at);
    }
}

fn article(app: &mut App, kind: MouseKind, text: Rect, at: Position) {
    let Some(index) = app.open else { return };
    let pointed = {
        let Some(session) = app.sessions.get(&index) else {
            return;
        };
        let Ok(doc) = &session.doc else { return };
        let banner = u16::from(session.read_only.is_some());
        let row = session.top_row + usize::from(at.y.saturating_sub(text.y + banner));
        app.wrap.offset_at(doc, row, at.x.saturating_sub(text.x))
    };
    match kind {
        MouseKind::Down => {
            let at = pointed;
            app.flow = None;
            app.edges = None;
            // The first or last character of the span keys act on: a drag moves that edge.
            if super::edges::grab(app, at) {
                return;
            }
            app.focus = Focus::Article;
            if let Some(session) = app.sessions.get_mut(&index) {
                session.cursor = at;
                session.anchor = None;
                session.goal_column = None;
            }
        }
        MouseKind::Drag => {
            let at = pointed;
            if app.edges.as_ref().is_some_and(|e| e.drag.is_some()) {
                return super::edges::drag(app, at);
            }
            if let Some(session) = app.sessions.get_mut(&index) {
                if session.anchor.is_none() {
                    session.anchor = Some(session.cursor);
                }
                session.cursor = at;
            }
        }
        MouseKind::Up => {}
        MouseKind::ScrollUp | MouseKind::ScrollDown => {
            let wrap = &app.wrap;
            let Some(session) = app.sessions.get_mut(&index) else {
                return;
            };
            let Ok(doc) = &session.doc else { return };
            let banner = u16::from(session.read_only.is_some());
            let height = usize::from(text.height.saturating_sub(banner)).max(1);
            let last = wrap.row_count().saturating_sub(1);
            session.top_row = if kind == MouseKind::ScrollUp {
                session.top_row.saturating_sub(WHEEL_ROWS)
            } else {
                (session.top_row + WHEEL_ROWS).min(last)
            };
            // Keep the cursor inside the view so the view does not jump back to it.
            let row = wrap.row_of(session.cursor);
            let column = wrap.column_of(doc, session.cursor);
            if row < session.top_row {
                session.cursor = wrap.offset_at(doc, session.top_row, column);
            } else if row >= session.top_row + height {
                session.cursor = wrap.offset_at(doc, session.top_row + height - 1, column);
            }
        }
    }
}

fn list(app: &mut App, kind: MouseKind, rows: Rect, at: Position, now: Instant) {
    match kind {
        MouseKind::Down => {
            app.focus = Focus::List;
            if at.y < rows.y {
                return;
            }
            let row = app.list_top + usize::from(at.y - rows.y);
            if let Some(&index) = app.visible_docs.get(row) {
                app.list_cursor = row;
                super::switch_document(app, index, now);
            }
        }
        MouseKind::ScrollUp => app.list_cursor = app.list_cursor.saturating_sub(WHEEL_ROWS),
        MouseKind::ScrollDown => {
            app.list_cursor =
                (app.list_cursor + WHEEL_ROWS).min(app.visible_docs.len().saturating_sub(1));
        }
        MouseKind::Drag | MouseKind::Up => {}
    }
}

fn sidebar_click(app: &mut App, kind: MouseKind, area: Rect, at: Position) {
    if kind != MouseKind::Down {
        return;
    }
    app.focus = Focus::Sidebar;
    let Some(span_index) = sidebar::span_at_row(app, area, at.y) else {
        return;
    };
    if let Some(session) = app.session_mut()
        && let Some(start) = session.file.spans.get(span_index).map(|s| s.start)
    {
        session.cursor = start;
        session.anchor = None;
        session.pick(span_index);
    }
}
