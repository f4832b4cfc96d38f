//! Corpus scanning (SPEC §1): documents in natural order, each with its annotation files.
//!
//! Scanning only lists directories and stats files; no document body is read until asked for,
//! so a 10,000-document corpus lists instantly.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::store::{self, AnnotationFile, StoreError};
use crate::text::{Document, DocumentError};
use walk::Found;

pub mod stream;
pub mod walk;

/// Folders with their modification times as they were just before they were listed.
pub type FolderTimes = Vec<(PathBuf, Option<std::time::SystemTime>)>;

/// A corpus directory and what it holds.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub root: PathBuf,
    /// Documents in natural order of their ids.
    pub documents: Vec<DocumentEntry>,
    /// Annotation files whose document does not exist.
    pub strays: Vec<StrayAnnotation>,
}

/// One document: its id (path relative to the root, `/`-separated) and annotation files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentEntry {
    pub id: String,
    pub path: PathBuf,
    /// Size in bytes from the directory listing.
    pub size: u64,
    /// Annotation files, sorted by annotator.
    pub annotations: Vec<AnnotationRef>,
}

/// An annotation file found beside a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationRef {
    pub annotator: String,
    pub path: PathBuf,
}

/// An annotation file with no document beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayAnnotation {
    pub path: PathBuf,
    /// Id the missing document would have.
    pub document_id: String,
    pub annotator: String,
}

/// The corpus directory cannot be listed.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: not a directory; give the folder that holds the articles", path.display())]
    NotADirectory { path: PathBuf },
    #[error("{}: cannot list: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Corpus {
    /// Lists a corpus: `*.txt` and `*.md` files, recursively, skipping hidden entries (leftover
    /// temp files included: `glosser validate` reports those) and symlinks.
    /// The whole listing is kept; [`walk::walk`] hands documents out one at a time instead.
    pub fn scan(root: &Path) -> Result<Self, CorpusError> {
        let mut corpus = Self {
            root: root.to_owned(),
            documents: Vec::new(),
            strays: Vec::new(),
        };
        for found in walk::walk(root)? {
            match found? {
                Found::Document(entry) => corpus.documents.push(entry),
                Found::Stray(stray) => corpus.strays.push(stray),
                Found::Leftover(_) => {}
            }
        }
        corpus.documents.shrink_to_fit();
        Ok(corpus)
    }

    /// [`Corpus::scan`], with every folder's modification time from just before it was listed
    /// (for following the corpus: a change made while it was listed is seen at the next poll).
    pub fn scan_recording_folders(root: &Path) -> Result<(Self, FolderTimes), CorpusError> {
        let mut corpus = Self {
            root: root.to_owned(),
            documents: Vec::new(),
            strays: Vec::new(),
        };
        let mut walk = walk::walk_recording_folders(root)?;
        for found in walk.by_ref() {
            match found? {
                Found::Document(entry) => corpus.documents.push(entry),
                Found::Stray(stray) => corpus.strays.push(stray),
                Found::Leftover(_) => {}
            }
        }
        corpus.documents.shrink_to_fit();
        Ok((corpus, walk.take_folders()))
    }

    /// Every annotator with at least one file in the corpus (strays included), sorted.
    pub fn annotators(&self) -> BTreeSet<String> {
        self.documents
            .iter()
            .flat_map(|d| d.annotations.iter().map(|a| a.annotator.clone()))
            .chain(self.strays.iter().map(|s| s.annotator.clone()))
            .collect()
    }

    /// Index of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }
}

impl DocumentEntry {
    /// This annotator's file, if it exists.
    pub fn annotation(&self, annotator: &str) -> Option<&AnnotationRef> {
        self.annotations.iter().find(|a| a.annotator == annotator)
    }

    /// Where this annotator's file is or would be.
    pub fn annotation_path(&self, annotator: &str) -> PathBuf {
        store::annotation_path(&self.path, annotator)
    }

    /// File name of the document (what annotation files call `document`).
    pub fn file_name(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or(&self.id)
    }

    /// Reads the document's text.
    pub fn load(&self) -> Result<Document, DocumentError> {
        Document::load(&self.path)
    }
}

impl AnnotationRef {
    /// Reads and parses the file.
    pub fn load(&self) -> Result<AnnotationFile, StoreError> {
        store::load(&self.path)
    }
}

/// Natural order: digit runs compare as numbers (`doc2` before `doc10`), then plain text order.
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let dx = x.iter().take_while(|c| c.is_ascii_digit()).count();
                let dy = y.iter().take_while(|c| c.is_ascii_digit()).count();
                let (nx, ny) = (trim_zeros(&x[..dx]), trim_zeros(&y[..dy]));
                let order = nx.len().cmp(&ny.len()).then_with(|| nx.cmp(ny));
                if order != Ordering::Equal {
                    return order;
                }
                x = &x[dx..];
                y = &y[dy..];
            }
            (Some(p), Some(q)) => {
                if p != q {
                    return p.cmp(q);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&c| c == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests;
