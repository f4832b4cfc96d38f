//! The jobs layer: work that reads the whole corpus runs off the UI thread and comes back as an
//! event, as gitui's asyncgit does. `update` asks for work by returning an [`Effect`]; the
//! event loop hands it to [`Jobs`], whose thread sends a [`Done`] back; the loop feeds it to
//! `update` as `Event::Done`, which puts it in the model. The model never waits for a job.
//!
//! Jobs so far: the corpus statistics (`S`: a fresh listing and every annotation file read),
//! listing the corpus again when a folder changed (following the corpus, `update::follow`) and
//! searching every document's text from the list (`update/search/corpus.rs`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::SystemTime;

use glosser_core::corpus::{Corpus, CorpusError};
use glosser_core::labels::LabelSet;

use super::stats::{self, CorpusStats};

/// Work `update` asks for.
#[derive(Debug)]
pub enum Effect {
    Spawn(Job),
}

/// A job and everything it needs (owned: it runs on another thread).
#[derive(Debug)]
pub enum Job {
    /// The stats view's figures, over the corpus listed afresh (files written since start-up
    /// count too); the corpus as listed at start-up when it cannot be listed again.
    Stats {
        root: PathBuf,
        listed: Box<Corpus>,
        labels: LabelSet,
        annotator: String,
        /// The annotators to compare (`:stats A,B`), as `agree --annotators`; `None`: whom
        /// `agree` compares by default.
        named: Option<String>,
    },
    /// The corpus listed again (a folder changed), with the times of its folders after.
    Rescan { root: PathBuf },
    /// Every listed document's text searched for `query`.
    CorpusSearch {
        documents: Vec<(usize, PathBuf)>,
        query: String,
        whole_word: bool,
    },
}

/// What a job reports.
#[derive(Debug, Clone)]
pub enum Done {
    Stats(Box<CorpusStats>),
    Rescanned(Arc<Rescan>),
    CorpusSearch(Arc<crate::update::CorpusHits>),
}

/// A listing of the corpus made again, and the folders it depends on with their times.
#[derive(Debug)]
pub struct Rescan {
    pub scanned: Result<Corpus, CorpusError>,
    pub dirs: BTreeMap<PathBuf, Option<SystemTime>>,
}

impl PartialEq for Done {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Done::Stats(a), Done::Stats(b)) => a == b,
            (Done::Rescanned(a), Done::Rescanned(b)) => Arc::ptr_eq(a, b),
            (Done::CorpusSearch(a), Done::CorpusSearch(b)) => a == b,
            _ => false,
        }
    }
}

impl Job {
    /// Does the work, on whatever thread calls it.
    pub fn run(self) -> Done {
        match self {
            Job::Stats {
                root,
                listed,
                labels,
                annotator,
                named,
            } => {
                let fresh = Corpus::scan(&root);
                let corpus = fresh.as_ref().unwrap_or(&listed);
                Done::Stats(Box::new(stats::gather(
                    corpus,
                    &labels,
                    &annotator,
                    named.as_deref(),
                )))
            }
            Job::Rescan { root } => {
                let scanned = Corpus::scan(&root);
                let dirs = scanned
                    .as_ref()
                    .map(super::update::follow::corpus_dirs)
                    .unwrap_or_default();
                Done::Rescanned(Arc::new(Rescan { scanned, dirs }))
            }
            Job::CorpusSearch {
                documents,
                query,
                whole_word,
            } => Done::CorpusSearch(Arc::new(crate::update::search_documents(
                &documents, &query, whole_word,
            ))),
        }
    }
}

/// The running jobs: one thread each, reporting over one channel.
pub struct Jobs {
    sender: Sender<Done>,
    done: Receiver<Done>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, done) = channel();
        Self { sender, done }
    }
}

impl Jobs {
    /// Starts the work an update asked for.
    pub fn start(&self, effects: Vec<Effect>) {
        for Effect::Spawn(job) in effects {
            let sender = self.sender.clone();
            std::thread::spawn(move || {
                // The loop may be gone (quitting): the result is dropped with it.
                let _ = sender.send(job.run());
            });
        }
    }

    /// The jobs finished since the last call.
    pub fn finished(&self) -> Vec<Done> {
        self.done.try_iter().collect()
    }
}

/// Runs the effects on this thread and returns what they report (tests and benchmarks, which
/// drive `update` without an event loop).
pub fn run_now(effects: Vec<Effect>) -> Vec<Done> {
    effects
        .into_iter()
        .map(|Effect::Spawn(job)| job.run())
        .collect()
}
