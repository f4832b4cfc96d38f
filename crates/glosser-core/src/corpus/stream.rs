//! Whole-corpus commands without the whole listing: documents handed out in chunks, in corpus
//! order, as the walk finds them, and a census (who annotated how much) that keeps only counts.
//! What a command holds is then one chunk of documents, never the corpus.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::walk::{Found, walk};
use super::{CorpusError, DocumentEntry, StrayAnnotation};

/// Documents read together on every core by the corpus-wide commands.
pub const CHUNK: usize = 64;

/// Walks the corpus at `root`, calling `chunk` with up to [`CHUNK`] documents at a time in corpus
/// order and `stray` with each annotation file whose document is missing. A folder that cannot
/// be listed stops the walk with its error, as `Corpus::scan` does; so does an error of `chunk`.
pub(crate) fn for_each_chunk<E: From<CorpusError>>(
    root: &Path,
    chunk: impl FnMut(&[DocumentEntry]) -> Result<(), E>,
    stray: impl FnMut(StrayAnnotation),
) -> Result<(), E> {
    for_each_chunk_with_leftovers(root, chunk, stray, |_| {})
}

/// [`for_each_chunk`], calling `leftover` with each temp file or staging folder an interrupted
/// save or import left behind.
pub(crate) fn for_each_chunk_with_leftovers<E: From<CorpusError>>(
    root: &Path,
    mut chunk: impl FnMut(&[DocumentEntry]) -> Result<(), E>,
    mut stray: impl FnMut(StrayAnnotation),
    mut leftover: impl FnMut(PathBuf),
) -> Result<(), E> {
    let mut pending: Vec<DocumentEntry> = Vec::with_capacity(CHUNK);
    for found in walk(root)? {
        match found? {
            Found::Document(entry) => {
                pending.push(entry);
                if pending.len() == CHUNK {
                    chunk(&pending)?;
                    pending.clear();
                }
            }
            Found::Stray(s) => stray(s),
            Found::Leftover(path) => leftover(path),
        }
    }
    if !pending.is_empty() {
        chunk(&pending)?;
    }
    Ok(())
}

/// What a listing of the corpus says without reading a file: how many documents, and how many
/// annotation files each annotator has (strays included, as `Corpus::annotators` counts them).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Census {
    pub documents: usize,
    /// Annotator → files beside an existing document.
    pub files: BTreeMap<String, usize>,
    /// Annotator → files whose document is missing.
    pub strays: BTreeMap<String, usize>,
}

impl Census {
    /// Lists the corpus once, keeping only the counts.
    pub fn take(root: &Path) -> Result<Self, CorpusError> {
        let mut census = Self::default();
        for found in walk(root)? {
            match found? {
                Found::Document(entry) => {
                    census.documents += 1;
                    for a in entry.annotations {
                        *census.files.entry(a.annotator).or_default() += 1;
                    }
                }
                Found::Stray(s) => *census.strays.entry(s.annotator).or_default() += 1,
                Found::Leftover(_) => {}
            }
        }
        Ok(census)
    }

    /// Every annotator with at least one file (strays included), sorted.
    pub fn annotators(&self) -> std::collections::BTreeSet<String> {
        self.files
            .keys()
            .chain(self.strays.keys())
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests;
