//! The second round of the team (issue 31), a lead's work: fixing an article someone labelled
//! (the orphan is its owner's to settle, not a reason to refuse the lead's commit, while the
//! hook still refuses conflict notes and broken files), and "changed since adjudication" in
//! `status`, which a text edit re-anchored by `validate --fix` does not hide and which stays
//! until the reviewer decides again.

use std::path::Path;

use glosser_core::store::{self, Status};

use super::team::{
    B, Model, Team, add, commit_all, edit, git, glosser, run_as, said, set_note, span,
};

/// `glosser status --json` in `dir`, asked by `annotator`.
fn status_json(dir: &Path, annotator: &str) -> serde_json::Value {
    let out = run_as(
        dir,
        annotator,
        None,
        env!("CARGO_BIN_EXE_glosser"),
        &["status", ".", "--json"],
    );
    assert!(out.status.success(), "{}", said(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn row<'a>(json: &'a serde_json::Value, document: &str) -> &'a serde_json::Value {
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == document)
        .unwrap()
}

#[test]
fn a_lead_fixes_an_article_and_the_orphan_is_its_owner_s_to_settle() {
    let team = Team::new();
    let (lead, bob) = (team.dir("alice"), team.dir("bob"));
    let mut model = Model::new();
    add(bob, &mut model, "b.txt", "bob", "Bravo one two.", "claim");
    add(
        bob,
        &mut model,
        "b.txt",
        "bob",
        "Bravo three four.",
        "quote",
    );
    commit_all(bob, "bob: b");
    git(bob, &["push", "-q"]);
    git(lead, &["pull", "-q", "--no-rebase"]);

    // The lead deletes the sentence bob labelled a quote, and re-anchors as the docs say.
    std::fs::write(lead.join("b.txt"), "Bravo one two. Bravo five six.\n").unwrap();
    let fixed = glosser(lead, &["validate", ".", "--fix"]);
    assert!(said(&fixed).contains("orphan"), "{}", said(&fixed));
    git(lead, &["add", "-A"]);
    let staged = run_as(
        lead,
        "alice",
        None,
        env!("CARGO_BIN_EXE_glosser"),
        &["validate", ".", "--staged", "--json"],
    );
    assert_eq!(staged.status.code(), Some(0), "{}", said(&staged));
    let json: serde_json::Value = serde_json::from_slice(&staged.stdout).unwrap();
    assert_eq!(json["problems"], serde_json::json!([]));
    let left = json["left_to_owners"].as_array().unwrap();
    assert_eq!(left.len(), 1, "{json}");
    assert_eq!(left[0]["kind"], "orphaned");
    assert!(left[0]["file"].as_str().unwrap().ends_with("b.txt.bob.ron"));
    let everyone = glosser(lead, &["validate", "."]);
    assert_eq!(
        everyone.status.code(),
        Some(1),
        "a plain validate still lists everyone's orphans"
    );
    let commit = run_as(
        lead,
        "alice",
        None,
        "git",
        &["commit", "-q", "-m", "lead: fix b"],
    );
    assert!(
        commit.status.success(),
        "bob's orphan does not block the lead's commit: {}",
        said(&commit)
    );
    assert!(
        said(&commit).contains("left to bob to settle"),
        "the hook says whose it is: {}",
        said(&commit)
    );
    git(lead, &["push", "-q"]);

    // The hook still refuses a conflict note and a broken file, whoever's they are.
    set_note(
        lead,
        "b.txt",
        "bob",
        "Bravo one two.",
        "merge conflict: note ours=\"x\" theirs=\"y\"",
    );
    git(lead, &["add", "-A"]);
    let refused = run_as(lead, "alice", None, "git", &["commit", "-q", "-m", "x"]);
    assert!(!refused.status.success(), "a conflict note is refused");
    assert!(
        said(&refused).contains("merge conflict"),
        "{}",
        said(&refused)
    );
    git(lead, &["reset", "-q", "--hard"]);
    std::fs::write(
        lead.join("b.txt.bob.ron"),
        "(glosser: 2, document: \"b.txt\",",
    )
    .unwrap();
    git(lead, &["add", "-A"]);
    let refused = run_as(lead, "alice", None, "git", &["commit", "-q", "-m", "x"]);
    assert!(!refused.status.success(), "a broken file is refused");
    assert!(
        said(&refused).contains("b.txt.bob.ron"),
        "{}",
        said(&refused)
    );
    git(lead, &["reset", "-q", "--hard"]);

    // Bob pulls: his orphan is listed first in his status, not in the lead's.
    git(bob, &["pull", "-q", "--no-rebase"]);
    let file = store::load(&bob.join("b.txt.bob.ron")).unwrap();
    assert_eq!(file.orphans.len(), 1, "the quote is kept as an orphan");
    assert_eq!(file.orphans[0].quote, "Bravo three four.");
    let json = status_json(bob, "bob");
    assert_eq!(
        json["yours_to_settle"],
        serde_json::json!({"annotator": "bob", "documents": [{"document": "b.txt", "spans": 1}]})
    );
    let table = run_as(
        bob,
        "bob",
        None,
        env!("CARGO_BIN_EXE_glosser"),
        &["status", "."],
    );
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.starts_with("yours to settle (bob)") && text.contains("  b.txt: 1 span\n"),
        "{text}"
    );
    let lead_json = status_json(lead, "alice");
    assert_eq!(
        lead_json["yours_to_settle"]["documents"],
        serde_json::json!([])
    );
    // Bob's own commit is checked for his own spans: the orphan is his to settle first.
    add(
        bob,
        &mut model,
        "b.txt",
        "bob",
        "Bravo five six.",
        "opinion",
    );
    git(bob, &["add", "-A"]);
    let hook = glosser(bob, &["git-setup", "--hook"]);
    assert!(hook.status.success(), "{}", said(&hook));
    let own = run_as(bob, "bob", None, "git", &["commit", "-q", "-m", "bob"]);
    assert!(!own.status.success(), "bob's own orphan stops bob's commit");
    edit(bob, "b.txt", "bob", |file, _| file.orphans.clear());
    git(bob, &["add", "-A"]);
    let settled = run_as(bob, "bob", None, "git", &["commit", "-q", "-m", "bob"]);
    assert!(settled.status.success(), "{}", said(&settled));
    let json = status_json(bob, "bob");
    assert_eq!(json["yours_to_settle"]["documents"], serde_json::json!([]));
}

