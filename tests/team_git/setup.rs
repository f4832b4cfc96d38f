//! The second round of the team (issue 31), setting up: a team corpus from `glosser init`,
//! config files (`assignments.ron`, `glosser.ron`) merged by git as text, a clone set up by an
//! earlier glosser warned about and brought up to date, and the hook finding glosser off the
//! `PATH` (and saying so when the glosser it recorded is gone).

use std::path::Path;

use super::team::{
    A, Model, Team, add, commit_all, git, glosser, path_without_glosser, run, run_as, said,
    set_note,
};

const ASSIGNMENTS: &str = "(\n    assign: {\n        \"alice\": [\"a.txt\"],\n        \"bob\": [\"b.txt\"],\n    },\n    // how many annotators each document needs\n    overlap: 1,\n)\n";

/// The annotators assigned to `document`, from `status --json`.
fn assigned(dir: &Path, document: &str) -> Vec<String> {
    let out = glosser(dir, &["status", ".", "--json"]);
    assert!(out.status.success(), "{}", said(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == document)
        .unwrap()
        .clone();
    serde_json::from_value(row["assigned"].clone()).unwrap()
}

/// Two leads edit different lines of assignments.ron (`alice` assigns `name` to c.txt, `carol`
/// raises the overlap to `overlap`): the pull merges it like git merges text, both lines kept.
fn two_leads_edit_assignments(team: &Team, step: &str, name: &str, overlap: usize) {
    let (alice, carol) = (team.dir("alice"), team.dir("carol"));
    let text = std::fs::read_to_string(alice.join("assignments.ron")).unwrap();
    std::fs::write(
        alice.join("assignments.ron"),
        text.replace(
            "        \"bob\": [\"b.txt\"],\n",
            &format!("        \"bob\": [\"b.txt\"],\n        \"{name}\": [\"c.txt\"],\n"),
        ),
    )
    .unwrap();
    commit_all(alice, &format!("{step}: {name} on c"));
    git(alice, &["push", "-q"]);
    let text = std::fs::read_to_string(carol.join("assignments.ron")).unwrap();
    std::fs::write(
        carol.join("assignments.ron"),
        text.replace(
            &format!("overlap: {},", overlap - 1),
            &format!("overlap: {overlap},"),
        ),
    )
    .unwrap();
    commit_all(carol, &format!("{step}: overlap {overlap}"));
    let pulled = run(carol, "git", &["pull", "--no-rebase", "--no-edit"]);
    assert!(pulled.status.success(), "{step}: {}", said(&pulled));
    let merged = std::fs::read_to_string(carol.join("assignments.ron")).unwrap();
    assert!(
        merged.contains(&format!("\"{name}\": [\"c.txt\"]"))
            && merged.contains(&format!("overlap: {overlap},")),
        "{step}: both leads' lines are kept: {merged}"
    );
    assert!(
        assigned(carol, "c.txt").contains(&name.to_owned()),
        "{step}"
    );
    git(carol, &["push", "-q"]);
}

#[test]
fn config_files_get_git_s_own_merge_and_an_old_clone_is_warned_then_brought_up_to_date() {
    let team = Team::new();
    let (alice, bob, carol) = (team.dir("alice"), team.dir("bob"), team.dir("carol"));
    std::fs::write(alice.join("assignments.ron"), ASSIGNMENTS).unwrap();
    commit_all(alice, "assignments");
    git(alice, &["push", "-q"]);
    git(carol, &["pull", "-q", "--no-rebase"]);
    for (file, routed) in [
        ("assignments.ron", "unspecified"),
        ("glosser.ron", "unspecified"),
        ("a.txt.alice.ron", "glosser"),
        ("notes/x.md.bob.ron", "glosser"),
    ] {
        let attr = git(carol, &["check-attr", "merge", "--", file]);
        assert_eq!(attr.trim(), format!("{file}: merge: {routed}"));
    }
    two_leads_edit_assignments(&team, "set up now", "carol", 2);

    // A clone set up by an earlier glosser: every .ron to the driver, glosser called by name.
    git(alice, &["pull", "-q", "--no-rebase"]);
    std::fs::write(alice.join(".gitattributes"), "*.ron merge=glosser\n").unwrap();
    commit_all(alice, "an old glosser's attributes");
    git(alice, &["push", "-q"]);
    for dir in [alice, carol] {
        git(dir, &["pull", "-q", "--no-rebase"]);
        git(
            dir,
            &[
                "config",
                "merge.glosser.driver",
                "glosser merge-driver %O %A %B %P",
            ],
        );
    }
    let warned = said(&glosser(carol, &["validate", "."]));
    for says in [
        "merge driver calls glosser by name",
        "glosser.ron and assignments.ron are routed",
        "no pre-commit hook",
    ] {
        assert!(warned.contains(says), "validate warns {says:?}: {warned}");
    }
    let warned = said(&glosser(carol, &["status", "."]));
    assert!(
        warned.contains("glosser.ron and assignments.ron are routed"),
        "{warned}"
    );
    // Even routed to the driver, config files are merged by lines, never as annotations.
    two_leads_edit_assignments(&team, "old routing", "dave", 3);

    // git-setup brings the clone up to date; the lead commits .gitattributes for everyone.
    git(alice, &["pull", "-q", "--no-rebase"]);
    let setup = glosser(alice, &["git-setup", "--hook"]);
    assert!(
        said(&setup).contains("removed `*.ron merge=glosser`"),
        "{}",
        said(&setup)
    );
    commit_all(alice, "attributes for annotation files only");
    git(alice, &["push", "-q"]);
    let out = glosser(alice, &["validate", "."]);
    assert!(
        !said(&out).contains("warning"),
        "a clone set up now has nothing to warn about: {}",
        said(&out)
    );
    for dir in [bob, carol] {
        git(dir, &["pull", "-q", "--no-rebase"]);
        assert!(glosser(dir, &["git-setup", "--hook"]).status.success());
        let out = glosser(dir, &["status", "."]);
        assert!(!said(&out).contains("warning"), "{}", said(&out));
        let attr = git(dir, &["check-attr", "merge", "--", "assignments.ron"]);
        assert_eq!(attr.trim(), "assignments.ron: merge: unspecified");
    }
}

#[test]
fn the_hook_runs_glosser_off_the_path_and_says_what_to_do_when_it_is_gone() {
    let team = Team::new();
    let alice = team.dir("alice");
    let mut model = Model::new();
    let bare = tempfile::tempdir().unwrap();
    let bare_path = path_without_glosser(bare.path());
    // Off the PATH, the hook runs the glosser recorded at set-up: it passes a clean commit and
    // refuses a conflict note.
    add(
        alice,
        &mut model,
        "a.txt",
        "alice",
        "Alpha beta gamma.",
        "claim",
    );
    git(alice, &["add", "-A"]);
    let clean = run_as(
        alice,
        "alice",
        Some(&bare_path),
        "git",
        &["commit", "-q", "-m", "alice: a"],
    );
    assert!(clean.status.success(), "{}", said(&clean));
    set_note(
        alice,
        "a.txt",
        "alice",
        "Alpha beta gamma.",
        "merge conflict: note ours=\"x\" theirs=\"y\"",
    );
    git(alice, &["add", "-A"]);
    let refused = run_as(
        alice,
        "alice",
        Some(&bare_path),
        "git",
        &["commit", "-q", "-m", "x"],
    );
    assert!(
        !refused.status.success(),
        "the hook ran: {}",
        said(&refused)
    );
    assert!(
        said(&refused).contains("merge conflict"),
        "{}",
        said(&refused)
    );
    git(alice, &["reset", "-q", "--hard"]);

    // Set up by a glosser that is then removed: the commit stops with what to do, and
    // validate (by another glosser) names what is gone.
    let elsewhere = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let copy = elsewhere.path().join("glosser");
    // A hard link is a glosser of its own path (the binary is large to copy).
    if std::fs::hard_link(env!("CARGO_BIN_EXE_glosser"), &copy).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_glosser"), &copy).unwrap();
    }
    let setup = run(alice, copy.to_str().unwrap(), &["git-setup", "--hook"]);
    assert!(
        said(&setup).contains("updated the pre-commit hook"),
        "{}",
        said(&setup)
    );
    std::fs::remove_file(&copy).unwrap();
    std::fs::write(alice.join("d.txt"), "Delta here.\n").unwrap();
    git(alice, &["add", "-A"]);
    let gone = run_as(
        alice,
        "alice",
        Some(&bare_path),
        "git",
        &["commit", "-q", "-m", "more"],
    );
    assert!(!gone.status.success());
    let message = said(&gone);
    assert!(
        message.contains(&format!(
            "{} is gone and glosser is not on the PATH",
            copy.display()
        )) && message.contains("glosser git-setup --hook"),
        "{message}"
    );
    let warned = said(&glosser(alice, &["validate", "."]));
    assert!(
        warned.contains(&format!(
            "the pre-commit hook runs {}, which is gone",
            copy.display()
        )) && warned.contains(&format!(
            "the merge driver runs {}, which is gone",
            copy.display()
        )),
        "{warned}"
    );
    // With glosser on the PATH the hook falls back to it; git-setup records it again.
    let fallback = run_as(alice, "alice", None, "git", &["commit", "-q", "-m", "more"]);
    assert!(fallback.status.success(), "{}", said(&fallback));
    assert!(glosser(alice, &["git-setup", "--hook"]).status.success());
    assert!(!said(&glosser(alice, &["validate", "."])).contains("warning"));
}

