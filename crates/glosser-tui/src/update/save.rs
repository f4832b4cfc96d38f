//! Saving policy: every edit is on disk within a second (debounced), on document switch, on
//! Ctrl-s, on quit and on SIGTERM/SIGHUP. A document nobody edited gets no file; a read-only
//! (broken) file is never written; nothing is written while git works in the repository
//! (`save/git.rs`).

use std::time::{Duration, Instant};

use super::super::app::{App, DocInfo, GitGate, Quit, Session, Tone};
use glosser_core::corpus::Corpus;
use glosser_core::store;
use glosser_core::text::Document;

mod git;

pub(crate) use git::NotSaved;

/// Quiet time after the last edit before saving.
const DEBOUNCE: Duration = Duration::from_millis(300);
/// Longest an edit waits for its save, even while the user keeps typing.
const MAX_DELAY: Duration = Duration::from_millis(800);

/// Writes one session if it has unsaved edits, through the one save path
/// ([`glosser_core::save::save_merged`]: merge with what is on disk, never over a broken file, restamp,
/// atomic write). `Ok(Some(conflicts))` when changes made outside glosser were merged in, with
/// what both sides changed differently (kept both ways).
pub(crate) fn save_session(
    corpus: &Corpus,
    index: usize,
    session: &mut Session,
    gate: &mut GitGate,
) -> Result<Option<Vec<String>>, NotSaved> {
    Ok(save_session_onto(corpus, index, session, None, gate)?
        .and_then(|saved| saved.merged.then_some(saved.conflicts)))
}

/// [`save_session`] for the text `onto` (an article that changed on disk) instead of the text
/// the session read: the one save path re-anchors the edits onto it, and merges the file on disk
/// on that text, so nothing is merged onto, or stamped for, text that is gone. `Ok(None)` when
/// there was nothing to save. While git works (`gate`), nothing is written: `Held`.
pub(crate) fn save_session_onto(
    corpus: &Corpus,
    index: usize,
    session: &mut Session,
    onto: Option<&Document>,
    gate: &mut GitGate,
) -> Result<Option<glosser_core::save::Saved>, NotSaved> {
    let path = corpus.documents[index].annotation_path(&session.file.annotator);
    let now = gate.clock(Instant::now());
    if let Some(why) = gate.hold(now) {
        return if session.is_dirty() && session.read_only.is_none() {
            Err(NotSaved::Held(why))
        } else {
            Ok(None)
        };
    }
    let generation = gate.generation();
    git::settle(session, &path, generation, now);
    if session.unsaved_since.is_none() || session.read_only.is_some() {
        return Ok(None);
    }
    let Some(doc) = onto.or(session.doc.as_ref().ok()) else {
        return Ok(None);
    };
    if !session.on_disk && session.file.is_blank() {
        // Every edit was undone: still nothing worth a file.
        session.unsaved_since = None;
        return Ok(None);
    }
    // Onto a new text: the edits' own text is in memory, so they follow the diff from it.
    let texts = match (onto, &session.doc) {
        (Some(_), Ok(old)) => session.texts.clone().knowing(old.clone()),
        _ => session.texts.clone(),
    };
    let before = session.base.clone();
    let saved =
        glosser_core::save::save_merged(&path, &session.file, session.base.as_ref(), doc, &texts)?;
    session.file = saved.file.clone();
    session.on_disk = true;
    session.unsaved_since = None;
    session.base = Some(saved.file.clone());
    session.disk_stamp = super::super::app::disk_stamp(&path);
    if gate.is_active() {
        git::remember(session, before, &saved.file, generation, now);
    }
    Ok(Some(saved))
}

/// [`save_session`] onto the article as it is on disk now: if its text changed since the session
/// read it (and the poll has not noticed yet), the session is first reloaded through the normal
/// reload path ([`super::follow::reload_article`]: the edits saved onto the new text, the file
/// re-anchored), so a span written meanwhile for the new text (an import, a pull) is never
/// merged onto the old text and saved as an orphan.
fn save_current(app: &mut App, index: usize) -> Result<Option<Vec<String>>, NotSaved> {
    if app
        .sessions
        .get(&index)
        .is_some_and(|s| s.is_dirty() && s.read_only.is_none())
    {
        super::follow::check_article(app, index)?;
    }
    let Some(session) = app.sessions.get_mut(&index) else {
        return Ok(None);
    };
    save_session(&app.corpus, index, session, &mut app.git)
}

/// Saves every session with edits; returns the errors.
pub(crate) fn save_all(app: &mut App) -> Vec<String> {
    app.finish_loading();
    let mut errors = Vec::new();
    let mut indices: Vec<usize> = app.sessions.keys().copied().collect();
    indices.sort_unstable();
    for index in indices {
        if let Err(e) = save_current(app, index) {
            errors.push(e.to_string());
        }
    }
    errors
}

