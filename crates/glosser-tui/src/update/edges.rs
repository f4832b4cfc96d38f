//! Moving a span's edges in place (`c`, or a mouse drag on its first or last character): the
//! span stays itself — label, note, `from`, score — and its links follow it in the same
//! undoable edit (links name spans by start, end and label). While the edges move, `h` `l`
//! (the arrows) move the end by a character, `w` `e` grow it by a word and `b` shrinks it, `t`
//! `T` take it to the next or previous punctuation; `;` switches to the start (where `l` `w`
//! shrink and `h` `b` grow); `Enter`, `Esc` or `c` end it, and any other key ends it and does
//! what it does.

use std::ops::Range;
use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, Edges, Tone};
use super::super::undo::Change;
use super::edit::{commit, edit_blocker, trim_selection};
use super::refuse;
use glosser_core::span::Span;
use glosser_core::store::{Link, LinkEnd};
use glosser_core::text::{Document, bounds};

/// `c`: the current span's edges move from now on (its end first).
pub(super) fn start(app: &mut App) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(span) = super::link_edit::span_under_cursor(app) else {
        return refuse(
            app,
            "no span under the cursor: c moves the edges of the span under it",
        );
    };
    app.flow = None;
    app.edges = Some(Edges {
        key: span.owned_key(),
        start: false,
        drag: None,
    });
    show(app);
    app.say(
        // Short enough for 80 columns: the span itself is shown selected.
        format!(
            "{}'s edges: h l w b e t T move the end · ; the start · Enter done",
            span.label
        ),
        Tone::Info,
    );
}

/// Shows the span as the selection, the cursor on the edge that moves.
fn show(app: &mut App) {
    let Some(edges) = app.edges.clone() else {
        return;
    };
    let Some(session) = app.session_mut() else {
        return;
    };
    let Ok(doc) = &session.doc else { return };
    let (start, end, _) = edges.key.clone();
    let last = doc.prev_grapheme(end).max(start);
    let (anchor, cursor) = if edges.start {
        (last, start)
    } else {
        (start, last)
    };
    session.anchor = Some(anchor);
    session.cursor = cursor;
    session.picked = Some(edges.key);
}

/// A mouse button pressed on char `at`: when that is the first or last character of the span
/// keys act on, the drag that follows moves that edge; `true` when it does.
pub(crate) fn grab(app: &mut App, at: usize) -> bool {
    let Some(session) = app.session() else {
        return false;
    };
    let Ok(doc) = &session.doc else { return false };
    let Some(span) = session
        .current_span()
        .and_then(|i| session.file.spans.get(i))
    else {
        return false;
    };
    let start = span.start == at;
    if !start && doc.prev_grapheme(span.end) != at {
        return false;
    }
    app.edges = Some(Edges {
        key: span.owned_key(),
        start,
        drag: Some(span.range()),
    });
    true
}

/// The mouse dragged a grabbed edge to char `at`: the span as it would be, shown selected.
pub(crate) fn drag(app: &mut App, at: usize) {
    let Some(edges) = app.edges.as_mut() else {
        return;
    };
    let Some(range) = edges.drag.clone() else {
        return;
    };
    let Some(doc) = app
        .open
        .and_then(|i| app.sessions.get(&i))
        .and_then(|s| s.doc.as_ref().ok())
    else {
        return;
    };
    let new = if edges.start {
        at.min(doc.prev_grapheme(range.end))..range.end
    } else {
        range.start..doc.next_grapheme(at.max(range.start))
    };
    edges.drag = Some(new.clone());
    if let Some(session) = app.session_mut() {
        session.anchor = Some(new.start);
        session.cursor = doc_last(new);
    }
}

/// The last char of a range (the cursor's cell when a range is shown selected).
fn doc_last(range: Range<usize>) -> usize {
    range.end.saturating_sub(1).max(range.start)
}

/// The mouse button let go: a dragged edge is set (one undoable edit).
pub(crate) fn release(app: &mut App, now: Instant) {
    let Some(edges) = app.edges.take() else {
        return;
    };
    let Some(range) = edges.drag else {
        app.edges = Some(edges);
        return;
    };
    set_range(app, &edges.key, range, now);
    if let Some(session) = app.session_mut() {
        session.anchor = None;
    }
}

/// Ends moving edges.
fn stop(app: &mut App) {
    app.edges = None;
    if let Some(s) = app.session_mut() {
        s.anchor = None;
    }
}

