//! The text store: a copy of every text glosser stamped on an annotation file with spans, kept
//! at the corpus root in `.glosser/texts/<sha256>` (the file's bytes, BOM included). The folder
//! ignores itself in git (`.glosser/.gitignore` holds `*`) and is skipped by corpus scans like
//! every hidden folder. It may grow to [`CAP_BYTES`]; past that, on the next keep after a day,
//! the texts used longest ago are removed until it is back under four fifths of that. Deleting
//! the folder is always safe: a text that is gone is looked for in git, and without it spans are
//! found by their words and context.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::document_if;
use crate::text::Document;

/// How large the store may grow before the least recently used texts are removed.
pub const CAP_BYTES: u64 = 256 * 1024 * 1024;
/// How often the store's size is checked.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
const MARKER: &str = ".pruned";

/// A corpus's copies of the texts its spans were anchored on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextStore {
    /// `<corpus>/.glosser`.
    home: PathBuf,
}

impl TextStore {
    /// The store of the corpus at `root` (created on the first [`Self::keep`]).
    pub fn for_corpus(root: &Path) -> Self {
        Self {
            home: root.join(".glosser"),
        }
    }

    /// The store of the nearest folder above `article` that has one.
    pub fn above(article: &Path) -> Option<Self> {
        let start = super::folder_of(article);
        let start = fs::canonicalize(&start).unwrap_or(start);
        start
            .ancestors()
            .map(Self::for_corpus)
            .find(|store| is_real_dir(&store.texts()))
    }

    fn texts(&self) -> PathBuf {
        self.home.join("texts")
    }

    fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        let hex = sha256.len() == 64
            && sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        hex.then(|| self.texts().join(sha256))
    }

    /// Keeps a copy of `doc`'s text (a no-op when it is there: only its use time is renewed).
    pub fn keep(&self, doc: &Document) -> io::Result<()> {
        let Some(path) = self.path_of(doc.sha256()) else {
            return Ok(());
        };
        if path.is_file() {
            return touch(&path);
        }
        self.make_folders()?;
        let texts = self.texts();
        let mut temp = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempfile_in(&texts)?;
        temp.write_all(&super::file_bytes(doc))?;
        temp.persist(&path).map_err(|e| e.error)?;
        self.prune_now_and_then()
    }

    /// The text with hash `sha256`, if the store has it (and it is intact).
    pub fn find(&self, sha256: &str) -> Option<Document> {
        let path = self.path_of(sha256)?;
        let bytes = fs::read(&path).ok()?;
        let doc = document_if(bytes, sha256, &path)?;
        let _ = touch(&path);
        Some(doc)
    }

    fn make_folders(&self) -> io::Result<()> {
        for dir in [&self.home, &self.texts()] {
            match fs::symlink_metadata(dir) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    return Err(io::Error::other(format!(
                        "{} is not a folder; glosser keeps old texts there — move it away",
                        dir.display()
                    )));
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir(dir)?,
                Err(e) => return Err(e),
            }
        }
        let ignore = self.home.join(".gitignore");
        if !ignore.exists() {
            fs::write(
                ignore,
                "# glosser's copies of old article texts (docs/format.md)\n*\n",
            )?;
        }
        Ok(())
    }

    /// Removes the least recently used texts when the store is over [`CAP_BYTES`], at most once
    /// a day.
    fn prune_now_and_then(&self) -> io::Result<()> {
        let marker = self.texts().join(MARKER);
        let due = fs::metadata(&marker)
            .and_then(|m| m.modified())
            .map_or(true, |t| {
                SystemTime::now()
                    .duration_since(t)
                    .is_ok_and(|age| age >= PRUNE_EVERY)
            });
        if due {
            fs::write(&marker, b"")?;
            self.prune(CAP_BYTES)?;
        }
        Ok(())
    }

    /// Removes texts used longest ago until the store holds at most four fifths of `cap` bytes
    /// (nothing when it is under `cap`); returns how many were removed.
    pub(crate) fn prune(&self, cap: u64) -> io::Result<usize> {
        let mut texts: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in fs::read_dir(self.texts())? {
            let entry = entry?;
            let meta = entry.metadata()?;
            let name = entry.file_name();
            if meta.is_file() && name.len() == 64 {
                texts.push((meta.modified()?, meta.len(), entry.path()));
            }
        }
        let mut total: u64 = texts.iter().map(|t| t.1).sum();
        if total <= cap {
            return Ok(0);
        }
        texts.sort();
        let mut removed = 0;
        for (_, size, path) in texts {
            if total <= cap / 5 * 4 {
                break;
            }
            fs::remove_file(path)?;
            total -= size;
            removed += 1;
        }
        Ok(removed)
    }
}

fn is_real_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// Marks a text as used now.
fn touch(path: &Path) -> io::Result<()> {
    fs::File::options()
        .append(true)
        .open(path)?
        .set_modified(SystemTime::now())
}

#[cfg(test)]
mod tests;
