#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A team through git (SPEC §11), scripted: a bare origin and three clones set up with
//! `glosser git-setup`, then merge, rebase (with a conflict whose note reads from the rebaser's
//! side), stash, revert, cherry-pick, `glosser mv` against a teammate's edit, a delete and a
//! text edit re-anchored by `validate --fix`. After every step each clone that pulled is checked:
//! `validate` is clean, and every annotation file holds exactly the spans (label, quote, note)
//! and status the model says — nothing lost, nothing misplaced (validate checks every quote
//! against the text at its offsets).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use glosser::span::Span;
use glosser::store::{self, AnnotationFile, Status};
use glosser::text::Document;

const A: &str = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda mu.\n";
const B: &str = "Bravo one two. Bravo three four. Bravo five six.\n";
const C: &str = "Charlie here. Charlie there.\n";

/// Annotation file (relative path) → status and spans (label, quote, note).
type Model = BTreeMap<String, (Status, BTreeSet<(String, String, Option<String>)>)>;

fn path_env() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_glosser")).parent().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
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

fn ok(dir: &Path, program: &str, args: &[&str]) -> String {
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

fn git(dir: &Path, args: &[&str]) -> String {
    ok(dir, "git", args)
}

fn glosser(dir: &Path, args: &[&str]) -> Output {
    run(dir, env!("CARGO_BIN_EXE_glosser"), args)
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// Changes one annotation file through the one save path, as the TUI would.
fn edit(
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
    glosser::save::save_merged(&path, &file, before.as_ref(), &text).unwrap();
}

fn span(doc: &Document, quote: &str, label: &str) -> Span {
    let at = doc.byte_to_char(doc.text().find(quote).unwrap()).unwrap();
    Span::new(doc, at..at + quote.chars().count(), label)
}

fn add(dir: &Path, model: &mut Model, doc: &str, annotator: &str, quote: &str, label: &str) {
    edit(dir, doc, annotator, |file, text| {
        file.spans.insert_unchecked(span(text, quote, label));
        file.status = Status::InProgress;
    });
    let entry = model.entry(format!("{doc}.{annotator}.ron")).or_default();
    entry.0 = Status::InProgress;
    entry.1.insert((label.into(), quote.into(), None));
}

fn set_note(dir: &Path, doc: &str, annotator: &str, quote: &str, note: &str) {
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

fn model_note(model: &mut Model, file: &str, quote: &str, note: Option<&str>) {
    let set = &mut model.get_mut(file).unwrap().1;
    let old = set.iter().find(|s| s.1 == quote).unwrap().clone();
    set.remove(&old);
    set.insert((old.0, old.1, note.map(str::to_owned)));
}

/// `validate` is clean and the files are exactly the model.
fn check(dir: &Path, model: &Model, step: &str) {
    let out = glosser(dir, &["validate", "."]);
    assert!(
        out.status.success(),
        "{step}: validate in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let corpus = glosser::corpus::Corpus::scan(dir).unwrap();
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

struct Team {
    _tmp: tempfile::TempDir,
    clones: BTreeMap<&'static str, PathBuf>,
}

impl Team {
    fn new() -> Option<Self> {
        if Command::new("git").arg("--version").output().is_err() {
            eprintln!("git is not installed; skipping");
            return None;
        }
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
        Some(Self { _tmp: tmp, clones })
    }

    fn dir(&self, name: &str) -> &Path {
        &self.clones[name]
    }

    fn pull_all_and_check(&self, model: &Model, step: &str) {
        for dir in self.clones.values() {
            git(dir, &["pull", "-q", "--no-rebase"]);
            check(dir, model, step);
        }
    }
}

#[test]
fn three_clones_merge_rebase_stash_revert_cherry_pick_rename_delete_and_edit() {
    let Some(team) = Team::new() else { return };
    let (alice, bob, carol) = (team.dir("alice"), team.dir("bob"), team.dir("carol"));
    let mut model = Model::new();
    team.pull_all_and_check(&model, "set-up");

    // Merge: alice and bob both add to gold; bob pulls with a merge commit.
    add(
        alice,
        &mut model,
        "a.txt",
        "gold",
        "Alpha beta gamma.",
        "claim",
    );
    commit_all(alice, "alice: gold claim");
    git(alice, &["push", "-q"]);
    add(
        bob,
        &mut model,
        "a.txt",
        "gold",
        "Delta epsilon zeta.",
        "opinion",
    );
    add(bob, &mut model, "b.txt", "bob", "Bravo one two.", "quote");
    commit_all(bob, "bob: gold opinion");
    git(bob, &["pull", "-q", "--no-rebase", "--no-edit"]);
    check(bob, &model, "merge");
    git(bob, &["push", "-q"]);
    team.pull_all_and_check(&model, "merge pushed");

    // Rebase with a conflict: carol and alice change the same note differently.
    set_note(alice, "a.txt", "gold", "Alpha beta gamma.", "upstream says");
    commit_all(alice, "alice: note");
    git(alice, &["push", "-q"]);
    set_note(carol, "a.txt", "gold", "Alpha beta gamma.", "carol says");
    add(
        carol,
        &mut model,
        "c.txt",
        "carol",
        "Charlie here.",
        "claim",
    );
    commit_all(carol, "carol: note and claim");
    let out = run(carol, "git", &["pull", "-q", "--rebase"]);
    assert!(
        !out.status.success(),
        "a note changed on both sides stops the rebase"
    );
    let note = store::load(&carol.join("a.txt.gold.ron"))
        .unwrap()
        .spans
        .spans()[0]
        .note
        .clone()
        .unwrap();
    assert_eq!(
        note, "merge conflict: note ours=\"carol says\" theirs=\"upstream says\"",
        "during a rebase \"ours\" is the rebaser's own commit"
    );
    let stopped = glosser(carol, &["validate", ".", "--annotator", "gold"]);
    assert_eq!(
        stopped.status.code(),
        Some(1),
        "the conflict note is a problem"
    );
    assert!(String::from_utf8_lossy(&stopped.stdout).contains("merge conflict"));
    let others = glosser(carol, &["validate", ".", "--annotator", "carol"]);
    assert_eq!(others.status.code(), Some(0), "scoped to carol: clean");
    set_note(carol, "a.txt", "gold", "Alpha beta gamma.", "agreed");
    git(carol, &["add", "a.txt.gold.ron"]);
    git(carol, &["rebase", "--continue"]);
    model_note(
        &mut model,
        "a.txt.gold.ron",
        "Alpha beta gamma.",
        Some("agreed"),
    );
    check(carol, &model, "rebase");
    git(carol, &["push", "-q"]);
    team.pull_all_and_check(&model, "rebase pushed");

    // The hook: a staged conflict note is refused at commit time.
    set_note(
        alice,
        "b.txt",
        "bob",
        "Bravo one two.",
        "merge conflict: note ours=\"x\" theirs=\"y\"",
    );
    git(alice, &["add", "-A"]);
    let refused = run(alice, "git", &["commit", "-q", "-m", "oops"]);
    assert!(
        !refused.status.success(),
        "the pre-commit hook refuses a conflict note"
    );
    git(alice, &["reset", "-q", "--hard"]);

    // Stash: bob has an uncommitted edit while alice pushes.
    add(
        alice,
        &mut model,
        "a.txt",
        "gold",
        "Kappa lambda mu.",
        "unverified",
    );
    commit_all(alice, "alice: kappa");
    git(alice, &["push", "-q"]);
    add(bob, &mut model, "a.txt", "gold", "Eta theta iota.", "quote");
    git(bob, &["stash", "-q"]);
    git(bob, &["pull", "-q", "--no-rebase"]);
    git(bob, &["stash", "pop", "-q"]);
    check(bob, &model, "stash");
    commit_all(bob, "bob: eta");
    git(bob, &["push", "-q"]);
    team.pull_all_and_check(&model, "stash pushed");

    // Revert: alice takes back her kappa span.
    let kappa = git(
        alice,
        &["log", "--format=%H", "-1", "--grep", "alice: kappa"],
    );
    git(alice, &["revert", "--no-edit", kappa.trim()]);
    model
        .get_mut("a.txt.gold.ron")
        .unwrap()
        .1
        .retain(|s| s.1 != "Kappa lambda mu.");
    check(alice, &model, "revert");
    git(alice, &["push", "-q"]);
    team.pull_all_and_check(&model, "revert pushed");

    // Cherry-pick: bob picks one commit from a side branch.
    git(bob, &["checkout", "-q", "-b", "side"]);
    add(
        bob,
        &mut model,
        "b.txt",
        "bob",
        "Bravo five six.",
        "opinion",
    );
    commit_all(bob, "bob: five");
    let five = git(bob, &["rev-parse", "HEAD"]);
    git(bob, &["checkout", "-q", "main"]);
    git(bob, &["cherry-pick", five.trim()]);
    check(bob, &model, "cherry-pick");
    git(bob, &["push", "-q"]);
    team.pull_all_and_check(&model, "cherry-pick pushed");

    // Rename: alice moves a.txt while carol adds to its gold file.
    let moved = glosser(alice, &["mv", "a.txt", "news/alpha.txt"]);
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    commit_all(alice, "alice: mv");
    git(alice, &["push", "-q"]);
    let gold = model.remove("a.txt.gold.ron").unwrap();
    model.insert("news/alpha.txt.gold.ron".into(), gold);
    edit(carol, "a.txt", "gold", |file, text| {
        file.spans
            .insert_unchecked(span(text, "Eta theta iota.", "claim"));
    });
    let spans = &mut model.get_mut("news/alpha.txt.gold.ron").unwrap().1;
    spans.insert(("claim".into(), "Eta theta iota.".into(), None));
    commit_all(carol, "carol: eta claim");
    git(carol, &["pull", "-q", "--no-rebase", "--no-edit"]);
    check(carol, &model, "rename");
    git(carol, &["push", "-q"]);
    team.pull_all_and_check(&model, "rename pushed");

    // Delete: carol removes c.txt with its files.
    git(carol, &["rm", "-q", "c.txt", "c.txt.carol.ron"]);
    git(carol, &["commit", "-q", "-m", "carol: delete c"]);
    model.remove("c.txt.carol.ron");
    git(carol, &["push", "-q"]);
    team.pull_all_and_check(&model, "delete pushed");

    // Text edit: alice changes b.txt and re-anchors with validate --fix; bob adds a span to the
    // old text meanwhile.
    std::fs::write(alice.join("b.txt"), format!("Breaking: a new lead. {B}")).unwrap();
    let fixed = glosser(alice, &["validate", ".", "--fix"]);
    assert!(
        fixed.status.success(),
        "{}",
        String::from_utf8_lossy(&fixed.stdout)
    );
    commit_all(alice, "alice: new lead");
    git(alice, &["push", "-q"]);
    add(
        bob,
        &mut model,
        "b.txt",
        "bob",
        "Bravo three four.",
        "claim",
    );
    commit_all(bob, "bob: three");
    git(bob, &["pull", "-q", "--no-rebase", "--no-edit"]);
    check(bob, &model, "text edit");
    git(bob, &["push", "-q"]);
    team.pull_all_and_check(&model, "text edit pushed");

    // The overview agrees with the model.
    let status = glosser(alice, &["status", ".", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs
        .iter()
        .map(|d| d["document"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["b.txt", "news/alpha.txt"]);
    assert_eq!(docs[0]["annotators"]["bob"]["spans"], 3);
    assert_eq!(docs[1]["annotators"]["gold"]["spans"], 4);
    assert_eq!(
        docs[1]["annotators"]["gold"]["problems"],
        serde_json::json!([])
    );
}
