#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A team through git (SPEC §11), scripted: a bare origin and three clones set up with
//! `glosser git-setup`, then merge, rebase (with a conflict whose note reads from the rebaser's
//! side), stash, revert, cherry-pick, `glosser mv` against a teammate's edit, a delete and a
//! text edit re-anchored by `validate --fix`. After every step each clone that pulled is checked:
//! `validate` is clean, and every annotation file holds exactly the spans (label, quote, note)
//! and status the model says — nothing lost, nothing misplaced (validate checks every quote
//! against the text at its offsets).

#[path = "team_git/lead.rs"]
mod lead;
#[path = "team_git/setup.rs"]
mod setup;
#[path = "support/team.rs"]
mod team;

use glosser_core::store::{self, Status};
use team::{
    B, Model, Team, add, check, commit_all, edit, git, glosser, model_note, run, set_note,
    set_status, span,
};

#[test]
fn three_clones_merge_rebase_stash_revert_cherry_pick_rename_delete_and_edit() {
    let team = Team::new();
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

    // Statuses: bob finishes b.txt while alice, not pulled yet, finishes gold.
    set_status(bob, &mut model, "b.txt", "bob", Status::Done);
    commit_all(bob, "bob: done");
    git(bob, &["push", "-q"]);
    set_status(alice, &mut model, "news/alpha.txt", "gold", Status::Done);
    commit_all(alice, "alice: gold done");
    git(alice, &["pull", "-q", "--no-rebase", "--no-edit"]);
    check(alice, &model, "statuses");
    git(alice, &["push", "-q"]);
    team.pull_all_and_check(&model, "statuses pushed");

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
    assert_eq!(docs[0]["annotators"]["bob"]["status"], "Done");
    assert_eq!(docs[1]["annotators"]["gold"]["status"], "Done");
    assert_eq!(docs[1]["annotators"]["gold"]["spans"], 4);
    assert_eq!(
        docs[1]["annotators"]["gold"]["problems"],
        serde_json::json!([])
    );
}
