//! Spans waiting for a person (SPEC §2): orphans (their text left the article) and ambiguous
//! spans (glosser was not sure of their place). `o` with nothing selected selects the first
//! one's proposed place (an ambiguous span's place, or an orphan's best match) to look at;
//! `o` with a selection places it there; `O` drops it. Both undoable, and links follow.

use std::time::Instant;

use super::super::app::{App, Tone};
use super::super::undo::Change;
use super::edit::{commit, edit_blocker, trim_selection};
use super::refuse;
use glosser_core::span::Span;

/// `o`: place the first orphaned or ambiguous span on the selection (its label and note, the
/// new text); with nothing selected, select its proposed place first.
pub(crate) fn place_orphan(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session_mut() else {
        return;
    };
    let Some(orphan) = session.file.orphans.first().cloned() else {
        return refuse(app, "no orphaned or ambiguous spans in this document");
    };
    let Ok(doc) = &session.doc else { return };
    let Some(selection) = session.selection() else {
        let proposed = if orphan.ambiguous && orphan.check_text(doc).is_ok() {
            Some(orphan.range())
        } else {
            glosser_core::reanchor::offer(&orphan, doc)
        };
        let Some(range) = proposed else {
            return refuse(
                app,
                &format!("select where {:?} is now (s, p, v), then o", orphan.quote),
            );
        };
        session.anchor = Some(range.start);
        session.cursor = doc.prev_grapheme(range.end);
        let what = if orphan.ambiguous {
            "ambiguous span"
        } else {
            "orphan"
        };
        app.say(
            format!(
                "{what} {} {:?}: proposed here — o places it, or select another place (Esc) and press o",
                orphan.label, orphan.quote
            ),
            Tone::Info,
        );
        return;
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
            glosser_core::span::absorb_duplicate(&mut joined, &orphan);
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
        glosser_core::store::LinkEnd::of(&orphan),
        glosser_core::store::LinkEnd::of(&span),
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
    let what = if orphan.ambiguous {
        "ambiguous span confirmed"
    } else {
        "orphan placed"
    };
    app.say(format!("{what} (u to undo)"), Tone::Info);
}

/// `O`: drop the first orphaned span for good (undoable).
pub(crate) fn drop_orphan(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(orphan) = app.session().and_then(|s| s.file.orphans.first().cloned()) else {
        return refuse(app, "no orphaned or ambiguous spans in this document");
    };
    let quote = orphan.quote.clone();
    let what = if orphan.ambiguous {
        "ambiguous span"
    } else {
        "orphan"
    };
    let mut edit = vec![Change::Unorphan(orphan.clone())];
    // Its links go with it: a link never names a span the file does not hold.
    if let Some(session) = app.session() {
        let end = glosser_core::store::LinkEnd::of(&orphan);
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
    app.say(format!("{what} {quote:?} dropped (u to undo)"), Tone::Info);
}

/// The changes that move unsettled spans off the keys `edit` gives new placed spans: a link
/// names a span by (start, end, label), so an orphan sharing a key with a live span would make
/// its links name both. Each such orphan moves to the next free offsets, its links with it,
/// in the same undoable edit.
pub(crate) fn off_new_keys(
    file: &glosser_core::store::AnnotationFile,
    edit: &[Change],
) -> Vec<Change> {
    type Key = (usize, usize, String);
    let added: Vec<Key> = edit
        .iter()
        .filter_map(|c| match c {
            Change::Add(span) => Some(span.owned_key()),
            _ => None,
        })
        .collect();
    let leaving: Vec<&Span> = edit
        .iter()
        .filter_map(|c| match c {
            Change::Unorphan(span) => Some(span),
            _ => None,
        })
        .collect();
    let mut taken: Vec<Key> = file.all_spans().map(Span::owned_key).collect();
    taken.extend(added.iter().cloned());
    let mut changes = Vec::new();
    let mut links = file.links.clone();
    for orphan in &file.orphans {
        if leaving.contains(&orphan) || !added.contains(&orphan.owned_key()) {
            continue;
        }
        let mut moved = orphan.clone();
        while taken.contains(&moved.owned_key()) {
            moved.start += 1;
            moved.end += 1;
        }
        taken.push(moved.owned_key());
        let (from, to) = (
            glosser_core::store::LinkEnd::of(orphan),
            glosser_core::store::LinkEnd::of(&moved),
        );
        for link in &mut links {
            for end in [&mut link.from, &mut link.to] {
                if *end == from {
                    *end = to.clone();
                }
            }
        }
        changes.push(Change::Unorphan(orphan.clone()));
        changes.push(Change::Orphan(moved));
    }
    if links != file.links {
        links.sort();
        changes.push(Change::Links {
            old: file.links.clone(),
            new: links,
        });
    }
    changes
}

#[cfg(test)]
mod tests;
