//! The TUI's whole state. `update` changes it; views only borrow it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Instant;

mod doc_review;
pub mod following;
mod git_gate;
mod loading;
mod modes;
mod pending_link;
mod session;
mod settings;
mod suggestions;
mod work;

pub use git_gate::{GitGate, Unconfirmed};
pub use modes::{Quit, Reviewing};
pub use pending_link::PendingLink;

pub use doc_review::DocReview;
pub use loading::Loading;
pub use session::Session;
pub(crate) use session::disk_stamp;
use settings::Settings;
pub use work::{CorpusSearch, Edges, Flow};

use super::keymap::Keymap;
use super::wrap::WrapCache;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::store::Status;
use glosser_core::text::Document;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Article,
    Sidebar,
}

/// What a one-line prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// Search the article.
    Search,
    /// Search the article backwards (`\\`).
    SearchBack,
    /// Search every document's text (from the list; `Tab` in the filter prompt).
    CorpusSearch,
    /// The command line (`:`).
    Command,
    /// Filter the document list.
    Filter,
    /// The note of the span with this key.
    Note { key: (usize, usize, String) },
}

/// A one-line text prompt in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Where typing goes, in chars from the start of `text` (at most its length).
    pub cursor: usize,
}

impl Prompt {
    /// A prompt holding `text` with the cursor at its end.
    pub fn new(kind: PromptKind, text: String) -> Self {
        let cursor = text.chars().count();
        Self { kind, text, cursor }
    }
}

/// What the keyboard is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Prompt(Prompt),
    /// The help, scrolled down `top` lines.
    Help {
        top: usize,
    },
    /// The stats view: `None` while its job gathers the figures, then the figures.
    Stats(Option<Box<super::stats::CorpusStats>>),
    /// The label picker over the selection or the span under the cursor.
    Picker(super::picker::LabelPicker),
    /// The corpus's guidelines (`g` in the help), scrolled to line `top`.
    Guidelines {
        text: String,
        top: usize,
    },
    /// Word jumping (`f`): each word of the sentence shows letters; typing them jumps there.
    Jump(super::jump::Jump),
}

/// How a status-line message looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// Status and span count of one document for the list, as read from its annotation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocInfo {
    /// No annotation file for this annotator.
    None,
    Annotated {
        status: Status,
        spans: usize,
        /// Orphaned and ambiguous spans: this annotator's to settle (`?` in the list).
        unsettled: usize,
    },
    /// The file does not parse.
    Broken,
    /// Another glosser holds the file's lock: read-only here until it quits.
    Locked,
}

impl DocInfo {
    /// What the list shows of an annotation file.
    pub fn of(file: &glosser_core::store::AnnotationFile) -> Self {
        Self::Annotated {
            status: file.status,
            spans: file.spans.len(),
            unsettled: file.orphans.len(),
        }
    }
}

/// The article search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Searching towards the start (`\\`, `#`): `n` goes on backwards, `N` forwards.
    pub backward: bool,
    /// Only whole words match (`Tab` in the search prompt, `*`, `#`).
    pub whole_word: bool,
    /// Sorted and disjoint; filled in slices while `scan` runs (`tui/search.rs`).
    pub matches: Vec<std::ops::Range<usize>>,
    /// The part of the article still to search, if any.
    pub scan: Option<super::search::Scan>,
}

/// Everything the TUI knows.
pub struct App {
    pub corpus: Corpus,
    pub labels: LabelSet,
    pub annotator: String,
    pub keymap: Keymap,
    /// False under `NO_COLOR`.
    pub color: bool,
    pub focus: Focus,
    pub mode: Mode,
    /// Indices of the documents the list shows (all, or those matching the filter).
    pub visible_docs: Vec<usize>,
    pub filter: String,
    /// Row of `visible_docs` the list cursor is on.
    pub list_cursor: usize,
    pub list_top: usize,
    /// Per document: what the list shows, once known.
    pub doc_info: Vec<Option<DocInfo>>,
    /// Statuses arriving from the background scan of annotation files.
    pub info_updates: Option<Receiver<(usize, DocInfo)>>,
    /// Index of the open document, if the corpus has any.
    pub open: Option<usize>,
    pub sessions: HashMap<usize, Session>,
    pub wrap: WrapCache,
    /// Bumped whenever the article text changes, so the wrap cache knows to rebuild.
    pub generation: u64,
    pub sidebar_top: usize,
    pub search: Search,
    pub message: Option<(String, Tone)>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Where quitting stands.
    pub quit: Quit,
    /// Review mode, when on.
    pub reviewing: Option<Reviewing>,
    /// Recovery files written when quitting with edits that could not be saved.
    pub recovered: Vec<std::path::PathBuf>,
    /// Where unsaved edits go when they cannot be saved in the corpus.
    pub recovery_dir: std::path::PathBuf,
    /// What the corpus looked like at the last poll (articles, folders changed outside).
    pub follow: following::Follow,
    /// The suggester shown as ghost spans (`--suggestions`, `suggestions:` in the config).
    pub suggestions: Option<String>,
    /// The corpus listing while it runs on its thread, and the list's assigned-first order.
    pub listing: super::listing::Listing,
    /// A count typed before a motion (the `3` of `3j`), until the key it counts.
    pub count: Option<usize>,
    /// The labelling flow, when on (`update/flow.rs`).
    pub flow: Option<Flow>,
    /// The span whose edges move in place (`c`, `update/edges.rs`).
    pub edges: Option<Edges>,
    /// The label given last (`.` gives it again).
    pub last_label: Option<String>,
    /// Keys pressed before what they act on was listed (`J` past the documents listed so far,
    /// any key before the first document opens): applied, in order, as the list fills in.
    pub queued: Vec<super::action::Action>,
    /// The corpus search from the document list: the query and, per document, its matches.
    pub corpus_search: Option<CorpusSearch>,
    /// Git at work in the corpus's repository: saves wait for it (`update/save/git.rs`).
    pub git: GitGate,
    /// Documents whose file holds orphaned or ambiguous spans of this annotator, as the
    /// status scan found them (said once, at start: theirs to settle).
    pub to_settle: Vec<usize>,
}

