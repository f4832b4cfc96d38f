#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A read-only file system (EROFS) is named as such by every writer — `validate --fix`,
//! `import`, `merge`, `mv` — never as a permission problem. The corpus is bind-mounted
//! read-only (`mount --bind -o ro`) and the real binary runs on it: as root directly, otherwise
//! each test runs itself again in a user and mount namespace of its own (`unshare`), where it
//! is root. A test fails when the mount cannot be made; every one also checks the one error
//! mapping with `EROFS` itself.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use glosser_core::save::SaveError;
use glosser_core::store::{StoreError, StoreErrorKind};

/// `EROFS` on Linux.
const EROFS: i32 = 30;

const TEXT: &str = "Alpha said beta. Gamma.\n";

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .env("GLOSSER_CONFIG", "/nonexistent/config.ron")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The one mapping every writer uses, fed `EROFS` as the kernel returns it.
fn assert_the_mapping_names_a_read_only_file_system() {
    let path = Path::new("corpus/a.txt.alice.ron");
    let erofs = || std::io::Error::from_raw_os_error(EROFS);
    let direct = SaveError::from_io(path, erofs()).to_string();
    let through_store = SaveError::from(StoreError::Write {
        path: path.to_owned(),
        source: erofs(),
    })
    .to_string();
    for message in [direct, through_store] {
        assert!(message.contains("read-only file system"), "{message}");
        assert!(message.contains("a.txt.alice.ron"), "{message}");
        assert!(!message.contains("permission"), "{message}");
    }
    let kind = StoreError::Write {
        path: path.to_owned(),
        source: erofs(),
    }
    .kind();
    assert_eq!(kind, StoreErrorKind::ReadOnly);
}

/// A read-only bind mount of `source` at `target`, unmounted on drop.
struct ReadOnlyMount {
    target: PathBuf,
}

/// Whether this process is root (in its own user namespace, too).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// Not root: runs the test `name` again in a user and mount namespace of its own, where this
/// process is root and its mounts are its own, and fails unless it passed there. Returns
/// whether it ran there (then the caller is done).
fn ran_as_root_elsewhere(name: &str) -> bool {
    if is_root() {
        return false;
    }
    let run = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "--"])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", name, "--test-threads=1"])
        .output()
        .expect("unshare (util-linux) runs the read-only mount tests when not root");
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && out.contains("1 passed"),
        "{name} in a namespace of its own (needs root, or unprivileged user namespaces): {out}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    true
}

impl ReadOnlyMount {
    /// Fails the test when it cannot be made: a test that did not run on a read-only mount
    /// does not pass.
    fn new(source: &Path, target: &Path) -> Self {
        std::fs::create_dir_all(target).unwrap();
        let mounted = Command::new("mount")
            .args(["--bind", "-o", "ro"])
            .arg(source)
            .arg(target)
            .output()
            .expect("mount");
        assert!(
            mounted.status.success(),
            "mount --bind -o ro failed: {}",
            String::from_utf8_lossy(&mounted.stderr).trim()
        );
        let mount = Self {
            target: target.to_owned(),
        };
        // Old kernels ignore `ro` on the first bind: make sure writes really fail with EROFS.
        let probe = std::fs::write(target.join(".probe"), "");
        let erofs = probe.as_ref().err().and_then(std::io::Error::raw_os_error) == Some(EROFS);
        if !erofs {
            let _ = std::fs::remove_file(target.join(".probe"));
        }
        assert!(erofs, "the bind mount is writable ({probe:?})");
        mount
    }
}

impl Drop for ReadOnlyMount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.target).status();
    }
}

/// A corpus in `dir/src` with alice's file on `TEXT`, and where its read-only mount goes.
fn corpus(dir: &Path) -> (PathBuf, PathBuf) {
    let source = dir.join("src");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::write(source.join("a.txt"), TEXT).unwrap();
    let doc = glosser_core::text::Document::from_text(TEXT);
    let mut file = glosser_core::store::AnnotationFile::new("a.txt", "alice", doc.sha256());
    file.status = glosser_core::store::Status::InProgress;
    file.spans
        .insert_unchecked(glosser_core::span::Span::new(&doc, 0..5, "claim"));
    glosser_core::store::save(&source.join("a.txt.alice.ron"), &file).unwrap();
    (source, dir.join("ro"))
}

