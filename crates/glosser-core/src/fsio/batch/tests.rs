use super::*;

#[test]
fn a_failure_in_the_middle_leaves_every_file_old_or_new_and_says_which() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    let c = dir.path().join("c.ron");
    std::fs::write(&a, "old a").unwrap_or_else(|e| panic!("{e}"));
    // b is a non-empty directory: renaming a file over it fails.
    std::fs::create_dir(&b).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(b.join("inside"), "x").unwrap_or_else(|e| panic!("{e}"));
    // d's folder is missing: its temp file cannot even be created.
    let d = dir.path().join("missing").join("d.ron");
    let results = write_all(&[
        (&a, b"new a"),
        (&b, b"new b"),
        (&d, b"new d"),
        (&c, b"new c"),
    ]);
    assert!(results[0].is_ok());
    assert!(results[1].is_err(), "b must be reported");
    assert!(results[2].is_err(), "d must be reported");
    assert!(results[3].is_ok());
    assert_eq!(std::fs::read_to_string(&a).ok().as_deref(), Some("new a"));
    assert!(b.is_dir());
    assert_eq!(
        std::fs::read_to_string(b.join("inside")).ok().as_deref(),
        Some("x")
    );
    assert!(!d.exists());
    assert_eq!(std::fs::read_to_string(&c).ok().as_deref(), Some("new c"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temp files left behind: {left:?}");
}

#[test]
fn nothing_is_renamed_before_it_is_durable_and_a_drop_cleans_up() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = dir.path().join("a.ron");
    std::fs::write(&a, "old").unwrap_or_else(|e| panic!("{e}"));
    let staged = Staged::write(&a, b"new").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(std::fs::read_to_string(&a).ok().as_deref(), Some("old"));
    drop(staged);
    assert_eq!(std::fs::read_to_string(&a).ok().as_deref(), Some("old"));
    assert_eq!(std::fs::read_dir(dir.path()).map_or(0, Iterator::count), 1);
}
