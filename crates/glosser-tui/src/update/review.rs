//! Review mode (`glosser review`): the gold set is built in the article; the sidebar lists the
//! disagreement items. Agreed spans are accepted up front in one undoable step; `1`..`9` accept
//! an annotator's version, `0` rejects them all, `m` takes the majority for every item left.
//!
//! Decisions are kept with gold: accepted spans in its spans (with `from`), turned-down ones in
//! its `rejected` list, so reopening the review lists only the items gold does not settle yet.
//! Deciding the last open item marks gold Done (adjudicated) in the same undoable step; a Done
//! gold with open items again is "changed since adjudication".

use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, Focus, Tone};
use super::super::undo::Change;
use super::edit::commit;

mod agreement;
mod gold;
mod pick;
mod prepare;
use glosser_core::review::adjudicate::Decision;
pub(crate) use gold::{adjudication_record, record_change, rejections_following};
use gold::{decision_changes, mark_adjudicated};
pub(crate) use prepare::prepare;
pub use prepare::start;

/// Handles an action in the review sidebar; `false` when it is not a review action.
pub(crate) fn act(app: &mut App, action: Action, now: Instant) -> bool {
    if app.reviewing.is_none() {
        if matches!(action, Action::Reject | Action::AcceptMajority) {
            app.say(
                "0 and m work in review mode: glosser review CORPUS --annotators A,B",
                Tone::Info,
            );
            return true;
        }
        return false;
    }
    // `0` and `m` mean nothing else: they act from any pane. In the list, the digits decide
    // too (they label nothing there); in the article they edit gold.
    let anywhere = matches!(action, Action::Reject | Action::AcceptMajority)
        || (app.focus == Focus::List && matches!(action, Action::Label(_)));
    if app.focus != Focus::Sidebar && !anywhere {
        return false;
    }
    match action {
        Action::MoveDown => pick::line(app, true),
        Action::MoveUp => pick::line(app, false),
        Action::NextSpan => step(app, true),
        Action::PrevSpan => step(app, false),
        Action::Flow if app.focus == Focus::Sidebar => pick::toggle(app),
        Action::Confirm if pick::any_marked(app) => decide(app, Decision::Picked, now),
        Action::PageDown => scroll(app, true),
        Action::PageUp => scroll(app, false),
        Action::Label(n) => {
            let count = app.review_annotators().map_or(0, Vec::len);
            let n = usize::from(n);
            if n == 0 || n > count {
                app.say(
                    format!("there are {count} annotators: keys 1 to {count}"),
                    Tone::Warning,
                );
            } else if let Some(name) = missing_file(app, n - 1) {
                app.say(
                    format!("{name} has no file for this document: nothing to accept"),
                    Tone::Warning,
                );
            } else {
                decide(app, Decision::Accepted(n - 1), now);
            }
        }
        Action::Reject => decide(app, Decision::Rejected, now),
        Action::AcceptMajority => majority(app, now),
        Action::Confirm => app.focus = Focus::Article,
        _ => return false,
    }
    true
}

/// The name of annotator `index` when they have no file for the open document.
fn missing_file(app: &App, index: usize) -> Option<String> {
    let review = app.session()?.review.as_ref()?;
    if review.has_file.get(index).copied().unwrap_or(true) {
        return None;
    }
    app.review_annotators()?.get(index).cloned()
}

/// `PgDn` / `PgUp` in the review sidebar: scrolls a long item's versions.
fn scroll(app: &mut App, down: bool) {
    let page = crate::layout::Areas::of(app)
        .map_or(5, |a| usize::from(a.sidebar.height.saturating_sub(4)))
        .max(1);
    if let Some(review) = app.session_mut().and_then(|s| s.review.as_mut()) {
        review.scroll = if down {
            review.scroll + page
        } else {
            review.scroll.saturating_sub(page)
        };
    }
}

pub(super) fn step(app: &mut App, forward: bool) {
    let Some(session) = app.session_mut() else {
        return;
    };
    let Some(review) = &mut session.review else {
        return;
    };
    if review.items.is_empty() {
        return;
    }
    review.current = if forward {
        (review.current + 1).min(review.items.len() - 1)
    } else {
        review.current.saturating_sub(1)
    };
    session.cursor = review.items[review.current].range.start;
    session.anchor = None;
    review.scroll = 0;
    review.line = 0;
    review.marked.clear();
}

