//! The one save path (SPEC §2, §8) every writer of an annotation file goes through: read what is
//! on disk, refuse a file that does not parse, merge by span identity with what changed there
//! since it was read, restamp (re-anchor, then set the hash) and write atomically.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::merge3::{Merged, empty_like, merge3};
use crate::old_texts::Lookup;
use crate::reanchor::{Restamped, restamp};
use crate::store::{self, AnnotationFile, StoreError, StoreErrorKind};
use crate::text::Document;

/// Why a save did not happen, typed so that callers can say the right thing.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk does not parse (git conflict markers, a bad hand edit): never written.
    #[error("{source} — it does not parse, so it is not overwritten; fix or move it")]
    Broken {
        #[source]
        source: Box<StoreError>,
    },
    #[error("{}: the disk is full — free some space and save again", path.display())]
    NoSpace { path: PathBuf },
    #[error("{}: permission denied — check the file's and folder's permissions", path.display())]
    PermissionDenied { path: PathBuf },
    #[error("{}: read-only file system — nothing can be saved there; remount it read-write or work in a writable copy", path.display())]
    ReadOnlyFileSystem { path: PathBuf },
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot read the version on disk: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl SaveError {
    /// Classifies an I/O error met while writing `path`, by the one mapping every writer shares
    /// ([`store::classify_io`]).
    pub fn from_io(path: &Path, source: std::io::Error) -> Self {
        let path = path.to_owned();
        match store::classify_io(&source) {
            StoreErrorKind::NoSpace => Self::NoSpace { path },
            StoreErrorKind::PermissionDenied => Self::PermissionDenied { path },
            StoreErrorKind::ReadOnly => Self::ReadOnlyFileSystem { path },
            _ => Self::Io { path, source },
        }
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Write { path, source } => Self::from_io(&path, source),
            StoreError::Read { path, source } => Self::Unreadable { path, source },
            other => Self::Broken {
                source: Box::new(other),
            },
        }
    }
}

/// What a save wrote.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The file as written (merged and restamped): the base of the next save.
    pub file: AnnotationFile,
    /// Whether changes made on disk since `base` were merged in.
    pub merged: bool,
    /// Both-sides changes the merge kept both versions of.
    pub conflicts: Vec<String>,
    pub restamp: Restamped,
}

/// Reads the annotation file at `path`; `Ok(None)` when there is none.
pub fn read_existing(path: &Path) -> Result<Option<AnnotationFile>, SaveError> {
    match store::load(path) {
        Ok(file) => Ok(Some(file)),
        Err(StoreError::Read { source, .. }) if source.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Saves `ours` to `path` for the text of `doc`. `base` is the version `ours` started from
/// (`None`: there was no file): if the file on disk differs from it, the two are merged by span
/// identity first, each brought onto `doc`'s text (following a diff from the text it was made
/// on when `texts` has it). Every span ends up valid in `doc`, ambiguous or an orphan, and only
/// then is `doc`'s hash stamped. A file with spans has its text kept in `texts`' store.
pub fn save_merged(
    path: &Path,
    ours: &AnnotationFile,
    base: Option<&AnnotationFile>,
    doc: &Document,
    texts: &Lookup,
) -> Result<Saved, SaveError> {
    let saved = merged(path, ours, base, doc, texts)?;
    store::save(path, &saved.file)?;
    keep_text(&saved.file, doc, texts);
    Ok(saved)
}

/// Keeps the text a file with spans is now stamped on, so a later change can be followed by
/// diff. The store is a convenience: a text it cannot keep is looked for in git later.
pub(crate) fn keep_text(file: &AnnotationFile, doc: &Document, texts: &Lookup) {
    if file.all_spans().next().is_some() {
        let _ = texts.keep(doc);
    }
}

/// [`save_merged`] for a batch (`glosser import`): the same read, refusal, merge and restamp, but
/// the file is only staged — written to a temp file (or into a new folder's staging folder, see
/// `fsio::NewFolders`) without an fsync. The caller makes the batch
/// durable (`fsio::make_durable`) and then renames each [`Staged`](crate::fsio::Staged) into
/// place; until then the file on disk is untouched. The caller keeps the text in the store
/// ([`keep_text`]) once the file is in place.
pub(crate) fn save_merged_staged(
    path: &Path,
    ours: &AnnotationFile,
    base: Option<&AnnotationFile>,
    doc: &Document,
    texts: &Lookup,
    new: &crate::fsio::NewFolders,
) -> Result<(Saved, crate::fsio::Staged), SaveError> {
    let saved = merged(path, ours, base, doc, texts)?;
    let staged = store::stage(path, &saved.file, new)?;
    Ok((saved, staged))
}

/// What [`save_merged`] writes: `ours` merged with the file on disk and restamped.
fn merged(
    path: &Path,
    ours: &AnnotationFile,
    base: Option<&AnnotationFile>,
    doc: &Document,
    texts: &Lookup,
) -> Result<Saved, SaveError> {
    let disk = read_existing(path)?;
    let mut result = ours.clone();
    let mut report = restamp(&mut result, doc, texts);
    let mut merged = false;
    let mut conflicts = Vec::new();
    if let Some(disk) = disk
        && base != Some(&disk)
    {
        let mut theirs = disk;
        // What becomes of the other version's spans is part of what this save did.
        report = report.then(restamp(&mut theirs, doc, texts));
        let mut base = base.cloned().unwrap_or_else(|| empty_like(&theirs));
        restamp(&mut base, doc, texts);
        let Merged {
            file,
            conflicts: found,
        } = merge3(&base, &result, &theirs);
        result = file;
        report = report.then(restamp(&mut result, doc, texts));
        merged = true;
        conflicts = found;
    }
    Ok(Saved {
        file: result,
        merged,
        conflicts,
        restamp: report,
    })
}

pub mod recovery;

#[cfg(test)]
mod tests;