#[test]
fn validate_fix_names_a_read_only_file_system() {
    if ran_as_root_elsewhere("validate_fix_names_a_read_only_file_system") {
        return;
    }
    assert_the_mapping_names_a_read_only_file_system();
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = corpus(dir.path());
    // The article changed: `--fix` has a file to rewrite.
    std::fs::write(source.join("a.txt"), format!("Lead. {TEXT}")).unwrap();
    let _mount = ReadOnlyMount::new(&source, &target);
    let out = glosser(&["validate", target.to_str().unwrap(), "--fix"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("read-only file system"), "{said}");
    assert!(!said.contains("permission"), "{said}");
    assert_eq!(
        said.matches("a.txt.alice.ron").count(),
        1,
        "named once: {said}"
    );
}

#[test]
fn import_into_an_existing_file_names_a_read_only_file_system() {
    if ran_as_root_elsewhere("import_into_an_existing_file_names_a_read_only_file_system") {
        return;
    }
    assert_the_mapping_names_a_read_only_file_system();
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = corpus(dir.path());
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!(
            "{}\n",
            serde_json::json!({
                "document": "a.txt",
                "annotator": "alice",
                "text": TEXT,
                "spans": [{"start": 6, "end": 10, "label": "quote", "text": "said"}],
            })
        ),
    )
    .unwrap();
    let _mount = ReadOnlyMount::new(&source, &target);
    let out = glosser(&[
        "import",
        input.to_str().unwrap(),
        "--format",
        "jsonl",
        "--corpus",
        target.to_str().unwrap(),
    ]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("read-only file system"), "{said}");
    assert!(!said.contains("permission"), "{said}");
}

#[test]
fn merge_into_an_existing_gold_file_names_a_read_only_file_system() {
    if ran_as_root_elsewhere("merge_into_an_existing_gold_file_names_a_read_only_file_system") {
        return;
    }
    assert_the_mapping_names_a_read_only_file_system();
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = corpus(dir.path());
    std::fs::copy(source.join("a.txt.alice.ron"), source.join("a.txt.bob.ron")).unwrap();
    let bob = std::fs::read_to_string(source.join("a.txt.bob.ron")).unwrap();
    std::fs::write(
        source.join("a.txt.bob.ron"),
        bob.replace("annotator: \"alice\"", "annotator: \"bob\""),
    )
    .unwrap();
    let merge = |corpus: &Path| {
        glosser(&[
            "merge",
            corpus.to_str().unwrap(),
            "--annotators",
            "alice,bob",
            "--strategy",
            "union",
        ])
    };
    let first = merge(&source);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    // Gold now exists: the merge below must replace it, on a read-only mount.
    std::fs::write(source.join("a.txt"), format!("Lead. {TEXT}")).unwrap();
    let _mount = ReadOnlyMount::new(&source, &target);
    let out = merge(&target);
    let said = text(&out);
    assert_ne!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("read-only file system"), "{said}");
    assert!(!said.contains("permission"), "{said}");
}

#[test]
fn mv_names_a_read_only_file_system_and_moves_nothing() {
    if ran_as_root_elsewhere("mv_names_a_read_only_file_system_and_moves_nothing") {
        return;
    }
    assert_the_mapping_names_a_read_only_file_system();
    let dir = tempfile::tempdir().unwrap();
    let (source, target) = corpus(dir.path());
    let _mount = ReadOnlyMount::new(&source, &target);
    let out = glosser(&[
        "mv",
        target.join("a.txt").to_str().unwrap(),
        target.join("b.txt").to_str().unwrap(),
    ]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("read-only file system"), "{said}");
    assert!(said.contains("nothing was moved"), "{said}");
    assert!(target.join("a.txt").exists() && target.join("a.txt.alice.ron").exists());
}
