//! Suggestions (SPEC §9): suggesters propose spans that are written as a pseudo-annotator's files
//! (`NAME.txt.suggest.ron`, every span with a `score`), which the analyst accepts or rejects.
//!
//! Suggesters: [`patterns`] (spaCy EntityRuler / Prodigy pattern JSONL), [`quotes`] (every
//! quotation, the `"` key's rule), [`learn`] (INCEpTION's string-matching recommender),
//! [`sentences`] (a sentence-level learner of the sentence-like labels), [`command`] (an
//! external model over a JSONL protocol) and [`llm`] (a model behind an OpenAI-compatible
//! chat-completions server). [`state`] keeps a digest of each
//! document's text and suggester input so that a re-run only touches what changed.

pub mod command;
pub mod ghosts;
pub mod learn;
pub mod llm;
pub mod patterns;
pub mod quotes;
pub mod sentences;
pub mod state;
pub mod words;

use std::collections::BTreeSet;
use std::path::Path;

use crate::corpus::Corpus;
use crate::span::{Score, Span};
use crate::text::Document;

/// The pseudo-annotator suggestions are written as unless `--as` names another.
pub const DEFAULT_NAME: &str = "suggest";

/// One proposed span, in char offsets (end exclusive), with the suggester's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub score: f64,
}

/// A model's answer for one document: the proposals kept, and those dropped, each named with
/// why (offsets that do not fit the text, an unknown label, a quote not found verbatim…).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Proposals {
    pub kept: Vec<Proposal>,
    pub dropped: Vec<String>,
}

impl Proposal {
    /// The span this proposal makes in `doc`, if its offsets are valid there (inside the text,
    /// not empty, on grapheme boundaries).
    pub fn to_span(&self, doc: &Document) -> Option<Span> {
        let ok = self.start < self.end
            && self.end <= doc.char_len()
            && doc.is_grapheme_boundary(self.start)
            && doc.is_grapheme_boundary(self.end);
        ok.then(|| {
            let mut span = Span::new(doc, self.start..self.end, self.label.clone());
            span.score = Some(Score(self.score.clamp(0.0, 1.0)));
            span
        })
    }
}

/// Whether `name` is a suggester of this corpus: it has a suggestion state file
/// (`.glosser-suggest/NAME.json`, written by `glosser suggest`), or it has spans and every one of
/// them carries a `score` (analysts' spans never do). Suggesters are left out of `agree`,
/// `merge`, `review` and `export` unless named there.
pub(crate) fn is_suggester(corpus: &Corpus, name: &str) -> bool {
    is_suggester_among(&corpus.root, corpus.documents.iter(), name)
}

/// [`is_suggester`] over documents as they are listed (`corpus::walk`), without a listing.
pub fn is_suggester_among<D: std::borrow::Borrow<crate::corpus::DocumentEntry>>(
    root: &Path,
    documents: impl Iterator<Item = D>,
    name: &str,
) -> bool {
    if state::path(root, name).is_file() {
        return true;
    }
    let mut any = false;
    for entry in documents {
        let Some(file) = entry.borrow().annotation(name) else {
            continue;
        };
        let Ok(file) = file.load() else { return false };
        for span in file.all_spans() {
            if span.score.is_none() {
                return false;
            }
            any = true;
        }
    }
    any
}

/// The suggesters among the corpus's annotators.
pub fn suggesters(corpus: &Corpus) -> BTreeSet<String> {
    corpus
        .annotators()
        .into_iter()
        .filter(|name| is_suggester(corpus, name))
        .collect()
}

/// The suggestion state folder of a corpus.
pub fn state_dir(root: &Path) -> std::path::PathBuf {
    root.join(state::DIR)
}
