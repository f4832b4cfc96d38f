//! The labelling flow (`Space`), after Prodigy's accept/reject stream and SLATE's one key a
//! label: the article is walked item by item — each sentence, each quotation inside it, each
//! open suggestion — the item shown as the selection. A digit labels it and the flow moves to
//! the next item; `y` (or `Enter`) accepts a suggestion as proposed and `X` rejects it, both
//! moving on; `Space` skips, `Backspace` goes back, `Esc` leaves. Items already labelled over
//! exactly their range are passed over, so a half-done article resumes where work stopped.
//!
//! Inside an item the usual keys still work: a motion leaves the item's selection (and digits
//! are counts again, `7w`), a text object (`t`, `"`, `'`, `s`, `v`…) selects a part of it, and
//! labelling that part brings the item back, so a quote inside a claim costs a few keys and the
//! claim one more.

use std::ops::Range;
use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, Flow, Tone};
use super::super::undo::Change;
use super::edit::commit;
use glosser_core::span::Span;
use glosser_core::suggest::ghosts::{accepted, rejected};
use glosser_core::text::{Document, bounds};

/// An item: its range, and the label a suggestion proposes for it.
type Item = (Range<usize>, Option<String>);

/// The order items come in: by start, the longer first (a sentence before its quotation).
fn order(range: &Range<usize>) -> (usize, usize) {
    (range.start, usize::MAX - range.end)
}

/// The items of the paragraph holding `c`: sentences, quotations, open suggestions, each range
/// once (a suggestion stands for the quotation it overlaps), none already labelled exactly.
fn items_of_paragraph(doc: &Document, labelled: &[Span], ghosts: &[Span], c: usize) -> Vec<Item> {
    let Some(paragraph) = bounds::paragraph_at(doc, c) else {
        return Vec::new();
    };
    let inside = |r: &Range<usize>| paragraph.start <= r.start && r.end <= paragraph.end;
    let suggested: Vec<Item> = ghosts
        .iter()
        .filter(|g| inside(&g.range()))
        .map(|g| (g.range(), Some(g.label.clone())))
        .collect();
    let overlaps_ghost = |r: &Range<usize>| {
        suggested
            .iter()
            .any(|(g, _)| g.start < r.end && r.start < g.end)
    };
    let mut items: Vec<Item> = bounds::sentences_of_paragraph(doc, c)
        .into_iter()
        .filter(|r| !suggested.iter().any(|(g, _)| g == r))
        .map(|r| (r, None))
        .chain(
            bounds::quotations_of_line(doc, c)
                .into_iter()
                .filter(|r| !overlaps_ghost(r))
                .map(|r| (r, None)),
        )
        .chain(suggested.iter().cloned())
        .filter(|(r, _)| !r.is_empty() && !labelled.iter().any(|s| s.range() == *r))
        .collect();
    items.sort_by_key(|(r, _)| order(r));
    items.dedup_by(|a, b| a.0 == b.0);
    items
}

/// The item after (`forward`) or before the place `from` in the flow's order, paragraph by
/// paragraph from the one holding `from.0`.
fn neighbour(app: &App, from: (usize, usize), forward: bool) -> Option<Item> {
    let session = app.session()?;
    let doc = session.doc.as_ref().ok()?;
    let ghosts = super::suggest::ghosts(session);
    let labelled = session.file.spans.spans();
    let mut c = from.0.min(doc.char_len().saturating_sub(1));
    loop {
        let items = items_of_paragraph(doc, labelled, &ghosts, c);
        let found = if forward {
            items.into_iter().find(|(r, _)| order(r) > from)
        } else {
            items.into_iter().rev().find(|(r, _)| order(r) < from)
        };
        if found.is_some() {
            return found;
        }
        let next = if forward {
            bounds::next_paragraph_start(doc, c)
        } else {
            let here = bounds::paragraph_at(doc, c).map_or(c, |p| p.start);
            if here == 0 {
                return None;
            }
            bounds::prev_paragraph_start(doc, here)
        };
        if (forward && (next <= c || next >= doc.char_len())) || (!forward && next >= c) {
            return None;
        }
        c = next;
    }
}

/// Shows `item` (the selection is the item), or says the document is done.
fn show(app: &mut App, item: Option<Item>) {
    let Some(session) = app.session_mut() else {
        return;
    };
    let Ok(doc) = &session.doc else { return };
    let shown = item.as_ref().map(|(r, _)| r.clone());
    if let Some(range) = &shown {
        session.anchor = Some(range.start);
        session.cursor = doc.prev_grapheme(range.end).max(range.start);
    } else {
        session.anchor = None;
    }
    session.picked = None;
    app.flow = Some(Flow {
        item: shown,
        suggested: item.and_then(|(_, label)| label),
    });
    if app.flow.as_ref().is_some_and(|f| f.item.is_none()) {
        app.say(
            "flow: nothing left to label in this document · J next document · Esc leaves the flow",
            Tone::Info,
        );
    }
}

