//! Undoable edits: every change to a document's annotations is a list of reversible changes.

use glosser_core::review::adjudicate::Decision;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{Adjudicated, Link, Status};

/// One reversible change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add(Span),
    Remove(Span),
    Note {
        key: (usize, usize, String),
        old: Option<String>,
        new: Option<String>,
    },
    Status {
        old: Status,
        new: Status,
    },
    /// An orphaned span leaves the orphan list (placed again, or dropped).
    Unorphan(Span),
    /// An orphaned span comes back to the orphan list (undoing `Unorphan`).
    Orphan(Span),
    /// The document's links replaced (added, removed, or following a span).
    Links {
        old: Vec<Link>,
        new: Vec<Link>,
    },
    /// A span goes into the file's `rejected` list: a version turned down in review, or a
    /// suggestion rejected (SPEC §9), never suggested again.
    Reject(Span),
    /// A span leaves the `rejected` list (undoing `Reject`).
    Unreject(Span),
    /// A review item decided (or undecided).
    Decide {
        item: usize,
        old: Option<Decision>,
        new: Option<Decision>,
    },
    /// Gold's adjudication record replaced (the document decided again in review).
    Adjudicated {
        old: Option<Box<Adjudicated>>,
        new: Option<Box<Adjudicated>>,
    },
}

/// What edits change: the spans, the status, orphans, links, rejections, and in review the
/// items' decisions.
pub struct Target<'a> {
    pub spans: &'a mut AnnotationSet,
    pub status: &'a mut Status,
    pub decisions: &'a mut Vec<Option<Decision>>,
    pub orphans: &'a mut Vec<Span>,
    pub links: &'a mut Vec<Link>,
    pub rejected: &'a mut Vec<Span>,
    pub adjudicated: &'a mut Option<Adjudicated>,
}

/// One user edit: the changes of one keystroke, undone and redone together.
pub type Edit = Vec<Change>;

/// Applies a change (forwards).
pub(crate) fn apply(change: &Change, t: &mut Target) {
    match change {
        Change::Add(span) => {
            t.spans.insert_unchecked(span.clone());
        }
        Change::Remove(span) => {
            t.spans.remove(span.key());
        }
        Change::Note { key, new, .. } => {
            t.spans.set_note((key.0, key.1, &key.2), new.clone());
        }
        Change::Status { new, .. } => *t.status = *new,
        Change::Unorphan(span) => t.orphans.retain(|o| o != span),
        Change::Orphan(span) => {
            t.orphans.push(span.clone());
            t.orphans.sort_by(|a, b| a.key().cmp(&b.key()));
        }
        Change::Links { new, .. } => new.clone_into(t.links),
        Change::Reject(span) => {
            if !t.rejected.iter().any(|r| r.key() == span.key()) {
                t.rejected.push(span.clone());
                t.rejected.sort_by(|a, b| a.key().cmp(&b.key()));
            }
        }
        Change::Unreject(span) => t.rejected.retain(|r| r.key() != span.key()),
        Change::Decide { item, new, .. } => {
            if let Some(slot) = t.decisions.get_mut(*item) {
                *slot = *new;
            }
        }
        Change::Adjudicated { new, .. } => *t.adjudicated = new.as_deref().cloned(),
    }
}

/// The change that undoes `change`.
pub(crate) fn inverse(change: &Change) -> Change {
    match change {
        Change::Add(span) => Change::Remove(span.clone()),
        Change::Remove(span) => Change::Add(span.clone()),
        Change::Unorphan(span) => Change::Orphan(span.clone()),
        Change::Orphan(span) => Change::Unorphan(span.clone()),
        Change::Reject(span) => Change::Unreject(span.clone()),
        Change::Unreject(span) => Change::Reject(span.clone()),
        Change::Note { key, old, new } => Change::Note {
            key: key.clone(),
            old: new.clone(),
            new: old.clone(),
        },
        Change::Status { old, new } => Change::Status {
            old: *new,
            new: *old,
        },
        Change::Links { old, new } => Change::Links {
            old: new.clone(),
            new: old.clone(),
        },
        Change::Decide { item, old, new } => Change::Decide {
            item: *item,
            old: *new,
            new: *old,
        },
        Change::Adjudicated { old, new } => Change::Adjudicated {
            old: new.clone(),
            new: old.clone(),
        },
    }
}

/// Undo and redo stacks of one document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// Records an edit that was just applied; clears the redo stack.
    pub fn record(&mut self, edit: Edit) {
        if !edit.is_empty() {
            self.undo.push(edit);
            self.redo.clear();
        }
    }

    /// Reverts the last edit; returns it (as applied) if there was one.
    pub(crate) fn undo(&mut self, t: &mut Target) -> Option<&Edit> {
        let edit = self.undo.pop()?;
        for change in edit.iter().rev() {
            apply(&inverse(change), t);
        }
        self.redo.push(edit);
        self.redo.last()
    }

    /// Re-applies the last undone edit.
    pub(crate) fn redo(&mut self, t: &mut Target) -> Option<&Edit> {
        let edit = self.redo.pop()?;
        for change in &edit {
            apply(change, t);
        }
        self.undo.push(edit);
        self.undo.last()
    }

    #[cfg(test)]
    pub(crate) fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}
