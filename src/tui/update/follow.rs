//! Following the corpus while the TUI runs (SPEC §11): a `git pull`, a teammate's `glosser mv`
//! or an editor can add, rename or delete articles and annotation files, or change an article's
//! text. Every [`POLL`] on `Tick` this module stats the open sessions' articles and the corpus's
//! folders (a few `stat` calls, never a read on the key path) and:
//!
//! - an article whose text changed is reloaded: unsaved edits are saved first, against the old
//!   text; then the file on disk is read again and re-anchored (`reanchor::restamp`) onto the
//!   new text, and the undo history (old offsets) is dropped, so nothing is ever written
//!   against stale text;
//! - a folder that changed is scanned again and the list follows by document id; a session
//!   whose article was renamed (same text elsewhere) follows it, unsaved edits saved beside the
//!   new name; a deleted article's session is closed without recreating its file (unsaved
//!   edits go to the recovery folder).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::super::app::{App, DocInfo, Session, Tone, disk_stamp};
use crate::corpus::Corpus;
use crate::store;
use crate::text::Document;

/// How often the corpus is polled.
pub const POLL: Duration = Duration::from_secs(2);

type Stamp = Option<(u64, SystemTime)>;

/// What the last poll saw.
#[derive(Debug, Default)]
pub struct Follow {
    last_poll: Option<Instant>,
    /// Folder → modification time, for every folder that holds documents (and the root).
    dirs: BTreeMap<PathBuf, Option<SystemTime>>,
    /// Document id → the article's size and modification time when its session last read it.
    articles: HashMap<String, Stamp>,
}

/// Polls the corpus if [`POLL`] has passed since the last time.
pub fn poll(app: &mut App, now: Instant) {
    if app
        .follow
        .last_poll
        .is_some_and(|t| now.saturating_duration_since(t) < POLL)
    {
        return;
    }
    let first = app.follow.last_poll.is_none();
    app.follow.last_poll = Some(now);
    if first || dirs_changed(&app.follow.dirs) {
        refresh_corpus(app);
    }
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
fn corpus_dirs(corpus: &Corpus) -> BTreeMap<PathBuf, Option<SystemTime>> {
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
        let Some(entry) = app.corpus.documents.get(index) else {
            continue;
        };
        let (id, path) = (entry.id.clone(), entry.path.clone());
        let stamp = disk_stamp(&path);
        if app.follow.articles.get(&id) == Some(&stamp) {
            continue;
        }
        let Ok(doc) = Document::load(&path) else {
            // Gone or unreadable for now: the folder scan handles a deletion.
            continue;
        };
        let changed = app
            .sessions
            .get(&index)
            .and_then(|s| s.doc.as_ref().ok())
            .is_some_and(|old| old.sha256() != doc.sha256());
        if !changed || reload_article(app, index, doc) {
            app.follow.articles.insert(id, stamp);
        }
    }
}

