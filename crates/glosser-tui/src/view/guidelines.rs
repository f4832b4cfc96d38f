//! The guidelines overlay (`g` in the help): the corpus's `GUIDELINES.md`, wrapped, scrolled
//! with the motion keys; controls in it are shown as placeholders.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::sanitize::sanitize;
use super::{centered, render};

pub fn draw(buf: &mut Buffer, screen: Rect, text: &str, top: usize) {
    let area = centered(screen, 100, screen.height.saturating_sub(2));
    render(buf, Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Guidelines (GUIDELINES.md) · j/k scroll · Esc closes ");
    let lines: Vec<String> = text
        .lines()
        .skip(top)
        .map(|l| sanitize(l).into_owned())
        .collect();
    render(
        buf,
        Paragraph::new(lines.join("\n"))
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
