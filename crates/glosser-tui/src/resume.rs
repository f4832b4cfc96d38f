//! Where you left off: the last document and cursor per corpus and annotator, kept in the
//! platform's state (or local data) dir — never in the corpus, which a team shares through git.
//! `$GLOSSER_STATE_DIR` puts the file elsewhere (tests, portable set-ups). A place belongs to
//! one copy of the corpus: a folder deleted and copied anew at the same path (a fresh clone, a
//! new batch) is another corpus, and opens at its top.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Environment variable naming the folder of the resume file.
pub const STATE_DIR_ENV: &str = "GLOSSER_STATE_DIR";

/// Where one corpus was left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The document id (path relative to the corpus).
    pub document: String,
    /// The cursor, in chars.
    pub cursor: usize,
    /// Which copy of the corpus folder it was (see [`copy_of`]); a place without one (written
    /// by an older glosser) is trusted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
}

/// What tells one copy of a corpus folder from another at the same path: its device, inode and
/// creation time, as far as the platform gives them.
pub(crate) fn copy_of(root: &Path) -> Option<String> {
    let meta = std::fs::metadata(root).ok()?;
    let created = meta
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let node = {
        use std::os::unix::fs::MetadataExt as _;
        format!("{}:{}", meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let node = String::new();
    Some(format!("{node}:{created}"))
}

/// The resume file: corpus folder and annotator → place.
type Places = BTreeMap<String, Place>;

/// The resume file's path, if there is a place for it.
pub(crate) fn resume_path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("resume.json"));
    }
    let dirs = directories::ProjectDirs::from("", "", "glosser")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("resume.json"))
}

/// The key of a corpus and annotator: the corpus's absolute path, so two clones never mix.
fn key(root: &Path, annotator: &str) -> String {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    format!("{}\u{1f}{annotator}", root.display())
}

fn read(path: &Path) -> Places {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Where `annotator` left this corpus, if anywhere (and if it is still the same copy).
pub(crate) fn recall(path: &Path, root: &Path, annotator: &str) -> Option<Place> {
    let place = read(path).remove(&key(root, annotator))?;
    let same_copy = place.copy.is_none() || place.copy == copy_of(root);
    same_copy.then_some(place)
}

/// Remembers the place; a failure only costs the resume, so it is returned for the caller to
/// mention, never fatal.
pub(crate) fn remember(
    path: &Path,
    root: &Path,
    annotator: &str,
    place: Place,
) -> std::io::Result<()> {
    let mut places = read(path);
    places.insert(key(root, annotator), place);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(&places).map_err(std::io::Error::other)?;
    glosser_core::fsio::write_atomic(path, text.as_bytes())
}

/// The document index and cursor to open a corpus at for `annotator`: where they left it, when
/// that document is still there; else the first document at offset 0.
pub(crate) fn starting_place(
    path: Option<&Path>,
    corpus: &glosser_core::corpus::Corpus,
    annotator: &str,
) -> (usize, usize) {
    path.and_then(|p| recall(p, &corpus.root, annotator))
        .and_then(|place| {
            let index = corpus
                .documents
                .iter()
                .position(|d| d.id == place.document)?;
            Some((index, place.cursor))
        })
        .unwrap_or((0, 0))
}

/// Remembers where the app is; a warning when that could not be written.
pub(crate) fn remember_app(app: &super::app::App, path: Option<&Path>) -> Option<String> {
    let path = path?;
    let index = app.open?;
    let place = Place {
        document: app.corpus.documents.get(index)?.id.clone(),
        cursor: app.session()?.cursor,
        copy: copy_of(&app.corpus.root),
    };
    remember(path, &app.corpus.root, &app.annotator, place)
        .err()
        .map(|e| {
            format!(
                "could not remember where you were ({}): {e}",
                path.display()
            )
        })
}

#[cfg(test)]
mod tests;
