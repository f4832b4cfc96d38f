//! Noticing git at work in the repository that holds a corpus, from its files alone (a few
//! `stat` calls and one folder listing, no git process): a lock git holds while it writes
//! (`index.lock`, `HEAD.lock`, the temporary index of `git stash create`), the state files of an
//! operation (`rebase-merge/`, `rebase-apply/`, `MERGE_HEAD`, `CHERRY_PICK_HEAD`, …) and the
//! files every operation touches (`HEAD`, `ORIG_HEAD`, `FETCH_HEAD`, the index, the reflog, the
//! stash). A linked work tree's own git folder is watched, with the common one for the stash.
//!
//! [`GitWatch::poll`] says whether git is busy: a lock is held (and younger than
//! [`STALE_LOCK`]), or something changed less than [`QUIET`] ago. A rebase or merge stopped for
//! the user (its folder there, nothing changing) is not busy: the user is meant to edit then.
//! Every change seen bumps [`GitWatch::generation`], so a writer can tell whether git did
//! anything since it last looked.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// After a change to git's files, git counts as busy for this long: the steps of one
/// operation (a fetch, then a stash, a reset, a checkout, each commit replayed) follow each
/// other closer than that.
pub const QUIET: Duration = Duration::from_secs(1);

/// A lock older than this is taken for one a crashed git left behind: it no longer holds
/// writers back (git itself refuses to run until it is deleted, and says so).
pub const STALE_LOCK: Duration = Duration::from_secs(30);

/// The git folders of the work tree a corpus lives in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitDirs {
    /// This work tree's own git folder (`.git`, or `.git/worktrees/NAME` of a linked one).
    pub git_dir: PathBuf,
    /// The folder shared by every work tree of the repository (refs, the stash).
    pub common_dir: PathBuf,
}

impl GitDirs {
    /// The git folders of the work tree holding `folder`, found by walking up to a `.git`
    /// folder or file (`gitdir: …`, a linked work tree or a submodule); `None` outside git.
    pub fn find(folder: &Path) -> Option<Self> {
        let start = folder.canonicalize().unwrap_or_else(|_| folder.to_owned());
        for dir in start.ancestors() {
            let dot_git = dir.join(".git");
            let Ok(meta) = std::fs::metadata(&dot_git) else {
                continue;
            };
            let git_dir = if meta.is_dir() {
                dot_git
            } else {
                let text = std::fs::read_to_string(&dot_git).ok()?;
                let target = text.lines().find_map(|l| l.strip_prefix("gitdir:"))?.trim();
                dir.join(target)
            };
            let common_dir = std::fs::read_to_string(git_dir.join("commondir"))
                .ok()
                .map_or_else(|| git_dir.clone(), |c| git_dir.join(c.trim()));
            return Some(Self {
                git_dir,
                common_dir,
            });
        }
        None
    }
}

/// What a file looked like: missing, or its size, modification time and inode (git replaces
/// files through a lock and a rename, so a rewrite with the same size and time still shows).
type Stamp = Option<(u64, Option<SystemTime>, u64)>;

fn stamp(path: &Path) -> Stamp {
    use std::os::unix::fs::MetadataExt as _;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok(), meta.ino()))
}

/// Files of the work tree's own git folder whose change means git did something there.
const OWN_FILES: [&str; 13] = [
    "HEAD",
    "ORIG_HEAD",
    "FETCH_HEAD",
    "index",
    "MERGE_HEAD",
    "CHERRY_PICK_HEAD",
    "REVERT_HEAD",
    "REBASE_HEAD",
    "AUTO_MERGE",
    "rebase-merge",
    "rebase-apply",
    "sequencer",
    "logs/HEAD",
];

/// The same in the common folder.
const COMMON_FILES: [&str; 3] = ["refs/stash", "logs/refs/stash", "packed-refs"];

/// Operations in progress, by the file or folder git keeps while one runs or waits for the
/// user, and how to name them.
const OPERATIONS: [(&str, &str); 6] = [
    ("rebase-merge", "a rebase"),
    ("rebase-apply", "a rebase"),
    ("MERGE_HEAD", "a merge"),
    ("CHERRY_PICK_HEAD", "a cherry-pick"),
    ("REVERT_HEAD", "a revert"),
    ("sequencer", "a cherry-pick or revert"),
];

