//! Saves never race git (issue 31). While git works in the corpus's repository (a lock held,
//! or its files changed less than a second ago: `glosser_core::git_watch`), nothing is saved,
//! reloaded or listed again: edits stay in their sessions, and once git is done they are merged
//! into whatever the work tree holds through the one save path. A save git may have missed —
//! written in the instant between `git stash create` and the reset that follows it — is kept
//! as [`Unconfirmed`] until a quiet look confirms it, and merged again if git changed the file.

use std::path::Path;
use std::time::{Duration, Instant};

use super::super::super::app::{App, Session, Tone, Unconfirmed};
use glosser_core::save::SaveError;
use glosser_core::store::{self, AnnotationFile};

/// How long a save waits for a quiet look before it is taken as seen by git.
pub(crate) const CONFIRM: Duration = Duration::from_millis(500);

/// Why a session was not saved.
#[derive(Debug)]
pub(crate) enum NotSaved {
    /// Git is at work (why): the edits wait in the session.
    Held(String),
    Failed(SaveError),
}

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Held(why) => write!(
                f,
                "git is busy ({why}): your edits are kept and saved when it is done"
            ),
            Self::Failed(e) => e.fmt(f),
        }
    }
}

impl From<SaveError> for NotSaved {
    fn from(e: SaveError) -> Self {
        Self::Failed(e)
    }
}

/// Settles the saves of `session` git may have missed (its file at `path`): confirmed once
/// [`CONFIRM`] passed with git quiet, dropped when the file on disk is what they wrote; if git
/// changed anything since and left another file, the session's edits since `before` are
/// unsaved again, so the next save merges them into the file git left. `true` when so.
pub(crate) fn settle(session: &mut Session, path: &Path, generation: u64, now: Instant) -> bool {
    let Some(pending) = &session.unconfirmed else {
        return false;
    };
    if pending.generation == generation {
        if now.saturating_duration_since(pending.at) >= CONFIRM {
            session.unconfirmed = None;
        }
        return false;
    }
    let Some(pending) = session.unconfirmed.take() else {
        return false;
    };
    if store::load(path).ok().as_ref() == Some(&pending.written) {
        return false;
    }
    session.base = pending.before;
    // Due at once: these edits have waited long enough.
    let due = now.checked_sub(Duration::from_secs(1)).unwrap_or(now);
    session.unsaved_since = Some(session.unsaved_since.map_or(due, |t| t.min(due)));
    session.last_edit = Some(session.last_edit.map_or(due, |t| t.min(due)));
    true
}

/// After a save that wrote `written` over `before`, with git's files at `generation` when it
/// looked: remembered until confirmed (consecutive saves keep the first `before`).
pub(crate) fn remember(
    session: &mut Session,
    before: Option<AnnotationFile>,
    written: &AnnotationFile,
    generation: u64,
    now: Instant,
) {
    let before = match session.unconfirmed.take() {
        Some(pending) if pending.generation == generation => pending.before,
        _ => before,
    };
    session.unconfirmed = Some(Unconfirmed {
        before,
        written: written.clone(),
        generation,
        at: now,
    });
}

/// On `Tick`: looks at git. `None` while it works (the tick saves, reloads and lists nothing;
/// the user is told once); when it is done, every session's saves git may have missed are
/// settled: the documents whose edits are merged again into what git left (said after the
/// tick's saves, [`say_merged_again`]).
pub(crate) fn tick(app: &mut App, now: Instant) -> Option<Vec<String>> {
    if !app.git.is_active() {
        return Some(Vec::new());
    }
    if let Some(why) = app.git.hold(now) {
        let waiting = app.sessions.values().any(Session::is_dirty);
        if !app.git.told && waiting {
            app.git.told = true;
            app.say(
                format!("git is busy ({why}): saves wait until it is done; your edits are kept"),
                Tone::Info,
            );
        }
        return None;
    }
    let generation = app.git.generation();
    let mut again = Vec::new();
    for (&index, session) in &mut app.sessions {
        let path = app.corpus.documents[index].annotation_path(&app.annotator);
        if settle(session, &path, generation, now) {
            again.push(app.corpus.documents[index].id.clone());
        }
    }
    if app.git.told {
        app.say("git is done: saving as usual", Tone::Info);
    }
    app.git.told = false;
    if let Some(lock) = app.git.stale_lock() {
        let lock = lock.to_owned();
        app.say(
            format!(
                "an old .git/{lock} is left in the repository (a git that crashed?): git refuses to run until it is deleted"
            ),
            Tone::Warning,
        );
    }
    Some(again)
}

/// Says which documents had edits git overwrote, merged again into what it left.
pub(crate) fn say_merged_again(app: &mut App, again: &[String]) {
    if again.is_empty() {
        return;
    }
    app.say(
        format!(
            "git changed {} right after glosser saved it: your edits are merged into what git left",
            again.join(", ")
        ),
        Tone::Warning,
    );
}

/// Before a way out saves: waits (at most `limit`) until git is quiet and every save it may
/// have missed is settled. `false` when git was still busy at the end.
pub(crate) fn wait_for_git(app: &mut App, limit: Duration) -> bool {
    if !app.git.is_active() {
        return true;
    }
    // Time goes on from the latest the watch has seen (tests drive it ahead of the clock).
    let (start, from) = (Instant::now(), app.git.clock(Instant::now()));
    loop {
        let now = from + start.elapsed();
        let busy = app.git.hold(now).is_some();
        if !busy {
            let generation = app.git.generation();
            for (&index, session) in &mut app.sessions {
                let path = app.corpus.documents[index].annotation_path(&app.annotator);
                settle(session, &path, generation, now);
            }
            if app.sessions.values().all(|s| s.unconfirmed.is_none()) {
                return true;
            }
        }
        if start.elapsed() >= limit {
            return !busy;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
