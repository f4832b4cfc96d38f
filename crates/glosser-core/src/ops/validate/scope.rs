//! Scoping `validate` for hooks: one annotator (`--annotator`) and/or the files staged in git
//! (`--staged`). A staged article scopes in every annotation file of it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::ops::error::{Context, refuse};

/// Which annotation files a run of `validate` looks at.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Only this annotator's files.
    pub annotator: Option<String>,
    /// Only these paths (relative to the corpus root, `/`-separated): annotation files and
    /// articles (an article brings in all its annotation files).
    pub paths: Option<BTreeSet<String>>,
    /// Who is checking (the one committing, for the pre-commit hook): orphaned and ambiguous
    /// spans in anyone else's files are theirs to settle and no problem of this check.
    pub owner: Option<String>,
}

impl Scope {
    /// Whether the annotation file at `path` (of `annotator`, for the document `document_id`)
    /// is checked.
    pub(crate) fn includes(
        &self,
        root: &Path,
        path: &Path,
        annotator: &str,
        document_id: &str,
    ) -> bool {
        if self.annotator.as_deref().is_some_and(|a| a != annotator) {
            return false;
        }
        match &self.paths {
            None => true,
            Some(paths) => {
                paths.contains(document_id)
                    || path
                        .strip_prefix(root)
                        .ok()
                        .and_then(Path::to_str)
                        .is_some_and(|rel| paths.contains(&rel.replace('\\', "/")))
            }
        }
    }
}

/// The paths staged in the git repository holding `root`, relative to `root` (`git diff
/// --cached --name-only`); paths outside the corpus are left out.
pub fn staged_paths(root: &Path) -> crate::ops::Result<BTreeSet<String>> {
    let top = git(root, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(top.trim_end_matches('\n'));
    let names = git(root, &["diff", "--cached", "--name-only", "-z"])?;
    let root = root
        .canonicalize()
        .with_context(|| format!("{}: cannot resolve", root.display()))?;
    let top = top.canonicalize().unwrap_or(top);
    Ok(names
        .split('\0')
        .filter(|n| !n.is_empty())
        .filter_map(|name| {
            let rel = top.join(name);
            let rel = rel.strip_prefix(&root).ok()?;
            rel.to_str().map(|s| s.replace('\\', "/"))
        })
        .collect())
}

fn git(dir: &Path, args: &[&str]) -> crate::ops::Result<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("cannot run git (is it installed?)")?;
    if !out.status.success() {
        refuse!(
            "{}: git {} failed: {}; --staged needs a git repository",
            dir.display(),
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    String::from_utf8(out.stdout).context("git printed a path that is not UTF-8")
}
