//! Listing a corpus one folder at a time: documents come out in natural order as they are
//! found, so a command or the TUI can start on the first document before the tree is listed,
//! and only the folders on the current path are held in memory.
//!
//! The order is the corpus order (`Corpus::scan` is this walk, collected): within a folder,
//! documents and subfolders are sorted together with [`natural_cmp`], a subfolder named `name`
//! sorting as `name/`; a subfolder is listed whole where it sorts. That is the natural order of
//! the full ids, except that two sibling folders whose names differ only in leading zeros
//! (`01/`, `1/`) are not interleaved.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{AnnotationRef, CorpusError, DocumentEntry, StrayAnnotation, natural_cmp};
use crate::store;

/// What the walk finds: a document with its annotation files, an annotation file whose
/// document is missing, or a temp file or staging folder an interrupted save or import left
/// behind (`.glosser-*.tmp`; every other hidden entry is skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Document(DocumentEntry),
    Stray(StrayAnnotation),
    Leftover(PathBuf),
}

/// An iterator over a corpus tree in corpus order. A folder that cannot be listed yields one
/// error in its place; the walk goes on after it.
pub struct Walk {
    /// One entry per folder on the current path: what is left of it, in reverse order.
    stack: Vec<Vec<Pending>>,
    /// With [`walk_recording_folders`]: each folder listed so far and its modification time
    /// taken just before it was listed, until [`Walk::take_folders`] hands them out.
    folders: Option<Vec<(PathBuf, Option<SystemTime>)>>,
}

enum Pending {
    Found(Found),
    Folder { path: PathBuf, prefix: String },
}

/// Starts a walk at `root` (which must be a folder).
pub fn walk(root: &Path) -> Result<Walk, CorpusError> {
    start(root, false)
}

/// [`walk`], keeping every folder's modification time as it was just before the folder was
/// listed (the root's included), for [`Walk::take_folders`]: a follower compares them later
/// and so sees a change made while the walk ran.
pub fn walk_recording_folders(root: &Path) -> Result<Walk, CorpusError> {
    start(root, true)
}

fn start(root: &Path, record: bool) -> Result<Walk, CorpusError> {
    if !root.is_dir() {
        return Err(CorpusError::NotADirectory {
            path: root.to_owned(),
        });
    }
    let folders = record.then(|| vec![(root.to_owned(), folder_mtime(root))]);
    let first = list_folder(root, "")?;
    Ok(Walk {
        stack: vec![first],
        folders,
    })
}

impl Iterator for Walk {
    type Item = Result<Found, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let top = self.stack.last_mut()?;
            let Some(next) = top.pop() else {
                self.stack.pop();
                continue;
            };
            match next {
                Pending::Found(found) => return Some(Ok(found)),
                Pending::Folder { path, prefix } => {
                    if let Some(folders) = &mut self.folders {
                        folders.push((path.clone(), folder_mtime(&path)));
                    }
                    match list_folder(&path, &prefix) {
                        Ok(items) => self.stack.push(items),
                        Err(e) => return Some(Err(e)),
                    }
                }
            }
        }
    }
}

impl Walk {
    /// The folders listed since the last call, with their times (see
    /// [`walk_recording_folders`]); none for a plain [`walk`].
    pub fn take_folders(&mut self) -> Vec<(PathBuf, Option<SystemTime>)> {
        self.folders
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Only the documents, in corpus order; strays, leftovers and unlistable folders are
    /// skipped.
    pub fn documents(self) -> impl Iterator<Item = DocumentEntry> {
        self.filter_map(|found| match found {
            Ok(Found::Document(entry)) => Some(entry),
            _ => None,
        })
    }
}

fn folder_mtime(dir: &Path) -> Option<SystemTime> {
    std::fs::metadata(dir).and_then(|m| m.modified()).ok()
}

/// Lists one folder: its documents (each with its annotation files, sorted by annotator), its
/// strays and its subfolders, in reverse corpus order (the walk pops from the end).
fn list_folder(dir: &Path, prefix: &str) -> Result<Vec<Pending>, CorpusError> {
    let io = |source| CorpusError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut documents: BTreeMap<String, (PathBuf, u64)> = BTreeMap::new();
    let mut annotations: Vec<(String, String, PathBuf)> = Vec::new();
    let mut folders: Vec<(String, PathBuf)> = Vec::new();
    let mut leftovers: Vec<(String, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_symlink() {
            continue;
        }
        if name.starts_with('.') {
            if crate::fsio::is_temp_name(&name) && (kind.is_file() || kind.is_dir()) {
                leftovers.push((name, entry.path()));
            }
            continue;
        }
        if kind.is_dir() {
            folders.push((name, entry.path()));
        } else if kind.is_file() {
            if let Some((document, annotator)) = store::split_annotation_file_name(&name) {
                annotations.push((document.to_owned(), annotator.to_owned(), entry.path()));
            } else if store::is_document_name(&name) {
                let size = entry.metadata().map_or(0, |m| m.len());
                documents.insert(name, (entry.path(), size));
            }
        }
    }
    let mut entries: BTreeMap<String, DocumentEntry> = documents
        .into_iter()
        .map(|(name, (path, size))| {
            let entry = DocumentEntry {
                id: format!("{prefix}{name}"),
                path,
                size,
                annotations: Vec::new(),
            };
            (name, entry)
        })
        .collect();
    // (sort key, item): documents by name, strays by their document's name, folders as `name/`.
    let mut items: Vec<(String, Pending)> = Vec::new();
    for (document, annotator, path) in annotations {
        if let Some(entry) = entries.get_mut(&document) {
            entry.annotations.push(AnnotationRef { annotator, path });
        } else {
            let stray = StrayAnnotation {
                path,
                document_id: format!("{prefix}{document}"),
                annotator,
            };
            items.push((document, Pending::Found(Found::Stray(stray))));
        }
    }
    for (name, mut entry) in entries {
        entry
            .annotations
            .sort_by(|a, b| a.annotator.cmp(&b.annotator));
        entry.annotations.shrink_to_fit();
        items.push((name, Pending::Found(Found::Document(entry))));
    }
    for (name, path) in leftovers {
        items.push((name, Pending::Found(Found::Leftover(path))));
    }
    for (name, path) in folders {
        let prefix = format!("{prefix}{name}/");
        items.push((format!("{name}/"), Pending::Folder { path, prefix }));
    }
    items.sort_by(|(a, x), (b, y)| natural_cmp(a, b).then_with(|| stray_last(x, y)));
    items.reverse();
    Ok(items.into_iter().map(|(_, item)| item).collect())
}

/// Among strays of the same document, by annotator; the rest keep their natural order.
fn stray_last(x: &Pending, y: &Pending) -> Ordering {
    match (x, y) {
        (Pending::Found(Found::Stray(a)), Pending::Found(Found::Stray(b))) => {
            a.annotator.cmp(&b.annotator)
        }
        _ => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests;
