//! The pre-commit hook `git-setup --hook` installs: a block of shell that runs
//! `glosser validate CORPUS --staged` from the repository's top with glosser found by the
//! absolute path recorded at set-up (else on the `PATH`, else a message saying what to do).
//! An existing shell hook gets the block first, right after its `#!` line; a block of an
//! earlier glosser is replaced.

use std::path::Path;

use super::{shell_quote, write};
use crate::ops::error::{Context, refuse};

/// The block's first line: how glosser recognises its own check in a hook.
pub(crate) const MARK: &str = "# glosser: validate staged annotation files";
/// The block's last line (blocks written before it existed end after their one command line).
const END: &str = "# glosser: end";

/// The block for the corpus at `corpus_rel` (from the repository's top) and this glosser.
pub(crate) fn block(corpus_rel: &str, glosser: &Path) -> String {
    let recorded = shell_quote(&glosser.to_string_lossy());
    let corpus = shell_quote(corpus_rel);
    format!(
        "{MARK}\n\
         glosser_bin={recorded}\n\
         [ -x \"$glosser_bin\" ] || glosser_bin=$(command -v glosser) || {{ echo \"glosser pre-commit hook: \"{recorded}\" is gone and glosser is not on the PATH: reinstall glosser and run 'glosser git-setup --hook' in this clone (git commit --no-verify skips every check)\" >&2; exit 1; }}\n\
         (cd \"$(git rev-parse --show-toplevel)\" && \"$glosser_bin\" validate {corpus} --staged) || exit 1\n\
         {END}\n"
    )
}

/// Where glosser's block is in a hook's text (byte range), if it has one.
pub(crate) fn find_block(hook: &str) -> Option<std::ops::Range<usize>> {
    let start = hook.find(MARK)?;
    let after = &hook[start..];
    let len = match after.find(&format!("\n{END}\n")) {
        Some(at) => at + END.len() + 2,
        // An earlier glosser's block: the mark and one command line.
        None => after
            .match_indices('\n')
            .nth(1)
            .map_or(after.len(), |(at, _)| at + 1),
    };
    Some(start..start + len)
}

/// Installs or updates the hook in `hooks`; `None` when it is as it should be. Without
/// `with_hook`, only a hook that already has glosser's block is touched (brought up to date).
pub(super) fn install(
    hooks: &Path,
    corpus_rel: &str,
    glosser: &Path,
    with_hook: bool,
) -> crate::ops::Result<Option<String>> {
    let path = hooks.join("pre-commit");
    let check = block(corpus_rel, glosser);
    let existing = match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => refuse!("{}: cannot read: {e}", path.display()),
    };
    let (text, did) = match &existing {
        Some(s) => match find_block(s) {
            Some(range) if s[range.clone()] == check => return Ok(None),
            Some(range) => (
                format!("{}{check}{}", &s[..range.start], &s[range.end..]),
                "updated",
            ),
            None if !with_hook => return Ok(None),
            None => (
                with_check_first(s, &check).with_context(|| {
                    format!(
                        "{}: not a shell script, so glosser cannot add its check; add a step that runs \
                         `glosser validate {} --staged` from the repository's top and fails the \
                         commit when it fails",
                        path.display(),
                        shell_quote(corpus_rel)
                    )
                })?,
                "extended",
            ),
        },
        None if !with_hook => return Ok(None),
        None => (format!("#!/bin/sh\n{check}"), "installed"),
    };
    std::fs::create_dir_all(hooks)
        .with_context(|| format!("{}: cannot create", hooks.display()))?;
    write(&path, &text)?;
    make_executable(&path)?;
    Ok(Some(format!(
        "{did} the pre-commit hook {} (runs {} validate --staged)",
        path.display(),
        glosser.display()
    )))
}

/// An existing shell hook with glosser's check as its first step, right after the `#!` line:
/// appended, it would never run after an `exit 0` or `exec` that ends many hooks. `None` when
/// the hook is written in another language.
pub(super) fn with_check_first(hook: &str, check: &str) -> Option<String> {
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
