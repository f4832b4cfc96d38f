//! What review writes into gold: a decision's accepted spans and the spans it turns down (gold's
//! `rejected`), Done when the last item is decided, and — while reviewing — a span of the
//! annotators the reviewer deletes from gold by hand is recorded as rejected too, so it stays
//! decided when the review is reopened.

use super::super::super::app::Session;
use super::super::super::undo::Change;
use crate::review::adjudicate::{self, Decision};
use crate::span::Span;

/// The span changes of deciding `item`: its gold spans added (those gold lacks), the spans it
/// turns down recorded in gold's `rejected` (those gold neither holds nor rejected already).
/// `added` collects the keys added, so one step never adds a span twice.
pub(super) fn decision_changes(
    session: &Session,
    item: &adjudicate::Item,
    decision: Decision,
    names: &[String],
    added: &mut Vec<(usize, usize, String)>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for span in adjudicate::gold_spans(item, decision, names) {
        let key = (span.start, span.end, span.label.clone());
        if session.file.spans.position(span.key()).is_none() && !added.contains(&key) {
            added.push(key);
            changes.push(Change::Add(span));
        }
    }
    for span in adjudicate::rejected_spans(item, decision, names) {
        let known = session.file.spans.position(span.key()).is_some()
            || session.file.rejected.iter().any(|r| r.key() == span.key());
        if !known {
            changes.push(Change::Reject(span));
        }
    }
    changes
}

/// Marks gold Done when a decision leaves no open item (`last`): the document is adjudicated.
pub(super) fn mark_adjudicated(session: &Session, last: bool) -> Option<Change> {
    let old = session.file.status;
    (last && old != crate::store::Status::Done).then_some(Change::Status {
        old,
        new: crate::store::Status::Done,
    })
}

/// In review, the rejections that go with an edit: a span gold had from the annotators (`from`
/// is set) that the edit removes for good — deleted, or relabelled — joins gold's `rejected`.
pub fn removals_rejected(edit: &[Change], rejected: &[Span]) -> Vec<Change> {
    let readded = |span: &Span| {
        edit.iter()
            .any(|c| matches!(c, Change::Add(a) if a.key() == span.key()))
    };
    let mut out: Vec<Change> = Vec::new();
    for change in edit {
        let Change::Remove(span) = change else {
            continue;
        };
        if span.from.is_empty() || readded(span) || rejected.iter().any(|r| r.key() == span.key()) {
            continue;
        }
        let mut turned_down = span.clone();
        turned_down.note = None;
        turned_down.orphan = false;
        out.push(Change::Reject(turned_down));
    }
    out
}
