//! The annotation sidebar: this document's spans in text order (label, excerpt, note) with the
//! span under the cursor highlighted, and the label legend with keys and definitions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, Focus};
use super::super::layout::inner;
use super::super::sanitize::sanitize;
use super::{has_focus, label_color, pane_block, render, truncate};

/// Rows the legend takes at the bottom of the sidebar (labels plus a rule).
fn legend_rows(app: &App) -> u16 {
    app.labels.labels().len() as u16 + 1
}

/// Rows available for spans inside the sidebar.
fn span_rows(app: &App, area: Rect) -> u16 {
    inner(area).height.saturating_sub(legend_rows(app))
}

/// The span shown on screen row `y` of the sidebar at `area`, if any (mouse clicks).
pub fn span_at_row(app: &App, area: Rect, y: u16) -> Option<usize> {
    let text = inner(area);
    if y < text.y || y >= text.y + span_rows(app, area) {
        return None;
    }
    let session = app.session()?;
    let row = usize::from(y - text.y).checked_sub(session.file.orphans.len())?;
    let index = app.sidebar_top + row;
    (index < session.file.spans.len()).then_some(index)
}

pub fn draw(buf: &mut Buffer, app: &App, area: Rect) {
    let focused = has_focus(app, Focus::Sidebar);
    let count = app.session().map_or(0, |s| s.file.spans.len());
    let block = pane_block(format!(" Spans {count} "), focused, app.color);
    let text = block.inner(area);
    render(buf, block, area);
    let rows = span_rows(app, area);
    let width = usize::from(text.width);
    let mut lines = Vec::new();
    if let Some(session) = app.session() {
        for orphan in &session.file.orphans {
            let style = if app.color {
                Style::new().fg(Color::LightRed)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            let text = format!("⚠ orphan {} {}", orphan.label, sanitize(&orphan.quote));
            lines.push(Line::styled(truncate(&text, width), style));
        }
        let spans = &session.file.spans;
        let innermost = spans.innermost(session.cursor);
        let label_width = app
            .labels
            .labels()
            .iter()
            .map(|l| l.name.chars().count())
            .max()
            .unwrap_or(5)
            .min(10);
        for (i, span) in spans
            .spans()
            .iter()
            .enumerate()
            .skip(app.sidebar_top)
            .take(usize::from(rows))
        {
            let covering = span.start <= session.cursor && session.cursor < span.end;
            let mut style = Style::new();
            if Some(i) == innermost {
                style = style.add_modifier(Modifier::REVERSED);
            } else if covering {
                style = style.add_modifier(Modifier::BOLD);
            }
            let label_style = match (app.color, label_color(app, &span.label)) {
                (true, Some(c)) => style.fg(c),
                _ => style,
            };
            let note = span
                .note
                .as_deref()
                .map(|n| format!(" ✎ {}", sanitize(n)))
                .unwrap_or_default();
            let excerpt = format!("{}{note}", sanitize(&span.quote));
            let name = truncate(&span.label, label_width);
            let rest = width.saturating_sub(label_width + 1);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{name:<label_width$} "),
                    label_style.add_modifier(Modifier::BOLD),
                ),
                Span::styled(truncate(&excerpt, rest), style),
            ]));
        }
        let ghosts = crate::tui::update::suggest::ghosts(session);
        if !ghosts.is_empty() {
            lines.push(super::ghost::heading(ghosts.len(), width));
            lines.extend(super::ghost::sidebar_lines(
                app,
                &ghosts,
                session.cursor,
                width,
            ));
        }
        if spans.is_empty() && ghosts.is_empty() {
            lines.push(Line::styled(
                "no spans yet: s selects a sentence, 1-9 labels it",
                Style::new().fg(Color::DarkGray),
            ));
        }
    }
    render(
        buf,
        Paragraph::new(lines),
        Rect::new(text.x, text.y, text.width, rows),
    );
    let mut legend = vec![Line::styled(
        "─".repeat(width),
        Style::new().fg(Color::DarkGray),
    )];
    for label in app.labels.labels() {
        let key_style = match (app.color, label_color(app, &label.name)) {
            (true, Some(c)) => Style::new().bg(c).fg(Color::Black),
            _ => Style::new().add_modifier(Modifier::UNDERLINED),
        };
        let head = format!(" {} {} ", label.key, label.name);
        let rest = width.saturating_sub(head.chars().count() + 1);
        legend.push(Line::from(vec![
            Span::styled(head, key_style),
            Span::raw(" "),
            Span::styled(
                truncate(&label.description, rest),
                Style::new().fg(if app.color { Color::Gray } else { Color::Reset }),
            ),
        ]));
    }
    let legend_height = legend_rows(app).min(text.height);
    render(
        buf,
        Paragraph::new(legend),
        Rect::new(
            text.x,
            text.y + text.height - legend_height,
            text.width,
            legend_height,
        ),
    );
}
