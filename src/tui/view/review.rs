//! The review sidebar: each disagreement item with every annotator's version (key, name, label,
//! offsets, text) and its decision; the item in focus highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, DocReview, Focus};
use super::super::sanitize::sanitize;
use super::{has_focus, label_color, pane_block, render, truncate};
use crate::review::adjudicate::Decision;

fn decision_text(d: Option<Decision>, names: &[String]) -> String {
    match d {
        None => "open".to_owned(),
        Some(Decision::Accepted(i)) => format!("✓ {}", names.get(i).map_or("?", String::as_str)),
        Some(Decision::Rejected) => "✗ rejected".to_owned(),
        Some(Decision::Majority) => "✓ majority".to_owned(),
    }
}

/// The sidebar's lines for a document under review, and the line of the current item.
fn lines(
    app: &App,
    review: &DocReview,
    names: &[String],
    width: usize,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = Vec::new();
    let mut current_line = 0;
    for (i, item) in review.items.iter().enumerate() {
        let current = i == review.current;
        if current {
            current_line = lines.len();
        }
        let head_style = if current {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let head = format!(
            "#{} {}..{} {}",
            i + 1,
            item.range.start,
            item.range.end,
            decision_text(review.decisions[i], names)
        );
        lines.push(Line::styled(truncate(&head, width), head_style));
        for (n, (name, version)) in names.iter().zip(&item.versions).enumerate() {
            let text = if version.is_empty() {
                "— nothing".to_owned()
            } else {
                version
                    .iter()
                    .map(|s| format!("{} {}..{} {}", s.label, s.start, s.end, sanitize(&s.quote)))
                    .collect::<Vec<_>>()
                    .join(" │ ")
            };
            let color = version
                .first()
                .and_then(|s| label_color(app, &s.label))
                .filter(|_| app.color);
            let label_style = color.map_or(Style::new(), |c| Style::new().fg(c));
            let head = format!(" {} {name}: ", n + 1);
            let rest = width.saturating_sub(head.chars().count());
            lines.push(Line::from(vec![
                Span::styled(head, Style::new().fg(Color::Gray)),
                Span::styled(truncate(&text, rest), label_style),
            ]));
        }
    }
    if review.items.is_empty() {
        lines.push(Line::raw("no disagreements in this document"));
    }
    (lines, current_line)
}

pub fn draw(buf: &mut Buffer, app: &App, area: Rect, names: &[String]) {
    let focused = has_focus(app, Focus::Sidebar);
    let review = app.session().and_then(|s| s.review.as_ref());
    let title = review.map_or_else(
        || " Review ".to_owned(),
        |r| format!(" Review: {} of {} left ", r.left(), r.items.len()),
    );
    let block = pane_block(title, focused, app.color);
    let inner = block.inner(area);
    render(buf, block, area);
    let Some(review) = review else { return };
    let (lines, current) = lines(app, review, names, usize::from(inner.width));
    let height = usize::from(inner.height.saturating_sub(2));
    let top = current.saturating_sub(height / 3);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    render(
        buf,
        Paragraph::new(shown),
        Rect::new(
            inner.x,
            inner.y,
            inner.width,
            inner.height.saturating_sub(2),
        ),
    );
    let keys = format!(
        "1-{} accept · 0 reject · m majority · ]/[ move · Tab edit gold",
        names.len()
    );
    render(
        buf,
        Paragraph::new(Line::styled(
            truncate(&keys, usize::from(inner.width)),
            Style::new().fg(Color::DarkGray),
        )),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        ),
    );
}
