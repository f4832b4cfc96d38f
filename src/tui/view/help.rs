//! The help overlay: every binding of the live keymap, and the mouse.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::app::App;
use super::{centered, render};

pub fn draw(buf: &mut Buffer, app: &App, screen: Rect) {
    let rows = app.keymap.help_rows();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(4)
        .min(24);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, action)| {
            let description = match action.label_key().and_then(|k| app.labels.by_key(k)) {
                Some(label) => format!("label {} — {}", label.name, label.description),
                None => action.describe(),
            };
            Line::from(vec![
                Span::styled(
                    format!(" {keys:>key_width$}  "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(description),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        " mouse: click moves the cursor, opens a document or picks a span; drag selects; wheel scrolls",
    ));
    lines.push(Line::raw(
        " every edit is saved within a second · keys: docs/keys.md · Esc closes",
    ));
    let height = (lines.len() as u16 + 2).min(screen.height);
    let area = centered(screen, 100, height);
    render(buf, Clear, area);
    render(
        buf,
        Paragraph::new(lines).block(Block::new().borders(Borders::ALL).title(" Keys ")),
        area,
    );
}
