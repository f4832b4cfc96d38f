//! Listing the corpus on a thread while the TUI runs (issue #14): the first frame waits for
//! the first document, never for the whole tree. A thread walks the corpus
//! ([`glosser_core::corpus::walk`]) and sends what it finds in growing batches; `Tick` appends them to
//! the corpus in order (sessions, `doc_info` and the status scan know documents by index, so
//! documents are only ever appended), opens the start document when it arrives, keeps the
//! filter and "assigned first" over the new rows, and when the walk ends starts following the
//! corpus for outside changes and says when there is nothing to annotate.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant, SystemTime};

use super::app::{App, DocInfo, Focus, Tone};
use glosser_core::assignments::Assignments;
use glosser_core::corpus::walk::{Found, Walk};
use glosser_core::corpus::{Corpus, CorpusError, DocumentEntry, StrayAnnotation};

/// The largest batch the listing thread sends (the first ones are smaller, so the first
/// document is on its way as soon as it is found).
const BATCH: usize = 512;
/// A batch is sent at least this often while the walk is slow (a network file system).
const BATCH_AGE: Duration = Duration::from_millis(20);

/// Where the status scan is asked for documents' statuses: (index, this annotator's file, or
/// an empty path when there is none).
pub type StatusJobs = Sender<(usize, PathBuf)>;

/// What the listing thread sends.
enum Piece {
    Found {
        documents: Vec<DocumentEntry>,
        strays: Vec<StrayAnnotation>,
        folders: Vec<(PathBuf, Option<SystemTime>)>,
    },
    /// A folder that could not be listed; the walk went on without it.
    Error(String),
    Done,
}

/// Which document to open once it is listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// Where the annotator left the corpus (`resume.rs`): this id, at this cursor.
    Resume { id: String, cursor: usize },
    /// The first document of the list (the first assigned one, when there are assignments).
    First,
}

/// The state of the corpus listing. The default is a corpus listed whole (tests, review).
#[derive(Default)]
pub struct Listing {
    /// While the walk runs: what it sends.
    pieces: Option<Receiver<Piece>>,
    /// The document to open when it arrives; `None` once something is open.
    start: Option<Start>,
    /// This annotator's assignments, when they have any: their documents are listed first.
    assigned: Option<Assignments>,
    /// While the walk runs and the status scan is on: where new documents' statuses are asked.
    status_jobs: Option<StatusJobs>,
    /// Folders listed so far, with their modification times from before their listing.
    folders: BTreeMap<PathBuf, Option<SystemTime>>,
    /// Folders that could not be listed.
    errors: Vec<String>,
}

impl Listing {
    /// Whether the walk is still running.
    pub fn is_listing(&self) -> bool {
        self.pieces.is_some()
    }

    /// Lists the documents assigned to `annotator` first (see [`assignments`]).
    ///
    /// [`assignments`]: glosser_core::assignments::assigned_first
    pub(crate) fn with_assignments(&mut self, root: &Path, annotator: &str) {
        let (assignments, _) = Assignments::for_corpus(root);
        self.assigned = assignments
            .assign
            .contains_key(annotator)
            .then_some(assignments);
    }

    /// Whether `annotator` is assigned the document `id` (always false without assignments).
    pub(crate) fn is_assigned(&self, annotator: &str, id: &str) -> bool {
        self.assigned
            .as_ref()
            .is_some_and(|a| a.is_assigned(annotator, id))
    }

    /// Hands the status scan's job queue over while the walk runs (new documents are queued
    /// as they arrive); otherwise drops it, which ends the scan once its queue is done.
    pub(crate) fn feed_statuses(&mut self, jobs: StatusJobs) {
        if self.is_listing() {
            self.status_jobs = Some(jobs);
        }
    }
}

/// Whether a document id passes the list filter (`needle` already lowercased).
pub fn passes(needle: &str, id: &str) -> bool {
    needle.is_empty() || id.to_lowercase().contains(needle)
}

