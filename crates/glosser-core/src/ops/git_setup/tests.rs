use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

use super::*;

fn git_init(dir: &Path) {
    let ok = Command::new("git")
        .args(["init", "-q"])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "git init failed");
}

fn config(dir: &Path, key: &str) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["config", "--get", key])
        .output()
        .expect("git runs");
    String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
}

#[test]
fn sets_up_once_then_has_nothing_to_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    git_init(tmp.path());
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join(".gitignore"), "target").expect("write");
    let first = set_up(&corpus, true).expect("set up");
    assert_eq!(first.len(), 6, "{first:?}");
    assert_eq!(config(tmp.path(), "merge.glosser.driver"), DRIVER);
    assert_eq!(config(tmp.path(), "merge.glosser.name"), DRIVER_NAME);
    assert_eq!(
        std::fs::read_to_string(corpus.join(".gitattributes")).expect("read"),
        "*.ron merge=glosser\n"
    );
    assert_eq!(
        std::fs::read_to_string(corpus.join(".gitignore")).expect("read"),
        "target\n.*.ron.lock\n.glosser-*.tmp\n"
    );
    let hook = tmp.path().join(".git/hooks/pre-commit");
    let text = std::fs::read_to_string(&hook).expect("hook written");
    assert!(text.starts_with("#!/bin/sh\n"), "{text}");
    assert!(
        text.contains("glosser validate 'corpus' --staged"),
        "{text}"
    );
    let mode = std::fs::metadata(&hook).expect("stat").permissions().mode();
    assert_eq!(mode & 0o111, 0o111, "{mode:o}");
    let second = set_up(&corpus, true).expect("set up again");
    assert!(second.is_empty(), "{second:?}");
    assert_eq!(
        std::fs::read_to_string(&hook).expect("read"),
        text,
        "the hook is not added twice"
    );
}

#[test]
fn an_existing_hook_is_extended_and_a_wrong_driver_replaced() {
    let tmp = tempfile::tempdir().expect("tempdir");
    git_init(tmp.path());
    let hooks = tmp.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).expect("mkdir");
    std::fs::write(
        hooks.join("pre-commit"),
        "#!/bin/sh\ncargo fmt --check\nexit 0\n",
    )
    .expect("write");
    git(
        tmp.path(),
        &[
            "config",
            "merge.glosser.driver",
            "glosser merge-driver %O %A %B",
        ],
    )
    .expect("config");
    let changes = set_up(tmp.path(), true).expect("set up");
    assert!(
        changes.iter().any(|c| c.contains("merge.glosser.driver")),
        "{changes:?}"
    );
    assert!(
        changes.iter().any(|c| c.starts_with("extended")),
        "{changes:?}"
    );
    let text = std::fs::read_to_string(hooks.join("pre-commit")).expect("read");
    // The check runs first: appended, it would never run after the hook's `exit 0`.
    assert!(
        text.starts_with("#!/bin/sh\n# glosser: validate staged"),
        "{text}"
    );
    assert!(
        text.contains("glosser validate '.' --staged) || exit 1\ncargo fmt --check\nexit 0\n"),
        "{text}"
    );
    assert_eq!(config(tmp.path(), "merge.glosser.driver"), DRIVER);
}

#[test]
fn outside_a_repository_it_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let err = set_up(tmp.path(), false).expect_err("not a repository");
    assert!(format!("{err:#}").contains("git work tree"), "{err:#}");
}

#[test]
fn the_check_goes_first_in_a_shell_hook_and_a_hook_in_another_language_is_left_to_the_user() {
    let check = "CHECK\n";
    assert_eq!(
        with_check_first("#!/usr/bin/env bash\nexec lint\n", check).as_deref(),
        Some("#!/usr/bin/env bash\nCHECK\nexec lint\n")
    );
    assert_eq!(
        with_check_first("#!/bin/sh", check).as_deref(),
        Some("#!/bin/sh\nCHECK\n")
    );
    assert_eq!(
        with_check_first("make check\n", check).as_deref(),
        Some("CHECK\nmake check\n")
    );
    assert_eq!(
        with_check_first("#!/usr/bin/env python3\nimport sys\n", check),
        None
    );
    assert_eq!(with_check_first("#!/usr/bin/node\n", check), None);

    let tmp = tempfile::tempdir().expect("tempdir");
    git_init(tmp.path());
    let hooks = tmp.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).expect("mkdir");
    let python = "#!/usr/bin/env python3\nprint('hi')\n";
    std::fs::write(hooks.join("pre-commit"), python).expect("write");
    let err = set_up(tmp.path(), true).expect_err("a python hook is not edited");
    assert!(format!("{err:#}").contains("not a shell script"), "{err:#}");
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit")).expect("read"),
        python
    );
}
