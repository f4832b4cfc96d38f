//! Edits of the open document's annotations: label, relabel, delete, notes, status, undo/redo,
//! and the prompts that lead to them.

use std::ops::Range;
use std::time::Instant;

use super::super::app::{App, DocInfo, Mode, Prompt, PromptKind, Tone};
use super::super::undo::{self, Change, Edit};
use super::refuse;
use glosser_core::span::Span;
use glosser_core::store::{Link, Status};
use glosser_core::text::Document;

/// A selection without surrounding whitespace, on grapheme boundaries.
pub(crate) fn trim_selection(doc: &Document, range: Range<usize>) -> Range<usize> {
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
    scratch: &'a mut Vec<Option<glosser_core::review::adjudicate::Decision>>,
) -> undo::Target<'a> {
    undo::Target {
        spans: &mut session.file.spans,
        status: &mut session.file.status,
        decisions: session
            .review
            .as_mut()
            .map_or(scratch, |r| &mut r.decisions),
        orphans: &mut session.file.orphans,
        links: &mut session.file.links,
        rejected: &mut session.file.rejected,
        adjudicated: &mut session.file.adjudicated,
    }
}

/// Applies an edit to the open session, records it for undo and schedules saving. Returns the
/// links the edit dropped because a relabelled end took them out of what their type allows.
pub fn commit(app: &mut App, mut edit: Edit, now: Instant) -> Vec<Link> {
    let Some(index) = app.open else {
        return Vec::new();
    };
    let reviewing = app.reviewing.is_some();
    let Some(session) = app.sessions.get_mut(&index) else {
        return Vec::new();
    };
    session.stamp_new(true);
    if reviewing {
        let rejections = super::review::rejections_following(&edit, &session.file.rejected);
        edit.extend(rejections);
    }
    if session.file.status == Status::Todo
        && !edit.iter().any(|c| matches!(c, Change::Status { .. }))
    {
        edit.push(Change::Status {
            old: Status::Todo,
            new: Status::InProgress,
        });
    }
    // An orphan on the key of a span this edit places moves off it first (its links with it).
    let making_room = super::orphan::off_new_keys(&session.file, &edit);
    if !making_room.is_empty() {
        let mut first = making_room;
        first.append(&mut edit);
        edit = first;
    }
    // After the edit's own link change, if any (review carrying links), so the two chain.
    let links = edit
        .iter()
        .rev()
        .find_map(|c| match c {
            Change::Links { new, .. } => Some(new.clone()),
            _ => None,
        })
        .unwrap_or_else(|| session.file.links.clone());
    let mut disallowed = Vec::new();
    if let Some((links, dropped)) = super::links::links_following(&edit, &links, &app.labels) {
        edit.push(links);
        disallowed = dropped;
    }
    let mut scratch = Vec::new();
    let mut target = target(session, &mut scratch);
    for change in &edit {
        undo::apply(change, &mut target);
    }
    session.history.record(edit);
    mark_edited(app, now);
    disallowed
}

/// Marks the open document as edited now and refreshes its list entry.
fn mark_edited(app: &mut App, now: Instant) {
    let Some(index) = app.open else { return };
    let Some(session) = app.sessions.get_mut(&index) else {
        return;
    };
    session.unsaved_since.get_or_insert(now);
    session.last_edit = Some(now);
    app.doc_info[index] = Some(DocInfo::of(&session.file));
}

/// Why the open document cannot be edited, if it cannot.
pub(super) fn edit_blocker(app: &App) -> Option<String> {
    match app.session() {
        None => Some("no document is open".to_owned()),
        Some(s) => s.read_only.clone(),
    }
}

/// `1`..`9`: label the selection, or relabel the span under the cursor.
pub fn label(app: &mut App, key: u8, now: Instant) {
    let digit = char::from_digit(u32::from(key), 10).unwrap_or('0');
    let Some(label) = app.labels.by_key(digit).map(|l| l.name.clone()) else {
        return refuse(app, &format!("no label on key {digit}"));
    };
    label_named(app, &label, now);
}

