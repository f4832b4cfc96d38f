//! Edits of the open document's annotations: label, relabel, delete, notes, status, undo/redo,
//! and the prompts that lead to them.

use std::ops::Range;
use std::time::Instant;

use super::super::app::{App, DocInfo, Focus, Mode, Prompt, PromptKind, Tone};
use super::super::undo::{self, Change, Edit};
use super::refuse;
use crate::span::Span;
use crate::store::Status;
use crate::text::Document;

/// A selection without surrounding whitespace, on grapheme boundaries.
pub fn trim_selection(doc: &Document, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end.min(doc.char_len()));
    while start < end && doc.char_at(start).is_some_and(char::is_whitespace) {
        start += 1;
    }
    while end > start && doc.char_at(end - 1).is_some_and(char::is_whitespace) {
        end -= 1;
    }
    let start = doc.grapheme_floor(start);
    let end = doc.grapheme_ceil(end);
    start..end.max(start)
}

/// What an edit of `session` changes; `scratch` stands in for the decisions outside review.
fn target<'a>(
    session: &'a mut super::super::app::Session,
    scratch: &'a mut Vec<Option<crate::review::adjudicate::Decision>>,
) -> undo::Target<'a> {
    undo::Target {
        spans: &mut session.file.spans,
        status: &mut session.file.status,
        decisions: session
            .review
            .as_mut()
            .map_or(scratch, |r| &mut r.decisions),
        orphans: &mut session.file.orphans,
        rejected: &mut session.file.rejected,
    }
}

/// Applies an edit to the open session, records it for undo and schedules saving.
pub fn commit(app: &mut App, mut edit: Edit, now: Instant) {
    let Some(index) = app.open else { return };
    let Some(session) = app.sessions.get_mut(&index) else {
        return;
    };
    if session.file.status == Status::Todo
        && !edit.iter().any(|c| matches!(c, Change::Status { .. }))
    {
        edit.push(Change::Status {
            old: Status::Todo,
            new: Status::InProgress,
        });
    }
    let mut scratch = Vec::new();
    let mut target = target(session, &mut scratch);
    for change in &edit {
        undo::apply(change, &mut target);
    }
    session.history.record(edit);
    mark_edited(app, now);
}

/// Marks the open document as edited now and refreshes its list entry.
fn mark_edited(app: &mut App, now: Instant) {
    let Some(index) = app.open else { return };
    let Some(session) = app.sessions.get_mut(&index) else {
        return;
    };
    session.unsaved_since.get_or_insert(now);
    session.last_edit = Some(now);
    app.doc_info[index] = Some(DocInfo::Annotated {
        status: session.file.status,
        spans: session.file.spans.len(),
    });
}

/// Why the open document cannot be edited, if it cannot.
fn edit_blocker(app: &App) -> Option<String> {
    match app.session() {
        None => Some("no document is open".to_owned()),
        Some(s) => s.read_only.clone(),
    }
}

/// `1`..`9`: label the selection, or relabel the innermost span under the cursor.
pub fn label(app: &mut App, key: u8, now: Instant) {
    let digit = char::from_digit(u32::from(key), 10).unwrap_or('0');
    let Some(label) = app.labels.by_key(digit).map(|l| l.name.clone()) else {
        return refuse(app, &format!("no label on key {digit}"));
    };
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session_mut() else {
        return;
    };
    let Ok(doc) = &session.doc else { return };
    let edit = if let Some(selection) = session.selection() {
        let range = trim_selection(doc, selection);
        session.anchor = None;
        if range.is_empty() {
            return refuse(app, "the selection is only whitespace: nothing to label");
        }
        let span = Span::new(doc, range, label.clone());
        if session.file.spans.position(span.key()).is_some() {
            return refuse(app, &format!("already labelled {label}"));
        }
        vec![Change::Add(span)]
    } else if let Some(i) = session.file.spans.innermost(session.cursor) {
        let Some(old) = session.file.spans.get(i).cloned() else {
            return;
        };
        if old.label == label {
            return refuse(app, &format!("this span is already {label}"));
        }
        let mut new = old.clone();
        new.label.clone_from(&label);
        let mut edit = vec![Change::Remove(old)];
        if session.file.spans.position(new.key()).is_none() {
            edit.push(Change::Add(new));
        }
        edit
    } else {
        return refuse(
            app,
            "select text first: s sentence, p paragraph, \" quotation, v to select by hand",
        );
    };
    let verb = if edit.len() == 1 {
        "labelled"
    } else {
        "relabelled"
    };
    commit(app, edit, now);
    app.say(format!("{verb} {label}"), Tone::Info);
}

