//! Helpers of `tests/team_git.rs`: clones of one origin, git and glosser runs, edits through
//! the one save path, and the model every clone is checked against.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use glosser_core::span::Span;
use glosser_core::store::{self, AnnotationFile, Status};
use glosser_core::text::Document;

pub const A: &str = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda mu.\n";
pub const B: &str = "Bravo one two. Bravo three four. Bravo five six.\n";
pub const C: &str = "Charlie here. Charlie there.\n";

/// Annotation file (relative path) → status and spans (label, quote, note).
pub type Model = BTreeMap<String, (Status, BTreeSet<(String, String, Option<String>)>)>;

pub fn path_env() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_glosser")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

pub fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path_env())
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_EDITOR", "true")
        .env_remove("GIT_DIR")
        .output()
        .unwrap()
}

pub fn ok(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = run(dir, program, args);
    assert!(
        out.status.success(),
        "{program} {args:?} in {}: {}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn git(dir: &Path, args: &[&str]) -> String {
    ok(dir, "git", args)
}

pub fn glosser(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_glosser"), args)
}

pub fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// Changes one annotation file through the one save path, as the TUI would.
pub fn edit(
    dir: &Path,
    doc: &str,
    annotator: &str,
    change: impl FnOnce(&mut AnnotationFile, &Document),
) {
    let article = dir.join(doc);
    let text = Document::load(&article).unwrap();
    let path = store::annotation_path(&article, annotator);
    let before = store::load(&path).ok();
    let name = article.file_name().unwrap().to_str().unwrap();
    let mut file = before
        .clone()
        .unwrap_or_else(|| AnnotationFile::new(name, annotator, text.sha256()));
    change(&mut file, &text);
    let texts = glosser_core::old_texts::Lookup::in_corpus(dir, &article);
    glosser_core::save::save_merged(&path, &file, before.as_ref(), &text, &texts).unwrap();
}

pub fn span(doc: &Document, quote: &str, label: &str) -> Span {
    let at = doc.byte_to_char(doc.text().find(quote).unwrap()).unwrap();
    Span::new(doc, at..at + quote.chars().count(), label)
}

pub fn add(dir: &Path, model: &mut Model, doc: &str, annotator: &str, quote: &str, label: &str) {
    edit(dir, doc, annotator, |file, text| {
        file.spans.insert_unchecked(span(text, quote, label));
        file.status = Status::InProgress;
    });
    let entry = model.entry(format!("{doc}.{annotator}.ron")).or_default();
    entry.0 = Status::InProgress;
    entry.1.insert((label.into(), quote.into(), None));
}

pub fn set_note(dir: &Path, doc: &str, annotator: &str, quote: &str, note: &str) {
    edit(dir, doc, annotator, |file, _| {
        let key = file
            .spans
            .spans()
            .iter()
            .find(|s| s.quote == quote)
            .unwrap()
            .clone();
        file.spans.set_note(key.key(), Some(note.into()));
    });
}

pub fn model_note(model: &mut Model, file: &str, quote: &str, note: Option<&str>) {
    let set = &mut model.get_mut(file).unwrap().1;
    let old = set.iter().find(|s| s.1 == quote).unwrap().clone();
    set.remove(&old);
    set.insert((old.0, old.1, note.map(str::to_owned)));
}

/// `validate` is clean and the files are exactly the model.
pub fn check(dir: &Path, model: &Model, step: &str) {
    let out = glosser(dir, &["validate", "."]);
    assert!(
        out.status.success(),
        "{step}: validate in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = glosser_core::corpus::Corpus::scan(dir).unwrap();
    let mut found = Model::new();
    for entry in &corpus.documents {
        for a in &entry.annotations {
            let file = store::load(&a.path).unwrap();
            assert_eq!(
                file.document,
                entry.file_name(),
                "{step}: {}",
                a.path.display()
            );
            let spans = file
                .all_spans()
                .map(|s| (s.label.clone(), s.quote.clone(), s.note.clone()))
                .collect();
            let rel = a
                .path
                .strip_prefix(dir)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            found.insert(rel, (file.status, spans));
        }
    }
    assert!(
        corpus.strays.is_empty(),
        "{step}: strays {:?}",
        corpus.strays
    );
    assert_eq!(&found, model, "{step}: in {}", dir.display());
}

pub struct Team {
    _tmp: tempfile::TempDir,
    pub clones: BTreeMap<&'static str, PathBuf>,
}

impl Team {
    /// Fails the test when git is missing: a team test never passes without running.
    pub fn new() -> Self {
        assert!(
            Command::new("git").arg("--version").output().is_ok(),
            "git is not installed: the team tests need it"
        );
        let tmp = tempfile::tempdir().unwrap();
        let origin = tmp.path().join("origin.git");
        git(
            tmp.path(),
            &[
                "init",
                "-q",
                "--bare",
                "-b",
                "main",
                origin.to_str().unwrap(),
            ],
        );
        let alice = tmp.path().join("alice");
        git(
            tmp.path(),
            &["clone", "-q", origin.to_str().unwrap(), "alice"],
        );
        git(&alice, &["symbolic-ref", "HEAD", "refs/heads/main"]);
        for (name, text) in [("a.txt", A), ("b.txt", B), ("c.txt", C)] {
            std::fs::write(alice.join(name), text).unwrap();
        }
        let said = String::from_utf8(glosser(&alice, &["git-setup", "--hook"]).stdout).unwrap();
        assert!(
            said.contains("merge.glosser.driver") && said.contains("pre-commit"),
            "{said}"
        );
        commit_all(&alice, "corpus");
        git(&alice, &["push", "-q", "-u", "origin", "main"]);
        let mut clones = BTreeMap::from([("alice", alice)]);
        for name in ["bob", "carol"] {
            git(tmp.path(), &["clone", "-q", origin.to_str().unwrap(), name]);
            let dir = tmp.path().join(name);
            let first = String::from_utf8(glosser(&dir, &["git-setup"]).stdout).unwrap();
            assert!(first.contains("merge.glosser.driver"), "{first}");
            let again = String::from_utf8(glosser(&dir, &["git-setup"]).stdout).unwrap();
            assert_eq!(again.trim(), "git-setup: nothing to change");
            clones.insert(name, dir);
        }
        Self { _tmp: tmp, clones }
    }

    pub fn dir(&self, name: &str) -> &Path {
        &self.clones[name]
    }

    pub fn pull_all_and_check(&self, model: &Model, step: &str) {
        for dir in self.clones.values() {
            git(dir, &["pull", "-q", "--no-rebase"]);
            check(dir, model, step);
        }
    }
}

pub fn set_status(dir: &Path, model: &mut Model, doc: &str, annotator: &str, status: Status) {
    edit(dir, doc, annotator, |file, _| file.status = status);
    model.get_mut(&format!("{doc}.{annotator}.ron")).unwrap().0 = status;
}

/// A `PATH` with git on it and nothing else (so certainly no glosser): one folder in `dir`
/// holding a link to the git found on the test's own `PATH`.
pub fn path_without_glosser(dir: &Path) -> String {
    let git = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("git"))
        .find(|p| p.is_file())
        .expect("git is on the PATH");
    let bin = dir.join("only-git");
    std::fs::create_dir_all(&bin).unwrap();
    let link = bin.join("git");
    if !link.exists() {
        std::os::unix::fs::symlink(git, &link).unwrap();
    }
    bin.to_str().unwrap().to_owned()
}

/// [`run`] as `annotator` (`GLOSSER_ANNOTATOR`), with `path` as the whole `PATH` when given.
pub fn run_as(
    dir: &Path,
    annotator: &str,
    path: Option<&str>,
    program: &str,
    args: &[&str],
) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path.map_or_else(path_env, str::to_owned))
        .env("GLOSSER_ANNOTATOR", annotator)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_EDITOR", "true")
        .env_remove("GIT_DIR")
        .output()
        .unwrap()
}

/// An output's stdout and stderr, for assertions and their messages.
pub fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
