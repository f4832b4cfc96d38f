//! Views: each pane is drawn from a borrow of the app state; nothing here changes state.

pub mod article;
pub mod doc_list;
pub mod ghost;
pub mod guidelines;
pub mod help;
pub mod links;
pub mod picker;
pub mod review;
pub mod sidebar;
pub mod stats;
pub mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use super::app::{App, Focus, Mode};
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole screen into a terminal frame.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    render_screen(frame.buffer_mut(), app, area);
}

/// Draws the whole screen into a buffer (benches and tests draw without a terminal).
pub fn render_screen(buf: &mut Buffer, app: &App, size: Rect) {
    let Some(areas) = Areas::with_review(size.width, size.height, app.reviewing.is_some()) else {
        let notice = format!(
            "terminal too small: glosser needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}",
            size.width, size.height
        );
        render(
            buf,
            Paragraph::new(notice)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            size,
        );
        return;
    };
    doc_list::draw(buf, app, areas.list);
    article::draw(buf, app, areas.article);
    match app.review_annotators() {
        Some(names) => review::draw(buf, app, areas.sidebar, names),
        None => sidebar::draw(buf, app, areas.sidebar),
    }
    status::draw(buf, app, areas.status);
    match &app.mode {
        Mode::Help { top } => help::draw(buf, app, size, *top),
        Mode::Jump(jump) => article::draw_hints(buf, app, areas.article_text(), jump),
        Mode::Stats(Some(figures)) => stats::draw(buf, app, size, figures),
        Mode::Stats(None) => stats::draw_gathering(buf, size),
        Mode::Picker(p) => picker::draw(buf, app, size, p),
        Mode::Guidelines { text, top } => guidelines::draw(buf, size, text, *top),
        _ => {}
    }
}

/// Renders a widget into the buffer.
pub fn render(buf: &mut Buffer, widget: impl Widget, area: Rect) {
    widget.render(area, buf);
}

/// A pane's block: highlighted border when it has focus.
pub(crate) fn pane_block(title: String, focused: bool, color: bool) -> Block<'static> {
    let style = match (focused, color) {
        (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        (true, false) => Style::new().add_modifier(Modifier::BOLD),
        (false, true) => Style::new().fg(Color::DarkGray),
        (false, false) => Style::new(),
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(title)
}

/// Whether a pane has focus (no pane has it while a prompt or the help is up).
pub(crate) fn has_focus(app: &App, pane: Focus) -> bool {
    app.focus == pane && app.mode == Mode::Normal
}

/// The label colour for a label name.
pub(crate) fn label_color(app: &App, label: &str) -> Option<Color> {
    let label = app.labels.get(label)?;
    let (r, g, b) = glosser_core::labels::parse_color(&label.color)?;
    Some(Color::Rgb(r, g, b))
}

/// Glyphs that tell labels apart without colour (`NO_COLOR`), by label order.
const MARKERS: [char; 12] = ['●', '▲', '■', '◆', '★', '✚', '▼', '◉', '⬟', '✦', '▶', '◼'];

/// The marker of a label: a glyph by its place in the label set (the first twelve), then the
/// first letter of its name; shown beside the label wherever it is named.
pub(crate) fn label_marker(app: &App, label: &str) -> char {
    marker_in(&app.labels, label)
}

/// [`label_marker`] for a label set.
pub(crate) fn marker_in(labels: &glosser_core::labels::LabelSet, label: &str) -> char {
    let rank = labels.labels().iter().position(|l| l.name == label);
    match rank.and_then(|r| MARKERS.get(r)) {
        Some(&glyph) => glyph,
        None => label.chars().next().map_or('?', |c| c.to_ascii_uppercase()),
    }
}

/// Text cut to `width` cells with an ellipsis.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            let rest: usize = text
                .chars()
                .skip(out.chars().count())
                .map(|c| c.width().unwrap_or(0))
                .sum();
            if used + rest <= width {
                out.extend(text.chars().skip(out.chars().count()));
            } else {
                out.push('…');
            }
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Text cut into lines of at most `width` cells at spaces (a word wider than that is cut).
pub(crate) fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = usize::from(!line.is_empty()) + word.width();
        if !line.is_empty() && line.width() + needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.width() > width {
            let cut: String = line.chars().take(width).collect();
            let rest: String = line.chars().skip(width).collect();
            lines.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A rectangle of `width`×`height` centred in `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests;