/// Whether an action changes the open document's annotations.
pub fn is_edit(action: super::super::action::Action) -> bool {
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
pub fn before_edit(app: &mut App) -> bool {
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
    if reload_article(app, index, doc) {
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

/// Reloads session `index` onto the article's new text; `false` when its unsaved edits could
/// not be saved first (the old text stays, and the reload is tried again at the next poll).
pub fn reload_article(app: &mut App, index: usize, doc: Document) -> bool {
    let Some(session) = app.sessions.get_mut(&index) else {
        return true;
    };
    if let Err(e) = super::save::save_session(&app.corpus, index, session) {
        app.say(
            format!("the article changed on disk, but your edits could not be saved first: {e}; they are kept and the article is reloaded once they are saved"),
            Tone::Error,
        );
        return false;
    }
    let path = app.corpus.documents[index].annotation_path(&app.annotator);
    let disk = if session.read_only.is_none() {
        store::load(&path).ok()
    } else {
        None
    };
    let mut file = disk.clone().unwrap_or_else(|| session.file.clone());
    let report = crate::reanchor::restamp(&mut file, &doc);
    session.on_disk = disk.is_some() || session.on_disk;
    session.base = disk.or_else(|| session.base.take());
    session.disk_stamp = disk_stamp(&path);
    session.file = file;
    session.history = super::super::undo::History::default();
    session.cursor = doc.grapheme_floor(session.cursor.min(doc.char_len()));
    session.anchor = None;
    session.goal_column = None;
    session.doc = Ok(doc);
    let (status, spans) = (session.file.status, session.file.spans.len());
    if session.on_disk {
        app.doc_info[index] = Some(DocInfo::Annotated { status, spans });
    }
    if app.open == Some(index) {
        app.generation += 1;
        app.search.matches.clear();
        app.say(
            format!(
                "the article changed on disk and was reloaded: {} (undo history cleared)",
                report.summary()
            ),
            Tone::Warning,
        );
    }
    true
}

/// Scans the corpus again and moves the list, the sessions and the open document over to it.
pub fn refresh_corpus(app: &mut App) {
    let mut fresh = match Corpus::scan(&app.corpus.root) {
        Ok(c) => c,
        Err(e) => {
            app.say(format!("cannot list the corpus again: {e}"), Tone::Error);
            return;
        }
    };
    crate::assignments::assigned_first(&mut fresh, &app.annotator);
    app.follow.dirs = corpus_dirs(&fresh);
    if fresh.documents == app.corpus.documents && fresh.strays == app.corpus.strays {
        return;
    }
    // The background status scan speaks in old indices: take what it sent, and start it again
    // below if the list still has unknown entries.
    let scanning = app.info_updates.is_some();
    if let Some(updates) = app.info_updates.take() {
        for (index, info) in updates.try_iter() {
            if let Some(slot) = app.doc_info.get_mut(index) {
                slot.get_or_insert(info);
            }
        }
    }
    let old = std::mem::replace(&mut app.corpus, fresh);
    let new_index: HashMap<String, usize> = app
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    let old_ids: BTreeSet<&str> = old.documents.iter().map(|d| d.id.as_str()).collect();
    let mut doc_info = vec![None; app.corpus.documents.len()];
    for (i, entry) in old.documents.iter().enumerate() {
        if let Some(&j) = new_index.get(entry.id.as_str()) {
            doc_info[j] = if entry.annotations == app.corpus.documents[j].annotations {
                app.doc_info.get(i).copied().flatten()
            } else {
                Some(info_of(
                    &app.corpus.documents[j].annotation_path(&app.annotator),
                ))
            };
        }
    }
    for (j, entry) in app.corpus.documents.iter().enumerate() {
        if !old_ids.contains(entry.id.as_str()) {
            doc_info[j] = Some(info_of(&entry.annotation_path(&app.annotator)));
        }
    }
    let mut sessions = HashMap::new();
    let mut notices = Vec::new();
    let mut open = None;
    let mut open_gone = None;
    for (i, session) in std::mem::take(&mut app.sessions) {
        let Some(entry) = old.documents.get(i) else {
            continue;
        };
        if let Some(&j) = new_index.get(entry.id.as_str()) {
            if app.open == Some(i) {
                open = Some(j);
            }
            sessions.insert(j, session);
            continue;
        }
        let moved = moved_to(app, &old_ids, &session);
        // Dropping the session releases its lock; its file is never written at the old place.
        notices.push(close_session(app, &old, i, &session, moved));
        if app.open == Some(i) {
            open_gone = Some(moved);
        }
    }
    app.sessions = sessions;
    app.doc_info = doc_info;
    if scanning && app.doc_info.iter().any(Option::is_none) {
        crate::tui::start_status_scan(app);
    }
    app.open = open;
    let filter = app.filter.clone();
    super::motion::apply_filter(app, &filter);
    match open_gone {
        Some(Some(j)) => app.open_document(j),
        Some(None) => {
            app.generation += 1;
            app.search.matches.clear();
            if let Some(&first) = app.visible_docs.first() {
                app.open_document(first);
            } else {
                app.focus = super::super::app::Focus::List;
            }
        }
        None => {}
    }
    if !notices.is_empty() {
        app.say(notices.join("; "), Tone::Warning);
    }
}

/// What the list shows for an annotation file path.
fn info_of(path: &Path) -> DocInfo {
    match store::load(path) {
        Ok(file) => DocInfo::Annotated {
            status: file.status,
            spans: file.spans.len(),
        },
        Err(store::StoreError::Read { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            DocInfo::None
        }
        Err(_) => DocInfo::Broken,
    }
}

/// The new document with the same text as a session whose article vanished: where it moved.
fn moved_to(app: &App, old_ids: &BTreeSet<&str>, session: &Session) -> Option<usize> {
    let hash = session.doc.as_ref().ok()?.sha256();
    app.corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| !old_ids.contains(d.id.as_str()))
        .find(|(_, d)| d.load().is_ok_and(|doc| doc.sha256() == hash))
        .map(|(j, _)| j)
}

/// Closes the session of an article that is gone; returns what to tell the user. Unsaved edits
/// go beside the moved article (through the one save path) or into the recovery folder; the
/// old annotation file is never recreated.
fn close_session(
    app: &mut App,
    old: &Corpus,
    index: usize,
    session: &Session,
    moved: Option<usize>,
) -> String {
    let id = &old.documents[index].id;
    let dirty = session.is_dirty() && session.read_only.is_none();
    let Some(j) = moved else {
        if !dirty {
            return format!("{id} was deleted and closed");
        }
        return match recover(app, id, session) {
            Ok(path) => format!(
                "{id} was deleted; your unsaved edits to it are in {}",
                path.display()
            ),
            Err(e) => format!("{id} was deleted; your unsaved edits to it could not be kept: {e}"),
        };
    };
    let entry = &app.corpus.documents[j];
    if !dirty {
        return format!("{id} was renamed to {}", entry.id);
    }
    let Ok(doc) = &session.doc else {
        return format!("{id} was renamed to {}", entry.id);
    };
    let mut file = session.file.clone();
    entry.file_name().clone_into(&mut file.document);
    let mut base = session.base.clone();
    if let Some(base) = &mut base {
        entry.file_name().clone_into(&mut base.document);
    }
    let path = entry.annotation_path(&app.annotator);
    match crate::save::save_merged(&path, &file, base.as_ref(), doc) {
        Ok(_) => format!(
            "{id} was renamed to {}; your edits were saved there",
            entry.id
        ),
        Err(e) => match recover(app, id, session) {
            Ok(kept) => format!(
                "{id} was renamed to {} but saving there failed ({e}); your edits are in {}",
                entry.id,
                kept.display()
            ),
            Err(r) => format!("{id} was renamed; your edits could not be kept: {e}; {r}"),
        },
    }
}

/// Writes one session's unsaved file into the recovery folder.
fn recover(app: &App, id: &str, session: &Session) -> Result<PathBuf, String> {
    let mut file = session.file.clone();
    if let Ok(doc) = &session.doc {
        crate::reanchor::restamp(&mut file, doc);
    }
    let stamp = SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let dir = &app.recovery_dir;
    let path = dir.join(format!(
        "{stamp}-{}.{}.ron",
        id.replace('/', "__"),
        file.annotator
    ));
    std::fs::create_dir_all(dir)
        .and_then(|()| store::write_atomic(&path, store::to_ron(&file).as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests;
