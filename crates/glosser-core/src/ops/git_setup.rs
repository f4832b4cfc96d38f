//! Setting up a git clone (`glosser git-setup`): everything a clone needs for sharing
//! annotations through git, in one idempotent step: the merge driver in the repository's config
//! (running glosser by the absolute path it was set up with), annotation files — and only they
//! — routed to it in `.gitattributes` (`*.txt.*.ron`, `*.md.*.ron`: `glosser.ron` and
//! `assignments.ron` keep git's own merge), lock files and leftover temp files in `.gitignore`,
//! and with `--hook` a pre-commit hook running `glosser validate --staged`. A clone set up by an
//! earlier glosser (`*.ron merge=glosser`, glosser called by name) is brought up to date. It says
//! what it changed, or that there was nothing to change. [`check`] says what a clone lacks.

use std::path::{Path, PathBuf};

use crate::ops::error::{Context, refuse};

mod check;
mod hook;

pub use check::check;

/// The driver's human name in git's config.
pub const DRIVER_NAME: &str = "glosser annotation files";
/// What earlier glossers routed to the driver: every `.ron`, config files included.
const OLD_ATTRIBUTES_LINE: &str = "*.ron merge=glosser";
/// Annotation files beside documents (`NAME.txt.ANNOTATOR.ron`, `NAME.md.ANNOTATOR.ron`).
pub const ATTRIBUTES_LINES: [&str; 2] = ["*.txt.*.ron merge=glosser", "*.md.*.ron merge=glosser"];
const IGNORE_LINE: &str = ".*.ron.lock";
const TEMP_IGNORE_LINE: &str = ".glosser-*.tmp";

/// The driver command git runs for a conflicting annotation file: glosser by the path it was
/// set up with (GUI clients and hooks often run without the user's `PATH`), else `glosser` on
/// the `PATH`.
pub fn driver_command(glosser: &Path) -> String {
    format!(
        "glosser_bin={}; [ -x \"$glosser_bin\" ] || glosser_bin=glosser; \"$glosser_bin\" merge-driver %O %A %B %P",
        shell_quote(&glosser.to_string_lossy())
    )
}

/// The glosser a driver command or hook was set up with (`glosser_bin='…'`), if it names one.
pub(crate) fn recorded_glosser(command: &str) -> Option<PathBuf> {
    let mut rest = command.split_once("glosser_bin='")?.1;
    let mut path = String::new();
    // The inverse of `shell_quote`: `'\''` is a quote inside the quoted path.
    loop {
        let (part, after) = rest.split_once('\'')?;
        path.push_str(part);
        match after.strip_prefix("\\''") {
            Some(more) => {
                path.push('\'');
                rest = more;
            }
            None => return Some(PathBuf::from(path)),
        }
    }
}

/// Sets up the repository holding `corpus` for the glosser at `glosser` (the running binary);
/// returns one line per change made (none when all was in place already).
pub fn set_up(corpus: &Path, with_hook: bool, glosser: &Path) -> crate::ops::Result<Vec<String>> {
    if !corpus.is_dir() {
        refuse!(
            "{}: not a directory; give the corpus folder",
            corpus.display()
        );
    }
    let top = PathBuf::from(git(corpus, &["rev-parse", "--show-toplevel"])?.trim_end());
    let mut changes = Vec::new();
    let driver = driver_command(glosser);
    for (key, value) in [
        ("merge.glosser.driver", driver.as_str()),
        ("merge.glosser.name", DRIVER_NAME),
    ] {
        let current = git(corpus, &["config", "--local", "--get", key]).ok();
        if current.as_deref().map(str::trim_end) != Some(value) {
            git(corpus, &["config", "--local", key, value])?;
            changes.push(format!("git config {key} \"{value}\""));
        }
    }
    let corpus_dir = corpus
        .canonicalize()
        .with_context(|| format!("{}: cannot resolve", corpus.display()))?;
    let attributes = corpus_dir.join(".gitattributes");
    if remove_line(&attributes, OLD_ATTRIBUTES_LINE)? {
        changes.push(format!(
            "removed `{OLD_ATTRIBUTES_LINE}` from {} (it sent glosser.ron and assignments.ron to the annotation driver too; they get git's own merge now)",
            attributes.display()
        ));
    }
    let lines = ATTRIBUTES_LINES
        .iter()
        .map(|line| (".gitattributes", *line))
        .chain([
            (".gitignore", IGNORE_LINE),
            (".gitignore", TEMP_IGNORE_LINE),
        ]);
    for (name, line) in lines {
        if add_line(&corpus_dir.join(name), line)? {
            changes.push(format!(
                "added `{line}` to {}",
                corpus_dir.join(name).display()
            ));
        }
    }
    let hooks = PathBuf::from(git(corpus, &["rev-parse", "--git-path", "hooks"])?.trim_end());
    let hooks = if hooks.is_absolute() {
        hooks
    } else {
        corpus.join(hooks)
    };
    let rel = corpus_dir
        .strip_prefix(top.canonicalize().unwrap_or(top))
        .ok()
        .and_then(Path::to_str)
        .filter(|s| !s.is_empty())
        .unwrap_or(".")
        .to_owned();
    // An existing glosser hook is kept up to date even without `--hook`.
    if let Some(change) = hook::install(&hooks, &rel, glosser, with_hook)? {
        changes.push(change);
    }
    Ok(changes)
}

/// Appends `line` to the file unless a line equal to it is there; whether it wrote.
fn add_line(path: &Path, line: &str) -> crate::ops::Result<bool> {
    let existing = read_or_empty(path)?;
    if existing.lines().any(|l| l.trim() == line) {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    write(path, &text)?;
    Ok(true)
}

/// Removes every line equal to `line` from the file; whether it wrote.
fn remove_line(path: &Path, line: &str) -> crate::ops::Result<bool> {
    let existing = read_or_empty(path)?;
    if !existing.lines().any(|l| l.trim() == line) {
        return Ok(false);
    }
    let mut kept = String::new();
    for kept_line in existing.lines().filter(|l| l.trim() != line) {
        kept.push_str(kept_line);
        kept.push('\n');
    }
    write(path, &kept)?;
    Ok(true)
}

fn read_or_empty(path: &Path) -> crate::ops::Result<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => refuse!("{}: cannot read: {e}", path.display()),
    }
}

fn write(path: &Path, text: &str) -> crate::ops::Result<()> {
    crate::fsio::write_atomic(path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
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
            "{}: not set up: git {} failed ({}); run git-setup inside a git work tree",
            dir.display(),
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    String::from_utf8(out.stdout).context("git printed something that is not UTF-8")
}

#[cfg(test)]
mod tests;
