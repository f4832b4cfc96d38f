//! What a clone lacks for sharing annotations (`validate` and `status` warn with it): the merge
//! driver (missing, calling glosser by name, or naming a glosser that is gone), annotation files
//! not routed to it, config files routed to it, and the pre-commit hook (missing or stale).
//! Outside git there is nothing to say.

use std::path::Path;

use super::{ATTRIBUTES_LINES, hook, recorded_glosser};

/// One sentence per thing this clone lacks, each saying what to run.
pub fn check(corpus: &Path) -> Vec<String> {
    if crate::git_watch::GitDirs::find(corpus).is_none() {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    let driver = git(corpus, &["config", "--get", "merge.glosser.driver"]);
    match driver.as_deref().map(str::trim) {
        None | Some("") => warnings.push(
            "this clone has no merge driver for annotation files, so git merges them as plain \
             text (a conflict leaves markers that make the file unreadable): run `glosser \
             git-setup` once in this clone"
                .to_owned(),
        ),
        Some(command) => match recorded_glosser(command) {
            Some(path) if !is_executable(&path) => warnings.push(format!(
                "the merge driver runs {}, which is gone: run `glosser git-setup` in this clone",
                path.display()
            )),
            Some(_) => {}
            None => warnings.push(
                "the merge driver calls glosser by name (set up by an earlier glosser): run \
                 `glosser git-setup` in this clone to record where glosser is"
                    .to_owned(),
            ),
        },
    }
    let routed = git(
        corpus,
        &[
            "check-attr",
            "merge",
            "--",
            "probe.txt.probe.ron",
            "glosser.ron",
            "assignments.ron",
        ],
    )
    .unwrap_or_default();
    let to_driver = |name: &str| {
        routed
            .lines()
            .any(|l| l.starts_with(&format!("{name}: merge: glosser")))
    };
    if !to_driver("probe.txt.probe.ron") {
        warnings.push(format!(
            "annotation files are not routed to the glosser merge driver (.gitattributes lacks \
             `{}`): run `glosser git-setup` and commit .gitattributes",
            ATTRIBUTES_LINES[0]
        ));
    }
    if to_driver("glosser.ron") || to_driver("assignments.ron") {
        warnings.push(
            "glosser.ron and assignments.ron are routed to the annotation merge driver \
             (`*.ron merge=glosser`, set up by an earlier glosser), which cannot merge them: run \
             `glosser git-setup` and commit .gitattributes"
                .to_owned(),
        );
    }
    warnings.extend(hook_warning(corpus));
    warnings
}

fn hook_warning(corpus: &Path) -> Option<String> {
    let hooks = git(corpus, &["rev-parse", "--git-path", "hooks"])?;
    let hooks = Path::new(hooks.trim_end());
    let hooks = if hooks.is_absolute() {
        hooks.to_owned()
    } else {
        corpus.join(hooks)
    };
    let text = std::fs::read_to_string(hooks.join("pre-commit")).unwrap_or_default();
    let Some(range) = hook::find_block(&text) else {
        return Some(
            "no pre-commit hook checks annotation files in this clone: run `glosser git-setup \
             --hook`"
                .to_owned(),
        );
    };
    match recorded_glosser(&text[range]) {
        None => Some(
            "the pre-commit hook calls glosser by name (set up by an earlier glosser; it fails \
             where glosser is not on the PATH): run `glosser git-setup --hook`"
                .to_owned(),
        ),
        Some(path) if !is_executable(&path) => Some(format!(
            "the pre-commit hook runs {}, which is gone: run `glosser git-setup --hook`",
            path.display()
        )),
        Some(_) => None,
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// git's output, or `None` when it fails (no such key, not a repository).
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
