//! Opening an article a slice first (issue 14): a big article's session starts with the text
//! of its first slice (`text::progressive`), enough for the first frames, while a thread reads
//! the rest. The slice is for drawing only. Every event but a resize, every save and every mode
//! that reads the whole text (review, suggestions) first waits for the rest
//! ([`App::finish_loading`], a few ms for 5 MB, done long before by the first `Tick`), and the
//! session is then settled exactly as opening the whole file would have settled it: read-only or
//! not, its lock (taken on open; given back if the article cannot be annotated), its merge base,
//! a file saved against another text re-anchored. So nothing is
//! saved, stamped, re-anchored or searched against part of an article, and an article that
//! turns out unreadable past the first slice ends in the error a whole read gives.

use std::path::{Path, PathBuf};

use super::session::HELD_ELSEWHERE;
use super::{App, DocInfo, Session, Tone};
use glosser_core::text::{Loaded, Opening, Rest};

/// A resumed cursor closer than this many chars to the end of the first slice waits for the
/// rest before the first frame (a screen that needs rows past the slice waits too: `update`).
const PAST_RESUMED_CURSOR: usize = 1 << 12;

/// The rest of an article being read, the annotation file its session settles, and that
/// file's own problem (it does not parse), found on open.
#[derive(Debug)]
pub struct Loading {
    rest: Rest,
    path: PathBuf,
    broken: Option<String>,
}

impl Session {
    /// Takes an article being opened: the first slice to draw from while the rest is read, or
    /// the whole document (an existing annotation file needs the article's hash at once, to
    /// see whether it changed). The lock is taken now either way; an article that turns out
    /// not to be annotatable gives it back.
    pub(super) fn start(
        &mut self,
        opening: Result<Opening, glosser_core::text::DocumentError>,
        path: PathBuf,
    ) {
        let broken = self.read_only.take();
        match opening {
            Ok(Opening::Partial { head, mut rest }) if !self.on_disk || broken.is_some() => {
                self.doc = Ok(head);
                (self.lock, self.read_only) = access(broken.clone(), None, &path);
                // After the lock's write and sync, so that the thread does not slow them.
                rest.start();
                self.loading = Some(Loading { rest, path, broken });
            }
            Ok(opening) => self.settle(opening.finish(), &path, broken, false),
            Err(e) => {
                let loaded = Loaded {
                    doc: Err(e),
                    changed: false,
                };
                self.settle(loaded, &path, broken, false);
            }
        }
    }

    /// Waits for the rest of a loading article and settles the session; `false` when it was
    /// not loading.
    pub fn finish_loading(&mut self) -> bool {
        let Some(Loading { rest, path, broken }) = self.loading.take() else {
            return false;
        };
        self.settle(rest.wait(), &path, broken, true);
        if let Ok(doc) = &self.doc {
            self.cursor = doc.grapheme_floor(self.cursor.min(doc.char_len()));
        }
        true
    }

    /// What opening decides once the whole article is known: read-only or not and the lock
    /// (`decided` on a readable article: kept as [`Session::start`] took them), the merge base,
    /// and a file saved against another text re-anchored onto this one.
    fn settle(&mut self, loaded: Loaded, path: &Path, broken: Option<String>, decided: bool) {
        let doc = loaded.doc;
        if !decided || doc.is_err() {
            self.lock = None;
            (self.lock, self.read_only) = access(broken, doc.as_ref().err(), path);
        }
        self.base = self
            .on_disk
            .then(|| self.file.clone())
            .filter(|_| self.read_only.is_none());
        let mut notices = Vec::new();
        if loaded.changed {
            notices.push(
                "the article changed on disk while it was opening: it is shown as it is now"
                    .to_owned(),
            );
        }
        // The article changed since the file was saved: find every span again by its quote.
        if let Ok(d) = &doc
            && self.on_disk
            && self.read_only.is_none()
            && self.file.text_sha256 != d.sha256()
        {
            let r = glosser_core::reanchor::restamp(&mut self.file, d, &self.texts);
            notices.push(format!(
                "the article changed since these annotations were saved: {} (orphaned and ambiguous spans are listed first in the sidebar)",
                r.summary()
            ));
        }
        self.notice = (!notices.is_empty()).then(|| notices.join("; "));
        self.doc = doc;
    }
}

