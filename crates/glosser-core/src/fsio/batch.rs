//! Batched atomic writes (like git's `core.fsync=batch`): many files are written to temp files
//! without an fsync each, made durable together with one `syncfs` per file system, then renamed
//! into place, then each distinct directory is fsynced once. The guarantee is [`AtomicFile`]'s:
//! nothing is renamed over a file before its new bytes are on disk, so after a crash every file
//! is its old version or its new one, never a torn one.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::{AtomicFile, NewFolders, parent_dir};

/// A file written to its temp file but not yet in place. Dropped without [`Staged::rename`], the
/// temp file is removed and the target is untouched.
#[derive(Debug)]
pub struct Staged {
    /// Where the bytes are: a temp file beside the target, or the target's place inside the
    /// staging folder of a new folder. Empty once the file is in place.
    temp: PathBuf,
    path: PathBuf,
    /// Written inside a new folder's staging folder: [`NewFolders::commit`] puts it in place.
    in_new_folder: bool,
}

impl Staged {
    /// Writes `bytes` to a temp file beside `path` (an existing file's mode is kept), without an
    /// fsync: call [`make_durable`] on it before [`Staged::rename`].
    pub fn write(path: &Path, bytes: &[u8]) -> io::Result<Self> {
        Self::write_in(path, bytes, &NewFolders::none())
    }

    /// [`Staged::write`], except that a file whose folder is one of `new`'s is written under its
    /// own name inside that folder's staging folder (it cannot exist yet, so there is no mode to
    /// keep and nothing to replace).
    pub(crate) fn write_in(path: &Path, bytes: &[u8], new: &NewFolders) -> io::Result<Self> {
        if let Some(place) = new.place(path) {
            let mut file = match create_new(&place) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    std::fs::create_dir_all(parent_dir(&place))?;
                    create_new(&place)
                }
                other => other,
            }?;
            let staged = Self {
                temp: place,
                path: path.to_owned(),
                in_new_folder: true,
            };
            file.write_all(bytes)?;
            return Ok(staged);
        }
        let mut out = AtomicFile::create(path)?;
        out.file().write_all(bytes)?;
        out.file().flush()?;
        if let Ok(meta) = std::fs::metadata(path) {
            out.file().set_permissions(meta.permissions())?;
        }
        let temp = std::mem::take(&mut out.temp);
        Ok(Self {
            temp,
            path: path.to_owned(),
            in_new_folder: false,
        })
    }

    /// Whether [`NewFolders::commit`] puts this file in place with its folder (no directory of
    /// its own to fsync after [`Staged::rename`]).
    pub(crate) fn in_new_folder(&self) -> bool {
        self.in_new_folder
    }

    /// The file this one will replace.
    pub fn target(&self) -> &Path {
        &self.path
    }

    /// The directory the bytes were written in (the target's, or inside a staging folder).
    pub fn dir(&self) -> &Path {
        parent_dir(&self.temp)
    }

    /// Renames the temp file over the target. Only after [`make_durable`] succeeded for it; the
    /// directory still needs [`sync_dirs`]. A file in a new folder stays where it is, kept, for
    /// [`NewFolders::commit`] to put in place with its folder.
    pub fn rename(mut self) -> io::Result<()> {
        if !self.in_new_folder {
            std::fs::rename(&self.temp, &self.path)?;
        }
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Makes the data of every staged temp file durable: one `syncfs` per file system their
/// directories are on (Linux), or an fsync of each file elsewhere. An error means none of them
/// may be renamed.
pub(crate) fn make_durable<'a>(staged: impl IntoIterator<Item = &'a Staged>) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let dirs: BTreeSet<&Path> = staged.into_iter().map(Staged::dir).collect();
        let mut devices = BTreeSet::new();
        for dir in dirs {
            let d = File::open(dir)?;
            let stat = rustix::fs::fstat(&d)?;
            if devices.insert(stat.st_dev) {
                rustix::fs::syncfs(&d)?;
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        for s in staged {
            File::open(&s.temp)?.sync_all()?;
        }
        Ok(())
    }
}

/// Fsyncs each directory once, after the renames into it (best effort, like [`AtomicFile`]).
pub(crate) fn sync_dirs<'a>(dirs: impl IntoIterator<Item = &'a Path>) {
    let dirs: BTreeSet<&Path> = dirs.into_iter().collect();
    for dir in dirs {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Writes every `(path, bytes)` as one batch: each lands whole or not at all. Returns, in order,
/// what became of each one.
#[cfg(test)]
pub(crate) fn write_all(files: &[(&Path, &[u8])]) -> Vec<io::Result<()>> {
    let mut results: Vec<io::Result<()>> = Vec::with_capacity(files.len());
    let mut staged = Vec::new();
    for (i, (path, bytes)) in files.iter().enumerate() {
        match Staged::write(path, bytes) {
            Ok(s) => {
                results.push(Ok(()));
                staged.push((i, s));
            }
            Err(e) => results.push(Err(e)),
        }
    }
    if let Err(e) = make_durable(staged.iter().map(|(_, s)| s)) {
        for (i, _) in &staged {
            results[*i] = Err(io::Error::new(e.kind(), e.to_string()));
        }
        return results;
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (i, s) in staged {
        dirs.push(parent_dir(s.target()).to_owned());
        if let Err(e) = s.rename() {
            results[i] = Err(e);
        }
    }
    sync_dirs(dirs.iter().map(PathBuf::as_path));
    results
}

/// Creates `path`, which must not exist, with the umask's mode.
fn create_new(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(path)
}

#[cfg(test)]
mod tests;