/// The keys while edges move; `false` for the others (which end it first).
pub(super) fn act(app: &mut App, action: Action, now: Instant) -> bool {
    let Some(edges) = app.edges.clone() else {
        return false;
    };
    match action {
        Action::Cancel | Action::Confirm | Action::EditEdges => {
            stop(app);
            app.say("edges set", Tone::Info);
        }
        Action::SwapSelectionEnds => {
            if let Some(e) = &mut app.edges {
                e.start = !e.start;
            }
            show(app);
            let which = if edges.start { "end" } else { "start" };
            app.say(format!("moving its {which}"), Tone::Info);
        }
        _ => {
            let Some(range) = app.document().and_then(|doc| {
                let (start, end, _) = &edges.key;
                moved(doc, *start..*end, edges.start, action)
            }) else {
                stop(app);
                return false;
            };
            set_range(app, &edges.key, range, now);
            show(app);
        }
    }
    true
}

/// Where a motion takes the moving edge of `span`; `None` for a key that moves no edge.
fn moved(
    doc: &Document,
    span: Range<usize>,
    start_edge: bool,
    action: Action,
) -> Option<Range<usize>> {
    let (s, e) = (span.start, span.end);
    let new = match (action, start_edge) {
        (Action::MoveRight | Action::ExtendRight, false) => s..doc.next_grapheme(e),
        (Action::MoveLeft | Action::ExtendLeft, false) => s..doc.prev_grapheme(e),
        (Action::MoveRight | Action::ExtendRight, true) => doc.next_grapheme(s)..e,
        (Action::MoveLeft | Action::ExtendLeft, true) => doc.prev_grapheme(s)..e,
        (Action::NextWord | Action::WordEnd, false) => {
            s..doc.next_grapheme(bounds::word_end(doc, e.saturating_sub(1).max(s)))
        }
        (Action::PrevWord, false) => s..bounds::prev_word_start(doc, doc.prev_grapheme(e)),
        (Action::NextWord | Action::WordEnd, true) => bounds::next_word_start(doc, s)..e,
        (Action::PrevWord, true) => bounds::prev_word_start(doc, s)..e,
        (Action::SelectToPunctuation, edge) => {
            let at = if edge { s } else { e };
            let to = super::text_objects::edge_to_punctuation(doc, at, edge, true);
            if edge { to..e } else { s..to }
        }
        (Action::SelectFromPunctuation, edge) => {
            let at = if edge { s } else { e };
            let to = super::text_objects::edge_to_punctuation(doc, at, edge, false);
            if edge { to..e } else { s..to }
        }
        _ => return None,
    };
    Some(new)
}

/// Gives the span with `key` the range `range` (trimmed of whitespace), keeping everything else
/// it carries, its links following it in the same edit.
pub(crate) fn set_range(
    app: &mut App,
    key: &(usize, usize, String),
    range: Range<usize>,
    now: Instant,
) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session() else { return };
    let Ok(doc) = &session.doc else { return };
    let range = trim_selection(doc, range);
    if range.is_empty() {
        return refuse(app, "a span keeps one character at least: x deletes it");
    }
    if (range.start, range.end) == (key.0, key.1) {
        return;
    }
    let Some(old) = session
        .file
        .spans
        .position((key.0, key.1, &key.2))
        .and_then(|i| session.file.spans.get(i))
        .cloned()
    else {
        return;
    };
    if session
        .file
        .spans
        .position((range.start, range.end, &key.2))
        .is_some()
    {
        return refuse(
            app,
            &format!("another {} span has exactly that text", key.2),
        );
    }
    let new = moved_span(&old, doc, range);
    let links = following(&session.file.links, &old, &new);
    let mut edit = vec![Change::Remove(old), Change::Add(new.clone())];
    if links != session.file.links {
        edit.push(Change::Links {
            old: session.file.links.clone(),
            new: links,
        });
    }
    commit(app, edit, now);
    if let Some(edges) = &mut app.edges {
        edges.key = new.owned_key();
    }
    if let Some(session) = app.session_mut() {
        session.picked = Some(new.owned_key());
    }
    app.say(
        format!(
            "{} {}..{}: {}",
            new.label,
            new.start,
            new.end,
            super::quoted(&new.quote)
        ),
        Tone::Info,
    );
}

/// `old` over `range`: its text and context taken anew, everything else kept.
fn moved_span(old: &Span, doc: &Document, range: Range<usize>) -> Span {
    let mut new = old.clone();
    new.start = range.start;
    new.end = range.end;
    doc.slice(range.start, range.end).clone_into(&mut new.quote);
    if old.prefix.0.is_some() || old.suffix.0.is_some() {
        new.set_context(doc);
    }
    new
}

/// The links with every end naming `old` renamed to `new`.
fn following(links: &[Link], old: &Span, new: &Span) -> Vec<Link> {
    let (from, to) = (LinkEnd::of(old), LinkEnd::of(new));
    let mut out: Vec<Link> = links
        .iter()
        .cloned()
        .map(|mut link| {
            for end in [&mut link.from, &mut link.to] {
                if *end == from {
                    *end = to.clone();
                }
            }
            link
        })
        .collect();
    out.sort();
    out
}