/// Gold for `doc`, decided as review decides it: `spans` (label, quote), Done, and the record
/// of what it was adjudicated against — the article now and `annotators`' files now.
fn adjudicate(dir: &Path, doc: &str, spans: &[(&str, &str)], annotators: &[&str]) {
    let article = dir.join(doc);
    let files: Vec<(String, Option<store::AnnotationFile>)> = annotators
        .iter()
        .map(|name| {
            let path = store::annotation_path(&article, name);
            ((*name).to_owned(), store::load(&path).ok())
        })
        .collect();
    let files: Vec<(String, Option<&store::AnnotationFile>)> =
        files.iter().map(|(n, f)| (n.clone(), f.as_ref())).collect();
    edit(dir, doc, "gold", |file, text| {
        file.spans = glosser_core::span::AnnotationSet::default();
        for (label, quote) in spans {
            file.spans.insert_unchecked(span(text, quote, label));
        }
        file.status = Status::Done;
        file.adjudicated = Some(glosser_core::review::since::record(text.sha256(), &files));
    });
}

#[test]
fn changed_since_adjudication_survives_validate_fix_and_lasts_until_decided_again() {
    let team = Team::new();
    let (lead, bob, reviewer) = (team.dir("alice"), team.dir("bob"), team.dir("carol"));
    let mut model = Model::new();
    add(bob, &mut model, "b.txt", "bob", "Bravo one two.", "claim");
    add(
        bob,
        &mut model,
        "b.txt",
        "bob",
        "Bravo five six.",
        "opinion",
    );
    commit_all(bob, "bob: b");
    git(bob, &["push", "-q"]);
    git(reviewer, &["pull", "-q", "--no-rebase"]);
    adjudicate(
        reviewer,
        "b.txt",
        &[("claim", "Bravo one two."), ("opinion", "Bravo five six.")],
        &["bob"],
    );
    commit_all(reviewer, "carol: gold b");
    git(reviewer, &["push", "-q"]);
    git(lead, &["pull", "-q", "--no-rebase"]);
    assert_eq!(
        row(&status_json(lead, "alice"), "b.txt")["since_gold"],
        serde_json::Value::Null
    );

    // The lead edits the article and re-anchors (gold is restamped for the new text).
    std::fs::write(lead.join("b.txt"), format!("Breaking: a new lead. {B}")).unwrap();
    let fixed = glosser(lead, &["validate", ".", "--fix"]);
    assert!(fixed.status.success(), "{}", said(&fixed));
    commit_all(lead, "lead: new lead");
    git(lead, &["push", "-q"]);
    // Bob, after gold was Done, adds a span and relabels one on the old text.
    add(
        bob,
        &mut model,
        "b.txt",
        "bob",
        "Bravo three four.",
        "quote",
    );
    edit(bob, "b.txt", "bob", |file, text| {
        let old = span(text, "Bravo five six.", "opinion");
        file.spans.remove(old.key());
        file.spans
            .insert_unchecked(span(text, "Bravo five six.", "unverified"));
    });
    commit_all(bob, "bob: more");
    git(bob, &["pull", "-q", "--no-rebase", "--no-edit"]);
    git(bob, &["push", "-q"]);

    let expected = serde_json::json!({
        "text": true,
        "annotators": {"bob": {"added": 1, "removed": 0, "relabelled": 1}},
        "reopened": true,
    });
    for dir in [lead, bob, reviewer] {
        git(dir, &["pull", "-q", "--no-rebase"]);
        let gold = store::load(&dir.join("b.txt.gold.ron")).unwrap();
        let article = glosser_core::text::Document::load(&dir.join("b.txt")).unwrap();
        assert_eq!(gold.text_sha256, article.sha256(), "gold is restamped");
        let json = status_json(dir, "alice");
        let b = row(&json, "b.txt");
        assert_eq!(b["since_gold"], expected, "in {}", dir.display());
        assert_eq!(b["changed_since_gold"], true);
        let table = String::from_utf8(glosser(dir, &["status", "."]).stdout).unwrap();
        assert!(
            table.contains("b.txt: article text changed; spans bob +1 1 relabelled"),
            "{table}"
        );
        // Review's Δ asks the same question.
        let corpus = glosser_core::corpus::Corpus::scan(dir).unwrap();
        let entry = corpus.documents.iter().find(|e| e.id == "b.txt").unwrap();
        let since = glosser_core::review::since::since_adjudication(entry, "gold", &[]).unwrap();
        assert!(since.text_changed && since.annotators["bob"].added == 1);
    }

    // The reviewer decides again: nothing is shown any more, in any clone.
    adjudicate(
        reviewer,
        "b.txt",
        &[
            ("claim", "Bravo one two."),
            ("quote", "Bravo three four."),
            ("unverified", "Bravo five six."),
        ],
        &["bob"],
    );
    commit_all(reviewer, "carol: gold b again");
    git(reviewer, &["push", "-q"]);
    for dir in [lead, bob, reviewer] {
        git(dir, &["pull", "-q", "--no-rebase"]);
        let json = status_json(dir, "alice");
        assert_eq!(row(&json, "b.txt")["since_gold"], serde_json::Value::Null);
        assert_eq!(row(&json, "b.txt")["changed_since_gold"], false);
    }
}