impl App {
    /// An app whose corpus is listed on a thread: it starts empty, with nothing open; `Tick`s
    /// (or [`wait_for_start`]) bring the documents in and open `start` when it is listed.
    /// Fails only when the root itself cannot be listed.
    pub fn listed(
        root: &Path,
        labels: glosser_core::labels::LabelSet,
        annotator: String,
        keymap: super::keymap::Keymap,
        start: Start,
    ) -> Result<Self, CorpusError> {
        let walk = glosser_core::corpus::walk::walk_recording_folders(root)?;
        let (sender, pieces) = std::sync::mpsc::channel();
        std::thread::spawn(move || list(walk, &sender));
        let corpus = Corpus {
            root: root.to_owned(),
            documents: Vec::new(),
            strays: Vec::new(),
        };
        let mut app = Self::with_parts(corpus, labels, annotator, keymap);
        // Not "no documents here" yet: that is said when the walk has ended.
        app.message = None;
        app.focus = Focus::Article;
        app.listing.pieces = Some(pieces);
        app.listing.start = Some(start);
        let annotator = app.annotator.clone();
        app.listing.with_assignments(root, &annotator);
        Ok(app)
    }
}

/// The listing thread: walks the corpus and sends batches of 1, 2, 4… up to [`BATCH`]
/// documents (or whatever it has after [`BATCH_AGE`]), then `Done`. Stops when the app is gone.
fn list(mut walk: Walk, sender: &Sender<Piece>) {
    let mut documents = Vec::new();
    let mut strays = Vec::new();
    let mut limit = 1;
    let mut since = Instant::now();
    let send = |documents: &mut Vec<_>, strays: &mut Vec<_>, walk: &mut Walk| {
        sender
            .send(Piece::Found {
                documents: std::mem::take(documents),
                strays: std::mem::take(strays),
                folders: walk.take_folders(),
            })
            .is_ok()
    };
    while let Some(found) = walk.next() {
        match found {
            Ok(Found::Document(entry)) => documents.push(entry),
            Ok(Found::Stray(stray)) => strays.push(stray),
            Ok(Found::Leftover(_)) => {}
            Err(e) => {
                if sender.send(Piece::Error(e.to_string())).is_err() {
                    return;
                }
            }
        }
        if documents.len() >= limit || (!documents.is_empty() && since.elapsed() >= BATCH_AGE) {
            if !send(&mut documents, &mut strays, &mut walk) {
                return;
            }
            limit = (limit * 2).min(BATCH);
            since = Instant::now();
        }
    }
    if send(&mut documents, &mut strays, &mut walk) {
        let _ = sender.send(Piece::Done);
    }
}

/// Blocks until the start document is open, the walk has ended, or `within` has passed,
/// taking in what the walk sends meanwhile: the first frame then shows the first document.
pub fn wait_for_start(app: &mut App, within: Duration, now: Instant) {
    let deadline = Instant::now() + within;
    while app.open.is_none() && app.listing.is_listing() {
        let left = deadline.saturating_duration_since(Instant::now());
        let Some(pieces) = &app.listing.pieces else {
            return;
        };
        match pieces.recv_timeout(left) {
            Ok(piece) => take(app, piece, now),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => return,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => finish(app, now),
        }
    }
}

/// One `Tick`: takes in everything the walk has sent since the last one.
pub(crate) fn tick(app: &mut App, now: Instant) {
    loop {
        let Some(pieces) = &app.listing.pieces else {
            return;
        };
        match pieces.try_recv() {
            Ok(piece) => take(app, piece, now),
            Err(TryRecvError::Empty) => return,
            // The thread is gone without saying `Done` (it cannot panic on user data, but the
            // list must not stay "listing…" for ever if it did).
            Err(TryRecvError::Disconnected) => finish(app, now),
        }
    }
}

fn take(app: &mut App, piece: Piece, now: Instant) {
    match piece {
        Piece::Found {
            documents,
            strays,
            folders,
        } => {
            app.listing.folders.extend(folders);
            app.corpus.strays.extend(strays);
            append(app, documents);
        }
        Piece::Error(e) => {
            app.say(format!("listing the corpus: {e}"), Tone::Error);
            app.listing.errors.push(e);
        }
        Piece::Done => finish(app, now),
    }
}

