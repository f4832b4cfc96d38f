//! Submitting a search and finishing it on `Tick`s: the key that submits scans the first slice
//! of the article; every `Tick` scans on for a few milliseconds, the count filling in, until the
//! whole article is done. The cursor jumps to the first match after it as soon as one is found.

use std::time::{Duration, Instant};

use super::super::action::Action;
use super::super::app::{App, Tone};
use super::super::search::{FIRST_SLICE, SLICE, Scan};

/// Longest a `Tick` spends searching, so keys stay quick while a 60 MB article is scanned.
const TICK_BUDGET: Duration = Duration::from_millis(12);

/// Starts a search for `query` from the cursor, scanning the first slice now.
pub fn start(app: &mut App, query: &str) {
    query.clone_into(&mut app.search.query);
    app.search.matches.clear();
    app.search.scan = None;
    let Some(from) = app.session().map(|s| s.cursor) else {
        return;
    };
    if app.document().is_none() {
        return;
    }
    app.search.scan = Scan::new(query, from, app.generation);
    advance(app, |scan, text, out| scan.step(text, FIRST_SLICE, out));
}

/// Scans on for at most [`TICK_BUDGET`].
pub(crate) fn tick(app: &mut App) {
    if app.search.scan.is_none() {
        return;
    }
    let began = Instant::now();
    advance(app, |scan, text, out| {
        loop {
            if scan.step(text, SLICE, out) {
                return true;
            }
            if began.elapsed() >= TICK_BUDGET {
                return false;
            }
        }
    });
}

/// Runs `scan` on the open article, then jumps and reports.
fn advance(
    app: &mut App,
    scan: impl FnOnce(&mut Scan, &str, &mut Vec<std::ops::Range<usize>>) -> bool,
) {
    let Some(mut current) = app.search.scan.take() else {
        return;
    };
    if current.generation != app.generation {
        // Another document is open: its search was dropped with its matches.
        return;
    }
    // Borrow the session's fields, not `app`, so that the matches can be filled in.
    let Some(doc) = app
        .open
        .and_then(|i| app.sessions.get(&i))
        .and_then(|s| s.doc.as_ref().ok())
    else {
        return;
    };
    let total = doc.char_len();
    let done = scan(&mut current, doc.text(), &mut app.search.matches);
    let cursor = app.session().map_or(current.from, |s| s.cursor);
    let count = app.search.matches.len();
    if !current.jumped && cursor != current.from {
        // The user moved while the search ran: leave the cursor where they put it.
        current.jumped = true;
    }
    if !current.jumped
        && (app.search.matches.last().is_some_and(|m| m.start > cursor) || (done && count > 0))
    {
        current.jumped = true;
        super::motion::article(app, Action::NextMatch);
    }
    let query = app.search.query.clone();
    if done {
        if count == 0 {
            return app.say(format!("not found: {query}"), Tone::Warning);
        }
        app.say(
            format!("{} (n / N)", super::counted(count, "match", "matches")),
            Tone::Info,
        );
    } else {
        let percent = current.position() * 100 / total.max(1);
        app.say(
            format!(
                "{} so far, searching ({percent}%) (n / N)",
                super::counted(count, "match", "matches")
            ),
            Tone::Info,
        );
        app.search.scan = Some(current);
    }
}
