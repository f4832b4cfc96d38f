//! The label picker's keys: open it on a selection (or the span under the cursor), move, filter,
//! pick. Picking labels exactly as a digit key would.

use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, Mode, Tone};
use super::super::picker::LabelPicker;
use super::edit;

/// `L` or `Enter` in the article: opens the picker when there is something to label.
pub fn open(app: &mut App) {
    let Some(session) = app.session() else { return };
    let target = session.anchor.is_some() || session.current_span().is_some();
    if !target {
        return app.say(
            "select text first (s, p, \", v), then Enter or L lists every label",
            Tone::Info,
        );
    }
    app.message = None;
    app.mode = Mode::Picker(LabelPicker::default());
}

/// A character typed while the picker is open: `j`/`k` move and a digit picks while nothing is
/// typed yet; anything else filters.
pub(crate) fn type_char(app: &mut App, c: char, now: Instant) {
    let Mode::Picker(picker) = &mut app.mode else {
        return;
    };
    if picker.filter.is_empty() {
        match c {
            'j' => return picker.step(&app.labels, 1),
            'k' => return picker.step(&app.labels, -1),
            '1'..='9' => {
                app.mode = Mode::Normal;
                let key = c.to_digit(10).map_or(0, |d| d as u8);
                return edit::label(app, key, now);
            }
            _ => {}
        }
    }
    picker.type_char(c);
}

/// Backspace in the picker.
pub(crate) fn backspace(app: &mut App) {
    if let Mode::Picker(picker) = &mut app.mode {
        picker.backspace();
    }
}

/// Enter: labels with the highlighted label and closes the picker.
pub(crate) fn submit(app: &mut App, now: Instant) {
    let Mode::Picker(picker) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    match picker.chosen(&app.labels) {
        Some(label) => edit::label_named(app, &label, now),
        None => app.say(
            format!("no label matches {:?}", picker.filter),
            Tone::Warning,
        ),
    }
}

/// A bound key while the picker is open: arrows move, Esc closes, Enter picks; the rest is
/// ignored so that no key does two things.
pub(crate) fn act(app: &mut App, action: Action, now: Instant) {
    let Mode::Picker(picker) = &mut app.mode else {
        return;
    };
    match action {
        Action::MoveDown => picker.step(&app.labels, 1),
        Action::MoveUp => picker.step(&app.labels, -1),
        Action::Confirm => submit(app, now),
        Action::Cancel => app.mode = Mode::Normal,
        _ => {}
    }
}