/// Every way out (`q`, `Ctrl-q`, `tui::finish`): waits for git to finish (at most
/// `GitGate::exit_wait`), saves every session, then waits until git could not have missed those
/// saves (or merges them again into what it left). Returns the errors; edits still held by a
/// busy git are among them, so that `q` asks first and the other ways out write them to the
/// recovery folder.
pub(crate) fn save_all_for_exit(app: &mut App) -> Vec<String> {
    let mut errors = Vec::new();
    for round in 0..3 {
        let limit = if round == 0 {
            app.git.exit_wait
        } else {
            git::CONFIRM * 2
        };
        git::wait_for_git(app, limit);
        if round > 0 && !app.sessions.values().any(Session::is_dirty) {
            break;
        }
        errors = save_all(app);
        if !errors.is_empty() {
            break;
        }
    }
    errors
}

/// Saves the open document now if it has edits; a failure is reported in the status line
/// (edits held while git works are saved by a later `Tick`, and `Tick` says so).
pub(crate) fn save_open(app: &mut App) {
    let Some(index) = app.open else { return };
    if let Err(NotSaved::Failed(e)) = save_current(app, index) {
        app.say(
            format!("{e} — your edits are kept and saving is retried"),
            Tone::Error,
        );
    }
}

/// With no unsaved edits, a file changed outside glosser is read again and shown; with edits,
/// the next save merges it. (Never while git works: `tick` stops before.)
fn reload_if_changed_outside(app: &mut App) {
    let Some(index) = app.open else { return };
    let path = app.corpus.documents[index].annotation_path(&app.annotator);
    let Some(session) = app.sessions.get_mut(&index) else {
        return;
    };
    let stamp = super::super::app::disk_stamp(&path);
    if stamp == session.disk_stamp || session.read_only.is_some() {
        return;
    }
    session.disk_stamp = stamp;
    if session.is_dirty() {
        return;
    }
    if let Ok(disk) = store::load(&path)
        && session.base.as_ref() != Some(&disk)
        && session.doc.is_ok()
    {
        session.adopt_disk(disk);
        app.doc_info[index] = Some(DocInfo::of(&session.file));
        app.say("reloaded: the file was changed outside glosser", Tone::Info);
    }
}

