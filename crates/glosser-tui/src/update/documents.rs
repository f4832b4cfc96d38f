//! Moving between documents: `J` / `K` through the list as filtered, and the switch itself
//! (the open document saved first, review prepared for the next).

use std::time::Instant;

use super::super::app::{App, Tone};
use super::{review, save};

/// `J` / `K`: opens the next / previous document of the list (as filtered), from any pane.
pub(super) fn step_document(app: &mut App, forward: bool, now: Instant) {
    let here = app
        .open
        .and_then(|o| app.visible_docs.iter().position(|&d| d == o));
    let target = match (here, forward) {
        (Some(i), true) => i + 1,
        (Some(i), false) => match i.checked_sub(1) {
            Some(j) => j,
            None => return app.say("this is the first document", Tone::Info),
        },
        (None, _) => 0,
    };
    let Some(&index) = app.visible_docs.get(target) else {
        if app.listing.is_listing() {
            return app.say(
                "this is the last document listed so far (still listing)",
                Tone::Info,
            );
        }
        return app.say("this is the last document", Tone::Info);
    };
    app.message = None;
    switch_document(app, index, now);
}

/// Saves the open document if it has edits, then opens another.
pub(crate) fn switch_document(app: &mut App, index: usize, now: Instant) {
    if app.open == Some(index) {
        return;
    }
    save::save_open(app);
    app.open_document(index);
    app.sidebar_top = 0;
    review::prepare(app, now);
}
