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
    #[cfg(test)]
    pub fn new(width: u16, height: u16) -> Option<Areas> {
        Self::with_review(width, height, false)
    }

    /// The layout of the app's screen: review mode gives the review sidebar more room (its
    /// items show their text), from the list and the article.
    pub(crate) fn of(app: &crate::app::App) -> Option<Areas> {
        Self::with_review(app.size.0, app.size.1, app.reviewing.is_some())
    }

    /// [`Areas::new`], for review mode when `review`.
    pub(crate) fn with_review(width: u16, height: u16, review: bool) -> Option<Areas> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let screen = Rect::new(0, 0, width, height);
        let [main, status] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(screen);
        let (mut list_width, mut sidebar_width) = if review {
            (
                (width * 16 / 100).clamp(12, 28),
                (width * 40 / 100).clamp(30, 64),
            )
        } else {
            (
                (width * 22 / 100).clamp(14, 34),
                (width * 28 / 100).clamp(16, 44),
            )
        };
        // The article always gets half the width at least (in review, 45%): on small terminals
        // the side panes shrink (in proportion) instead of the text.
        let sides = list_width + sidebar_width;
        let room = if review { width * 55 / 100 } else { width / 2 };
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
