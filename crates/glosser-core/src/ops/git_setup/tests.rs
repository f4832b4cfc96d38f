use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

use super::hook::with_check_first;
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

/// A stand-in for the glosser binary: an executable file whose path gets recorded.
fn fake_glosser(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("bin/glo'sser");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "#!/bin/sh\n").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

#[test]
fn sets_up_once_then_has_nothing_to_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    git_init(tmp.path());
    let glosser = fake_glosser(tmp.path());
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join(".gitignore"), "target").expect("write");
    assert_eq!(check(&corpus).len(), 3, "{:?}", check(&corpus));
    let first = set_up(&corpus, true, &glosser).expect("set up");
    assert_eq!(first.len(), 7, "{first:?}");
    assert_eq!(
        config(tmp.path(), "merge.glosser.driver"),
        driver_command(&glosser)
    );
    assert_eq!(config(tmp.path(), "merge.glosser.name"), DRIVER_NAME);
    assert_eq!(
        std::fs::read_to_string(corpus.join(".gitattributes")).expect("read"),
        "*.txt.*.ron merge=glosser\n*.md.*.ron merge=glosser\n"
    );
    assert_eq!(
        std::fs::read_to_string(corpus.join(".gitignore")).expect("read"),
        "target\n.*.ron.lock\n.glosser-*.tmp\n"
    );
    let hook = tmp.path().join(".git/hooks/pre-commit");
    let text = std::fs::read_to_string(&hook).expect("hook written");
    assert!(text.starts_with("#!/bin/sh\n"), "{text}");
    assert!(text.contains("validate 'corpus' --staged"), "{text}");
    assert_eq!(
        recorded_glosser(&text).as_deref(),
        Some(glosser.as_path()),
        "the hook runs glosser by the path set up with (a quote in it survives): {text}"
    );
    let mode = std::fs::metadata(&hook).expect("stat").permissions().mode();
    assert_eq!(mode & 0o111, 0o111, "{mode:o}");
    assert_eq!(check(&corpus), Vec::<String>::new());
    let second = set_up(&corpus, true, &glosser).expect("set up again");
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
    let glosser = fake_glosser(tmp.path());
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
    let changes = set_up(tmp.path(), true, &glosser).expect("set up");
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
        text.ends_with("--staged) || exit 1\n# glosser: end\ncargo fmt --check\nexit 0\n"),
        "{text}"
    );
    assert_eq!(
        config(tmp.path(), "merge.glosser.driver"),
        driver_command(&glosser)
    );
}

#[test]
fn a_clone_set_up_by_an_earlier_glosser_is_warned_about_then_brought_up_to_date() {
    let tmp = tempfile::tempdir().expect("tempdir");
    git_init(tmp.path());
    let glosser = fake_glosser(tmp.path());
    std::fs::write(
        tmp.path().join(".gitattributes"),
        "*.png binary\n*.ron merge=glosser\n",
    )
    .expect("write");
    git(
        tmp.path(),
        &[
            "config",
            "merge.glosser.driver",
            "glosser merge-driver %O %A %B %P",
        ],
    )
    .expect("config");
    let hooks = tmp.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).expect("mkdir");
    let old_hook = "#!/bin/sh\n# glosser: validate staged annotation files\n(cd \"$(git rev-parse --show-toplevel)\" && glosser validate '.' --staged) || exit 1\necho after\n";
    std::fs::write(hooks.join("pre-commit"), old_hook).expect("write");
    let warned = check(tmp.path()).join("\n");
    for says in [
        "merge driver calls glosser by name",
        "glosser.ron and assignments.ron are routed",
        "pre-commit hook calls glosser by name",
    ] {
        assert!(warned.contains(says), "{says}: {warned}");
    }
    // Without --hook: a hook that has glosser's block is still brought up to date.
    let changes = set_up(tmp.path(), false, &glosser).expect("set up");
    let said = changes.join("\n");
    assert!(said.contains("removed `*.ron merge=glosser`"), "{said}");
    assert!(said.contains("updated the pre-commit hook"), "{said}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(".gitattributes")).expect("read"),
        "*.png binary\n*.txt.*.ron merge=glosser\n*.md.*.ron merge=glosser\n"
    );
    let hook = std::fs::read_to_string(hooks.join("pre-commit")).expect("read");
    assert!(hook.ends_with("# glosser: end\necho after\n"), "{hook}");
    assert_eq!(hook.matches(hook::MARK).count(), 1, "{hook}");
    assert_eq!(check(tmp.path()), Vec::<String>::new());
}

#[test]
fn a_recorded_glosser_that_is_gone_is_named_by_the_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    git_init(tmp.path());
    let glosser = fake_glosser(tmp.path());
    set_up(tmp.path(), true, &glosser).expect("set up");
    std::fs::remove_file(&glosser).expect("rm");
    let warned = check(tmp.path()).join("\n");
    assert!(
        warned.contains("the merge driver runs") && warned.contains("which is gone"),
        "{warned}"
    );
    assert!(warned.contains("the pre-commit hook runs"), "{warned}");
    let outside = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        check(outside.path()),
        Vec::<String>::new(),
        "outside git: nothing"
    );
}

#[test]
fn outside_a_repository_it_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let err = set_up(tmp.path(), false, Path::new("/bin/glosser")).expect_err("not a repository");
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
    let err = set_up(tmp.path(), true, Path::new("/bin/glosser"))
        .expect_err("a python hook is not edited");
    assert!(format!("{err:#}").contains("not a shell script"), "{err:#}");
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit")).expect("read"),
        python
    );
}
