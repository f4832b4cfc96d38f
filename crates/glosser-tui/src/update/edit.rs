//! Edits of the open document's annotations: label, relabel, delete, notes, status, undo/redo,
//! and the prompts that lead to them.

use std::ops::Range;
use std::time::Instant;

use super::super::app::{App, DocInfo, Focus, Mode, Prompt, PromptKind, Tone};
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

/// Labels the selection with `label`; with no selection, relabels the span under the cursor.
pub(crate) fn label_named(app: &mut App, label: &str, now: Instant) {
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
        let span = Span::new(doc, range, label.to_owned());
        if session.file.spans.position(span.key()).is_some() {
            return refuse(app, &format!("already labelled {label}"));
        }
        vec![Change::Add(span)]
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
        let mut edit = vec![Change::Remove(old)];
        // The relabelled span stays the one keys act on.
        session.picked = Some(new.owned_key());
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
    let dropped = commit(app, edit, now);
    if dropped.is_empty() {
        app.say(format!("{verb} {label}"), Tone::Info);
    } else {
        let message = format!(
            "{verb} {label}, which drops {}: u undoes both",
            dropped_links(&app.labels, &dropped)
        );
        app.say(message, Tone::Warning);
    }
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

/// Enter in a prompt.
pub(crate) fn submit_prompt(app: &mut App, now: Instant) {
    let Mode::Prompt(prompt) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    match prompt.kind {
        PromptKind::Filter => {
            app.focus = Focus::List;
            let shown = app.visible_docs.len();
            app.say(
                super::counted(shown, "document matches", "documents match"),
                Tone::Info,
            );
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
                // The span went while the note was typed (the file or the article changed
                // outside glosser): keep the text in the prompt rather than lose it.
                let label = key.2.clone();
                app.mode = Mode::Prompt(Prompt {
                    kind: PromptKind::Note { key },
                    text: prompt.text,
                    cursor: prompt.cursor,
                });
                return app.say(
                    format!(
                        "the {label} span this note is for is no longer in the file (changed outside glosser): the note is not saved; copy it, then Esc and a on the span"
                    ),
                    Tone::Error,
                );
            };
            let new = Some(prompt.text.trim().to_owned()).filter(|t| !t.is_empty());
            if new != old {
                commit(app, vec![Change::Note { key, old, new }], now);
                app.say("note saved", Tone::Info);
            }
        }
    }
}

/// Finds every match of `query` (case-insensitive unless it has capitals) and jumps to the next;
/// a long article is searched on in slices (`update/search.rs`).
fn search(app: &mut App, query: &str) {
    super::search::start(app, query);
}
