use super::*;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .expect("git runs (git is part of glosser's test set-up)");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

#[test]
fn every_committed_version_of_an_article_is_found_by_its_sha256_even_after_a_rename() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q"]);
    std::fs::create_dir(root.join("news")).expect("mkdir");
    let versions = ["First version.\n", "Second version.\n"];
    for (i, text) in versions.iter().enumerate() {
        std::fs::write(root.join("news/a.txt"), text).expect("write");
        git(root, &["add", "-A"]);
        git(root, &["commit", "-qm", &format!("v{i}")]);
    }
    git(root, &["mv", "news/a.txt", "news/b.txt"]);
    git(root, &["commit", "-qm", "renamed"]);
    std::fs::write(root.join("news/b.txt"), "Third, uncommitted.\n").expect("write");
    let history = GitHistory::new(&root.join("news/b.txt"));
    for text in versions {
        let doc = Document::from_text(text);
        let found = history.find(doc.sha256()).expect("found in history");
        assert_eq!(found.text(), text);
    }
    assert!(
        history
            .find(Document::from_text("Never there.").sha256())
            .is_none()
    );
}

#[test]
fn outside_a_repository_there_is_no_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "x").expect("write");
    let doc = Document::from_text("x");
    assert!(
        GitHistory::new(&dir.path().join("a.txt"))
            .find(doc.sha256())
            .is_none()
    );
}