/// The open document was read-only because another glosser held its lock: once that lock is
/// gone, take it, read the file again (the other glosser's edits, re-anchored) and allow editing.
fn retake_lock(app: &mut App) {
    let Some(index) = app.open else { return };
    let path = app.corpus.documents[index].annotation_path(&app.annotator);
    let Some(session) = app.sessions.get_mut(&index) else {
        return;
    };
    if !session.held_elsewhere() || glosser_core::lock::lock_path(&path).exists() {
        return;
    }
    if session.doc.is_err() {
        return;
    }
    let Ok(lock) = glosser_core::lock::DocumentLock::acquire(&path) else {
        return;
    };
    match store::load(&path) {
        Ok(disk) => session.adopt_disk(disk),
        Err(store::StoreError::Read { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            session.read_only = Some(format!("read-only: {e} — fix or move the file to annotate"));
            return;
        }
    }
    session.lock = Some(lock);
    session.read_only = None;
    session.disk_stamp = super::super::app::disk_stamp(&path);
    if session.on_disk {
        app.doc_info[index] = Some(DocInfo::of(&session.file));
    }
    app.say(
        "the other glosser let go of this file: it is read again and yours to edit",
        Tone::Info,
    );
}

/// `Ctrl-s`.
pub(crate) fn save_now(app: &mut App) {
    let errors = save_all(app);
    if errors.is_empty() {
        let read_only = app.session().and_then(|s| s.read_only.clone());
        match read_only {
            Some(why) => app.say(format!("not saved: {why}"), Tone::Warning),
            None => app.say("saved", Tone::Info),
        }
    } else {
        app.say(errors.join("; "), Tone::Error);
    }
}

/// `q`: save everything and quit. If saving fails, say so; a second `q` writes the unsaved
/// files to the recovery folder and quits; if that fails too, glosser says so and stays.
pub fn quit(app: &mut App, _now: Instant) {
    let errors = save_all_for_exit(app);
    if errors.is_empty() {
        app.quit.leave();
        return;
    }
    if app.quit.q_armed() {
        match write_recovery(app) {
            Ok(written) => {
                app.recovered = written;
                app.quit.leave();
            }
            Err(e) => {
                app.quit.arm_ctrl_q();
                app.say(
                    format!(
                        "{} — and the recovery folder cannot be written either ({e}). Your edits are only in memory: free space or fix permissions and press Ctrl-s; Ctrl-q twice quits WITHOUT them",
                        errors.join("; ")
                    ),
                    Tone::Error,
                );
            }
        }
        return;
    }
    app.quit.arm_q();
    app.say(
        format!(
            "{} — NOT saved. Fix it and press Ctrl-s, or press q again to quit with the edits written to {}",
            errors.join("; "),
            app.recovery_dir.display()
        ),
        Tone::Error,
    );
}

/// `Ctrl-q`: quits at once when everything is saved; with edits that cannot be saved, the first
/// press warns and the second leaves without them.
pub(crate) fn force_quit(app: &mut App) {
    let errors = save_all_for_exit(app);
    if errors.is_empty() || app.quit.leaves_edits() {
        app.quit.leave();
        return;
    }
    app.quit.arm_ctrl_q();
    app.say(
        format!(
            "{} — press Ctrl-q again to quit and LOSE these edits, or q to write them to {}",
            errors.join("; "),
            app.recovery_dir.display()
        ),
        Tone::Error,
    );
}

/// Writes every session with unsaved edits into the recovery folder (stamped with their text's
/// hash, orphans kept) through the one recovery writer; returns the files written, or why not
/// all could be.
pub(crate) fn write_recovery(
    app: &App,
) -> Result<Vec<std::path::PathBuf>, glosser_core::save::recovery::RecoveryError> {
    let mut written = Vec::new();
    for (&index, session) in &app.sessions {
        if !session.is_dirty() || session.read_only.is_some() {
            continue;
        }
        let Ok(doc) = &session.doc else { continue };
        let id = &app.corpus.documents[index].id;
        written.push(glosser_core::save::recovery::write(
            &app.recovery_dir,
            id,
            &session.file,
            Some(doc),
            &session.texts,
        )?);
    }
    Ok(written)
}

/// Time passes: save what has waited long enough; take in list statuses from the background
/// scan; notice when the open document's file was changed by someone else.
pub(crate) fn tick(app: &mut App, now: Instant) {
    let merged_again = git::tick(app, now);
    take_list_statuses(app);
    let Some(merged_again) = merged_again else {
        return;
    };
    retake_lock(app);
    reload_if_changed_outside(app);
    let due: Vec<usize> = app
        .sessions
        .iter()
        .filter(|(_, s)| {
            s.read_only.is_none()
                && s.unsaved_since
                    .is_some_and(|t| now.duration_since(t) >= MAX_DELAY)
                || s.last_edit
                    .is_some_and(|t| now.duration_since(t) >= DEBOUNCE)
                    && s.unsaved_since.is_some()
        })
        .map(|(i, _)| *i)
        // An article gone while the corpus is being listed again waits for that listing: it
        // closes a deleted article's session without recreating its file, and follows a
        // renamed one.
        .filter(|&i| {
            !(app.follow.rescanning
                && app
                    .corpus
                    .documents
                    .get(i)
                    .is_some_and(|d| d.path.symlink_metadata().is_err()))
        })
        .collect();
    for index in due {
        match save_current(app, index) {
            Ok(merged) => {
                match merged.as_deref() {
                    Some([]) => app.say(
                        "saved, merging in changes made to the file outside glosser",
                        Tone::Info,
                    ),
                    Some(conflicts) => app.say(
                        format!(
                            "saved, merging in changes made to the file outside glosser; changed both ways, both kept: {} — settle the `merge conflict:` notes",
                            conflicts.join("; ")
                        ),
                        Tone::Warning,
                    ),
                    None => {}
                }
                let Some(session) = app.sessions.get(&index) else {
                    continue;
                };
                if let Some(DocInfo::Annotated { .. }) | None = app.doc_info[index] {
                    app.doc_info[index] = Some(DocInfo::of(&session.file));
                }
            }
            // Git started meanwhile: the edits wait, and `git::tick` says so.
            Err(NotSaved::Held(_)) => {}
            Err(e) => {
                let Some(session) = app.sessions.get_mut(&index) else {
                    continue;
                };
                // Retry after another debounce period rather than on every tick.
                session.last_edit = Some(now);
                session.unsaved_since = Some(now);
                // An armed q or Ctrl-q says what the next press does, with this same error:
                // the retry must not hide that.
                if app.quit == Quit::default() {
                    app.say(
                        format!("{e} — your edits are kept and saving is retried"),
                        Tone::Error,
                    );
                }
            }
        }
    }
    git::say_merged_again(app, &merged_again);
}

/// Takes in list statuses from the background scan of annotation files; the documents with
/// spans of this annotator to settle (orphaned or ambiguous, after someone's text edit) are
/// named in the status line as they are found, so the annotator sees them first.
fn take_list_statuses(app: &mut App) {
    let found = app.to_settle.len();
    if let Some(updates) = &app.info_updates {
        for (index, info) in updates.try_iter() {
            if matches!(info, DocInfo::Annotated { unsettled, .. } if unsettled > 0) {
                app.to_settle.push(index);
            }
            if let Some(slot) = app.doc_info.get_mut(index)
                && !app.sessions.contains_key(&index)
            {
                *slot = Some(info);
            }
        }
    }
    if app.to_settle.len() > found && app.reviewing.is_none() {
        let names: Vec<&str> = app
            .to_settle
            .iter()
            .filter_map(|&i| app.corpus.documents.get(i).map(|d| d.id.as_str()))
            .take(3)
            .collect();
        let more = app.to_settle.len().saturating_sub(names.len());
        app.say(
            format!(
                "yours to settle (marked ? in the list): orphaned or ambiguous spans in {}{} — place them (o) or drop them (O)",
                names.join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() }
            ),
            Tone::Warning,
        );
    }
}
