//! Where each pane goes for a terminal size; shared by the views and by mouse handling.

use ratatui::layout::{Constraint, Layout, Rect};

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub list: Rect,
    pub article: Rect,
    pub sidebar: Rect,
    /// Two lines: status, then message / prompt / hints.
    pub status: Rect,
}

impl Areas {
    /// The layout for a terminal, or `None` when it is too small to use.
    pub fn new(width: u16, height: u16) -> Option<Areas> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let screen = Rect::new(0, 0, width, height);
        let [main, status] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(screen);
        let mut list_width = (width * 22 / 100).clamp(14, 34);
        let mut sidebar_width = (width * 28 / 100).clamp(16, 44);
        // The article always gets half the width at least: on small terminals the side panes
        // shrink (in proportion) instead of the text.
        let sides = list_width + sidebar_width;
        let room = width / 2;
        if sides > room {
            list_width = (list_width * room / sides).max(6);
            sidebar_width = room.saturating_sub(list_width).max(8);
        }
        let [list, article, sidebar] = Layout::horizontal([
            Constraint::Length(list_width),
            Constraint::Min(10),
            Constraint::Length(sidebar_width),
        ])
        .areas(main);
        Some(Areas {
            list,
            article,
            sidebar,
            status,
        })
    }

    /// The article text area inside its border.
    pub(crate) fn article_text(&self) -> Rect {
        inner(self.article)
    }
}

/// A pane's area inside its one-cell border.
pub(crate) fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests;
