//! The texts spans were anchored on, found again by the SHA-256 a file carries (SPEC §2), so
//! that re-anchoring can follow a character diff instead of searching: the article's git
//! history, and a copy glosser keeps of every text it stamped on a file with spans (see
//! [`TextStore`]).

use std::path::{Path, PathBuf};

use crate::text::Document;

mod git;
mod store;

pub use git::GitHistory;
pub use store::TextStore;

/// Where an old text may be found.
pub trait OldTexts {
    /// The text whose file bytes hash to `sha256`, if this source has it.
    fn find(&self, sha256: &str) -> Option<Document>;
}

/// No old text anywhere: re-anchoring searches by quote and context.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOldTexts;

impl OldTexts for NoOldTexts {
    fn find(&self, _: &str) -> Option<Document> {
        None
    }
}

impl OldTexts for Document {
    fn find(&self, sha256: &str) -> Option<Document> {
        (self.sha256() == sha256).then(|| self.clone())
    }
}

/// Every source an article's old texts may be in, asked in order: texts already in memory (the
/// TUI's copy of the article before it changed), the corpus's text store, then git.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    known: Vec<Document>,
    store: Option<TextStore>,
    git: Option<GitHistory>,
}

impl Lookup {
    /// The sources for the article at `article`: the text store of the corpus it is in (found
    /// by walking up from it) and its git history.
    pub(crate) fn for_article(article: &Path) -> Self {
        Self {
            known: Vec::new(),
            store: TextStore::above(article),
            git: Some(GitHistory::new(article)),
        }
    }

    /// The sources for an article of the corpus at `root` (`id`: its path in the corpus).
    pub fn in_corpus(root: &Path, article: &Path) -> Self {
        Self {
            known: Vec::new(),
            store: Some(TextStore::for_corpus(root)),
            git: Some(GitHistory::new(article)),
        }
    }

    /// Also asks `doc` (a text in memory) first.
    #[must_use]
    pub fn knowing(mut self, doc: Document) -> Self {
        self.known.push(doc);
        self
    }

    /// Keeps `doc`'s text in the store, if this lookup has one.
    pub fn keep(&self, doc: &Document) -> std::io::Result<()> {
        self.store.as_ref().map_or(Ok(()), |s| s.keep(doc))
    }
}

impl OldTexts for Lookup {
    fn find(&self, sha256: &str) -> Option<Document> {
        self.known
            .iter()
            .find_map(|d| d.find(sha256))
            .or_else(|| self.store.as_ref().and_then(|s| s.find(sha256)))
            .or_else(|| self.git.as_ref().and_then(|g| g.find(sha256)))
    }
}

/// The bytes of the file a document was read from (its byte order mark included).
fn file_bytes(doc: &Document) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(doc.text().len() + 3);
    if doc.has_bom() {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(doc.text().as_bytes());
    bytes
}

/// A document from stored bytes, if they are the text with hash `sha256`.
fn document_if(bytes: Vec<u8>, sha256: &str, origin: &Path) -> Option<Document> {
    if crate::text::sha256_hex(&bytes) != sha256 {
        return None;
    }
    Document::from_bytes(origin, bytes).ok()
}

/// `path`'s folder, `.` for a bare file name.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests;
