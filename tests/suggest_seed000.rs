#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Keys per span on seed 000 with the three suggesters together — `--builtin quotes`, the
//! sentence learner (`--learn-sentences rules`, trained on rules-v1 labels of seeds 001–004) and
//! an LLM (`--llm` against the canned server, answering `tests/fixtures/seed000/llm-answer.json`)
//! — against the gold in `tests/fixtures/seed000/gold.jsonl`, counted with the TUI's flow as of
//! docs/keys.md (the flow before issue 28's), and with the TUI's live learner replayed sentence
//! by sentence: see docs/suggest.md, "Keys per span on seed 000". Run with `--nocapture` to print
//! the table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};

use glosser_core::store::AnnotationFile;
use glosser_models::test_server::{Reply, TestServer};

const SEED: &str = "000_b226eff58fa68952.txt";

fn glosser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    err
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/seed000/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn load(root: &Path, who: &str) -> AnnotationFile {
    glosser_core::store::load(&root.join(format!("{SEED}.{who}.ron"))).unwrap()
}

type Key = (usize, usize, String);

fn keys(file: &AnnotationFile) -> BTreeSet<Key> {
    file.spans
        .spans()
        .iter()
        .filter(|s| !s.orphan)
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect()
}

/// Keys of the flow in docs/keys.md: a sentence from scratch `) s N` (3), a quotation with its
/// marks `/` + four characters + `Enter " N` (8); a suggestion reached with `>` and accepted
/// (`y`) or rejected (`X`): 2; accepted and relabelled (a digit on the span): 3.
fn from_scratch(label: &str) -> u32 {
    if label == "quote" { 8 } else { 3 }
}

#[derive(Debug, Default, PartialEq)]
struct Tally {
    accepted: u32,
    relabelled: u32,
    rejected: u32,
    by_hand: u32,
    keys: u32,
}

/// Works through the ghosts in order: at each bounds, the ghost with gold's label is accepted
/// (the others there vanish: a span on the same characters decides them), else one is accepted
/// and relabelled when gold has a span there, else each ghost is rejected; then every gold span
/// no ghost gave is made by hand.
fn walk(gold: &BTreeSet<Key>, ghosts: &BTreeSet<Key>) -> Tally {
    let mut t = Tally::default();
    let mut by_bounds: BTreeMap<(usize, usize), Vec<&String>> = BTreeMap::new();
    for (s, e, l) in ghosts {
        by_bounds.entry((*s, *e)).or_default().push(l);
    }
    let mut made: BTreeSet<&Key> = BTreeSet::new();
    for ((s, e), labels) in &by_bounds {
        let at: Vec<&Key> = gold
            .iter()
            .filter(|(gs, ge, _)| gs == s && ge == e)
            .collect();
        if let Some(hit) = at.iter().find(|(_, _, l)| labels.contains(&l)) {
            t.accepted += 1;
            t.keys += 2;
            made.insert(hit);
        } else if let Some(first) = at.first() {
            t.relabelled += 1;
            t.keys += 3;
            made.insert(first);
        } else {
            t.rejected += labels.len() as u32;
            t.keys += 2 * labels.len() as u32;
        }
    }
    for key in gold.iter().filter(|k| !made.contains(k)) {
        t.by_hand += 1;
        t.keys += from_scratch(&key.2);
    }
    t
}

/// As [`walk`], with the TUI's live learner beside `ghosts`: it learned `rules`' files when the
/// TUI opened (document by document, as `jobs.rs` does), and learns each sentence as it is
/// labelled, so its suggestion for a sentence is asked when the walk reaches it.
fn walk_live(root: &Path, gold: &BTreeSet<Key>, ghosts: &BTreeSet<Key>) -> Tally {
    use glosser_core::suggest::sentences;
    let corpus = glosser_core::corpus::Corpus::scan(root).unwrap();
    let (labels, _) = glosser_core::labels::LabelSet::for_corpus(root);
    let sentence_labels = sentences::sentence_labels(&labels);
    let mut learner = sentences::new_learner(&sentence_labels);
    let (documents, _) = sentences::corpus_examples(&corpus, "rules", &labels);
    for (_, examples) in &documents {
        learner.add_examples(examples);
    }
    let text = std::fs::read_to_string(root.join(SEED)).unwrap();
    let doc = glosser_core::text::Document::from_text(text);
    let mut bounds: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for (s, e, l) in ghosts {
        bounds.entry((*s, *e)).or_default().push(l.clone());
    }
    let sentence_bounds: BTreeSet<(usize, usize)> = sentences::sentences(&doc)
        .into_iter()
        .map(|r| (r.start, r.end))
        .collect();
    for b in &sentence_bounds {
        bounds.entry(*b).or_default();
    }
    let mut t = Tally::default();
    let mut made: BTreeSet<Key> = BTreeSet::new();
    for ((s, e), fixed) in bounds {
        let mut shown = fixed;
        if sentence_bounds.contains(&(s, e)) {
            let prediction = learner.predict(doc.slice(s, e));
            if let Some(label) = prediction.label
                && !shown.contains(&label)
            {
                shown.push(label);
            }
        }
        let at: Vec<&Key> = gold
            .iter()
            .filter(|(gs, ge, _)| *gs == s && *ge == e)
            .collect();
        if let Some(hit) = at.iter().find(|(_, _, l)| shown.contains(l)) {
            t.accepted += 1;
            t.keys += 2;
            made.insert((*hit).clone());
        } else if let (Some(first), false) = (at.first(), shown.is_empty()) {
            t.relabelled += 1;
            t.keys += 3;
            made.insert((*first).clone());
        } else if let Some(first) = at.first() {
            t.by_hand += 1;
            t.keys += from_scratch(&first.2);
            made.insert((*first).clone());
        } else {
            t.rejected += shown.len() as u32;
            t.keys += 2 * shown.len() as u32;
        }
        if let Some((_, _, label)) = at.iter().find(|(_, _, l)| sentence_labels.contains(l)) {
            learner.add_examples(&[sentences::example_at(&doc, &(s..e), Some(label))]);
        }
    }
    for key in gold.iter().filter(|k| !made.contains(k)) {
        t.by_hand += 1;
        t.keys += from_scratch(&key.2);
    }
    t
}