#[test]
fn glosser_init_makes_a_team_corpus_in_one_command_and_an_analyst_joins_with_two() {
    let tmp = tempfile::tempdir().unwrap();
    let lead = tmp.path().join("corpus");
    let init = glosser(tmp.path(), &["init", "corpus"]);
    assert!(init.status.success(), "{}", said(&init));
    for file in [
        ".git",
        "glosser.ron",
        "assignments.ron",
        ".gitattributes",
        ".gitignore",
    ] {
        assert!(lead.join(file).exists(), "{file}: {}", said(&init));
    }
    assert!(lead.join(".git/hooks/pre-commit").exists());
    let again = glosser(tmp.path(), &["init", "corpus"]);
    assert!(
        said(&again).contains("init: nothing to change"),
        "{}",
        said(&again)
    );
    std::fs::write(lead.join("a.txt"), A).unwrap();
    std::fs::write(
        lead.join("assignments.ron"),
        "(assign: {\"bob\": [\"*.txt\"]}, overlap: 1)\n",
    )
    .unwrap();
    commit_all(&lead, "corpus");
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
    git(
        &lead,
        &["remote", "add", "origin", origin.to_str().unwrap()],
    );
    git(&lead, &["push", "-q", "-u", "origin", "main"]);
    assert!(!said(&glosser(&lead, &["status", "."])).contains("warning"));

    // An analyst: clone, git-setup --hook; nothing left to warn about, the team works.
    git(
        tmp.path(),
        &["clone", "-q", origin.to_str().unwrap(), "bob"],
    );
    let bob = tmp.path().join("bob");
    let joined = glosser(tmp.path(), &["git-setup", "--hook", "bob"]);
    assert!(joined.status.success(), "{}", said(&joined));
    let status = glosser(&bob, &["status", "."]);
    assert!(!said(&status).contains("warning"), "{}", said(&status));
    let mut model = Model::new();
    add(
        &bob,
        &mut model,
        "a.txt",
        "bob",
        "Delta epsilon zeta.",
        "opinion",
    );
    commit_all(&bob, "bob: a");
    git(&bob, &["push", "-q"]);
    git(&lead, &["pull", "-q", "--no-rebase"]);
    super::team::check(&lead, &model, "init");
    assert_eq!(assigned(&lead, "a.txt"), ["bob"]);
}
