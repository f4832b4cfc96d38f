//! The guidelines overlay: `g` in the help shows the corpus's `GUIDELINES.md`.

use super::super::action::Action;
use super::super::app::{App, Mode, Tone};

/// `g` (the key of [`Action::Start`]) in the help opens the guidelines; a corpus without them
/// says why in the status line.
pub fn open(app: &mut App) {
    match glosser_core::guidelines::load(&app.corpus.root) {
        Ok(text) => app.mode = Mode::Guidelines { text, top: 0 },
        Err(why) => {
            app.mode = Mode::Normal;
            app.say(why.0, Tone::Warning);
        }
    }
}

/// In the guidelines overlay the motion keys scroll it; any other key closes it (and does
/// nothing else).
pub fn key(app: &mut App, action: Action) {
    let Mode::Guidelines { text, top } = &mut app.mode else {
        return;
    };
    let last = text.lines().count().saturating_sub(1);
    match action {
        Action::MoveDown => *top = (*top + 1).min(last),
        Action::MoveUp => *top = top.saturating_sub(1),
        Action::PageDown => *top = (*top + 20).min(last),
        Action::PageUp => *top = top.saturating_sub(20),
        _ => app.mode = Mode::Normal,
    }
}

#[cfg(test)]
mod tests;
