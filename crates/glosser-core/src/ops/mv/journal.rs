//! What `glosser mv` has done so far, so that a failure at any step undoes every earlier one, in
//! reverse order: folders it created, files it linked or wrote, files it parked out of the way
//! (`fsio::park`) and the old article it unlinked. Only when every step succeeded are the
//! parked files deleted.

use std::path::{Path, PathBuf};

/// One undoable step.
#[derive(Debug)]
enum Step {
    /// A folder that did not exist: removed (if still empty).
    CreatedDir(PathBuf),
    /// A file that did not exist (the article's new link, an annotation file written): removed.
    Created(PathBuf),
    /// A file parked out of the way: put back.
    Parked { path: PathBuf, parked: PathBuf },
    /// The old article's name, unlinked while its new link holds the same file: linked again.
    Unlinked { path: PathBuf, link: PathBuf },
}

/// The steps done so far, first to last.
#[derive(Debug, Default)]
pub struct Journal {
    steps: Vec<Step>,
}

impl Journal {
    /// Creates `dir` and every missing folder above it, noting each one created.
    pub(crate) fn create_dirs(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(d) =
            at.filter(|d| !d.as_os_str().is_empty() && d.symlink_metadata().is_err())
        {
            missing.push(d.to_owned());
            at = d.parent();
        }
        for d in missing.into_iter().rev() {
            match std::fs::create_dir(&d) {
                Ok(()) => self.steps.push(Step::CreatedDir(d)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Notes a file that did not exist before and now does.
    pub fn created(&mut self, path: &Path) {
        self.steps.push(Step::Created(path.to_owned()));
    }

    /// Parks `path` out of the way ([`crate::fsio::park`]), noting where.
    pub(crate) fn park(&mut self, path: &Path) -> std::io::Result<()> {
        let parked = crate::fsio::park(path)?;
        self.steps.push(Step::Parked {
            path: path.to_owned(),
            parked,
        });
        Ok(())
    }

    /// Removes `path`, whose file is also linked at `link` (so it can be linked back).
    pub fn unlink(&mut self, path: &Path, link: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)?;
        self.steps.push(Step::Unlinked {
            path: path.to_owned(),
            link: link.to_owned(),
        });
        Ok(())
    }

    /// Every step succeeded: deletes the parked files. Returns the ones that could not be
    /// deleted (left as hidden temp files, which `validate` names), as messages.
    pub fn commit(self) -> Vec<String> {
        let mut left = Vec::new();
        for step in self.steps {
            if let Step::Parked { path, parked } = step
                && let Err(e) = std::fs::remove_file(&parked)
            {
                left.push(format!(
                    "{}: the old copy of {} could not be deleted ({e}); delete it",
                    parked.display(),
                    path.display()
                ));
            }
        }
        left
    }

    /// Undoes every step, last first. Returns what could not be undone, as messages naming
    /// the file and what to do; empty when everything is as it was.
    pub(crate) fn roll_back(self) -> Vec<String> {
        let mut left = Vec::new();
        for step in self.steps.into_iter().rev() {
            let undone = match &step {
                Step::CreatedDir(d) => std::fs::remove_dir(d),
                Step::Created(p) => std::fs::remove_file(p),
                Step::Parked { path, parked } => crate::fsio::unpark(parked, path),
                Step::Unlinked { path, link } => std::fs::hard_link(link, path),
            };
            if let Err(e) = undone {
                left.push(match step {
                    Step::CreatedDir(d) => {
                        format!("{}: the new folder could not be removed ({e})", d.display())
                    }
                    Step::Created(p) => {
                        format!("{}: could not be removed ({e}); delete it", p.display())
                    }
                    Step::Parked { path, parked } => format!(
                        "{}: could not be put back ({e}); it is in {}: rename it back",
                        path.display(),
                        parked.display()
                    ),
                    Step::Unlinked { path, link } => format!(
                        "{}: could not be linked back ({e}); the article is at {}: move it back",
                        path.display(),
                        link.display()
                    ),
                });
            }
        }
        left
    }
}
