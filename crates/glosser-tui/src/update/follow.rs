//! Following the corpus while the TUI runs (SPEC §11): a `git pull`, a teammate's `glosser mv`
//! or an editor can add, rename or delete articles and annotation files, or change an article's
//! text. Every [`POLL`] on `Tick` this module stats the open sessions' articles and the corpus's
//! folders (a few `stat` calls, never a read on the key path) and:
//!
//! - an article whose text changed is reloaded: unsaved edits are saved first, onto the new
//!   text (the one save path re-anchors them and merges the file on disk there); then the file
//!   on disk is read again and re-anchored (`reanchor::restamp`) onto the new text, and the undo
//!   history (old offsets) is dropped, so nothing is ever written against stale text. Every save
//!   (`save.rs`: debounced, `Ctrl-s`, switching, `q`, `tui::finish`) checks the article first
//!   ([`check_article`]) and goes through this same reload when it changed;
//! - a folder that changed is scanned again and the list follows by document id; a session
//!   whose article was renamed (same text elsewhere) follows it, unsaved edits saved beside the
//!   new name; a deleted article's session is closed without recreating its file (unsaved
//!   edits go to the recovery folder).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::super::app::{App, DocInfo, Mode, Prompt, PromptKind, Tone, disk_stamp};
use super::super::jobs::{Job, Rescan};
use super::save::NotSaved;
use glosser_core::corpus::Corpus;
use glosser_core::reanchor::Restamped;
use glosser_core::span::Span;
use glosser_core::store::{self, AnnotationFile, LinkEnd};
use glosser_core::text::Document;

mod rescan;

/// How often the corpus is polled.
pub const POLL: Duration = Duration::from_secs(2);

/// Polls the corpus if [`POLL`] has passed since the last time; a folder that changed asks for
/// the corpus to be listed again, off the UI thread (the open articles are checked when that
/// listing comes back, [`rescanned`], as they were after it before).
pub(crate) fn poll(app: &mut App, now: Instant) -> Option<Job> {
    if app
        .follow
        .last_poll
        .is_some_and(|t| now.saturating_duration_since(t) < POLL)
    {
        return None;
    }
    // While git works, the corpus is in flux (files reset, then put back): nothing is listed
    // or reloaded until it is done, and the next tick polls then.
    if app.git.hold(now).is_some() {
        return None;
    }
    let first = app.follow.last_poll.is_none();
    app.follow.last_poll = Some(now);
    if app.follow.rescanning {
        return None;
    }
    if app.listing.is_listing() {
        // Folders are followed once the listing is done (`start_following`): a rescan now
        // would race with it. The open articles can be followed already.
        check_articles(app);
        return None;
    }
    if first || dirs_changed(&app.follow.dirs) {
        app.follow.rescanning = true;
        return Some(Job::Rescan {
            root: app.corpus.root.clone(),
        });
    }
    check_articles(app);
    None
}

/// The corpus listed again: the list, the sessions and the open document move over to it,
/// then the open articles are checked.
pub(crate) fn rescanned(app: &mut App, rescan: std::sync::Arc<Rescan>) {
    app.follow.rescanning = false;
    rescan::refresh_corpus(app, rescan);
    check_articles(app);
}

fn dir_mtime(dir: &Path) -> Option<SystemTime> {
    std::fs::metadata(dir).and_then(|m| m.modified()).ok()
}

fn dirs_changed(dirs: &BTreeMap<PathBuf, Option<SystemTime>>) -> bool {
    dirs.iter().any(|(dir, seen)| dir_mtime(dir) != *seen)
}

/// The folders whose listing the corpus depends on: the root and every folder between it and
/// a document or annotation file.
pub(crate) fn corpus_dirs(corpus: &Corpus) -> BTreeMap<PathBuf, Option<SystemTime>> {
    let mut dirs = BTreeSet::from([corpus.root.clone()]);
    let files = corpus
        .documents
        .iter()
        .map(|d| d.path.as_path())
        .chain(corpus.strays.iter().map(|s| s.path.as_path()));
    for path in files {
        let mut dir = path.parent();
        while let Some(d) = dir {
            if !d.starts_with(&corpus.root) || !dirs.insert(d.to_owned()) {
                break;
            }
            dir = d.parent();
        }
    }
    dirs.into_iter()
        .map(|d| (d.clone(), dir_mtime(&d)))
        .collect()
}

/// Stats every open session's article; reloads those whose text changed.
fn check_articles(app: &mut App) {
    let mut indices: Vec<usize> = app.sessions.keys().copied().collect();
    indices.sort_unstable();
    for index in indices {
        // A failed save is said in the status line; the reload is tried again at the next poll.
        let _ = check_article(app, index);
    }
}

/// Stats session `index`'s article and reloads the session if its text changed; an error when
/// the unsaved edits could not be saved first (the old text stays, the reload waits).
pub(crate) fn check_article(app: &mut App, index: usize) -> Result<(), NotSaved> {
    let Some(entry) = app.corpus.documents.get(index) else {
        return Ok(());
    };
    let (id, path) = (entry.id.clone(), entry.path.clone());
    let stamp = disk_stamp(&path);
    if app.follow.articles.get(&id) == Some(&stamp) {
        return Ok(());
    }
    let Ok(doc) = Document::load(&path) else {
        // Gone or unreadable for now: the folder scan handles a deletion.
        return Ok(());
    };
    let changed = app
        .sessions
        .get(&index)
        .and_then(|s| s.doc.as_ref().ok())
        .is_some_and(|old| old.sha256() != doc.sha256());
    if changed {
        reload_article(app, index, doc)?;
    }
    app.follow.articles.insert(id, stamp);
    Ok(())
}

