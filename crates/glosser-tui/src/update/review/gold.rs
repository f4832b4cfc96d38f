//! What review writes into gold: a decision's accepted spans and the spans it turns down (gold's
//! `rejected`), Done when the last item is decided, and — while reviewing — a span of the
//! annotators the reviewer deletes from gold by hand is recorded as rejected too, so it stays
//! decided when the review is reopened.

use super::super::super::app::{App, Session};
use super::super::super::undo::Change;
use glosser_core::review::adjudicate::{self, Decision};
use glosser_core::span::Span;
use glosser_core::store::{Adjudicated, AnnotationFile};

/// The span changes of deciding `item`: its gold spans added (those gold lacks), the spans it
/// turns down recorded in gold's `rejected` (unless already there) and taken out of gold if an
/// earlier decision had put them there (an item opened again is decided afresh).
/// `added` collects the keys added, so one step never adds a span twice.
pub(super) fn decision_changes(
    session: &Session,
    item: &adjudicate::Item,
    decision: Decision,
    names: &[String],
    added: &mut Vec<(usize, usize, String)>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let (gold, turned_down) = match (decision, &session.review) {
        (Decision::Picked, Some(review)) => adjudicate::pick(item, names, &review.marked),
        _ => (
            adjudicate::gold_spans(item, decision, names),
            adjudicate::rejected_spans(item, decision, names),
        ),
    };
    for span in gold {
        let key = (span.start, span.end, span.label.clone());
        if session.file.spans.position(span.key()).is_none() && !added.contains(&key) {
            added.push(key);
            changes.push(Change::Add(span));
        }
    }
    for span in turned_down {
        if let Some(held) = session
            .file
            .spans
            .position(span.key())
            .and_then(|i| session.file.spans.get(i))
        {
            changes.push(Change::Remove(held.clone()));
        }
        if !session.file.rejected.iter().any(|r| r.key() == span.key()) {
            changes.push(Change::Reject(span));
        }
    }
    changes
}

/// Marks gold Done when a decision leaves no open item (`last`): the document is adjudicated,
/// and what it was decided against (`record`) replaces gold's record.
pub(super) fn mark_adjudicated(
    session: &Session,
    last: bool,
    record: Option<Adjudicated>,
) -> Vec<Change> {
    if !last {
        return Vec::new();
    }
    let old = session.file.status;
    let mut changes: Vec<Change> = (old != glosser_core::store::Status::Done)
        .then_some(Change::Status {
            old,
            new: glosser_core::store::Status::Done,
        })
        .into_iter()
        .collect();
    changes.extend(record_change(session, record));
    changes
}

/// The change that puts `record` in gold, unless it is there already.
pub(crate) fn record_change(session: &Session, record: Option<Adjudicated>) -> Option<Change> {
    let record = record?;
    (session.file.adjudicated.as_ref() != Some(&record)).then(|| Change::Adjudicated {
        old: session.file.adjudicated.clone().map(Box::new),
        new: Some(Box::new(record)),
    })
}

/// What the open document is adjudicated against now: the article's hash and the compared
/// annotators' spans as their files hold them (`review::since::record`).
pub(crate) fn adjudication_record(app: &App, names: &[String]) -> Option<Adjudicated> {
    let entry = app.corpus.documents.get(app.open?)?;
    let doc = app.session()?.doc.as_ref().ok()?;
    let files: Vec<(String, Option<AnnotationFile>)> = names
        .iter()
        .map(|name| {
            let file = entry.annotation(name).and_then(|a| a.load().ok());
            (name.clone(), file)
        })
        .collect();
    let files: Vec<(String, Option<&AnnotationFile>)> = files
        .iter()
        .map(|(name, file)| (name.clone(), file.as_ref()))
        .collect();
    Some(glosser_core::review::since::record(doc.sha256(), &files))
}

/// In review, the changes to gold's `rejected` that go with an edit: a span gold had from the
/// annotators (`from` is set) that the edit removes for good — deleted, or relabelled — joins
/// it; a span the edit adds (a decision, or labelling by hand) leaves it, so gold never holds
/// and rejects the same span.
pub(crate) fn rejections_following(edit: &[Change], rejected: &[Span]) -> Vec<Change> {
    let added = |span: &Span| {
        edit.iter()
            .any(|c| matches!(c, Change::Add(a) if a.key() == span.key()))
    };
    let was_rejected = |span: &Span| rejected.iter().find(|r| r.key() == span.key());
    let rejecting = |span: &Span| {
        edit.iter()
            .any(|c| matches!(c, Change::Reject(r) if r.key() == span.key()))
    };
    let mut out: Vec<Change> = Vec::new();
    for change in edit {
        match change {
            Change::Remove(span)
                if !span.from.is_empty()
                    && !added(span)
                    && !rejecting(span)
                    && was_rejected(span).is_none() =>
            {
                let mut turned_down = span.clone();
                turned_down.note = None;
                turned_down.orphan = false;
                out.push(Change::Reject(turned_down));
            }
            Change::Add(span) => {
                if let Some(old) = was_rejected(span) {
                    out.push(Change::Unreject(old.clone()));
                }
            }
            _ => {}
        }
    }
    out
}
