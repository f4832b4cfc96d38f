//! The one recovery writer: an annotation file that cannot be saved in the corpus (a full disk,
//! a read-only folder, an article renamed away) is written into the recovery folder instead,
//! restamped onto its text when the text is known, under a name that says when and for which
//! document.

use std::path::{Path, PathBuf};

use crate::old_texts::Lookup;
use crate::reanchor::restamp;
use crate::store::{self, AnnotationFile};
use crate::text::Document;

/// Where unsaved annotation files go when they cannot be saved in the corpus.
pub fn dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "glosser").map_or_else(
        || std::env::temp_dir().join("glosser-recovery"),
        |d| d.data_local_dir().join("recovery"),
    )
}

/// A recovery file that could not be written either.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct RecoveryError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Writes `file` (the edits of document `id`) into `dir`, restamped onto `doc` when it is
/// known; returns the path written.
pub fn write(
    dir: &Path,
    id: &str,
    file: &AnnotationFile,
    doc: Option<&Document>,
    texts: &Lookup,
) -> Result<PathBuf, RecoveryError> {
    let mut file = file.clone();
    if let Some(doc) = doc {
        restamp(&mut file, doc, texts);
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let path = dir.join(format!(
        "{stamp}-{}.{}.ron",
        id.replace('/', "__"),
        file.annotator
    ));
    std::fs::create_dir_all(dir)
        .and_then(|()| crate::fsio::write_atomic(&path, store::to_ron(&file).as_bytes()))
        .map_err(|source| RecoveryError {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}
