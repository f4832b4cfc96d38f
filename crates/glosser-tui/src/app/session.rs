//! One open document's state: its text, this annotator's file, history, cursor, selection and
//! what saving needs to know (lock, disk stamp, read-only reasons).

use std::path::Path;

use std::time::Instant;

use super::{DocReview, Loading};
use crate::undo::History;
use glosser_core::corpus::Corpus;
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status, StoreError};
use glosser_core::text::{Document, Opening};

/// One open document: its text, this annotator's spans, history, cursor and saving state.
#[derive(Debug)]
pub struct Session {
    /// The text, or why the document cannot be annotated. While `loading`, only the text of the
    /// article's first slice, for drawing: everything else waits for `App::finish_loading`.
    pub doc: Result<Document, glosser_core::text::DocumentError>,
    /// The rest of the article, still being read (`app/loading.rs`).
    pub loading: Option<Loading>,
    /// This glosser's advisory lock on the annotation file, while it may edit it.
    pub lock: Option<glosser_core::lock::DocumentLock>,
    pub file: AnnotationFile,
    /// Why edits are refused (a broken annotation file), if they are.
    pub read_only: Option<String>,
    /// Whether the annotation file exists on disk.
    pub on_disk: bool,
    /// The file as it was on disk when last read or written: the base of a three-way merge
    /// when someone else changed it meanwhile.
    pub base: Option<AnnotationFile>,
    /// Size and modification time of the file when last read or written (idle polling).
    pub disk_stamp: Option<(u64, std::time::SystemTime)>,
    /// Edits not yet saved: since when.
    pub unsaved_since: Option<Instant>,
    pub last_edit: Option<Instant>,
    pub history: History,
    pub cursor: usize,
    /// The other end of the selection, when selecting.
    pub anchor: Option<usize>,
    pub top_row: usize,
    /// Column that up/down keep to.
    pub goal_column: Option<u16>,
    /// In review mode: this document's disagreement items and their decisions.
    pub review: Option<DocReview>,
    /// Something to tell the user when the document opens.
    pub notice: Option<String>,
    /// The suggester's spans for this document (SPEC §9), once loaded.
    pub suggested: Option<Vec<glosser_core::span::Span>>,
    /// A link being drawn with `r` (SPEC §10): its first span, and the link types to choose
    /// from once several fit.
    pub pending_link: Option<super::PendingLink>,
    /// The span chosen with the span keys or a sidebar click, by (start, end, label): of spans
    /// that share their start (the same sentence tagged claim and unverified), the one keys act
    /// on. Cleared by any other cursor move.
    pub picked: Option<(usize, usize, String)>,
    /// Where the texts this file's spans were made on may be found (the corpus's text store,
    /// the article's git history), so a changed article is followed by diff.
    pub texts: glosser_core::old_texts::Lookup,
    /// Saves git may not have seen yet (`app/git_gate.rs`).
    pub unconfirmed: Option<super::Unconfirmed>,
}

impl Session {
    /// The span keys act on: the picked one while it covers the cursor, else the innermost
    /// span under the cursor.
    pub(crate) fn current_span(&self) -> Option<usize> {
        let spans = &self.file.spans;
        self.picked
            .as_ref()
            .and_then(|(start, end, label)| spans.position((*start, *end, label.as_str())))
            .filter(|&i| {
                spans
                    .get(i)
                    .is_some_and(|s| s.start <= self.cursor && self.cursor < s.end)
            })
            .or_else(|| spans.innermost(self.cursor))
    }

    /// Picks span `index` of this session's file (see [`Session::picked`]).
    pub fn pick(&mut self, index: usize) {
        self.picked = self.file.spans.get(index).map(Span::owned_key);
    }

