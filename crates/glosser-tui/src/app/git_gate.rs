//! Saves never race git (issue 31): what the TUI knows of git at work in the corpus's
//! repository, and the saves git may have overwritten. `update/save/git.rs` holds and settles.

use std::time::Instant;

use glosser_core::git_watch::{Busy, GitWatch};
use glosser_core::store::AnnotationFile;

/// Git as the saving code sees it: the watch over the repository (inactive outside git) and
/// whether the user was told that saves are held.
#[derive(Debug)]
pub struct GitGate {
    watch: GitWatch,
    /// What the last look said.
    busy: Busy,
    /// The user was told saves are held; the end of it is said once too.
    pub(crate) told: bool,
    /// The latest time seen: callers without an event's time (a save on a key) look "now",
    /// and time never runs backwards for the watch (tests drive time ahead of the clock).
    latest: Option<Instant>,
    /// How long a way out waits for git to finish (5 seconds; tests set less).
    pub(crate) exit_wait: std::time::Duration,
}

impl GitGate {
    /// A gate over the repository holding the corpus at `root` (always open outside git).
    pub fn new(root: &std::path::Path) -> Self {
        Self {
            watch: GitWatch::new(root),
            busy: Busy::Idle,
            told: false,
            latest: None,
            exit_wait: std::time::Duration::from_secs(5),
        }
    }

    /// `now`, or the latest time seen if that is later.
    pub(crate) fn clock(&mut self, now: Instant) -> Instant {
        let now = self.latest.map_or(now, |latest| latest.max(now));
        self.latest = Some(now);
        now
    }

    /// Looks at git now: why saves must wait, or `None`.
    pub(crate) fn hold(&mut self, now: Instant) -> Option<String> {
        let now = self.clock(now);
        self.busy = self.watch.poll(now);
        match &self.busy {
            Busy::Working(why) => Some(why.clone()),
            Busy::Idle => None,
        }
    }

    /// Changes to git's files seen so far (see [`GitWatch::generation`]).
    pub(crate) fn generation(&self) -> u64 {
        self.watch.generation()
    }

    pub(crate) fn is_active(&self) -> bool {
        self.watch.is_active()
    }

    /// A lock a crashed git left behind, if the last look found one.
    pub(crate) fn stale_lock(&self) -> Option<&str> {
        self.watch.stale_lock()
    }
}

/// Saves of one session that git may not have seen: written while nothing said git was busy,
/// and not yet confirmed by a quiet look afterwards. `git pull --rebase --autostash` stashes the
/// work tree, resets it and applies the stash at the end: a save that lands between the stash
/// and the reset is in neither. If git changed anything since, and the file on disk is not what
/// was written, the session merges its file again from `before` (the one save path).
#[derive(Debug, Clone)]
pub struct Unconfirmed {
    /// The file as it was before these saves (`None`: there was none).
    pub before: Option<AnnotationFile>,
    /// What the last of them wrote.
    pub written: AnnotationFile,
    /// The watch's generation before the first of them.
    pub generation: u64,
    /// When the last was written.
    pub at: Instant,
}
