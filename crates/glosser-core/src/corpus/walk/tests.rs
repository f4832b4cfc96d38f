use std::os::unix::fs::PermissionsExt;

use proptest::prelude::*;

use super::*;

fn touch(root: &Path, rel: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, rel).unwrap();
}

fn ids(root: &Path) -> Vec<String> {
    walk(root)
        .unwrap()
        .documents()
        .map(|d| d.id)
        .collect::<Vec<_>>()
}

#[test]
fn folders_sort_among_files_as_name_slash() {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "a.txt",
        "a/x.txt",
        "a b/y.txt",
        "a-b.txt",
        "a1/2.txt",
        "a12.txt",
        "doc10.txt",
        "doc9/z.md",
    ] {
        touch(dir.path(), rel);
    }
    assert_eq!(
        ids(dir.path()),
        [
            "a b/y.txt",
            "a-b.txt",
            "a.txt",
            "a/x.txt",
            "a1/2.txt",
            "a12.txt",
            "doc9/z.md",
            "doc10.txt"
        ]
    );
}

#[test]
fn strays_come_in_their_place_by_annotator() {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "b.txt",
        "b.txt.zed.ron",
        "a.txt.carol.ron",
        "a.txt.bob.ron",
        "c/d.txt.x.ron",
    ] {
        touch(dir.path(), rel);
    }
    let found: Vec<String> = walk(dir.path())
        .unwrap()
        .map(|f| match f.unwrap() {
            Found::Document(d) => format!("doc {} {}", d.id, d.annotations.len()),
            Found::Stray(s) => format!("stray {} {}", s.document_id, s.annotator),
            Found::Leftover(p) => format!("leftover {}", p.display()),
        })
        .collect();
    assert_eq!(
        found,
        [
            "stray a.txt bob",
            "stray a.txt carol",
            "doc b.txt 1",
            "stray c/d.txt x"
        ]
    );
}

#[test]
fn an_unlistable_folder_is_one_error_in_its_place_and_the_walk_goes_on() {
    // Permissions do not stop root: as root, the test runs again as nobody, and fails if it cannot.
    if rustix::process::geteuid().is_root() {
        let name = "corpus::walk::tests::an_unlistable_folder_is_one_error_in_its_place_and_the_walk_goes_on";
        let run = std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(std::env::current_exe().unwrap())
            .args(["--exact", name, "--test-threads=1"])
            .output()
            .expect("setpriv (util-linux) runs this test as nobody when run as root");
        let out = String::from_utf8_lossy(&run.stdout);
        assert!(
            run.status.success() && out.contains("1 passed"),
            "as nobody: {out}{}",
            String::from_utf8_lossy(&run.stderr)
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for rel in ["a.txt", "b/in.txt", "c.txt"] {
        touch(dir.path(), rel);
    }
    let locked = dir.path().join("b");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    assert!(
        std::fs::read_dir(&locked).is_err(),
        "a folder of mode 000 was listed: run as a user whom permissions stop (as root, this test runs itself again as nobody)"
    );
    let found: Vec<String> = walk(dir.path())
        .unwrap()
        .map(|f| match f {
            Ok(Found::Document(d)) => d.id,
            Ok(Found::Stray(s)) => s.document_id,
            Ok(Found::Leftover(p)) => p.display().to_string(),
            Err(e) => format!("error {}", e.to_string().contains("/b")),
        })
        .collect();
    let scanned = crate::corpus::Corpus::scan(dir.path());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(found, ["a.txt", "error true", "c.txt"]);
    assert!(scanned.is_err());
}

#[test]
fn leftover_temp_files_and_staging_folders_are_found_and_nothing_inside_them_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "a.txt",
        ".glosser-00000000000000aa.tmp",
        ".glosser-00000000000000bb.tmp/new/doc.txt",
        "sub/.glosser-00000000000000cc.tmp",
        "sub/b.txt",
        ".hidden.txt",
        ".glosser-short.tmp",
        ".a.txt.ann.ron.lock",
    ] {
        touch(dir.path(), rel);
    }
    std::os::unix::fs::symlink(
        dir.path().join("a.txt"),
        dir.path().join(".glosser-00000000000000dd.tmp"),
    )
    .unwrap();
    let found: Vec<String> = walk(dir.path())
        .unwrap()
        .map(|f| match f.unwrap() {
            Found::Document(d) => d.id,
            Found::Stray(s) => format!("stray {}", s.document_id),
            Found::Leftover(p) => {
                format!("leftover {}", p.strip_prefix(dir.path()).unwrap().display())
            }
        })
        .collect();
    assert_eq!(
        found,
        [
            "leftover .glosser-00000000000000aa.tmp",
            "leftover .glosser-00000000000000bb.tmp",
            "a.txt",
            "leftover sub/.glosser-00000000000000cc.tmp",
            "sub/b.txt",
        ]
    );
    assert_eq!(ids(dir.path()), ["a.txt", "sub/b.txt"]);
    assert_eq!(
        crate::corpus::Corpus::scan(dir.path())
            .unwrap()
            .documents
            .len(),
        2
    );
}

#[test]
fn a_file_is_not_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    touch(dir.path(), "a.txt");
    assert!(matches!(
        walk(&dir.path().join("a.txt")),
        Err(CorpusError::NotADirectory { .. })
    ));
}

fn segment() -> impl Strategy<Value = String> {
    // Names without leading zeros in digit runs (the one case the walk does not interleave).
    prop::sample::select(vec![
        "a", "b", "a b", "a-b", "a1", "a2", "a10", "a12", "doc", "doc9", "doc10", "x.y", "Z", "é",
    ])
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn walk_is_the_natural_order_of_full_ids(
        paths in prop::collection::vec((prop::collection::vec(segment(), 0..3), segment(), any::<bool>()), 1..25)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut expected = Vec::new();
        for (folders, name, md) in paths {
            let mut rel = folders.join("/");
            if !rel.is_empty() {
                rel.push('/');
            }
            rel.push_str(&name);
            rel.push_str(if md { ".md" } else { ".txt" });
            // A folder and a document of the same name cannot both exist.
            if std::fs::create_dir_all(dir.path().join(&rel).parent().unwrap()).is_err()
                || dir.path().join(&rel).is_dir()
            {
                continue;
            }
            std::fs::write(dir.path().join(&rel), "t").unwrap();
            expected.push(rel);
        }
        expected.sort_by(|a, b| natural_cmp(a, b));
        expected.dedup();
        prop_assert_eq!(ids(dir.path()), expected);
    }
}
