//! The one error type of the engines in `ops` (and of choosing annotators in `review::corpus`):
//! typed by kind, so that the binary maps each kind to an exit code, and worded as one sentence
//! naming the file involved. A context (what was being done) wraps its cause, which stays
//! reachable through `source()`, as the binary prints the chain `context: cause`.

use crate::corpus::CorpusError;
use crate::fsio::FsError;
use crate::save::SaveError;
use crate::store::StoreError;

/// What an engine returns on failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request cannot be carried out as asked (an unknown annotator or label, an output
    /// inside the corpus, a file that is not an article, a target that exists): nothing was done.
    #[error("{0}")]
    Refused(String),
    /// Reading or writing a file or folder failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Fs(#[from] FsError),
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error(transparent)]
    Document(#[from] crate::text::DocumentError),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    NotUtf8(#[from] std::string::FromUtf8Error),
    #[error(transparent)]
    Command(#[from] crate::suggest::command::CommandError),
    #[error(transparent)]
    Patterns(#[from] crate::suggest::patterns::PatternError),
    /// Writing an hf export as Parquet failed.
    #[error(transparent)]
    Parquet(#[from] glosser_spacy::parquet::HfParquetError),
    /// Encoding a spaCy DocBin failed.
    #[error(transparent)]
    DocBin(#[from] glosser_spacy::docbin::DocBinError),
    #[error(transparent)]
    Spacy(#[from] crate::formats::spacy::SpacyError),
    /// What was being done when `source` happened.
    #[error("{context}")]
    Context {
        context: String,
        #[source]
        source: Box<Error>,
    },
}

/// What kind of failure an [`Error`] is, for the binary's exit codes and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The request was refused before anything was done.
    Refused,
    /// A file, folder or the disk failed (or a file glosser reads does not parse).
    Io,
}

impl Error {
    /// The kind of the innermost cause.
    pub fn kind(&self) -> Kind {
        match self {
            Self::Refused(_) => Kind::Refused,
            Self::Context { source, .. } => source.kind(),
            _ => Kind::Io,
        }
    }

    /// The error and its causes as one line, `context: cause: cause`.
    pub fn chain(&self) -> String {
        let mut line = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            line.push_str(": ");
            line.push_str(&c.to_string());
            cause = c.source();
        }
        line
    }
}

/// `Result` with the engines' [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Says what was being done when an error happened (`anyhow::Context`'s shape, typed).
pub trait Context<T> {
    fn context(self, context: impl Into<String>) -> Result<T>;
    fn with_context<S: Into<String>>(self, context: impl FnOnce() -> S) -> Result<T>;
}

impl<T, E: Into<Error>> Context<T> for std::result::Result<T, E> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|e| Error::Context {
            context: context.into(),
            source: Box::new(e.into()),
        })
    }

    fn with_context<S: Into<String>>(self, context: impl FnOnce() -> S) -> Result<T> {
        self.map_err(|e| Error::Context {
            context: context().into(),
            source: Box::new(e.into()),
        })
    }
}

impl<T> Context<T> for Option<T> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.ok_or_else(|| Error::Refused(context.into()))
    }

    fn with_context<S: Into<String>>(self, context: impl FnOnce() -> S) -> Result<T> {
        self.ok_or_else(|| Error::Refused(context().into()))
    }
}

/// Returns [`Error::Refused`] with a formatted sentence (`anyhow::bail!`'s shape).
macro_rules! refuse {
    ($($arg:tt)*) => {
        return Err($crate::ops::Error::Refused(format!($($arg)*)))
    };
}
pub(crate) use refuse;