/// Labels the selection with `label`; with no selection, relabels the span under the cursor
/// (digits reach here only when that span was picked, see `count.rs`).
pub(crate) fn label_named(app: &mut App, label: &str, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(session) = app.session_mut() else {
        return;
    };
    let Ok(doc) = &session.doc else { return };
    let (edit, was) = if let Some(selection) = session.selection() {
        let range = trim_selection(doc, selection);
        session.anchor = None;
        if range.is_empty() {
            return refuse(app, "the selection is only whitespace: nothing to label");
        }
        let span = Span::new(doc, range, label.to_owned());
        if session.file.spans.position(span.key()).is_some() {
            super::flow::labelled(app, span.range());
            return refuse(app, &format!("already labelled {label}"));
        }
        (vec![Change::Add(span)], None)
    } else if let Some(i) = session.current_span() {
        let Some(old) = session.file.spans.get(i).cloned() else {
            return;
        };
        if old.label == label {
            return refuse(app, &format!("this span is already {label}"));
        }
        let mut new = old.clone();
        label.clone_into(&mut new.label);
        // Nobody had it with this label: in gold it is the reviewer's, not the annotators'.
        new.from.clear();
        let was = old.label.clone();
        let mut edit = vec![Change::Remove(old)];
        // The relabelled span stays the one keys act on.
        session.picked = Some(new.owned_key());
        if session.file.spans.position(new.key()).is_none() {
            edit.push(Change::Add(new));
        }
        (edit, Some(was))
    } else {
        return refuse(
            app,
            "select text first: s sentence, p paragraph, \" quotation, t to the punctuation, v by hand",
        );
    };
    let range = edit.iter().find_map(|c| match c {
        Change::Add(s) | Change::Remove(s) => Some(s.range()),
        _ => None,
    });
    let quote = edit
        .iter()
        .find_map(|c| match c {
            Change::Add(s) | Change::Remove(s) => Some(super::quoted(&s.quote)),
            _ => None,
        })
        .unwrap_or_default();
    let done = match &was {
        Some(was) => format!("relabelled {was} → {label}: {quote}"),
        None => format!("labelled {label}: {quote}"),
    };
    let dropped = commit(app, edit, now);
    app.last_label = Some(label.to_owned());
    if dropped.is_empty() {
        let undo = if was.is_some() { " (u undoes)" } else { "" };
        app.say(format!("{done}{undo}"), Tone::Info);
    } else {
        let message = format!(
            "{done}, which drops {}: u undoes both",
            dropped_links(&app.labels, &dropped)
        );
        app.say(message, Tone::Warning);
    }
    if let Some(range) = range {
        super::flow::labelled(app, range);
    }
}

/// `.`: labels the selection (or the flow's item, or the picked span) like the last label.
pub(crate) fn repeat_label(app: &mut App, now: Instant) {
    let Some(label) = app.last_label.clone() else {
        return refuse(app, "nothing labelled yet: . gives the last label again");
    };
    if !super::count::labels_here(app) {
        return refuse(
            app,
            "select text first: . labels the selection like the last one",
        );
    }
    label_named(app, &label, now);
}

/// "its speaker link (speaker goes from quote or claim to source)", for links a relabel dropped.
fn dropped_links(labels: &glosser_core::labels::LabelSet, dropped: &[Link]) -> String {
    let mut kinds: Vec<&str> = dropped.iter().map(|l| l.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let rules: Vec<String> = kinds
        .iter()
        .filter_map(|kind| labels.link_type(kind))
        .map(|t| {
            format!(
                "{} goes from {} to {}",
                t.name,
                t.from.join(" or "),
                t.to.join(" or ")
            )
        })
        .collect();
    let what = if dropped.len() == 1 {
        format!("its {} link", dropped[0].kind)
    } else {
        format!("{} of its links", dropped.len())
    };
    format!("{what} ({})", rules.join("; "))
}

/// The span under the open document's cursor ([`Session::current_span`](super::super::app::Session::current_span)).
fn span_under_cursor(app: &App) -> Option<Span> {
    let session = app.session()?;
    session
        .current_span()
        .and_then(|i| session.file.spans.get(i))
        .cloned()
}

/// `x`: delete the span under the cursor.
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

/// `a`: open the note prompt for the span under the cursor.
pub(crate) fn start_note(app: &mut App) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(span) = span_under_cursor(app) else {
        return refuse(app, "no span under the cursor to annotate");
    };
    let kind = PromptKind::Note {
        key: span.owned_key(),
    };
    let text = span.note.clone().unwrap_or_default();
    app.mode = Mode::Prompt(Prompt::new(kind, text));
}

/// `D`: toggle Done.
pub(crate) fn toggle_done(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    // In review, gold marked Done by hand is adjudicated: what it was decided against is
    // recorded (what changed since shows in `status` and as `Δ` until the next decision).
    let record = app
        .review_annotators()
        .cloned()
        .and_then(|names| super::review::adjudication_record(app, &names));
    let Some(session) = app.session() else { return };
    let old = session.file.status;
    let new = if old == Status::Done {
        Status::InProgress
    } else {
        Status::Done
    };
    let mut edit = vec![Change::Status { old, new }];
    if new == Status::Done {
        edit.extend(super::review::record_change(session, record));
    }
    commit(app, edit, now);
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
pub(crate) fn undo(app: &mut App, now: Instant, backwards: bool) {
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
