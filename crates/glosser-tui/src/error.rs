//! The TUI's one error type: why it could not start, why the terminal failed, and — on every
//! way out that did not save everything — what became of the edits.

use glosser_core::config::AnnotatorError;
use glosser_core::corpus::CorpusError;

/// Why the TUI ended with an error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The corpus could not be listed (review lists it whole before it starts).
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The annotator name given is not a valid name.
    #[error(transparent)]
    Annotator(#[from] AnnotatorError),
    /// The terminal (or the signal handlers) could not be set up or drawn on.
    #[error(transparent)]
    Terminal(#[from] std::io::Error),
    /// glosser stopped on a bug; `saved` says what became of the edits.
    #[error("glosser stopped on a bug ({what}); {saved}")]
    Panicked { what: String, saved: String },
    /// Not every edit could be saved; `0` says where they are.
    #[error("{0}")]
    NotSaved(String),
    /// `source` ended the TUI and not every edit could be saved; `saved` says where they are.
    #[error("{saved}")]
    Unsaved {
        saved: String,
        #[source]
        source: Box<Error>,
    },
}
