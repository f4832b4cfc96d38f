#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `glosser agree` as a reviewer runs it for issue 32: γ with its settings, warnings in the
//! table and JSON, the confusion table, per-document CSV, suggesters, and `--history`.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn glosser(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["agree", ".", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&glosser(dir, &all))).unwrap()
}

const ONE: &str = "Alpha beta gamma. Delta epsilon zeta.\n";
const TWO: &str = "Eta theta iota. Kappa lambda mu.\n";

/// Writes `who`'s file of `name` (spans scored when `scored`: a suggester's).
fn annotate(dir: &Path, name: &str, who: &str, spans: &[(usize, usize, &str)], scored: bool) {
    let doc = glosser_core::text::Document::load(&dir.join(name)).unwrap();
    let spans = spans
        .iter()
        .map(|&(s, e, l)| {
            let mut span = glosser_core::span::Span::new(&doc, s..e, l);
            if scored {
                span.score = Some(glosser_core::span::Score(0.9));
            }
            span
        })
        .collect();
    let file = glosser_core::store::AnnotationFile {
        document: name.to_owned(),
        annotator: who.to_owned(),
        text_sha256: doc.sha256().to_owned(),
        status: glosser_core::store::Status::Done,
        spans: glosser_core::span::AnnotationSet::from_spans(spans),
        ..Default::default()
    };
    glosser_core::store::save(&dir.join(format!("{name}.{who}.ron")), &file).unwrap();
}

/// alice and bob: one claim both have with other edges, one passage alice calls an opinion and
/// bob a quote, a claim both have exactly, an unverified span only bob has. Gold agrees with
/// alice; the `patterns` suggester found one claim.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("one.txt"), ONE).unwrap();
    std::fs::write(d.join("two.txt"), TWO).unwrap();
    let alice: &[(usize, usize, &str)] = &[(0, 17, "claim"), (18, 37, "opinion")];
    annotate(d, "one.txt", "alice", alice, false);
    annotate(d, "one.txt", "gold", alice, false);
    annotate(
        d,
        "one.txt",
        "bob",
        &[(0, 15, "claim"), (18, 37, "quote")],
        false,
    );
    annotate(d, "two.txt", "alice", &[(0, 15, "claim")], false);
    annotate(d, "two.txt", "gold", &[(0, 15, "claim")], false);
    annotate(
        d,
        "two.txt",
        "bob",
        &[(0, 15, "claim"), (16, 32, "unverified")],
        false,
    );
    annotate(d, "one.txt", "patterns", &[(0, 17, "claim")], true);
    annotate(d, "two.txt", "patterns", &[], true);
    dir
}

#[test]
fn gamma_prints_its_settings_seed_and_samples_and_a_seed_fixes_it() {
    let dir = corpus();
    let text = stdout(&glosser(dir.path(), &["agree", "."]));
    assert!(
        text.contains("gamma over alice, bob (2 documents"),
        "{text}"
    );
    assert!(
        text.contains(
            "γ: dissimilarity α=1 β=1 Δ∅=1, nominal labels; chance from 30 random continua, seed 0"
        ),
        "{text}"
    );
    assert!(text.contains("gamma_cat "), "{text}");
    let v = json(dir.path(), &["--seed", "7", "--gamma-samples", "5"]);
    let settings = &v["gamma"]["settings"];
    assert_eq!(
        (settings["seed"].as_u64(), settings["samples"].as_u64()),
        (Some(7), Some(5))
    );
    let gamma = v["gamma"]["overall"]["gamma"].as_f64().unwrap();
    assert!(gamma > 0.0 && gamma < 1.0, "they partly agree: {gamma}");
    assert_eq!(
        v,
        json(dir.path(), &["--seed", "7", "--gamma-samples", "5"]),
        "the same seed gives the same figures"
    );
    let other = json(dir.path(), &["--seed", "8", "--gamma-samples", "5"]);
    assert_ne!(
        v["gamma"]["overall"]["expected_disorder"], other["gamma"]["overall"]["expected_disorder"],
        "the seed drives the chance estimate"
    );
    assert!(json(dir.path(), &["--no-gamma"]).get("gamma").is_none());
}