/// Why the document is read-only, if it is: the annotation file's own problem first, then the
/// article's, then the file's permissions, then another glosser's lock; and this glosser's lock
/// when it may edit.
fn access(
    broken: Option<String>,
    article: Option<&glosser_core::text::DocumentError>,
    path: &Path,
) -> (Option<glosser_core::lock::DocumentLock>, Option<String>) {
    let read_only = broken
        .or_else(|| article.map(|e| format!("cannot annotate: {e}")))
        .or_else(|| {
            glosser_core::store::is_read_only(path).then(|| {
                format!(
                    "read-only: {} has no write permission; make it writable (chmod u+w) to annotate",
                    glosser_core::fsio::display_path(path)
                )
            })
        });
    // One glosser at a time edits this file; a second one only reads it.
    match read_only {
        Some(why) => (None, Some(why)),
        None => match glosser_core::lock::DocumentLock::acquire(path) {
            Ok(lock) => (Some(lock), None),
            Err(e @ glosser_core::lock::LockError::HeldBy { .. }) => {
                (None, Some(format!("read-only: {e}{HELD_ELSEWHERE}")))
            }
            Err(glosser_core::lock::LockError::Io { .. }) => (None, None),
        },
    }
}

/// Whether the session is read-only because another glosser holds the lock.
impl Session {
    /// Read-only because another glosser holds the file's lock (derived from the lock and the
    /// reason given: it ends once the lock is taken or the reason changes).
    pub fn held_elsewhere(&self) -> bool {
        self.lock.is_none()
            && self
                .read_only
                .as_deref()
                .is_some_and(|why| why.ends_with(HELD_ELSEWHERE))
    }
}

impl App {
    /// Waits for every article still loading and settles its session (the open one's rows are
    /// wrapped again, its notice shown, its list entry refreshed).
    pub fn finish_loading(&mut self) {
        for (&index, session) in &mut self.sessions {
            if !session.finish_loading() {
                continue;
            }
            if let Some(info) = self.doc_info.get_mut(index) {
                *info = Some(list_info(session));
            }
            if self.open == Some(index) {
                self.generation += 1;
                if let Some(notice) = session.notice.take() {
                    self.message = Some((notice, Tone::Warning));
                }
            }
        }
    }

    /// Whether the open article is still being read.
    pub(crate) fn is_loading(&self) -> bool {
        self.session().is_some_and(|s| s.loading.is_some())
    }

    /// Puts the cursor where the last session left it (on a grapheme boundary, in the text);
    /// a cursor near or past the end of a first slice waits for the rest.
    pub(crate) fn resume_at(&mut self, cursor: usize) {
        let near_the_end = self.session().is_some_and(|s| {
            s.loading.is_some()
                && s.doc
                    .as_ref()
                    .is_ok_and(|d| cursor.saturating_add(PAST_RESUMED_CURSOR) >= d.char_len())
        });
        if near_the_end {
            self.finish_loading();
        }
        if let Some(session) = self.session_mut()
            && let Ok(doc) = &session.doc
        {
            session.cursor = doc.grapheme_floor(cursor.min(doc.char_len()));
        }
    }
}

/// What the document list shows for an open session.
pub(super) fn list_info(s: &Session) -> DocInfo {
    if s.read_only.is_some() && s.held_elsewhere() {
        DocInfo::Locked
    } else if s.read_only.is_some() && s.on_disk {
        DocInfo::Broken
    } else if s.on_disk || s.is_dirty() {
        DocInfo::of(&s.file)
    } else {
        DocInfo::None
    }
}

#[cfg(test)]
mod tests;
