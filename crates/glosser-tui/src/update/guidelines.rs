//! The guidelines overlay: `g` in the help shows the corpus's `GUIDELINES.md`.

use super::super::action::Action;
use super::super::app::{App, Tone};

/// The guidelines overlay: `g` (the key of [`Action::Start`]) in the help opens it; the motion
/// keys scroll it; any other key closes it (and does nothing else). `true` when the key was
/// taken.
pub fn guidelines_key(app: &mut App, action: Action) -> bool {
    use super::super::app::Mode;
    match (&mut app.mode, action) {
        (Mode::Help, Action::Start) => {
            match glosser_core::guidelines::load(&app.corpus.root) {
                Ok(text) => app.mode = Mode::Guidelines { text, top: 0 },
                Err(why) => {
                    app.mode = Mode::Normal;
                    app.say(why.0, Tone::Warning);
                }
            }
            true
        }
        (Mode::Guidelines { text, top }, motion) => {
            let last = text.lines().count().saturating_sub(1);
            match motion {
                Action::MoveDown => *top = (*top + 1).min(last),
                Action::MoveUp => *top = top.saturating_sub(1),
                Action::PageDown => *top = (*top + 20).min(last),
                Action::PageUp => *top = top.saturating_sub(20),
                _ => app.mode = Mode::Normal,
            }
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
