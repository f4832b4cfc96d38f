//! The annotation sidebar: this document's spans in text order (marker, label, `✎` when noted,
//! excerpt) with the span under the cursor highlighted; below them the span under the cursor
//! shown whole with its note; at the bottom the label legend with keys, markers and definitions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, Focus};
use super::super::layout::inner;
use super::super::sanitize::sanitize;
use super::{has_focus, label_color, label_marker, pane_block, render, truncate};

/// How many labels the legend lists in a sidebar `height` rows tall: every label when they fit
/// in a third of it (nine at most); else as many as fit, and a line saying `L` lists them all.
fn legend_labels(app: &App, height: u16) -> usize {
    let count = app.labels.labels().len();
    let budget = usize::from(height / 3).max(2);
    if count <= 9 && count < budget {
        count
    } else {
        budget.saturating_sub(2).min(9)
    }
}

/// Rows the legend takes at the bottom of the sidebar: a rule, the labels listed, and the
/// "more" line when some are left out.
fn legend_rows(app: &App, height: u16) -> u16 {
    let listed = legend_labels(app, height);
    let more = usize::from(listed < app.labels.labels().len());
    (1 + listed + more) as u16
}

/// Rows available for spans inside the sidebar (above the detail box and the legend).
pub(crate) fn span_rows(app: &App, area: Rect) -> u16 {
    let text = inner(area);
    let detail = detail_lines(
        app,
        usize::from(text.width),
        max_detail_rows(app, text.height),
    )
    .len();
    text.height
        .saturating_sub(legend_rows(app, text.height))
        .saturating_sub(detail as u16)
}

/// The detail box takes what the legend and the span list (three rows at least, fewer when
/// there are fewer spans) leave.
fn max_detail_rows(app: &App, height: u16) -> usize {
    let listed = app
        .session()
        .map_or(0, |s| s.file.spans.len() + s.file.orphans.len());
    usize::from(height.saturating_sub(legend_rows(app, height))).saturating_sub(listed.clamp(1, 3))
}

/// Text wrapped to `width` cells (at most `max` lines, the last one ending in `…` when cut).
fn wrap_text(text: &str, width: usize, max: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_inclusive(' ') {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        if used + w > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w > width {
            // A word wider than the pane is cut into pieces.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        } else {
            line.push_str(word);
            used += w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last}…"), width);
            if !last.ends_with('…') {
                last.pop();
                last.push('…');
            }
        }
    }
    lines
}

/// The box under the span list: the current span (the innermost under the cursor, or the one
/// picked among spans sharing their start) shown whole (label,
/// offsets, every word of its text) with its note, so nothing needs opening to read it.
fn detail_lines(app: &App, width: usize, max: usize) -> Vec<Line<'static>> {
    let Some(session) = app.session() else {
        return Vec::new();
    };
    let Some(span) = session
        .current_span()
        .and_then(|i| session.file.spans.get(i))
    else {
        return Vec::new();
    };
    if max < 3 || width < 4 {
        return Vec::new();
    }
    let label_style = match (app.color, label_color(app, &span.label)) {
        (true, Some(c)) => Style::new().fg(c).add_modifier(Modifier::BOLD),
        _ => Style::new().add_modifier(Modifier::BOLD),
    };
    let head = format!(
        "─ {} {} {}..{} ",
        label_marker(app, &span.label),
        span.label,
        span.start,
        span.end
    );
    let fill = width.saturating_sub(head.chars().count());
    let mut out = vec![Line::styled(
        truncate(&format!("{head}{}", "─".repeat(fill)), width),
        label_style,
    )];
    let note = span.note.as_deref().map(|n| format!("✎ {}", sanitize(n)));
    let note_lines = note
        .as_deref()
        .map_or(Vec::new(), |n| wrap_text(n, width, (max - 1) / 2));
    let link_lines: Vec<String> = super::links::detail_lines(app)
        .iter()
        .take((max - 1 - note_lines.len()) / 2)
        .map(|l| truncate(l, width))
        .collect();
    let quote_room = max - 1 - note_lines.len() - link_lines.len();
    // Only as much text as the box can show is wrapped (a span may be a whole long article).
    let shown: String = span
        .quote
        .chars()
        .take((quote_room + 1) * width * 2)
        .collect();
    out.extend(
        wrap_text(&sanitize(&shown), width, quote_room)
            .into_iter()
            .map(Line::raw),
    );
    out.extend(
        link_lines
            .into_iter()
            .map(|l| Line::styled(l, Style::new().add_modifier(Modifier::BOLD))),
    );
    out.extend(
        note_lines
            .into_iter()
            .map(|l| Line::styled(l, Style::new().add_modifier(Modifier::ITALIC))),
    );
    out
}

/// The span shown on screen row `y` of the sidebar at `area`, if any (mouse clicks).
pub(crate) fn span_at_row(app: &App, area: Rect, y: u16) -> Option<usize> {
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
            let state = if orphan.ambiguous {
                "? check"
            } else {
                "⚠ orphan"
            };
            let text = format!("{state} {} {}", orphan.label, sanitize(&orphan.quote));
            lines.push(Line::styled(truncate(&text, width), style));
        }
        let spans = &session.file.spans;
        let current = session.current_span();
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
            if Some(i) == current {
                style = style.add_modifier(Modifier::REVERSED);
            } else if covering {
                style = style.add_modifier(Modifier::BOLD);
            }
            let label_style = match (app.color, label_color(app, &span.label)) {
                (true, Some(c)) => style.fg(c),
                _ => style,
            };
            // The note mark comes first, so a long excerpt never hides it.
            let noted = if span.note.is_some() { "✎ " } else { "" };
            let excerpt = format!("{noted}{}", sanitize(&span.quote));
            let name = truncate(&span.label, label_width);
            let marker = label_marker(app, &span.label);
            let rest = width.saturating_sub(label_width + 3);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{marker} {name:<label_width$} "),
                    label_style.add_modifier(Modifier::BOLD),
                ),
                Span::styled(truncate(&excerpt, rest), style),
            ]));
        }
        let ghosts = crate::update::suggest::ghosts(session);
        if !ghosts.is_empty() {
            lines.extend(super::ghost::heading(ghosts.len(), width));
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
    let detail = detail_lines(app, width, max_detail_rows(app, text.height));
    render(
        buf,
        Paragraph::new(detail.clone()),
        Rect::new(text.x, text.y + rows, text.width, detail.len() as u16),
    );
    let mut legend = vec![Line::styled(
        "─".repeat(width),
        Style::new().fg(Color::DarkGray),
    )];
    let listed = legend_labels(app, text.height);
    for label in app.labels.labels().iter().take(listed) {
        let key_style = match (app.color, label_color(app, &label.name)) {
            (true, Some(c)) => Style::new().bg(c).fg(Color::Black),
            _ => Style::new().add_modifier(Modifier::UNDERLINED),
        };
        let head = format!(
            " {} {} {} ",
            label.key.unwrap_or('·'),
            label_marker(app, &label.name),
            label.name
        );
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
    let left_out = app.labels.labels().len() - listed;
    if left_out > 0 {
        let more = if listed == 0 {
            format!(
                " {} labels: L or Enter lists them",
                app.labels.labels().len()
            )
        } else {
            format!(" +{left_out} more: L or Enter lists every label")
        };
        legend.push(Line::styled(
            truncate(&more, width),
            Style::new().fg(if app.color { Color::Gray } else { Color::Reset }),
        ));
    }
    let legend_height = legend_rows(app, text.height).min(text.height);
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
