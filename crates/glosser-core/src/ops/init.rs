//! `glosser init [FOLDER]`: a team corpus in one command — the folder, a git repository (unless
//! the folder is inside one already), the label set in `glosser.ron` (the default labels, to
//! edit), an `assignments.ron` skeleton, and everything `git-setup --hook` does (the merge
//! driver, `.gitattributes`, `.gitignore`, the pre-commit hook). Idempotent: what is there is
//! kept, and it says what it did.

use std::path::Path;

use crate::ops::error::{Context, refuse};

/// `assignments.ron` as `init` writes it: nobody assigned yet, and how to say who does what.
pub const ASSIGNMENTS_SKELETON: &str = r#"// Who annotates what (docs/git.md). Annotator → documents: ids ("politics/ukraine.txt") or
// patterns, where `*` matches within one folder level, `?` one character and `**` any number of
// folders. `glosser status` shows who is assigned each document.
(
    assign: {
        // "alice": ["politics/**"],
        // "bob": ["politics/**", "sport/*.txt"],
    },
    // How many annotators each document needs (agreement is measured on the overlap); 0: any.
    overlap: 0,
)
"#;

/// Creates (or completes) the team corpus at `folder` for the glosser at `glosser`; one line
/// per thing done (none when everything was in place).
pub fn init(folder: &Path, glosser: &Path) -> crate::ops::Result<Vec<String>> {
    let mut done = Vec::new();
    if folder.exists() && !folder.is_dir() {
        refuse!(
            "{}: not a folder; give a folder for the corpus",
            folder.display()
        );
    }
    if !folder.exists() {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("{}: cannot create", folder.display()))?;
        done.push(format!("created the folder {}", folder.display()));
    }
    if crate::git_watch::GitDirs::find(folder).is_none() {
        let out = std::process::Command::new("git")
            .args(["init", "-q", "-b", "main"])
            .arg(folder)
            .output()
            .context("cannot run git (is it installed?)")?;
        if !out.status.success() {
            refuse!(
                "{}: git init failed: {}",
                folder.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        done.push(format!(
            "initialised a git repository in {} (branch main)",
            folder.display()
        ));
    }
    for (name, text, what) in [
        (
            crate::labels::CORPUS_CONFIG_FILE,
            crate::labels::DEFAULT_LABELS_RON,
            "the label set: the default labels, edit them before annotating",
        ),
        (
            crate::assignments::ASSIGNMENTS_FILE,
            ASSIGNMENTS_SKELETON,
            "who annotates what: nobody assigned yet",
        ),
    ] {
        let path = folder.join(name);
        if path.exists() {
            continue;
        }
        crate::fsio::write_atomic(&path, text.as_bytes())
            .with_context(|| format!("{}: cannot write", path.display()))?;
        done.push(format!("wrote {} ({what})", path.display()));
    }
    done.extend(super::git_setup::set_up(folder, true, glosser)?);
    Ok(done)
}

#[cfg(test)]
mod tests;
