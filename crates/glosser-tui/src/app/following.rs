//! What following the corpus remembers between polls (`update::follow` does the polling).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Instant, SystemTime};

/// An article's size and modification time.
pub type Stamp = Option<(u64, SystemTime)>;

/// What the last poll saw.
#[derive(Debug, Default)]
pub struct Follow {
    pub(crate) last_poll: Option<Instant>,
    /// Folder → modification time, for every folder that holds documents (and the root).
    pub(crate) dirs: BTreeMap<PathBuf, Option<SystemTime>>,
    /// Document id → the article's size and modification time when its session last read it.
    pub(crate) articles: HashMap<String, Stamp>,
    /// A listing of the corpus is under way (a job): no other starts meanwhile.
    pub(crate) rescanning: bool,
}

impl Follow {
    /// The listing on its thread has ended: follow the folders from the times they had before
    /// they were listed, so a change made while the listing ran is seen at the next poll.
    pub fn start(&mut self, folders: BTreeMap<PathBuf, Option<SystemTime>>, now: Instant) {
        self.dirs = folders;
        self.last_poll = Some(now);
    }
}
