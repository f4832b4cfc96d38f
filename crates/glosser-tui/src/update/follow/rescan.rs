//! Scanning the corpus again when a folder changed: the list, the sessions and the open
//! document move over to the new scan by document id; a renamed article's session follows it,
//! a deleted one's is closed without recreating its file.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::super::super::app::{App, DocInfo, Session, Tone};
use super::super::super::jobs::Rescan;
use glosser_core::corpus::Corpus;
use glosser_core::store;

/// Moves the list, the sessions and the open document over to the corpus listed again.
pub(crate) fn refresh_corpus(app: &mut App, rescan: std::sync::Arc<Rescan>) {
    // The job's listing is only ours: taken, not copied.
    let (scanned, dirs) = match std::sync::Arc::try_unwrap(rescan) {
        Ok(Rescan { scanned, dirs }) => (scanned.map_err(|e| e.to_string()), dirs),
        Err(shared) => (
            shared
                .scanned
                .as_ref()
                .cloned()
                .map_err(ToString::to_string),
            shared.dirs.clone(),
        ),
    };
    let mut fresh = match scanned {
        Ok(c) => c,
        Err(e) => {
            app.say(format!("cannot list the corpus again: {e}"), Tone::Error);
            return;
        }
    };
    glosser_core::assignments::assigned_first(&mut fresh, &app.annotator);
    app.follow.dirs = dirs;
    if app.reviewing.is_some() {
        // Review lists only the documents it chose at start (finished ones, unless --all): a
        // rescan follows changes to those and never brings others in.
        let chosen: BTreeSet<&str> = app.corpus.documents.iter().map(|d| d.id.as_str()).collect();
        fresh.documents.retain(|d| chosen.contains(d.id.as_str()));
    }
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
        crate::start_status_scan(app);
    }
    app.open = open;
    let filter = app.filter.clone();
    super::super::motion::apply_filter(app, &filter);
    match open_gone {
        Some(Some(j)) => app.open_document(j),
        Some(None) => {
            app.generation += 1;
            app.search.matches.clear();
            if let Some(&first) = app.visible_docs.first() {
                app.open_document(first);
            } else {
                app.focus = super::super::super::app::Focus::List;
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
        Ok(file) => DocInfo::of(&file),
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
    match glosser_core::save::save_merged(&path, &file, base.as_ref(), doc, &session.texts) {
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

/// Writes one session's unsaved file into the recovery folder (the one recovery writer).
fn recover(
    app: &App,
    id: &str,
    session: &Session,
) -> Result<PathBuf, glosser_core::save::recovery::RecoveryError> {
    glosser_core::save::recovery::write(
        &app.recovery_dir,
        id,
        &session.file,
        session.doc.as_ref().ok(),
        &session.texts,
    )
}