#[test]
fn warnings_say_why_a_figure_misleads_in_the_table_and_json() {
    let dir = corpus();
    let text = stdout(&glosser(dir.path(), &["agree", "."]));
    let source = text.lines().find(|l| l.starts_with("source")).unwrap();
    assert!(source.ends_with("! unused"), "{source}");
    assert!(
        text.contains(
            "  ! source: nobody marked source here: no figure is defined (a dash, not a zero)"
        ),
        "{text}"
    );
    assert!(
        text.contains("  ! unverified: alice marked no unverified (bob marked 1)"),
        "{text}"
    );
    let v = json(dir.path(), &[]);
    let labels = &v["pairs"][0]["labels"];
    let kinds = |label: &str| -> Vec<String> {
        labels[label]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(kinds("source"), ["unused_label"]);
    assert_eq!(kinds("unverified")[0], "no_spans");
    assert!(kinds("claim").contains(&"few_spans".to_owned()), "{labels}");
    let overall = v["pairs"][0]["overall"]["warnings"].as_array().unwrap();
    assert_eq!(overall[0]["kind"], "few_spans", "{overall:?}");
    let gamma_unverified = v["gamma"]["labels"]["unverified"]["warnings"][0]["kind"].clone();
    assert_eq!(gamma_unverified, "no_spans");
}

#[test]
fn the_confusion_table_splits_label_boundary_and_missing() {
    let dir = corpus();
    let v = json(dir.path(), &["--confusion", "--annotators", "alice,bob"]);
    let table = &v["confusion"][0];
    assert_eq!(
        (table["a"].as_str(), table["b"].as_str()),
        (Some("alice"), Some("bob"))
    );
    let cells = &table["rows"];
    assert_eq!(cells["claim"]["claim"], 2, "{table}");
    assert_eq!(cells["opinion"]["quote"], 1, "{table}");
    assert_eq!(
        cells["missing"]["unverified"], 1,
        "only bob has it: {table}"
    );
    assert_eq!(
        table["boundary_only"]["claim"], 1,
        "0..17 against 0..15: {table}"
    );
    let summary = &table["summary"];
    assert_eq!(
        (
            &summary["exact"],
            &summary["boundary_only"],
            &summary["label"],
            &summary["missing"]
        ),
        (
            &Value::from(1),
            &Value::from(1),
            &Value::from(1),
            &Value::from(1)
        ),
        "{table}"
    );
    let text = stdout(&glosser(
        dir.path(),
        &[
            "agree",
            ".",
            "--confusion",
            "--annotators",
            "gold,alice,bob",
        ],
    ));
    assert!(
        text.contains("confusion: gold (rows) × everyone compared with it (columns)"),
        "{text}"
    );
    assert!(text.contains("claim          4 (1b)"), "{text}");
}

#[test]
fn per_document_rows_export_as_csv_and_json() {
    let dir = corpus();
    let csv = stdout(&glosser(dir.path(), &["agree", ".", "--per-doc", "--csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "document,a,b,kappa,ac1,alpha_u,f1_strict,f1_overlap,a_spans,b_spans,gamma"
    );
    assert_eq!(lines.len(), 3, "a row per document and pair: {csv}");
    let documents: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert!(
        documents.contains(&"one.txt") && documents.contains(&"two.txt"),
        "{csv}"
    );
    let v = json(dir.path(), &["--per-doc"]);
    for doc in v["per_doc"].as_array().unwrap() {
        let detail = &doc["gamma_detail"];
        assert_eq!(doc["gamma"], detail["gamma"], "{doc}");
        assert!(detail["observed_disorder"].as_f64().is_some(), "{doc}");
    }
}

#[test]
fn suggesters_are_compared_with_gold_and_each_annotator_but_not_averaged() {
    let dir = corpus();
    let v = json(dir.path(), &["--suggesters"]);
    let pairs: Vec<(String, String, String)> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap().to_owned();
            (s("a"), s("b"), s("kind"))
        })
        .collect();
    for other in ["gold", "alice", "bob"] {
        assert!(
            pairs.iter().any(|(a, b, _)| (a == "patterns" && b == other)
                || (b == "patterns" && a == other)),
            "patterns against {other}: {pairs:?}"
        );
    }
    assert_eq!(
        v["gamma"]["annotators"],
        serde_json::json!(["alice", "bob"]),
        "γ is the team's"
    );
    let plain = json(dir.path(), &[]);
    assert!(
        plain["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["a"] != "patterns" && p["b"] != "patterns"),
        "without --suggesters, suggesters are not compared"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn history_reads_each_commit_from_git_without_touching_the_work_tree() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    std::fs::write(d.join("one.txt"), ONE).unwrap();
    annotate(
        d,
        "one.txt",
        "alice",
        &[(0, 17, "claim"), (18, 37, "opinion")],
        false,
    );
    annotate(
        d,
        "one.txt",
        "bob",
        &[(0, 17, "opinion"), (18, 37, "claim")],
        false,
    );
    annotate(d, "one.txt", "patterns", &[(0, 17, "claim")], true);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "first pass"]);
    std::fs::write(d.join("notes.md"), "not an annotation\n").unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "notes only"]);
    annotate(
        d,
        "one.txt",
        "bob",
        &[(0, 17, "claim"), (18, 37, "opinion")],
        false,
    );
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "guidelines v2"]);
    git(d, &["tag", "v2"]);
    // Uncommitted: history reads commits, not the work tree, and leaves it as it is.
    annotate(d, "one.txt", "bob", &[], false);
    let before = std::fs::read(d.join("one.txt.bob.ron")).unwrap();
    let text = stdout(&glosser(d, &["agree", ".", "--history"]));
    assert!(
        text.contains("agreement over history: 2 commits that changed annotation files"),
        "the notes-only commit is no point: {text}"
    );
    let row = |title: &str| {
        text.lines()
            .find(|l| l.ends_with(title))
            .unwrap_or_else(|| panic!("{title}: {text}"))
            .to_owned()
    };
    // Swapped labels over 15 and 17 non-blank characters: p_o 0, p_e 510/1024, κ -0.992.
    assert!(row("first pass").contains("  -0.992"), "{text}");
    assert!(row("guidelines v2").contains("   1.000"), "{text}");
    assert!(text.contains("k kappa"), "the chart's legend: {text}");
    assert_eq!(std::fs::read(d.join("one.txt.bob.ron")).unwrap(), before);
    let tags = stdout(&glosser(d, &["agree", ".", "--history", "tags"]));
    assert!(
        tags.starts_with("agreement over history: 1 tag\n"),
        "{tags}"
    );
    let v: Value = serde_json::from_str(&stdout(&glosser(
        d,
        &["agree", ".", "--history", "tags", "--json"],
    )))
    .unwrap();
    let points = v["points"].as_array().unwrap();
    assert_eq!(points.len(), 1, "{v}");
    assert_eq!(points[0]["title"], "v2");
    assert_eq!(
        points[0]["agreement"]["pairs"][0]["overall"]["f1_strict"],
        1.0
    );
    // --suggesters at every point too: patterns against each annotator, out of the mean.
    let v: Value = serde_json::from_str(&stdout(&glosser(
        d,
        &["agree", ".", "--history", "tags", "--json", "--suggesters"],
    )))
    .unwrap();
    let kinds: Vec<&str> = v["points"][0]["agreement"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["agreement", "suggester", "suggester"], "{v}");
}
