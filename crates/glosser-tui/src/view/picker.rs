//! The label picker overlay: every label matching the typed filter, with its key and marker,
//! the highlighted one reversed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::app::App;
use super::super::picker::LabelPicker;
use super::super::sanitize::sanitize;
use super::{centered, label_color, label_marker, render, truncate};

pub fn draw(buf: &mut Buffer, app: &App, screen: Rect, picker: &LabelPicker) {
    let matching = picker.matching(&app.labels);
    let cursor = picker.cursor.min(matching.len().saturating_sub(1));
    let height = (matching.len().max(1) + 3).min(usize::from(screen.height)) as u16;
    let area = centered(screen, 60, height);
    render(buf, Clear, area);
    let title = if picker.filter.is_empty() {
        " Label: type to filter · j/k · Enter · Esc ".to_owned()
    } else {
        format!(" Label: {}▏ ", sanitize(&picker.filter))
    };
    let block = Block::new().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    render(buf, block, area);
    let rows = usize::from(inner.height).max(1);
    let top = cursor.saturating_sub(rows - 1);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    for (i, name) in matching.iter().enumerate().skip(top).take(rows) {
        let Some(label) = app.labels.get(name) else {
            continue;
        };
        let mut style = match (app.color, label_color(app, name)) {
            (true, Some(c)) => Style::new().fg(c),
            _ => Style::new(),
        };
        if i == cursor {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        let key = label
            .key
            .filter(char::is_ascii_digit)
            .map_or_else(|| " ".to_owned(), |k| k.to_string());
        let head = format!(" {key} {} {} ", label_marker(app, name), sanitize(name));
        let rest = width.saturating_sub(head.chars().count());
        lines.push(Line::from(vec![
            Span::styled(head, style),
            Span::styled(
                truncate(&sanitize(&label.description), rest),
                Style::new().fg(Color::Gray),
            ),
        ]));
    }
    if matching.is_empty() {
        lines.push(Line::raw(" no label matches: Backspace"));
    }
    render(buf, Paragraph::new(lines), inner);
}
