//! Setting up a git clone (`glosser git-setup`): everything a clone needs for sharing annotations through git,
//! in one idempotent step: the merge driver in the repository's config, `*.ron merge=glosser`
//! in `.gitattributes`, lock files and leftover temp files in `.gitignore`, and with `--hook` a pre-commit hook running
//! `glosser validate --staged`. It says what it changed, or that there was nothing to change.

use std::path::{Path, PathBuf};

use crate::ops::error::{Context, refuse};

/// The driver command git runs for a conflicting annotation file.
pub const DRIVER: &str = "glosser merge-driver %O %A %B %P";
/// The driver's human name in git's config.
pub const DRIVER_NAME: &str = "glosser annotation files";
const ATTRIBUTES_LINE: &str = "*.ron merge=glosser";
const IGNORE_LINE: &str = ".*.ron.lock";
const TEMP_IGNORE_LINE: &str = ".glosser-*.tmp";
const HOOK_MARK: &str = "# glosser: validate staged annotation files";

/// Sets up the repository holding `corpus`; returns one line per change made (none when all
/// was in place already).
pub fn set_up(corpus: &Path, hook: bool) -> crate::ops::Result<Vec<String>> {
    if !corpus.is_dir() {
        refuse!(
            "{}: not a directory; give the corpus folder",
            corpus.display()
        );
    }
    let top = PathBuf::from(git(corpus, &["rev-parse", "--show-toplevel"])?.trim_end());
    let mut changes = Vec::new();
    for (key, value) in [
        ("merge.glosser.driver", DRIVER),
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
    for (name, line) in [
        (".gitattributes", ATTRIBUTES_LINE),
        (".gitignore", IGNORE_LINE),
        (".gitignore", TEMP_IGNORE_LINE),
    ] {
        if add_line(&corpus_dir.join(name), line)? {
            changes.push(format!(
                "added `{line}` to {}",
                corpus_dir.join(name).display()
            ));
        }
    }
    if hook {
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
        if let Some(change) = install_hook(&hooks, &rel)? {
            changes.push(change);
        }
    }
    Ok(changes)
}

/// Appends `line` to the file unless a line equal to it is there; whether it wrote.
fn add_line(path: &Path, line: &str) -> crate::ops::Result<bool> {
    let existing = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => refuse!("{}: cannot read: {e}", path.display()),
    };
    if existing.lines().any(|l| l.trim() == line) {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    crate::fsio::write_atomic(path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(true)
}

/// Writes the pre-commit hook, or adds glosser's check to an existing one; `None` when it is
/// there already.
fn install_hook(hooks: &Path, corpus_rel: &str) -> crate::ops::Result<Option<String>> {
    let path = hooks.join("pre-commit");
    let quoted = shell_quote(corpus_rel);
    let check = format!(
        "{HOOK_MARK}\n(cd \"$(git rev-parse --show-toplevel)\" && glosser validate {quoted} --staged) || exit 1\n"
    );
    let existing = match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => refuse!("{}: cannot read: {e}", path.display()),
    };
    let text = match &existing {
        Some(s) if s.contains(HOOK_MARK) => return Ok(None),
        Some(s) => with_check_first(s, &check).with_context(|| {
            format!(
                "{}: not a shell script, so glosser cannot add its check; add a step that runs \
                 `glosser validate {quoted} --staged` from the repository's top and fails the \
                 commit when it fails",
                path.display()
            )
        })?,
        None => format!("#!/bin/sh\n{check}"),
    };
    std::fs::create_dir_all(hooks)
        .with_context(|| format!("{}: cannot create", hooks.display()))?;
    crate::fsio::write_atomic(&path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    make_executable(&path)?;
    Ok(Some(format!(
        "{} the pre-commit hook {} (runs glosser validate --staged)",
        if existing.is_some() {
            "extended"
        } else {
            "installed"
        },
        path.display()
    )))
}

/// An existing shell hook with glosser's check as its first step, right after the `#!` line:
/// appended, it would never run after an `exit 0` or `exec` that ends many hooks. `None` when
/// the hook is written in another language.
fn with_check_first(hook: &str, check: &str) -> Option<String> {
    let (shebang, rest) = match hook.strip_prefix("#!") {
        Some(_) => hook.split_once('\n').unwrap_or((hook, "")),
        None => ("", hook),
    };
    if !shebang.is_empty() {
        let mut words = shebang[2..].split_whitespace();
        let program = words.next().unwrap_or("");
        let program = if program.ends_with("/env") {
            words.find(|w| !w.starts_with('-')).unwrap_or("")
        } else {
            program
        };
        let name = program.rsplit('/').next().unwrap_or(program);
        if !matches!(
            name,
            "sh" | "bash" | "dash" | "zsh" | "ksh" | "ash" | "mksh"
        ) {
            return None;
        }
        return Some(format!("{shebang}\n{check}{rest}"));
    }
    Some(format!("{check}{rest}"))
}

fn make_executable(path: &Path) -> crate::ops::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let mut perms = std::fs::metadata(path)
        .with_context(|| format!("{}: cannot stat", path.display()))?
        .permissions();
    perms.set_mode(perms.mode() | 0o111);
    std::fs::set_permissions(path, perms)
        .with_context(|| format!("{}: cannot make executable", path.display()))
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