#[test]
fn keys_per_span_on_seed_000_with_quotes_learner_and_llm() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, root.join(path.file_name().unwrap())).unwrap();
    }
    let r = root.to_str().unwrap();
    for file in ["gold.jsonl", "rules.jsonl"] {
        ok(&glosser(&[
            "import",
            &fixture(file),
            "--format",
            "jsonl",
            "--corpus",
            r,
        ]));
    }
    ok(&glosser(&[
        "suggest",
        r,
        "--builtin",
        "quotes",
        "--as",
        "quotes",
    ]));
    ok(&glosser(&["suggest", r, "--learn-sentences", "rules"]));
    let server = TestServer::start().unwrap();
    let answer = std::fs::read_to_string(fixture("llm-answer.json")).unwrap();
    server.on(
        "European leaders are pressing",
        vec![Reply::answer(&answer)],
    );
    server.otherwise(Reply::answer(r#"{"spans": []}"#));
    let url = server.base_url();
    let out = glosser(&[
        "suggest",
        r,
        "--llm",
        "fixture",
        "--base-url",
        &url,
        "--as",
        "llm",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "one item is not verbatim: {err}"
    );
    assert!(err.contains("1 span dropped"), "{err}");
    assert!(err.contains("aren't just a stage"), "{err}");

    let gold = keys(&load(root, "gold"));
    assert_eq!(gold.len(), 12);
    let mut rows = Vec::new();
    let mut all = BTreeSet::new();
    for who in ["quotes", "learner-rules", "llm"] {
        let ghosts = keys(&load(root, who));
        all.extend(ghosts.iter().cloned());
        rows.push((who.to_owned(), walk(&gold, &ghosts)));
    }
    rows.push(("all three".to_owned(), walk(&gold, &all)));
    rows.push((
        "live learner".to_owned(),
        walk_live(root, &gold, &BTreeSet::new()),
    ));
    rows.push((
        "quotes, LLM and live learner".to_owned(),
        walk_live(
            root,
            &gold,
            &(&keys(&load(root, "quotes")) | &keys(&load(root, "llm"))),
        ),
    ));
    let none = walk(&gold, &BTreeSet::new());
    println!("| suggestions | accepted | relabelled | rejected | by hand | keys | keys/span |");
    println!("|---|---|---|---|---|---|---|");
    for (who, t) in
        std::iter::once(("none".to_owned(), &none)).chain(rows.iter().map(|(w, t)| (w.clone(), t)))
    {
        println!(
            "| {who} | {} | {} | {} | {} | {} | {:.2} |",
            t.accepted,
            t.relabelled,
            t.rejected,
            t.by_hand,
            t.keys,
            f64::from(t.keys) / gold.len() as f64
        );
    }
    assert_eq!(none.keys, 9 * 3 + 3 * 8, "every span by hand");
    // The figures of docs/suggest.md's table: a change to a suggester shows here.
    let figures: Vec<(&str, u32)> = rows.iter().map(|(w, t)| (w.as_str(), t.keys)).collect();
    assert_eq!(
        figures,
        [
            ("quotes", 33),
            ("learner-rules", 51),
            ("llm", 42),
            ("all three", 36),
            ("live learner", 51),
            ("quotes, LLM and live learner", 37)
        ]
    );
    for (who, t) in &rows {
        assert_eq!(
            t.accepted + t.relabelled + t.by_hand,
            12,
            "{who}: every gold span is made once"
        );
    }
    let three = &rows[3].1;
    assert!(three.keys < none.keys, "{three:?} vs {none:?}");
}
