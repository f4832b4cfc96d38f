//! Submitting a search and finishing it on `Tick`s: the key that submits scans the first slice
//! of the article; every `Tick` scans on for a few milliseconds, the count filling in, until the
//! whole article is done. The cursor jumps to the first match after it (before it, searching
//! backwards) as soon as that is known; `n` goes on in the search's direction and `N` the other
//! way, and the status line says which match it is and when the search wrapped around.

use std::time::{Duration, Instant};

use super::super::app::{App, Tone};
use super::super::search::{FIRST_SLICE, SLICE, Scan};

mod corpus;
pub use corpus::CorpusHits;
pub(crate) use corpus::{corpus_found, corpus_start, hits_in, open_corpus_hit, search_documents};

/// Longest a `Tick` spends searching, so keys stay quick while a 60 MB article is scanned.
const TICK_BUDGET: Duration = Duration::from_millis(12);

/// Starts a search for `query` from the cursor (towards the start when `backward`), scanning
/// the first slice now.
pub fn start(app: &mut App, query: &str, backward: bool) {
    query.clone_into(&mut app.search.query);
    app.search.backward = backward;
    app.search.matches.clear();
    app.search.scan = None;
    let Some(from) = app.session().map(|s| s.cursor) else {
        return;
    };
    if app.document().is_none() {
        return;
    }
    app.search.scan = Scan::with_words(query, app.search.whole_word, from, app.generation);
    advance(app, |scan, text, out| scan.step(text, FIRST_SLICE, out));
}

/// `*` / `#`: searches for the word under the cursor as a whole word, forwards or backwards.
pub(crate) fn word_under_cursor(app: &mut App, backward: bool) {
    let Some(word) = app.session().and_then(|s| {
        let doc = s.doc.as_ref().ok()?;
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let chars: Vec<char> = doc
            .slice(
                s.cursor.saturating_sub(200),
                (s.cursor + 200).min(doc.char_len()),
            )
            .chars()
            .collect();
        let at = s.cursor.min(200);
        if !chars.get(at).copied().is_some_and(is_word) {
            return None;
        }
        let start = (0..at)
            .rev()
            .take_while(|&i| is_word(chars[i]))
            .last()
            .unwrap_or(at);
        let end = (at..chars.len())
            .take_while(|&i| is_word(chars[i]))
            .last()?
            + 1;
        Some(chars[start..end].iter().collect::<String>())
    }) else {
        return app.say("no word under the cursor to search for", Tone::Info);
    };
    app.search.whole_word = true;
    start(app, &word, backward);
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

/// The match to go to from `cursor`: the first after it (`forward`) or the last before it, and
/// whether that wrapped around the article's end. `None` when there is no match, or when the
/// scan (at char `scanned`, `done` or not) cannot know yet.
fn target(
    matches: &[std::ops::Range<usize>],
    cursor: usize,
    forward: bool,
    scanned: usize,
    done: bool,
) -> Option<(usize, bool)> {
    if forward {
        if let Some(m) = matches.iter().find(|m| m.start > cursor) {
            return Some((m.start, false));
        }
        done.then(|| matches.first().map(|m| (m.start, true)))?
    } else {
        if !done && scanned <= cursor {
            return None;
        }
        if let Some(m) = matches.iter().rev().find(|m| m.start < cursor) {
            return Some((m.start, false));
        }
        done.then(|| matches.last().map(|m| (m.start, true)))?
    }
}

/// Moves the cursor to a match (a selection being made follows it).
fn go(app: &mut App, start: usize) {
    if let Some(session) = app.session_mut() {
        session.cursor = start;
        session.picked = None;
        session.goal_column = None;
    }
}

/// "wrapped to the top" after a search or `n` went past the article's end.
fn wrapped(forward: bool) -> &'static str {
    if forward {
        ", wrapped to the top"
    } else {
        ", wrapped to the bottom"
    }
}

/// "match 2 of 5" for the match at the cursor.
fn which(app: &App) -> String {
    let cursor = app.session().map_or(0, |s| s.cursor);
    let matches = &app.search.matches;
    let at = matches.partition_point(|m| m.start < cursor) + 1;
    let total = if app.search.scan.is_some() {
        format!("{}+", matches.len())
    } else {
        matches.len().to_string()
    };
    let words = if app.search.whole_word {
        " (whole words)"
    } else {
        ""
    };
    format!("match {at} of {total}{words} · n / N")
}

/// `n` (`next`) / `N`: the next match in the search's direction, or the other way.
pub(crate) fn step(app: &mut App, next: bool) {
    let forward = next != app.search.backward;
    let Some(cursor) = app.session().map(|s| s.cursor) else {
        return;
    };
    if app.search.matches.is_empty() {
        let why = if app.search.query.is_empty() {
            "no search yet: / searches forwards, \\ backwards".to_owned()
        } else {
            format!("not found: {}", app.search.query)
        };
        return app.say(why, Tone::Info);
    }
    let scanned = app.search.scan.as_ref().map_or(usize::MAX, Scan::position);
    let done = app.search.scan.is_none();
    match target(&app.search.matches, cursor, forward, scanned, done) {
        Some((start, wrap)) => {
            go(app, start);
            let note = if wrap { wrapped(forward) } else { "" };
            let text = format!("{}{note}", which(app));
            app.say(text, Tone::Info);
        }
        None => app.say("still searching: n again in a moment", Tone::Info),
    }
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
    let forward = !app.search.backward;
    let mut wrap = false;
    if !current.jumped
        && let Some((start, wrapped)) = target(
            &app.search.matches,
            cursor,
            forward,
            current.position(),
            done,
        )
    {
        current.jumped = true;
        wrap = wrapped;
        go(app, start);
    }
    let query = app.search.query.clone();
    if done {
        if count == 0 {
            let words = if app.search.whole_word {
                " (whole words: Tab in the prompt turns that off)"
            } else {
                ""
            };
            return app.say(format!("not found: {query}{words}"), Tone::Warning);
        }
        let note = if wrap { wrapped(forward) } else { "" };
        let text = format!("{}{note}", which(app));
        app.say(text, Tone::Info);
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
