use std::borrow::Cow;
use std::os::unix::fs::PermissionsExt as _;

use super::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// The process umask (set and restored at once; 022 stays 022).
fn umask() -> u32 {
    use rustix::fs::Mode;
    let old = rustix::process::umask(Mode::from_raw_mode(0o022));
    rustix::process::umask(old);
    old.bits()
}

#[test]
fn regular_files_are_read_up_to_the_limit_and_not_one_byte_more() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, b"12345").unwrap();
    assert_eq!(read_capped(&path, 5).unwrap(), b"12345");
    let err = read_capped(&path, 4).unwrap_err();
    assert!(matches!(err, FsError::TooLarge { limit: 4, .. }), "{err}");
    assert!(err.to_string().contains("a.txt"), "{err}");
    let missing = read_capped(&dir.path().join("nope.txt"), 4).unwrap_err();
    assert!(missing.is_not_found(), "{missing}");
}

#[test]
fn the_limit_is_enforced_by_reading_not_by_metadata() {
    // Files in /proc are regular files whose metadata says 0 bytes.
    let status = Path::new("/proc/self/status");
    if status.exists() {
        assert_eq!(std::fs::metadata(status).unwrap().len(), 0);
        let err = read_regular(status, 10).unwrap_err();
        assert!(matches!(err, FsError::TooLarge { size: 11, .. }), "{err}");
        assert!(read_regular(status, 1 << 20).unwrap().len() > 10);
    }
}

#[test]
fn a_fifo_is_refused_at_once_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("a.txt");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let err = read_capped(&fifo, 100).unwrap_err();
    assert!(
        matches!(err, FsError::NotRegular { what, .. } if what.contains("FIFO")),
        "{err}"
    );
    assert!(err.to_string().contains("a.txt"), "{err}");
}

#[test]
fn devices_directories_and_links_to_dev_zero_are_refused() {
    let err = read_capped(Path::new("/dev/null"), 100).unwrap_err();
    assert!(
        matches!(
            err,
            FsError::NotRegular {
                what: "a device",
                ..
            }
        ),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let err = read_capped(dir.path(), 100).unwrap_err();
    assert!(matches!(err, FsError::NotRegular { .. }), "{err}");
    // A link to /dev/zero would read forever if the size came from metadata: refused, whether
    // the corpus root is known or not.
    let zero = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let err = open_regular(&zero).unwrap_err();
    assert!(matches!(err, FsError::NotRegular { .. }), "{err}");
    assert!(read_capped(&zero, 100).is_err());
    assert!(read_in_corpus(Path::new("/"), &zero, 100).is_err());
}

#[test]
fn symlinks_out_of_the_corpus_are_refused_and_links_inside_are_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "secret").unwrap();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::create_dir(corpus.path().join("sub")).unwrap();
    let inside = corpus.path().join("a.txt");
    std::fs::write(&inside, "inside").unwrap();

    let out_link = corpus.path().join("sub/out.txt");
    std::os::unix::fs::symlink(&secret, &out_link).unwrap();
    let err = read_in_corpus(corpus.path(), &out_link, 100).unwrap_err();
    assert!(matches!(err, FsError::OutsideCorpus { .. }), "{err}");
    assert!(err.to_string().contains("out.txt"), "{err}");
    assert!(err.to_string().contains("outside"), "{err}");
    let err = read_capped(&out_link, 100).unwrap_err();
    assert!(matches!(err, FsError::OutsideCorpus { .. }), "{err}");

    // A link from sub/ to the corpus root stays in the corpus, but leaves sub/.
    let up_link = corpus.path().join("sub/up.txt");
    std::os::unix::fs::symlink(&inside, &up_link).unwrap();
    assert_eq!(
        read_in_corpus(corpus.path(), &up_link, 100).unwrap(),
        b"inside"
    );
    assert!(matches!(
        read_capped(&up_link, 100),
        Err(FsError::OutsideCorpus { .. })
    ));
    // A relative link to a sibling is fine either way.
    let sibling = corpus.path().join("b.txt");
    std::os::unix::fs::symlink("a.txt", &sibling).unwrap();
    assert_eq!(read_capped(&sibling, 100).unwrap(), b"inside");
}

#[test]
fn new_files_honour_the_umask_and_existing_files_keep_their_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt.alice.ron");
    write_atomic(&path, b"one").unwrap();
    assert_eq!(mode(&path), 0o666 & !umask());
    assert_ne!(mode(&path), 0o600, "not tempfile's private mode");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"two").unwrap();
    assert_eq!(mode(&path), 0o640);
    assert_eq!(std::fs::read(&path).unwrap(), b"two");
    // Nothing else is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_uncommitted_file_leaves_no_trace_and_the_old_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.jsonl");
    std::fs::write(&path, "old").unwrap();
    let mut out = AtomicFile::create(&path).unwrap();
    out.write_all(b"half").unwrap();
    drop(out);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // Two at once get different temp files.
    let a = AtomicFile::create(&path).unwrap();
    let b = AtomicFile::create(&path).unwrap();
    assert_ne!(a.temp, b.temp);
}

#[test]
fn controls_in_names_are_escaped_visibly() {
    assert!(matches!(
        escape_controls("plain name.txt"),
        Cow::Borrowed(_)
    ));
    assert_eq!(
        escape_controls("a\u{1b}]52;c;aGk=\u{7}b\u{202e}c\u{7f}\u{9b}\n.txt"),
        "a\\x1b]52;c;aGk=\\x07b\\u{202e}c\\x7f\\u{9b}\\x0a.txt"
    );
    assert_eq!(
        display_path(Path::new("dir/\u{1b}[2J.txt")),
        "dir/\\x1b[2J.txt"
    );
    let err = FsError::TooLarge {
        path: PathBuf::from("\u{1b}[31mred.txt"),
        size: 1 << 30,
        limit: 64 << 20,
    };
    assert_eq!(
        err.to_string(),
        "\\x1b[31mred.txt: larger than the 64 MiB limit"
    );
}

#[test]
fn reports_keep_their_lines_and_lose_their_controls() {
    assert_eq!(
        escape_lines("a\u{1b}[2J\tb\nc\r\n"),
        "a\\x1b[2J\tb\nc\\x0d\n"
    );
    let mut out = Vec::new();
    {
        let mut w = EscapeWriter::new(&mut out);
        // A character split across two writes is not torn.
        let name = "x\u{202e}é\u{1b}".as_bytes();
        w.write_all(&name[..3]).unwrap();
        w.write_all(&name[3..]).unwrap();
        w.write_all(b": fine\ntail").unwrap();
    }
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "x\\u{202e}é\\x1b: fine\ntail"
    );
}

#[test]
fn temp_names_are_recognised_and_nothing_else_is() {
    let seed = temp_seed();
    for attempt in [0, 1, 7, u64::MAX] {
        let name = temp_name(seed, attempt);
        assert!(is_temp_name(&name), "{name}");
    }
    for name in [
        ".glosser-0123456789abcdef.tmp",
        ".glosser-0123456789ABCDEF.tmp",
    ] {
        assert!(is_temp_name(name), "{name}");
    }
    for name in [
        "glosser-0123456789abcdef.tmp",
        ".glosser-0123456789abcde.tmp",
        ".glosser-0123456789abcdefa.tmp",
        ".glosser-0123456789abcdeg.tmp",
        ".glosser-0123456789abcdef.tmp.txt",
        ".glosser-.tmp",
        ".a.txt.ann.ron.lock",
        ".glosser-é123456789abcde.tmp",
    ] {
        assert!(!is_temp_name(name), "{name}");
    }
}
