//! Taking single spans in review: `j` `k` move along the current item's spans (every version's,
//! as the sidebar lists them, then on to the next item), `Space` marks the one there, `Enter`
//! decides the item with the marked spans — gold takes them (with `from` and everyone's notes)
//! and turns the others down — one undoable step, as a version accepted whole would be.

use super::super::super::app::{App, Tone};

/// `j` / `k`: the next or previous span of the item (past its last, the next item's first).
pub(super) fn line(app: &mut App, forward: bool) {
    let Some(review) = app.session().and_then(|s| s.review.as_ref()) else {
        return;
    };
    let count = review.lines().len();
    let (line, current, items) = (review.line, review.current, review.items.len());
    if forward && line + 1 < count {
        set_line(app, line + 1);
    } else if !forward && line > 0 {
        set_line(app, line - 1);
    } else if forward && current + 1 < items {
        super::step(app, true);
    } else if !forward && current > 0 {
        super::step(app, false);
        let last = app
            .session()
            .and_then(|s| s.review.as_ref())
            .map_or(0, |r| r.lines().len().saturating_sub(1));
        set_line(app, last);
    }
}

fn set_line(app: &mut App, line: usize) {
    let Some(session) = app.session_mut() else {
        return;
    };
    let Some(review) = &mut session.review else {
        return;
    };
    review.line = line;
    let start = review.lines().get(line).map(|(_, s)| s.start);
    if let Some(start) = start {
        session.cursor = start;
    }
}

/// `Space`: marks (or unmarks) the span the review's cursor is on.
pub(super) fn toggle(app: &mut App) {
    let Some(session) = app.session_mut() else {
        return;
    };
    let Some(review) = &mut session.review else {
        return;
    };
    if review
        .decisions
        .get(review.current)
        .copied()
        .flatten()
        .is_some()
    {
        return app.say("already decided: u undoes it", Tone::Info);
    }
    let Some(key) = review.lines().get(review.line).map(|(_, s)| s.owned_key()) else {
        return;
    };
    if let Some(at) = review.marked.iter().position(|k| *k == key) {
        review.marked.remove(at);
    } else {
        review.marked.push(key);
    }
    let marked = review.marked.len();
    app.say(
        format!(
            "{} marked: Enter takes {} and turns the rest of the item down",
            crate::update::counted(marked, "span", "spans"),
            if marked == 1 { "it" } else { "them" }
        ),
        Tone::Info,
    );
}

/// Whether spans of the current item are marked.
pub(super) fn any_marked(app: &App) -> bool {
    app.session()
        .and_then(|s| s.review.as_ref())
        .is_some_and(|r| !r.marked.is_empty())
}

/// "took 2 spans, turned 1 down" for a picked decision's changes: `[added, rejected]`.
pub(super) fn taken_note(counts: &[usize]) -> String {
    let (taken, down) = (
        counts.first().copied().unwrap_or(0),
        counts.get(1).copied().unwrap_or(0),
    );
    format!(
        "took {}, turned {} down (links come with versions accepted whole: 1-9)",
        crate::update::counted(taken, "span", "spans"),
        down
    )
}
