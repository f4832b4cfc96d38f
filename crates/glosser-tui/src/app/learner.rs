//! The live sentence learner (`--learner`): a model of this annotator's sentence labels (claim,
//! opinion, unverified), trained off the UI thread on their files when the TUI opens and again
//! after each sentence they label, whose suggestions for the open document are shown as ghost
//! spans beside the suggesters' and written as the pseudo-annotator `learner-ANNOTATOR`'s file
//! (what was shown, for `glosser stats --suggesters`). The update side is `update/learner.rs`,
//! the training `jobs.rs`.

use std::sync::{Arc, Mutex};

use glosser_core::suggest::sentences::{self, SentenceLearner};

/// (start, end, label) of a document's spans with a sentence-like label.
pub type SentenceKeys = Vec<(usize, usize, String)>;

/// The learner and what the TUI knows of it.
#[derive(Debug)]
pub struct Live {
    /// The pseudo-annotator its suggestions are written as.
    pub name: String,
    /// The sentence-like labels it learns.
    pub labels: Vec<String>,
    /// Shared with the jobs that train it (one at a time: the lock).
    pub model: Arc<Mutex<SentenceLearner>>,
    /// Whether training on the corpus has been asked for.
    pub started: bool,
    /// Whether it has learned from the corpus's files.
    pub ready: bool,
    /// The open document's sentence labels as last seen, to tell when one changed.
    pub seen: Option<(usize, SentenceKeys)>,
    /// Jobs asked for so far; an answer older than the last one shown is dropped.
    pub asked: u64,
    pub shown: u64,
}

impl Live {
    /// A learner of `annotator`'s labels among `labels`.
    pub fn new(annotator: &str, labels: Vec<String>) -> Self {
        let model = sentences::new_learner(&labels);
        Self {
            name: sentences::learner_name(annotator),
            labels,
            model: Arc::new(Mutex::new(model)),
            started: false,
            ready: false,
            seen: None,
            asked: 0,
            shown: 0,
        }
    }
}
