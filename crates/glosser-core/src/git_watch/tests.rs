use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use super::*;

/// A fake repository: a work tree with a `.git` folder holding what git always has.
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let git = tmp.path().join(".git");
    std::fs::create_dir_all(git.join("logs")).expect("mkdir");
    std::fs::write(git.join("HEAD"), "ref: refs/heads/main\n").expect("write");
    std::fs::write(git.join("index"), "index").expect("write");
    std::fs::create_dir(tmp.path().join("corpus")).expect("mkdir");
    tmp
}

fn watch(tmp: &Path) -> GitWatch {
    GitWatch::new(&tmp.join("corpus"))
}

#[test]
fn the_repository_is_found_from_a_folder_inside_and_a_linked_work_tree_by_its_git_file() {
    let tmp = repo();
    let dirs = GitDirs::find(&tmp.path().join("corpus")).expect("found");
    let top = tmp.path().canonicalize().expect("canonical");
    assert_eq!(dirs.git_dir, top.join(".git"));
    assert_eq!(dirs.common_dir, top.join(".git"));
    // A linked work tree: `.git` is a file naming its own folder, which names the common one.
    let own = top.join(".git/worktrees/side");
    std::fs::create_dir_all(&own).expect("mkdir");
    std::fs::write(own.join("commondir"), "../..\n").expect("write");
    let side = tmp.path().join("side");
    std::fs::create_dir(&side).expect("mkdir");
    std::fs::write(side.join(".git"), format!("gitdir: {}\n", own.display())).expect("write");
    let linked = GitDirs::find(&side).expect("found");
    assert_eq!(linked.git_dir, own);
    assert_eq!(linked.common_dir, own.join("../.."));
    let outside = tempfile::tempdir().expect("tempdir");
    assert_eq!(GitDirs::find(outside.path()), None);
    assert!(!GitWatch::new(outside.path()).is_active());
}

#[test]
fn a_held_index_lock_or_stash_index_is_busy_and_its_release_is_a_change() {
    let tmp = repo();
    let mut watch = watch(tmp.path());
    let now = Instant::now();
    assert_eq!(watch.poll(now), Busy::Idle);
    let lock = tmp.path().join(".git/index.lock");
    std::fs::write(&lock, "").expect("write");
    assert_eq!(
        watch.poll(now),
        Busy::Working("git holds .git/index.lock".into())
    );
    assert_eq!(watch.generation(), 1);
    std::fs::remove_file(&lock).expect("rm");
    // Released just now: still busy until things have been quiet for a while.
    assert!(watch.poll(now).is_busy());
    assert_eq!(watch.generation(), 2);
    assert_eq!(watch.poll(now + QUIET), Busy::Idle);
    std::fs::write(tmp.path().join(".git/index.stash.4242"), "").expect("write");
    assert_eq!(
        watch.poll(now + QUIET),
        Busy::Working("git holds .git/index.stash.4242".into())
    );
}

#[test]
fn a_change_to_head_orig_head_or_the_stash_is_busy_for_a_quiet_period_then_idle() {
    let tmp = repo();
    let mut watch = watch(tmp.path());
    let start = Instant::now();
    watch.poll(start);
    for (n, file) in [
        ".git/ORIG_HEAD",
        ".git/HEAD",
        ".git/FETCH_HEAD",
        ".git/refs/stash",
    ]
    .into_iter()
    .enumerate()
    {
        let now = start + QUIET * (2 * n as u32 + 2);
        let path = tmp.path().join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, format!("change {n}\n")).expect("write");
        assert!(watch.poll(now).is_busy(), "{file}");
        assert_eq!(watch.generation(), n as u64 + 1, "{file}");
        assert!(watch.poll(now + QUIET / 2).is_busy(), "{file}");
        assert_eq!(watch.poll(now + QUIET), Busy::Idle, "{file}");
        assert_eq!(
            watch.generation(),
            n as u64 + 1,
            "nothing changed since: {file}"
        );
    }
}

#[test]
fn a_rebase_running_is_busy_and_one_stopped_for_the_user_is_not() {
    let tmp = repo();
    let mut watch = watch(tmp.path());
    let now = Instant::now();
    watch.poll(now);
    std::fs::create_dir(tmp.path().join(".git/rebase-merge")).expect("mkdir");
    assert_eq!(watch.poll(now), Busy::Working("a rebase is running".into()));
    // Stopped on a conflict: the folder stays, nothing changes, the user edits files.
    assert_eq!(watch.poll(now + QUIET), Busy::Idle);
    assert_eq!(watch.operation(), Some("a rebase"));
    std::fs::write(tmp.path().join(".git/MERGE_HEAD"), "x").expect("write");
    std::fs::remove_dir(tmp.path().join(".git/rebase-merge")).expect("rm");
    assert_eq!(
        watch.poll(now + QUIET),
        Busy::Working("a merge is running".into())
    );
}

#[test]
fn a_lock_left_by_a_crashed_git_stops_holding_writers_back_and_is_named() {
    let tmp = repo();
    let mut watch = watch(tmp.path());
    let lock = tmp.path().join(".git/index.lock");
    let file = std::fs::File::create(&lock).expect("create");
    file.set_modified(SystemTime::now() - STALE_LOCK - Duration::from_secs(1))
        .expect("set mtime");
    let now = Instant::now();
    assert_eq!(watch.poll(now), Busy::Idle);
    assert_eq!(watch.stale_lock(), Some("index.lock"));
}

#[test]
fn outside_git_nothing_is_ever_busy() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut watch = GitWatch::new(tmp.path());
    std::fs::write(tmp.path().join("index.lock"), "").expect("write");
    assert_eq!(watch.poll(Instant::now()), Busy::Idle);
    assert_eq!(watch.generation(), 0);
}
