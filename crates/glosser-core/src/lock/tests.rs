use super::*;

fn lock_count(dir: &Path) -> usize {
    std::fs::read_dir(dir).unwrap().count()
}

#[test]
fn one_holder_at_a_time_and_release_on_drop() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("a.txt.alice.ron");
    let lock = DocumentLock::acquire(&ann).unwrap();
    let lock_file = dir.path().join(".a.txt.alice.ron.lock");
    assert!(lock_file.exists());
    // Created whole: the file holds our line, and no temp file is left beside it.
    let content = std::fs::read_to_string(&lock_file).unwrap();
    assert!(
        content.starts_with(&format!("{} {} ", std::process::id(), host())),
        "{content}"
    );
    assert_eq!(lock_count(dir.path()), 1);
    let err = DocumentLock::acquire(&ann).unwrap_err().to_string();
    assert!(
        err.contains(&format!("pid {}", std::process::id())),
        "{err}"
    );
    assert!(err.contains("UTC"), "{err}");
    assert!(err.contains(".a.txt.alice.ron.lock"), "{err}");
    drop(lock);
    assert!(!lock_file.exists());
    assert!(DocumentLock::acquire(&ann).is_ok());
}

#[test]
fn many_threads_racing_for_one_lock_get_exactly_one() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("a.txt.alice.ron");
    let barrier = std::sync::Barrier::new(8);
    let won: Vec<DocumentLock> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    DocumentLock::acquire(&ann).ok()
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(won.len(), 1);
    assert_eq!(lock_count(dir.path()), 1, "no temp file left behind");
}

#[test]
fn only_the_owner_removes_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("a.txt.alice.ron");
    let lock = DocumentLock::acquire(&ann).unwrap();
    // Someone deleted our lock by hand and another glosser (another host) took it.
    let theirs = "4242 other-host 0 feed\n";
    std::fs::write(lock.path(), theirs).unwrap();
    drop(lock);
    assert_eq!(std::fs::read_to_string(lock_path(&ann)).unwrap(), theirs);
}

#[test]
fn a_stale_lock_is_taken_over_without_proc() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("a.txt.alice.ron");
    // pid 2^31 - 2 is not a running process (kill(pid, 0) says ESRCH).
    assert!(!alive(2_147_483_646));
    assert!(alive(std::process::id()));
    std::fs::write(lock_path(&ann), format!("2147483646 {} 0\n", host())).unwrap();
    let lock = DocumentLock::acquire(&ann).unwrap();
    assert!(
        std::fs::read_to_string(lock.path())
            .unwrap()
            .starts_with(&std::process::id().to_string())
    );
    // A lock from another machine is respected, whatever its pid, and says what to delete.
    let other = dir.path().join("b.txt.alice.ron");
    std::fs::write(lock_path(&other), "2147483646 some-other-host 0\n").unwrap();
    match DocumentLock::acquire(&other) {
        Err(LockError::HeldBy {
            host, lock, since, ..
        }) => {
            assert_eq!(host, "some-other-host");
            assert_eq!(lock, lock_path(&other));
            assert_eq!(since, "1970-01-01 00:00 UTC");
        }
        other => panic!("{other:?}"),
    }
    // Garbage in the lock file is stale.
    let junk = dir.path().join("c.txt.alice.ron");
    std::fs::write(lock_path(&junk), "not a lock").unwrap();
    assert!(DocumentLock::acquire(&junk).is_ok());
}

#[test]
fn a_fifo_as_lock_file_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("a.txt.alice.ron");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        lock_path(&ann),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    assert!(matches!(
        DocumentLock::acquire(&ann),
        Err(LockError::Io { .. })
    ));
}

#[test]
fn times_are_human() {
    // 2026-11-23 14:03:20 UTC
    let t = 1_795_442_600;
    assert_eq!(human_time(t, t + 60), "14:03 UTC");
    assert_eq!(human_time(t, t + 86_400), "2026-11-23 14:03 UTC");
    assert_eq!(human_time(0, t), "1970-01-01 00:00 UTC");
    assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    assert_eq!(civil_from_days(11_017), (2000, 3, 1));
}
