//! `f`: word jumping's keys (the hints are `crate::jump`'s). The letters typed narrow the hints;
//! a whole hint moves the cursor there (a selection being made follows it); `Esc` or a letter no
//! hint starts with gives up.

use super::super::app::{App, Mode, Tone};
use super::super::jump::Jump;
use glosser_core::text::bounds;

/// `f`: hints on the words of the flow's item or of the sentence under the cursor.
pub(super) fn start(app: &mut App) {
    let item = app.flow.as_ref().and_then(|f| f.item.clone());
    let Some(session) = app.session() else { return };
    let Ok(doc) = &session.doc else { return };
    let range = item
        .filter(|r| r.contains(&session.cursor))
        .or_else(|| bounds::sentence_at(doc, session.cursor));
    let Some(range) = range else {
        return app.say("no sentence here to jump in", Tone::Info);
    };
    let jump = Jump::over(doc, range);
    if jump.targets.is_empty() {
        return app.say("no words here to jump to", Tone::Info);
    }
    app.mode = Mode::Jump(jump);
}

/// A letter typed while the hints show.
pub(super) fn type_char(app: &mut App, c: char) {
    let Mode::Jump(jump) = &mut app.mode else {
        return;
    };
    jump.typed.push(c);
    if let Some(at) = jump.reached() {
        app.mode = Mode::Normal;
        if let Some(session) = app.session_mut() {
            session.cursor = at;
            session.picked = None;
            session.goal_column = None;
        }
    } else if !jump.is_live() {
        app.mode = Mode::Normal;
        app.say(
            format!("no word has the letters {c}: f shows them again"),
            Tone::Info,
        );
    }
}
