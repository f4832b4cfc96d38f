//! The review sidebar: each disagreement item with every annotator's version — a list of spans,
//! one line each (label, offsets, text, note) with the links that annotator drew from and to it,
//! or "has no file" — what gold holds of it, and its decision; the item in focus highlighted,
//! long items scrollable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, DocReview, Focus};
use super::super::sanitize::sanitize;
use super::super::update::quoted;
use super::{has_focus, label_color, label_marker, pane_block, render, truncate};
use glosser_core::review::adjudicate::Decision;

mod links;

fn decision_text(d: Option<Decision>, names: &[String]) -> String {
    match d {
        None => "open".to_owned(),
        Some(Decision::Accepted(i)) => format!("✓ {}", names.get(i).map_or("?", String::as_str)),
        Some(Decision::Rejected) => "✗ rejected".to_owned(),
        Some(Decision::Majority) => "✓ majority".to_owned(),
        Some(Decision::Picked) => "✓ spans taken".to_owned(),
    }
}

/// The sidebar's lines for a document under review, the line of the current item's head and
/// how many lines the current item takes. Every span of every version has its own line (a
/// version is a list), with its text: what `1`..`9` accepts is exactly what is shown. The
/// current item is marked `▸`; in it, `›` is on the span `j` `k` are on and `[x]` on the spans
/// marked to take on their own.
fn lines(
    app: &App,
    review: &DocReview,
    names: &[String],
    width: usize,
) -> (Vec<Line<'static>>, usize, usize) {
    let mut lines = Vec::new();
    let (mut current_line, mut current_len) = (0, 0);
    let mut line_no = 0;
    for (i, item) in review.items.iter().enumerate() {
        let current = i == review.current;
        let first = lines.len();
        let head_style = if current {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let text = app
            .document()
            .map(|d| quoted(d.slice(item.range.start, item.range.end)))
            .unwrap_or_default();
        let head = format!(
            "{}#{} {} {}",
            if current { "▸ " } else { "  " },
            i + 1,
            decision_text(review.decisions[i], names),
            sanitize(&text)
        );
        lines.push(Line::styled(truncate(&head, width), head_style));
        for (n, (name, version)) in names.iter().zip(&item.versions).enumerate() {
            let has_file = review.has_file.get(n).copied().unwrap_or(true);
            let mine: &[glosser_core::store::Link] = review.links.get(n).map_or(&[], Vec::as_slice);
            let linked = match links::count(mine, version) {
                0 => String::new(),
                1 => ", 1 link".to_owned(),
                count => format!(", {count} links"),
            };
            let summary = match (has_file, version.len()) {
                (false, _) => format!(" {} {name} has no file", n + 1),
                (true, 0) => format!(" {} {name}: nothing here", n + 1),
                (true, 1) => format!(" {} {name}: 1 span{linked}", n + 1),
                (true, count) => format!(" {} {name}: {count} spans{linked}", n + 1),
            };
            let style = if has_file {
                Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD)
            } else {
                Style::new().fg(Color::DarkGray)
            };
            lines.push(Line::styled(truncate(&summary, width), style));
            for span in version {
                let mark = current.then(|| {
                    let pointer = if line_no == review.line { '›' } else { ' ' };
                    let marked = review.marked.contains(&span.owned_key());
                    format!("{pointer}[{}]", if marked { 'x' } else { ' ' })
                });
                if current {
                    line_no += 1;
                }
                lines.extend(span_lines(app, span, width, mark.as_deref()));
                lines.extend(links::span_lines(app, mine, span, version, width));
            }
        }
        lines.extend(links::gold_lines(app, item, width));
        if current {
            current_line = first;
            current_len = lines.len() - first;
        }
    }
    if review.items.is_empty() {
        lines.push(Line::raw(if review.earlier > 0 {
            "every item is decided (kept in gold)"
        } else {
            "no disagreements in this document"
        }));
    }
    (lines, current_line, current_len)
}

/// One span of a version: its marks in the current item, marker, label and text (two lines at
/// most, its offsets when there is room); its note on the next line.
fn span_lines(
    app: &App,
    span: &glosser_core::span::Span,
    width: usize,
    mark: Option<&str>,
) -> Vec<Line<'static>> {
    let color = label_color(app, &span.label).filter(|_| app.color);
    let label_style = color.map_or(Style::new(), |c| Style::new().fg(c));
    let offsets = if width >= 34 {
        format!(" {}..{}", span.start, span.end)
    } else {
        String::new()
    };
    let head = format!(
        " {} {} {}{offsets} ",
        mark.unwrap_or("  "),
        label_marker(app, &span.label),
        span.label,
    );
    let indent = head.chars().count().min(width / 2);
    let text = sanitize(&span.quote)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let room = width.saturating_sub(indent).max(4);
    let mut pieces = super::wrap_words(&text, room);
    if pieces.len() > 2 {
        pieces.truncate(2);
        if let Some(last) = pieces.last_mut() {
            *last = truncate(&format!("{last}…"), room);
        }
    }
    let mut out = Vec::new();
    for (k, piece) in pieces.into_iter().enumerate() {
        let lead = if k == 0 {
            head.clone()
        } else {
            " ".repeat(indent)
        };
        out.push(Line::from(vec![
            Span::styled(truncate(&lead, width), label_style),
            Span::raw(piece),
        ]));
    }
    if let Some(note) = &span.note {
        out.push(Line::styled(
            truncate(&format!("     ✎ {}", sanitize(note)), width),
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    out
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
    let (lines, current, current_len) = lines(app, review, names, usize::from(inner.width));
    let height = usize::from(inner.height.saturating_sub(3));
    // The current item's head a third of the way down, or at the top when the item is long;
    // PgDn / PgUp scroll through an item longer than the pane.
    let context = height / 3;
    let top = if current_len + context > height {
        current
    } else {
        current.saturating_sub(context)
    };
    // Scrolled at most to the last page (the current item's head when that is further).
    let top = (top + review.scroll).min(lines.len().saturating_sub(height).max(top));
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    render(
        buf,
        Paragraph::new(shown),
        Rect::new(
            inner.x,
            inner.y,
            inner.width,
            inner.height.saturating_sub(3),
        ),
    );
    let keys = format!(
        "1-{} version · j k span · Space mark · Enter take · 0 reject all · m majority · ] [ item · Tab edit gold",
        names.len()
    );
    let keys: Vec<Line> = super::wrap_words(&keys, usize::from(inner.width))
        .into_iter()
        .take(3)
        .map(|l| Line::styled(l, Style::new().fg(Color::DarkGray)))
        .collect();
    render(
        buf,
        Paragraph::new(keys),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(3),
            inner.width,
            3,
        ),
    );
}
