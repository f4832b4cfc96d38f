//! How suggestions (ghost spans, SPEC §9) look: in the article, dim and underlined in the
//! label's colour with no background (real spans have one); under `NO_COLOR` dim and underlined
//! (real spans are underlined without dim). In the sidebar: `◇ label score excerpt`.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span as Piece};

use super::super::app::App;
use super::super::sanitize::sanitize;
use super::{label_color, truncate};
use glosser_core::span::Span;

/// The marker of a suggestion in the sidebar.
pub const MARKER: &str = "◇";

/// The style of a cell covered by a ghost span (and by no real span).
pub fn style(app_color: bool, color: Option<Color>) -> Style {
    let base = Style::new().add_modifier(Modifier::DIM | Modifier::UNDERLINED);
    match (app_color, color) {
        (true, Some(c)) => base.fg(c).underline_color(c),
        _ => base,
    }
}

/// One sidebar line per open suggestion, the one under the cursor reversed.
pub(crate) fn sidebar_lines(
    app: &App,
    ghosts: &[Span],
    cursor: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let under = crate::update::suggest::ghost_at(ghosts, cursor);
    ghosts
        .iter()
        .map(|g| {
            let mut style = Style::new().add_modifier(Modifier::DIM);
            if under == Some(g) {
                style = Style::new().add_modifier(Modifier::REVERSED);
            }
            let label_style = match (app.color, label_color(app, &g.label)) {
                (true, Some(c)) => style.fg(c),
                _ => style,
            };
            let score = g.score.map_or_else(String::new, |s| format!(" {:.2}", s.0));
            let head = format!("{MARKER} {}{score} ", g.label);
            let rest = width.saturating_sub(head.chars().count());
            Line::from(vec![
                Piece::styled(head, label_style),
                Piece::styled(truncate(&sanitize(&g.quote), rest), style),
            ])
        })
        .collect()
}

/// The sidebar's heading for suggestions, wrapped so that every key shows in a narrow sidebar.
pub(crate) fn heading(count: usize, width: usize) -> Vec<Line<'static>> {
    let text = format!("suggestions {count}: y accept · X reject · Y all · > < next/prev");
    super::wrap_words(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, Style::new().fg(Color::DarkGray)))
        .collect()
}
