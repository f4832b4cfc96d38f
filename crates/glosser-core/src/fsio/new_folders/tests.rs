use std::path::{Path, PathBuf};

use super::NewFolders;
use crate::fsio::{Staged, make_durable};

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// Every name in `dir`, sorted, hidden ones included.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn write(new: &NewFolders, path: &Path, bytes: &[u8]) -> Staged {
    Staged::write_in(path, bytes, new).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[cfg(target_os = "linux")]
#[test]
fn a_new_folder_appears_whole_only_at_the_commit() {
    let dir = tempdir();
    let root = dir.path();
    std::fs::create_dir(root.join("old")).unwrap_or_else(|e| panic!("{e}"));
    let a = root.join("new/a.txt");
    let b = root.join("new/deep/b.txt");
    let c = root.join("old/c.txt");
    let folders: Vec<PathBuf> = [&a, &b, &c]
        .iter()
        .filter_map(|p| p.parent().map(Path::to_owned))
        .collect();
    let mut new = NewFolders::create(root, folders.iter().map(PathBuf::as_path));
    assert!(new.place(&a).is_some() && new.place(&b).is_some());
    assert_eq!(new.place(&c), None, "an existing folder is not staged");
    assert_eq!(new.folder_of(&b), Some(root.join("new").as_path()));

    let staged = [
        write(&new, &a, b"a"),
        write(&new, &b, b"b"),
        write(&new, &c, b"c"),
    ];
    assert!(staged[0].in_new_folder() && staged[1].in_new_folder());
    assert!(!staged[2].in_new_folder());
    make_durable(staged.iter()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !root.join("new").exists(),
        "nothing in place before the commit"
    );
    let hidden: Vec<String> = names(root)
        .into_iter()
        .filter(|n| n.starts_with(".glosser-") && n.ends_with(".tmp"))
        .collect();
    assert_eq!(
        hidden.len(),
        1,
        "one hidden staging folder: {:?}",
        names(root)
    );

    for s in staged {
        s.rename().unwrap_or_else(|e| panic!("{e}"));
    }
    let failed = new.commit([a.as_path(), b.as_path()]);
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(std::fs::read(&a).ok().as_deref(), Some(&b"a"[..]));
    assert_eq!(std::fs::read(&b).ok().as_deref(), Some(&b"b"[..]));
    assert_eq!(std::fs::read(&c).ok().as_deref(), Some(&b"c"[..]));
    assert_eq!(names(root), ["new", "old"], "no staging folder left");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_appeared_meanwhile_is_left_alone_and_reported() {
    let dir = tempdir();
    let root = dir.path();
    let a = root.join("new/a.txt");
    let mut new = NewFolders::create(root, [root.join("new").as_path()]);
    let staged = write(&new, &a, b"ours");
    make_durable([&staged]).unwrap_or_else(|e| panic!("{e}"));
    staged.rename().unwrap_or_else(|e| panic!("{e}"));
    // Someone else makes the folder, with a file, before the commit.
    std::fs::create_dir(root.join("new")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(root.join("new/theirs.txt"), "theirs").unwrap_or_else(|e| panic!("{e}"));
    let failed = new.commit([a.as_path()]);
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, root.join("new"));
    assert_eq!(names(&root.join("new")), ["theirs.txt"], "theirs untouched");
    assert_eq!(names(root), ["new"], "our staging folder removed");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_with_nothing_kept_is_never_made_and_a_drop_cleans_up() {
    let dir = tempdir();
    let root = dir.path();
    let a = root.join("empty/a.txt");
    let mut new = NewFolders::create(root, [root.join("empty").as_path()]);
    let staged = write(&new, &a, b"a");
    drop(staged);
    assert!(new.commit(std::iter::empty()).is_empty());
    assert_eq!(names(root), Vec::<String>::new());

    let new = NewFolders::create(root, [root.join("other").as_path()]);
    let staged = write(&new, &root.join("other/b.txt"), b"b");
    staged.rename().unwrap_or_else(|e| panic!("{e}"));
    drop(new);
    assert_eq!(
        names(root),
        Vec::<String>::new(),
        "dropped uncommitted: removed"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn folders_through_symlinks_or_outside_the_root_are_not_staged() {
    let dir = tempdir();
    let outside = tempdir();
    let root = dir.path();
    std::os::unix::fs::symlink(outside.path(), root.join("link")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(root.join("file"), "x").unwrap_or_else(|e| panic!("{e}"));
    let new = NewFolders::create(
        root,
        [
            root.join("link/new").as_path(),
            root.join("file/new").as_path(),
            outside.path().join("new").as_path(),
            root.join("../escape").as_path(),
        ],
    );
    assert_eq!(new.place(&root.join("link/new/a.txt")), None);
    assert_eq!(new.place(&root.join("file/new/a.txt")), None);
    assert_eq!(new.place(&outside.path().join("new/a.txt")), None);
    assert_eq!(names(outside.path()), Vec::<String>::new());
    assert_eq!(names(root), ["file", "link"]);
}

#[test]
fn without_new_folders_a_file_takes_the_temp_file_path() {
    let dir = tempdir();
    let a = dir.path().join("a.txt");
    let staged = write(&NewFolders::none(), &a, b"a");
    assert!(!staged.in_new_folder());
    assert!(!a.exists());
    make_durable([&staged]).unwrap_or_else(|e| panic!("{e}"));
    staged.rename().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(std::fs::read(&a).ok().as_deref(), Some(&b"a"[..]));
}