    /// Shows `disk`, this annotator's file as another glosser or a teammate left it: brought
    /// onto this session's text first (it may be for another one), and the base of the next
    /// save's merge.
    pub(crate) fn adopt_disk(&mut self, disk: AnnotationFile) {
        let mut file = disk.clone();
        if let Ok(doc) = &self.doc {
            glosser_core::reanchor::restamp(&mut file, doc, &self.texts);
        }
        self.file = file;
        self.base = Some(disk);
        self.on_disk = true;
    }

    /// Loads document `index` of the corpus for `annotator`: a big article's first slice at
    /// once, the rest on a thread (`app/loading.rs`).
    pub fn open(corpus: &Corpus, index: usize, annotator: &str) -> Self {
        Self::open_sliced(corpus, index, annotator, glosser_core::text::FIRST_SLICE)
    }

    /// [`Session::open`], reading `first` bytes of the article before the first frame.
    pub(crate) fn open_sliced(
        corpus: &Corpus,
        index: usize,
        annotator: &str,
        first: usize,
    ) -> Self {
        let entry = &corpus.documents[index];
        let opening = Document::open(&entry.path, first);
        // The hash is computed on another thread: a new file is stamped by its first edit or a
        // later `Tick` (`Session::stamp_new`), so the first frame never waits for it.
        if let Ok(Opening::Whole(d)) = &opening {
            d.prefetch();
        }
        let path = entry.annotation_path(annotator);
        let empty = |sha: &str| AnnotationFile {
            document: entry.file_name().to_owned(),
            annotator: annotator.to_owned(),
            text_sha256: sha.to_owned(),
            status: Status::Todo,
            spans: AnnotationSet::default(),
            ..Default::default()
        };
        let (file, read_only, on_disk) = match store::load(&path) {
            Ok(file) => (file, None, true),
            Err(StoreError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                (empty(""), None, false)
            }
            Err(e) => (
                empty(""),
                Some(format!("read-only: {e} — fix or move the file to annotate")),
                true,
            ),
        };
        let mut session = Self {
            notice: None,
            pending_link: None,
            picked: None,
            // Replaced by `start` below, before anything reads it.
            doc: Err(glosser_core::text::DocumentError::Empty {
                path: entry.path.clone(),
            }),
            loading: None,
            lock: None,
            base: None,
            disk_stamp: disk_stamp(&path),
            file,
            read_only,
            on_disk,
            unsaved_since: None,
            last_edit: None,
            history: History::default(),
            cursor: 0,
            anchor: None,
            top_row: 0,
            goal_column: None,
            review: None,
            suggested: None,
            texts: glosser_core::old_texts::Lookup::in_corpus(&corpus.root, &entry.path),
            unconfirmed: None,
        };
        session.start(opening, path);
        session
    }

    /// The selected char range (inclusive of the grapheme under the cursor), if selecting.
    pub fn selection(&self) -> Option<std::ops::Range<usize>> {
        let anchor = self.anchor?;
        let doc = self.doc.as_ref().ok()?;
        let (lo, hi) = (anchor.min(self.cursor), anchor.max(self.cursor));
        Some(lo..doc.next_grapheme(hi).max(lo))
    }

    /// Stamps the hash of the article on a new, still blank file (one that is not on disk yet
    /// and was opened without waiting for the hash). `wait`: compute the hash now if it is not
    /// ready; otherwise stamp only a hash already computed.
    pub(crate) fn stamp_new(&mut self, wait: bool) {
        if let Ok(doc) = &self.doc
            && !self.on_disk
            && self.file.text_sha256.is_empty()
            && self.file.is_blank()
            && (wait || doc.sha256_ready())
        {
            glosser_core::reanchor::restamp(
                &mut self.file,
                doc,
                &glosser_core::old_texts::NoOldTexts,
            );
        }
    }

    /// Whether there are edits to save.
    pub(crate) fn is_dirty(&self) -> bool {
        self.unsaved_since.is_some()
    }
}

/// How the read-only banner of a document locked by another glosser ends.
pub(super) const HELD_ELSEWHERE: &str = "; close it there to edit here";

/// Size and modification time of a file, if it exists.
pub(crate) fn disk_stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
