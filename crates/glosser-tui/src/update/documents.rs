//! Moving between documents: `J` / `K` through the list as filtered, and the switch itself
//! (the open document saved first, review prepared for the next), and the keys that waited for
//! the listing to reach what they act on.

use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, Tone};
use super::super::jobs::Effect;
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
            // Not listed yet: the key waits for it (`update::run_queued`).
            app.queued.push(if forward {
                Action::NextDocument
            } else {
                Action::PrevDocument
            });
            return app.say(
                "still listing: the next document opens as soon as it is listed",
                Tone::Info,
            );
        }
        return app.say("this is the last document", Tone::Info);
    };
    app.message = None;
    switch_document(app, index, now);
}

/// Whether `action` must wait: nothing is open yet while the corpus is being listed (a key
/// pressed on the first frame), or a document step waits for its document.
pub(super) fn must_wait(app: &App, action: Action) -> bool {
    let listing = app.listing.is_listing();
    let document_key = matches!(action, Action::NextDocument | Action::PrevDocument);
    // In the list, its own keys work on what is listed (the user may open a document first).
    let list_key = app.focus == super::super::app::Focus::List && !document_key;
    let first = listing
        && app.open.is_none()
        && !list_key
        && !matches!(
            action,
            Action::Quit
                | Action::ForceQuit
                | Action::Help
                | Action::Cancel
                | Action::NextPane
                | Action::PrevPane
        );
    first || (!app.queued.is_empty() && listing)
}

/// Saves the open document if it has edits, then opens another.
pub(crate) fn switch_document(app: &mut App, index: usize, now: Instant) {
    if app.open == Some(index) {
        return;
    }
    save::save_open(app);
    app.open_document(index);
    app.sidebar_top = 0;
    app.edges = None;
    review::prepare(app, now);
    super::flow::restart(app);
}

/// Runs the keys that waited for the listing (`documents::must_wait`), in order, as far as
/// what they act on is listed now: a document step still past the list waits on.
pub(super) fn run_queued(app: &mut App, now: Instant, effects: &mut Vec<Effect>) {
    if app.open.is_none() && app.listing.is_listing() {
        return;
    }
    let queued = std::mem::take(&mut app.queued);
    let mut keys = queued.into_iter();
    for action in keys.by_ref() {
        super::act(app, action, now, effects);
        super::follow(app);
        if !app.queued.is_empty() {
            // That step waits again for its document: so do the keys after it.
            break;
        }
    }
    app.queued.extend(keys);
}