/// The innermost span under the open document's cursor.
fn span_under_cursor(app: &App) -> Option<Span> {
    let session = app.session()?;
    let spans = &session.file.spans;
    spans
        .innermost(session.cursor)
        .and_then(|i| spans.get(i))
        .cloned()
}

/// `x`: delete the innermost span under the cursor.
pub fn delete(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(span) = span_under_cursor(app) else {
        return refuse(app, "no span under the cursor");
    };
    let label = span.label.clone();
    commit(app, vec![Change::Remove(span)], now);
    app.say(format!("deleted {label} span (u to undo)"), Tone::Info);
}

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
    let mut edit = vec![Change::Unorphan(orphan)];
    if session.file.spans.position(span.key()).is_none() {
        edit.push(Change::Add(span));
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
    commit(app, vec![Change::Unorphan(orphan)], now);
    app.say(format!("orphan {quote:?} dropped (u to undo)"), Tone::Info);
}

/// `a`: open the note prompt for the span under the cursor.
pub fn start_note(app: &mut App) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(span) = span_under_cursor(app) else {
        return refuse(app, "no span under the cursor to annotate");
    };
    let kind = PromptKind::Note {
        key: (span.start, span.end, span.label.clone()),
    };
    let text = span.note.clone().unwrap_or_default();
    app.mode = Mode::Prompt(Prompt::new(kind, text));
}

/// `D`: toggle Done.
pub fn toggle_done(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session() else { return };
    let old = session.file.status;
    let new = if old == Status::Done {
        Status::InProgress
    } else {
        Status::Done
    };
    commit(app, vec![Change::Status { old, new }], now);
    app.say(
        if new == Status::Done {
            "marked Done"
        } else {
            "marked in progress"
        },
        Tone::Info,
    );
}

/// `u` / `Ctrl-r`.
pub fn undo(app: &mut App, now: Instant, backwards: bool) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session_mut() else {
        return;
    };
    let mut scratch = Vec::new();
    let mut history = std::mem::take(&mut session.history);
    // Where the cursor goes: the first span the edit touched (`None` when nothing was undone).
    let moved_to = {
        let mut target = target(session, &mut scratch);
        let done = if backwards {
            history.undo(&mut target)
        } else {
            history.redo(&mut target)
        };
        done.map(|edit| {
            edit.iter().find_map(|c| match c {
                Change::Add(s) | Change::Remove(s) => Some(s.start),
                _ => None,
            })
        })
    };
    session.history = history;
    let Some(moved_to) = moved_to else {
        let what = if backwards { "undo" } else { "redo" };
        return app.say(format!("nothing to {what}"), Tone::Info);
    };
    if let Some(start) = moved_to {
        session.cursor = start;
        session.anchor = None;
    }
    mark_edited(app, now);
    app.say(if backwards { "undone" } else { "redone" }, Tone::Info);
}

/// Enter in a prompt.
pub fn submit_prompt(app: &mut App, now: Instant) {
    let Mode::Prompt(prompt) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    match prompt.kind {
        PromptKind::Filter => {
            app.focus = Focus::List;
            let shown = app.visible_docs.len();
            app.say(format!("{shown} documents match"), Tone::Info);
        }
        PromptKind::Search => search(app, &prompt.text),
        PromptKind::Note { key } => {
            let Some(session) = app.session() else { return };
            let Some(old) = session
                .file
                .spans
                .position((key.0, key.1, &key.2))
                .and_then(|i| session.file.spans.get(i))
                .map(|s| s.note.clone())
            else {
                return;
            };
            let new = Some(prompt.text.trim().to_owned()).filter(|t| !t.is_empty());
            if new != old {
                commit(app, vec![Change::Note { key, old, new }], now);
                app.say("note saved", Tone::Info);
            }
        }
    }
}

/// Finds every match of `query` (case-insensitive unless it has capitals) and jumps to the next.
fn search(app: &mut App, query: &str) {
    query.clone_into(&mut app.search.query);
    app.search.matches.clear();
    let Some(doc) = app.document() else { return };
    if query.is_empty() {
        return;
    }
    let fold = !query.chars().any(char::is_uppercase);
    let needle: Vec<char> = if fold {
        query.chars().flat_map(char::to_lowercase).collect()
    } else {
        query.chars().collect()
    };
    let hay: Vec<char> = doc.text().chars().collect();
    let same = |a: char, b: char| {
        if fold {
            a.to_lowercase().eq(std::iter::once(b))
        } else {
            a == b
        }
    };
    let mut matches = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|(&a, &b)| same(a, b))
        {
            matches.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    let count = matches.len();
    app.search.matches = matches;
    if count == 0 {
        return app.say(format!("not found: {query}"), Tone::Warning);
    }
    super::motion::article(app, super::super::action::Action::NextMatch);
    app.say(format!("{count} matches (n / N)"), Tone::Info);
}
