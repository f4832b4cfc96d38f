//! Test-only fault points (compiled only under `cfg(test)`): a write to a chosen file fails as
//! a full disk or a refused write would, when [`super::AtomicFile::commit`] is about to put it in
//! place, so that callers' failure paths (`glosser mv`'s roll back) are tested on real files.

use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};

thread_local! {
    /// Files whose writes fail on this thread, with the error they fail with.
    static FAILING: RefCell<Vec<(PathBuf, io::ErrorKind)>> = const { RefCell::new(Vec::new()) };
}

/// Until the guard drops, every write of `path` on this thread fails with `kind` (nothing is
/// written: the temp file is removed, as after a real failure).
#[must_use = "the fault lasts as long as the guard"]
pub(crate) fn fail_writes_to(path: &Path, kind: io::ErrorKind) -> Guard {
    FAILING.with(|f| f.borrow_mut().push((path.to_owned(), kind)));
    Guard {
        path: path.to_owned(),
    }
}

/// Ends the fault of [`fail_writes_to`] when dropped.
pub struct Guard {
    path: PathBuf,
}

impl Drop for Guard {
    fn drop(&mut self) {
        FAILING.with(|f| f.borrow_mut().retain(|(p, _)| p != &self.path));
    }
}

/// The injected failure for a write of `path`, if any.
pub(super) fn check(path: &Path) -> io::Result<()> {
    FAILING.with(|f| match f.borrow().iter().find(|(p, _)| p == path) {
        Some((_, kind)) => Err(io::Error::new(*kind, "injected by fsio::fault")),
        None => Ok(()),
    })
}
