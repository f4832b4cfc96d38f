//! Orphaned spans (their text left the article): `o` places the first one on the selection,
//! `O` drops it; both undoable, and links follow.

use std::time::Instant;

use super::super::app::{App, Tone};
use super::super::undo::Change;
use super::edit::{commit, edit_blocker, trim_selection};
use super::refuse;
use crate::span::Span;

/// `o`: place the first orphaned span on the selection (its label and note, the new text).
pub fn place_orphan(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session_mut() else {
        return;
    };
    let Some(orphan) = session.file.orphans.first().cloned() else {
        return refuse(app, "no orphaned spans in this document");
    };
    let Ok(doc) = &session.doc else { return };
    let Some(selection) = session.selection() else {
        return refuse(
            app,
            &format!("select where {:?} is now (s, p, v), then o", orphan.quote),
        );
    };
    let range = trim_selection(doc, selection);
    if range.is_empty() {
        return refuse(app, "the selection is only whitespace");
    }
    let mut span = Span::new(doc, range, orphan.label.clone());
    span.note.clone_from(&orphan.note);
    span.from.clone_from(&orphan.from);
    session.anchor = None;
    let mut edit = vec![Change::Unorphan(orphan.clone())];
    match session
        .file
        .spans
        .position(span.key())
        .and_then(|i| session.file.spans.get(i))
    {
        None => edit.push(Change::Add(span.clone())),
        // The place already holds this span: it keeps both notes.
        Some(there) if orphan.note.is_some() && there.note != orphan.note => {
            let mut joined = there.clone();
            crate::span::absorb_duplicate(&mut joined, &orphan);
            edit.push(Change::Note {
                key: (there.start, there.end, there.label.clone()),
                old: there.note.clone(),
                new: joined.note,
            });
        }
        Some(_) => {}
    }
    // Links that named the orphan now name the span where it was placed.
    let (from, to) = (
        crate::store::LinkEnd::of(&orphan),
        crate::store::LinkEnd::of(&span),
    );
    if session
        .file
        .links
        .iter()
        .any(|l| l.from == from || l.to == from)
    {
        let old = session.file.links.clone();
        let mut new = old.clone();
        for link in &mut new {
            for end in [&mut link.from, &mut link.to] {
                if *end == from {
                    *end = to.clone();
                }
            }
        }
        new.sort();
        new.dedup();
        edit.push(Change::Links { old, new });
    }
    commit(app, edit, now);
    app.say("orphan placed (u to undo)", Tone::Info);
}

/// `O`: drop the first orphaned span for good (undoable).
pub fn drop_orphan(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(orphan) = app.session().and_then(|s| s.file.orphans.first().cloned()) else {
        return refuse(app, "no orphaned spans in this document");
    };
    let quote = orphan.quote.clone();
    let mut edit = vec![Change::Unorphan(orphan.clone())];
    // Its links go with it: a link never names a span the file does not hold.
    if let Some(session) = app.session() {
        let end = crate::store::LinkEnd::of(&orphan);
        let old = session.file.links.clone();
        let new: Vec<_> = old
            .iter()
            .filter(|l| l.from != end && l.to != end)
            .cloned()
            .collect();
        if new.len() != old.len() {
            edit.push(Change::Links { old, new });
        }
    }
    commit(app, edit, now);
    app.say(format!("orphan {quote:?} dropped (u to undo)"), Tone::Info);
}