/// Whether an action changes the open document's annotations.
pub(crate) fn is_edit(action: super::super::action::Action) -> bool {
    use super::super::action::Action;
    matches!(
        action,
        Action::Label(_)
            | Action::DeleteSpan
            | Action::EditNote
            | Action::ToggleDone
            | Action::PlaceOrphan
            | Action::DropOrphan
            | Action::Undo
            | Action::Redo
            | Action::Reject
            | Action::AcceptMajority
    )
}

/// Before an edit: if the open article changed on disk since it was read, reload it now (the
/// edit is not applied: its selection or cursor was on the old text) and return `true`.
pub(crate) fn before_edit(app: &mut App) -> bool {
    let Some(index) = app.open else { return false };
    let Some(entry) = app.corpus.documents.get(index) else {
        return false;
    };
    let (id, path) = (entry.id.clone(), entry.path.clone());
    let stamp = disk_stamp(&path);
    if app.follow.articles.get(&id) == Some(&stamp) {
        return false;
    }
    let Ok(doc) = Document::load(&path) else {
        return false;
    };
    let changed = app
        .session()
        .and_then(|s| s.doc.as_ref().ok())
        .is_some_and(|old| old.sha256() != doc.sha256());
    if !changed {
        app.follow.articles.insert(id, stamp);
        return false;
    }
    if reload_article(app, index, doc).is_ok() {
        app.follow.articles.insert(id, stamp);
        if let Some((message, _)) = &app.message {
            let message =
                format!("{message} — nothing was changed by that key: look and try again");
            app.say(message, Tone::Warning);
        }
        return true;
    }
    false
}

/// Reloads session `index` onto the article's new text. Unsaved edits are saved first, onto
/// the new text (the one save path re-anchors them and merges the file on disk there, so a span
/// written meanwhile for the new text is not orphaned on the old one); if that save fails, the
/// error is said and returned, the old text stays, and the reload is tried again at the next poll.
/// Nothing is reloaded while git works (`Held`): the article may be one git puts back a moment
/// later.
pub(crate) fn reload_article(app: &mut App, index: usize, doc: Document) -> Result<(), NotSaved> {
    if let Some(why) = app.git.hold(Instant::now()) {
        return Err(NotSaved::Held(why));
    }
    let Some(session) = app.sessions.get_mut(&index) else {
        return Ok(());
    };
    let saved = match super::save::save_session_onto(
        &app.corpus,
        index,
        session,
        Some(&doc),
        &mut app.git,
    ) {
        Ok(saved) => saved,
        Err(e @ NotSaved::Held(_)) => return Err(e),
        Err(e) => {
            app.say(
                format!("the article changed on disk, but your edits could not be saved first: {e}; they are kept and the article is reloaded once they are saved"),
                Tone::Error,
            );
            return Err(e);
        }
    };
    let path = app.corpus.documents[index].annotation_path(&app.annotator);
    let disk = if session.read_only.is_none() {
        store::load(&path).ok()
    } else {
        None
    };
    let mut file = disk.clone().unwrap_or_else(|| session.file.clone());
    // The old text is in memory: spans follow the diff from it.
    let texts = match &session.doc {
        Ok(old) => session.texts.clone().knowing(old.clone()),
        Err(_) => session.texts.clone(),
    };
    let report = glosser_core::reanchor::restamp(&mut file, &doc, &texts);
    // Edits saved just now were re-anchored by that save: its report says how.
    let report = saved.map_or(report, |saved| saved.restamp);
    if app.open == Some(index)
        && let Mode::Prompt(Prompt {
            kind: PromptKind::Note { key },
            ..
        }) = &mut app.mode
        && let Some(moved) = follow_span(&report, &file, key)
    {
        // A note being typed follows its span onto the new text.
        *key = moved;
    }
    // Every other name of a span follows it too: the picked span, a link being drawn.
    session.picked = session
        .picked
        .take()
        .and_then(|key| follow_span(&report, &file, &key));
    if let Some(pending) = &mut session.pending_link
        && !pending.follow(&report, &file)
    {
        session.pending_link = None;
    }
    session.suggested = None;
    session.on_disk = disk.is_some() || session.on_disk;
    session.base = disk.or_else(|| session.base.take());
    session.disk_stamp = disk_stamp(&path);
    session.file = file;
    session.history = super::super::undo::History::default();
    session.cursor = doc.grapheme_floor(session.cursor.min(doc.char_len()));
    session.anchor = None;
    session.goal_column = None;
    session.doc = Ok(doc);
    let info = DocInfo::of(&session.file);
    if session.on_disk {
        app.doc_info[index] = Some(info);
    }
    if app.open == Some(index) {
        app.generation += 1;
        app.search.matches.clear();
        app.load_suggestions(index);
        app.say(
            format!(
                "the article changed on disk and was reloaded: {} (undo history cleared)",
                report.summary()
            ),
            Tone::Warning,
        );
    }
    Ok(())
}

/// Where the span `key` is in `new`, the file re-anchored onto a new text (`report` says where
/// each span went): the same span, placed — never another one of the same words — or `None`
/// when it was orphaned or is waiting to be confirmed.
fn follow_span(
    report: &Restamped,
    new: &AnnotationFile,
    key: &(usize, usize, String),
) -> Option<(usize, usize, String)> {
    let LinkEnd(start, end, label) = report.follow(&LinkEnd(key.0, key.1, key.2.clone()));
    new.spans
        .position((start, end, &label))
        .and_then(|i| new.spans.get(i))
        .map(Span::owned_key)
}

#[cfg(test)]
mod tests;
