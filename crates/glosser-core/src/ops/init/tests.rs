use std::os::unix::fs::PermissionsExt as _;

use super::*;

fn fake_glosser(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("glosser");
    std::fs::write(&path, "#!/bin/sh\n").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

#[test]
fn a_new_folder_becomes_a_team_corpus_in_one_step_and_a_second_run_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let glosser = fake_glosser(tmp.path());
    let corpus = tmp.path().join("news");
    let done = init(&corpus, &glosser).expect("init");
    let said = done.join("\n");
    for step in [
        "created the folder",
        "initialised a git repository",
        "glosser.ron",
        "assignments.ron",
        "merge.glosser.driver",
        "*.txt.*.ron merge=glosser",
        "installed the pre-commit hook",
    ] {
        assert!(said.contains(step), "{step}: {said}");
    }
    assert!(corpus.join(".git").is_dir());
    let labels = std::fs::read_to_string(corpus.join("glosser.ron")).expect("read");
    let set = crate::labels::LabelSet::parse(&labels, "glosser.ron").expect("labels parse");
    assert_eq!(set, crate::labels::LabelSet::default());
    let (assignments, warning) = crate::assignments::Assignments::for_corpus(&corpus);
    assert_eq!(warning, None, "the skeleton parses");
    assert!(assignments.assign.is_empty());
    assert_eq!(crate::ops::git_setup::check(&corpus), Vec::<String>::new());
    assert_eq!(
        init(&corpus, &glosser).expect("again"),
        Vec::<String>::new()
    );
}

#[test]
fn a_folder_inside_a_repository_gets_no_repository_of_its_own_and_its_files_are_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let glosser = fake_glosser(tmp.path());
    assert!(
        std::process::Command::new("git")
            .args(["init", "-q"])
            .arg(tmp.path())
            .status()
            .expect("git")
            .success()
    );
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join("glosser.ron"), "(labels: [])").expect("write");
    let done = init(&corpus, &glosser).expect("init").join("\n");
    assert!(!corpus.join(".git").exists(), "{done}");
    assert!(!done.contains("glosser.ron"), "{done}");
    assert_eq!(
        std::fs::read_to_string(corpus.join("glosser.ron")).expect("read"),
        "(labels: [])"
    );
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "").expect("write");
    let refused = init(&file, &glosser).expect_err("not a folder");
    assert!(
        format!("{refused:#}").contains("not a folder"),
        "{refused:#}"
    );
}