/// Appends documents to the corpus: their list slots, status jobs, visible rows (filtered;
/// assigned ones after the assigned rows already there), and opens the start document.
pub(crate) fn append(app: &mut App, documents: Vec<DocumentEntry>) {
    let first = app.corpus.documents.len();
    app.corpus.documents.extend(documents);
    let count = app.corpus.documents.len();
    app.doc_info.resize(count, None);
    if let Some(jobs) = &app.listing.status_jobs {
        for (index, entry) in app.corpus.documents.iter().enumerate().skip(first) {
            let path = entry.annotation(&app.annotator).map(|a| a.path.clone());
            if jobs.send((index, path.unwrap_or_default())).is_err() {
                break;
            }
        }
    }
    let needle = app.filter.to_lowercase();
    let (mut assigned, mut rest) = (Vec::new(), Vec::new());
    for (index, entry) in app.corpus.documents.iter().enumerate().skip(first) {
        // The list of a corpus search shows only what it found.
        if passes(&needle, &entry.id) && app.corpus_search.is_none() {
            if app.listing.is_assigned(&app.annotator, &entry.id) {
                assigned.push(index);
            } else {
                rest.push(index);
            }
        }
    }
    if !assigned.is_empty() {
        let (listing, corpus, annotator) = (&app.listing, &app.corpus, &app.annotator);
        let at = app
            .visible_docs
            .partition_point(|&d| listing.is_assigned(annotator, &corpus.documents[d].id));
        if at < app.visible_docs.len() && app.list_cursor >= at {
            // The rows move down; the cursor stays on its document.
            app.list_cursor += assigned.len();
        }
        app.visible_docs.splice(at..at, assigned);
    }
    app.visible_docs.extend(rest);
    open_start(app, first);
}

/// Opens the start document if it is among the documents from `first` on.
fn open_start(app: &mut App, first: usize) {
    if app.open.is_some() {
        // The user opened one meanwhile: that wins.
        app.listing.start = None;
        return;
    }
    let found = match &app.listing.start {
        None => return,
        Some(Start::Resume { id, cursor }) => app
            .corpus
            .documents
            .iter()
            .skip(first)
            .position(|d| d.id == *id)
            .map(|i| (first + i, *cursor)),
        Some(Start::First) if app.listing.assigned.is_some() => app
            .corpus
            .documents
            .iter()
            .skip(first)
            .position(|d| app.listing.is_assigned(&app.annotator, &d.id))
            .map(|i| (first + i, 0)),
        Some(Start::First) => (first < app.corpus.documents.len()).then_some((first, 0)),
    };
    if let Some((index, cursor)) = found {
        open(app, index, cursor);
    }
}

fn open(app: &mut App, index: usize, cursor: usize) {
    app.listing.start = None;
    app.open_document(index);
    app.resume_at(cursor);
}

/// The walk has ended: open the first document if the start one never came, start following
/// the corpus, say what could not be listed, or that there is nothing here.
fn finish(app: &mut App, now: Instant) {
    app.listing.pieces = None;
    app.listing.status_jobs = None;
    app.corpus.documents.shrink_to_fit();
    if app.open.is_none()
        && app.listing.start.take().is_some()
        && let Some(&index) = app.visible_docs.first()
    {
        open(app, index, 0);
    }
    app.listing.start = None;
    let folders = std::mem::take(&mut app.listing.folders);
    app.follow.start(folders, now);
    let errors = std::mem::take(&mut app.listing.errors);
    let mut said = Vec::new();
    if app.corpus.documents.is_empty() {
        app.focus = Focus::List;
        said.push("no documents here: a corpus is a folder of .txt and .md files".to_owned());
    }
    if let Some(e) = errors.first() {
        said.push(format!(
            "{} could not be listed: {e}{}",
            super::update::counted(errors.len(), "folder", "folders"),
            if errors.len() > 1 { "; …" } else { "" }
        ));
    }
    if !said.is_empty() {
        let tone = if errors.is_empty() {
            Tone::Warning
        } else {
            Tone::Error
        };
        app.say(said.join("; "), tone);
    }
}

/// A thread that reads this annotator's files for the list's statuses, in the order asked,
/// until the job queue is dropped and done.
pub(crate) fn status_worker() -> (StatusJobs, Receiver<(usize, DocInfo)>) {
    let (jobs, queue) = std::sync::mpsc::channel::<(usize, PathBuf)>();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for (index, path) in queue {
            let info = if path.as_os_str().is_empty() {
                DocInfo::None
            } else {
                match glosser_core::store::load(&path) {
                    Ok(file) => DocInfo::of(&file),
                    Err(_) => DocInfo::Broken,
                }
            };
            if sender.send((index, info)).is_err() {
                return;
            }
        }
    });
    (jobs, receiver)
}

#[cfg(test)]
mod tests;