impl App {
    /// [`App::new`] over the documents `keep` accepts (review leaves out unfinished ones).
    /// Review needs the whole list (which documents are ready, what changed since
    /// adjudication), so this one lists the corpus before it returns.
    pub(crate) fn new_scoped(
        root: &Path,
        annotator_flag: Option<&str>,
        keep: &dyn Fn(&glosser_core::corpus::DocumentEntry) -> bool,
    ) -> Result<Self, crate::Error> {
        // Listed whole (review needs every document first), with the folders' times, so that
        // following the corpus starts from this listing instead of listing it again.
        let (mut corpus, folders) = Corpus::scan_recording_folders(root)?;
        corpus.documents.retain(|d| keep(d));
        let settings = Settings::resolve(root, annotator_flag)?;
        glosser_core::assignments::assigned_first(&mut corpus, &settings.annotator);
        // Reopening a corpus resumes at the last document and cursor.
        let resume = super::resume::resume_path();
        let (start, cursor) =
            super::resume::starting_place(resume.as_deref(), &corpus, &settings.annotator);
        let mut app = Self::with_parts_at(
            corpus,
            settings.labels,
            settings.annotator,
            settings.keymap,
            start,
        );
        app.resume_at(cursor);
        app.finish_settings(settings.suggestions.as_deref(), &settings.warnings);
        app.follow
            .start(folders.into_iter().collect(), Instant::now());
        Ok(app)
    }

    /// An app over an already scanned corpus (tests build it this way).
    pub fn with_parts(corpus: Corpus, labels: LabelSet, annotator: String, keymap: Keymap) -> Self {
        Self::with_parts_at(corpus, labels, annotator, keymap, 0)
    }

    /// An app with document `start` open (the first one when `start` is out of range).
    pub(crate) fn with_parts_at(
        corpus: Corpus,
        labels: LabelSet,
        annotator: String,
        keymap: Keymap,
        start: usize,
    ) -> Self {
        let count = corpus.documents.len();
        let git = GitGate::new(&corpus.root);
        let mut app = Self {
            corpus,
            labels,
            annotator,
            keymap,
            color: true,
            focus: Focus::Article,
            mode: Mode::Normal,
            visible_docs: (0..count).collect(),
            filter: String::new(),
            list_cursor: 0,
            list_top: 0,
            doc_info: vec![None; count],
            info_updates: None,
            open: None,
            sessions: HashMap::new(),
            wrap: WrapCache::new(),
            generation: 0,
            sidebar_top: 0,
            search: Search::default(),
            message: None,
            size: (120, 40),
            quit: Quit::default(),
            reviewing: None,
            recovered: Vec::new(),
            recovery_dir: glosser_core::save::recovery::dir(),
            follow: following::Follow::default(),
            suggestions: None,
            listing: super::listing::Listing::default(),
            count: None,
            flow: None,
            edges: None,
            last_label: None,
            queued: Vec::new(),
            corpus_search: None,
            git,
            to_settle: Vec::new(),
        };
        if count > 0 {
            app.open_document(if start < count { start } else { 0 });
        } else {
            app.focus = Focus::List;
            app.message = Some((
                "no documents here: a corpus is a folder of .txt and .md files".to_owned(),
                Tone::Warning,
            ));
        }
        app
    }

    /// Switches to document `index`, opening its session the first time.
    pub(crate) fn open_document(&mut self, index: usize) {
        if self.open == Some(index) {
            return;
        }
        let annotator = self.annotator.clone();
        let corpus = &self.corpus;
        self.sessions
            .entry(index)
            .or_insert_with(|| Session::open(corpus, index, &annotator));
        self.open = Some(index);
        self.load_suggestions(index);
        self.generation += 1;
        self.search.matches.clear();
        if let Some(pos) = self.visible_docs.iter().position(|&d| d == index) {
            self.list_cursor = pos;
        }
        if self.reviewing.is_some() {
            // Review plans over the whole text at once.
            self.finish_loading();
        }
        let info = self.session().map(loading::list_info);
        if let Some(info) = info {
            self.doc_info[index] = Some(info);
        }
        if let Some(notice) = self.session_mut().and_then(|s| s.notice.take()) {
            self.say(notice, Tone::Warning);
        }
    }

    /// In review mode, the annotators compared.
    pub(crate) fn review_annotators(&self) -> Option<&Vec<String>> {
        self.reviewing.as_ref().map(|r| &r.annotators)
    }

    /// The open document's session.
    pub fn session(&self) -> Option<&Session> {
        self.sessions.get(&self.open?)
    }

    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.sessions.get_mut(&self.open?)
    }

    /// The open document's text, if it can be annotated.
    pub fn document(&self) -> Option<&Document> {
        self.session()?.doc.as_ref().ok()
    }

    /// Sets the status-line message.
    pub fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.message = Some((text.into(), tone));
    }

    /// Done / total documents for this annotator, as far as known.
    pub fn progress(&self) -> (usize, usize, bool) {
        let done = self
            .doc_info
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Some(DocInfo::Annotated {
                        status: Status::Done,
                        ..
                    })
                )
            })
            .count();
        let complete = self.doc_info.iter().all(Option::is_some);
        (done, self.doc_info.len(), complete)
    }
}