/// `Space` outside the flow: starts it at the sentence under the cursor.
pub(super) fn start(app: &mut App) {
    let Some(session) = app.session() else { return };
    let Ok(doc) = &session.doc else { return };
    let from = bounds::sentence_at(doc, session.cursor).map_or(session.cursor, |s| s.start);
    let first = neighbour(app, (from, 0), true);
    show(app, first);
}

/// After switching documents in the flow: its first item from the cursor.
pub(crate) fn restart(app: &mut App) {
    if app.flow.is_some() {
        start(app);
    }
}

/// Whether the selection is the flow's item (not a part of it, nor moved off it).
fn attached(app: &App) -> bool {
    let Some(item) = app.flow.as_ref().and_then(|f| f.item.clone()) else {
        return false;
    };
    app.session()
        .is_some_and(|s| s.selection().is_some_and(|sel| sel == item))
}

/// The flow's keys while it is on; `false` for the others (which then work as usual, a motion
/// leaving the item's selection first).
pub(super) fn act(app: &mut App, action: Action, now: Instant) -> bool {
    let Some(flow) = app.flow.clone() else {
        return false;
    };
    let here = flow.item.as_ref().map_or((usize::MAX, 0), order);
    match action {
        Action::Flow if attached(app) || flow.item.is_none() => {
            let next = neighbour(app, here, true);
            show(app, next);
        }
        // Moved off the item: the flow goes on from the sentence under the cursor.
        Action::Flow => start(app),
        Action::FlowBack => {
            let from = flow.item.as_ref().map_or_else(
                || app.document().map_or((0, 0), |d| (d.char_len(), 0)),
                order,
            );
            match neighbour(app, from, false) {
                Some(item) => show(app, Some(item)),
                None => app.say("flow: this is the first item", Tone::Info),
            }
        }
        Action::Cancel => {
            app.flow = None;
            if let Some(s) = app.session_mut() {
                s.anchor = None;
            }
            app.say("left the labelling flow", Tone::Info);
        }
        Action::AcceptSuggestion | Action::Confirm | Action::RejectSuggestion
            if attached(app) && flow.suggested.is_some() =>
        {
            decide_suggestion(app, &flow, action != Action::RejectSuggestion, now);
        }
        _ => {
            // A motion starts from the item's start, where its text begins.
            if attached(app)
                && leaves_item(action)
                && let (Some(s), Some(item)) = (app.session_mut(), flow.item)
            {
                s.anchor = None;
                s.cursor = item.start;
            }
            return false;
        }
    }
    true
}

/// Keys that move or select: in the flow they start from the cursor, not from the item.
fn leaves_item(action: Action) -> bool {
    super::count::repeats(action) && !matches!(action, Action::Undo | Action::Redo)
        || matches!(
            action,
            Action::StartSelection
                | Action::SelectQuotation
                | Action::SelectQuotationInside
                | Action::SelectToPunctuation
                | Action::SelectFromPunctuation
                | Action::JumpToWord
                | Action::Search
                | Action::SearchBack
                | Action::SearchWord
                | Action::SearchWordBack
                | Action::LineStart
                | Action::LineEnd
                | Action::Start
                | Action::End
        )
}

/// `y` / `Enter` (accept as proposed) or `X` (reject) on a suggestion item, then the next item.
fn decide_suggestion(app: &mut App, flow: &Flow, accept: bool, now: Instant) {
    let (Some(item), Some(label)) = (&flow.item, &flow.suggested) else {
        return;
    };
    let Some(ghost) = app.session().and_then(|s| {
        super::suggest::ghosts(s)
            .into_iter()
            .find(|g| g.range() == *item && g.label == *label)
    }) else {
        return;
    };
    if let Some(why) = super::edit::edit_blocker(app) {
        return super::refuse(app, &why);
    }
    let change = if accept {
        Change::Add(accepted(&ghost))
    } else {
        Change::Reject(rejected(&ghost))
    };
    commit(app, vec![change], now);
    let what = if accept { "accepted" } else { "rejected" };
    app.say(
        format!("{what} {label}: {} (u undoes)", super::quoted(&ghost.quote)),
        Tone::Info,
    );
    let next = neighbour(app, order(item), true);
    show(app, next);
}

/// After a label was given over `range` in the flow: the next item when it was the item, else
/// the item again (a part of it was labelled: the item may be labelled too).
pub(crate) fn labelled(app: &mut App, range: Range<usize>) {
    let Some(flow) = app.flow.clone() else {
        return;
    };
    let Some(item) = flow.item else { return };
    let taken = app
        .session()
        .is_some_and(|s| s.file.spans.spans().iter().any(|s| s.range() == item));
    if range == item || taken {
        let next = neighbour(app, order(&item), true);
        show(app, next);
    } else {
        show(app, Some((item, flow.suggested)));
    }
}
