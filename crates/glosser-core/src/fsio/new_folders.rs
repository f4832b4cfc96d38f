//! Folders a batch creates (`glosser import` into folders that do not exist yet): each one is
//! built as a hidden staging folder beside where it will be (`.glosser-*.tmp`, skipped by every
//! corpus walk), its files written there under their own names, and the whole folder renamed into
//! place once the batch is durable. Its files need no temp names and no renames of their own, and
//! the folder appears with every file complete or not at all: after a crash there is either no
//! folder or the whole one (plus, at worst, a hidden staging folder to delete).
//!
//! Linux only, where [`super::make_durable`]'s `syncfs` makes the staging folders' entries durable
//! with their files; elsewhere no folder is staged and every file takes the temp-file path.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// The staging folders of one batch. Dropped, every staging folder not renamed into place is
/// removed with what it holds.
#[derive(Debug, Default)]
pub struct NewFolders {
    /// Each topmost missing folder and the staging folder that stands for it until the commit.
    staged: Vec<(PathBuf, PathBuf)>,
}

impl NewFolders {
    /// No folder staged: every file is written beside its target.
    pub fn none() -> Self {
        Self::default()
    }

    /// Stages each of `folders` (paths under `root`) that does not exist: its topmost missing
    /// ancestor gets a staging folder. A folder reached through a symlink, or whose staging folder
    /// cannot be made, is left to the temp-file path (which reports its own errors).
    pub fn create<'a>(root: &Path, folders: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut new = Self::none();
        if !cfg!(target_os = "linux") {
            return new;
        }
        let mut tops = BTreeSet::new();
        for folder in folders {
            if new.place(folder).is_none()
                && let Some(top) = topmost_missing(root, folder)
            {
                tops.insert(top);
            }
        }
        for top in tops {
            if let Some(stage) = make_staging_folder(&top) {
                new.staged.push((top, stage));
            }
        }
        new
    }

    /// Where a file meant for `path` is written instead: its place inside the staging folder of
    /// the new folder it is in, or `None` when its folder is not new.
    pub fn place(&self, path: &Path) -> Option<PathBuf> {
        self.staged.iter().find_map(|(top, stage)| {
            path.strip_prefix(top)
                .ok()
                .filter(|rest| !rest.as_os_str().is_empty())
                .map(|rest| stage.join(rest))
        })
    }

    /// Renames into place each staging folder that holds one of `kept` (the targets of the
    /// files put in place); staging folders holding none are removed. Returns each folder that
    /// could not be put in place with why: the files meant for it are not there.
    pub fn commit<'a>(
        &mut self,
        kept: impl IntoIterator<Item = &'a Path>,
    ) -> Vec<(PathBuf, io::Error)> {
        let kept: Vec<&Path> = kept.into_iter().collect();
        let mut failed = Vec::new();
        let mut parents = BTreeSet::new();
        for (top, stage) in std::mem::take(&mut self.staged) {
            if !kept.iter().any(|k| k.starts_with(&top)) {
                let _ = std::fs::remove_dir_all(&stage);
                continue;
            }
            match std::fs::rename(&stage, &top) {
                Ok(()) => {
                    parents.insert(super::parent_dir(&top).to_owned());
                }
                Err(e) => {
                    let _ = std::fs::remove_dir_all(&stage);
                    failed.push((top, e));
                }
            }
        }
        super::sync_dirs(parents.iter().map(PathBuf::as_path));
        failed
    }

    /// The new folder `path` is in, if it is in one.
    #[cfg(test)]
    pub(crate) fn folder_of(&self, path: &Path) -> Option<&Path> {
        self.staged
            .iter()
            .map(|(top, _)| top.as_path())
            .find(|top| path.starts_with(top) && path != *top)
    }
}

impl Drop for NewFolders {
    fn drop(&mut self) {
        for (_, stage) in &self.staged {
            let _ = std::fs::remove_dir_all(stage);
        }
    }
}

/// The topmost folder of `folder` (under `root`) that does not exist, if one does not; `None`
/// when it exists, when a folder on the way is a symlink or not a folder, or when `folder` is not
/// under `root`.
fn topmost_missing(root: &Path, folder: &Path) -> Option<PathBuf> {
    let rest = folder.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in rest.components() {
        if !matches!(part, std::path::Component::Normal(_)) {
            return None;
        }
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.is_dir() => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Some(at),
            Ok(_) | Err(_) => return None,
        }
    }
    None
}

/// Makes an empty hidden folder beside `top` to stand for it.
fn make_staging_folder(top: &Path) -> Option<PathBuf> {
    let dir = super::parent_dir(top);
    let seed = super::temp_seed();
    for attempt in 0u64..64 {
        let stage = dir.join(super::temp_name(seed, attempt));
        match std::fs::create_dir(&stage) {
            Ok(()) => return Some(stage),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(_) => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests;
