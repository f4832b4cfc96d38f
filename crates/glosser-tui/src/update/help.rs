//! The help overlay's keys: scrolling it, opening the guidelines from its top, closing it.

use super::super::action::Action;
use super::super::app::{App, Mode};
use super::guidelines;

/// A key in the help: `j` `k` (arrows), `PgDn` `PgUp`, `Ctrl-d` `Ctrl-u`, `g` `G` scroll it;
/// `g` at the top opens the guidelines; any other key closes it and does nothing else.
pub(super) fn key(app: &mut App, action: Action) {
    let Mode::Help { top } = &mut app.mode else {
        return;
    };
    let page = usize::from(app.size.1.saturating_sub(4)).max(1);
    *top = match action {
        Action::MoveDown | Action::NextSpan => *top + 1,
        Action::MoveUp | Action::PrevSpan => top.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown | Action::Flow => *top + page,
        Action::PageUp | Action::HalfPageUp => top.saturating_sub(page),
        Action::End => usize::MAX,
        Action::Start if *top > 0 => 0,
        Action::Start => return guidelines::open(app),
        _ => {
            app.mode = Mode::Normal;
            return;
        }
    };
    let last = super::super::view::help::last_top(app);
    if let Mode::Help { top } = &mut app.mode {
        *top = (*top).min(last);
    }
}