/// One look at git's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    stamps: Vec<Stamp>,
    /// A lock git holds while it writes, with its age: its name.
    lock: Option<(String, Duration)>,
    /// The operation in progress (running or stopped for the user), if any.
    operation: Option<&'static str>,
}

impl Look {
    /// Looks at the files of `dirs` now.
    pub fn take(dirs: &GitDirs) -> Self {
        let mut stamps: Vec<Stamp> = OWN_FILES
            .iter()
            .map(|f| stamp(&dirs.git_dir.join(f)))
            .collect();
        stamps.extend(COMMON_FILES.iter().map(|f| stamp(&dirs.common_dir.join(f))));
        let operation = OPERATIONS
            .iter()
            .find(|(f, _)| dirs.git_dir.join(f).exists())
            .map(|(_, name)| *name);
        Self {
            stamps,
            lock: held_lock(&dirs.git_dir),
            operation,
        }
    }
}

/// A lock in the git folder: `index.lock`, `HEAD.lock`, or the temporary index `git stash`
/// writes the work tree into (`index.stash.PID`), with how old it is.
fn held_lock(git_dir: &Path) -> Option<(String, Duration)> {
    let entries = std::fs::read_dir(git_dir).ok()?;
    entries.flatten().find_map(|entry| {
        let name = entry.file_name().into_string().ok()?;
        let lock = name == "index.lock" || name == "HEAD.lock" || name.starts_with("index.stash.");
        if !lock {
            return None;
        }
        let age = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .unwrap_or_default();
        Some((name, age))
    })
}

fn lock_name(look: &Look) -> Option<&str> {
    look.lock.as_ref().map(|(name, _)| name.as_str())
}

/// Whether git is working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Busy {
    /// Nothing is running (an operation may be stopped, waiting for the user).
    Idle,
    /// Git is at work; the words say what ("a rebase is running", "git holds .git/index.lock").
    Working(String),
}

impl Busy {
    pub fn is_busy(&self) -> bool {
        matches!(self, Self::Working(_))
    }
}

/// Watches one repository over time.
#[derive(Debug, Default)]
pub struct GitWatch {
    dirs: Option<GitDirs>,
    last: Option<Look>,
    changed_at: Option<Instant>,
    generation: u64,
}

impl GitWatch {
    /// A watch over the repository holding `folder`; it never reports anything outside git.
    pub fn new(folder: &Path) -> Self {
        Self {
            dirs: GitDirs::find(folder),
            ..Self::default()
        }
    }

    /// Whether the corpus is in a git work tree at all.
    pub fn is_active(&self) -> bool {
        self.dirs.is_some()
    }

    /// How many changes to git's files have been seen; a writer that remembers it can tell
    /// later whether git did anything since.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The operation in progress at the last look (running or stopped), if any.
    pub fn operation(&self) -> Option<&'static str> {
        self.last.as_ref().and_then(|l| l.operation)
    }

    /// Looks at git's files now and says whether git is busy.
    pub fn poll(&mut self, now: Instant) -> Busy {
        let Some(dirs) = &self.dirs else {
            return Busy::Idle;
        };
        let look = Look::take(dirs);
        if let Some(last) = &self.last
            && (last.stamps != look.stamps || lock_name(last) != lock_name(&look))
        {
            self.generation += 1;
            self.changed_at = Some(now);
        }
        let busy = match &look.lock {
            Some((name, age)) if *age < STALE_LOCK => {
                Busy::Working(format!("git holds .git/{name}"))
            }
            _ if self
                .changed_at
                .is_some_and(|t| now.saturating_duration_since(t) < QUIET) =>
            {
                Busy::Working(format!(
                    "{} is running",
                    look.operation.unwrap_or("a git command")
                ))
            }
            _ => Busy::Idle,
        };
        self.last = Some(look);
        busy
    }

    /// A lock left behind by a git that is gone (older than [`STALE_LOCK`]), by name.
    pub fn stale_lock(&self) -> Option<&str> {
        self.last
            .as_ref()
            .and_then(|l| l.lock.as_ref())
            .filter(|(_, age)| *age >= STALE_LOCK)
            .map(|(name, _)| name.as_str())
    }
}

#[cfg(test)]
mod tests;