/// Decides the current item, adds its gold spans, and moves to the next undecided item.
fn decide(app: &mut App, decision: Decision, now: Instant) {
    if let Some(why) = app.session().and_then(|s| s.read_only.clone()) {
        return app.say(why, Tone::Warning);
    }
    let names = app.review_annotators().cloned().unwrap_or_default();
    let record = adjudication_record(app, &names);
    let Some(session) = app.session() else { return };
    let Some(review) = &session.review else {
        return;
    };
    let Some(item) = review.items.get(review.current) else {
        let why = if review.earlier > 0 {
            "every item of this document is decided (kept in gold)"
        } else {
            "no disagreements in this document"
        };
        return app.say(why, Tone::Info);
    };
    if review.decisions[review.current].is_some() {
        return app.say("already decided: u undoes it", Tone::Info);
    }
    let index = review.current;
    let mut edit = vec![Change::Decide {
        item: index,
        old: None,
        new: Some(decision),
    }];
    edit.extend(decision_changes(
        session,
        item,
        decision,
        &names,
        &mut Vec::new(),
    ));
    let last = review.left() == 1;
    edit.extend(mark_adjudicated(session, last, record));
    // The accepted version's links (or the majority's) come along once both their spans are
    // in gold.
    let carried = match decision {
        Decision::Accepted(i) => super::review_links::carried(app, i, index, &edit),
        Decision::Majority => super::review_links::carried_by_majority(app, &edit),
        Decision::Rejected | Decision::Picked => super::review_links::Carried::default(),
    };
    edit.extend(carried.change);
    let edit_taken: Vec<usize> = vec![
        edit.iter().filter(|c| matches!(c, Change::Add(_))).count(),
        edit.iter()
            .filter(|c| matches!(c, Change::Reject(_)))
            .count(),
    ];
    commit(app, edit, now);
    let whose = match decision {
        Decision::Accepted(i) => names.get(i).map(String::as_str),
        _ => None,
    };
    let what = match decision {
        Decision::Accepted(_) => format!("accepted {}'s version", whose.unwrap_or("?")),
        Decision::Rejected => "rejected every version".to_owned(),
        Decision::Majority => "accepted the majority".to_owned(),
        Decision::Picked => pick::taken_note(&edit_taken),
    } + &super::review_links::left_out_note(carried.left_out, whose);
    let Some(session) = app.session_mut() else {
        return;
    };
    if let Some(review) = &mut session.review {
        let next = (index + 1..review.items.len())
            .chain(0..index)
            .find(|&i| review.decisions[i].is_none());
        if let Some(next) = next {
            review.current = next;
            review.scroll = 0;
            review.line = 0;
            review.marked.clear();
            session.cursor = review.items[next].range.start;
        }
        let left = review.left();
        let noun = if left == 1 { "item" } else { "items" };
        app.say(format!("{what}; {left} {noun} left"), Tone::Info);
    }
}

/// `m`: the majority for every undecided item, as one undoable step.
fn majority(app: &mut App, now: Instant) {
    if let Some(why) = app.session().and_then(|s| s.read_only.clone()) {
        return app.say(why, Tone::Warning);
    }
    let names = app.review_annotators().cloned().unwrap_or_default();
    let record = adjudication_record(app, &names);
    let Some(session) = app.session() else { return };
    let Some(review) = &session.review else {
        return;
    };
    let mut edit = Vec::new();
    let mut added: Vec<(usize, usize, String)> = Vec::new();
    for (i, item) in review.items.iter().enumerate() {
        if review.decisions[i].is_some() {
            continue;
        }
        edit.push(Change::Decide {
            item: i,
            old: None,
            new: Some(Decision::Majority),
        });
        edit.extend(decision_changes(
            session,
            item,
            Decision::Majority,
            &names,
            &mut added,
        ));
    }
    if edit.is_empty() {
        return app.say("every item is decided", Tone::Info);
    }
    edit.extend(mark_adjudicated(session, true, record));
    let spans = added.len();
    let carried = super::review_links::carried_by_majority(app, &edit);
    edit.extend(carried.change);
    commit(app, edit, now);
    app.say(
        format!(
            "majority taken for every item left ({} added){}",
            super::counted(spans, "span", "spans"),
            super::review_links::left_out_note(carried.left_out, None)
        ),
        Tone::Info,
    );
}
