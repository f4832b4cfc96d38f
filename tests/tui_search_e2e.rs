#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end (issue 28), the real binary in tmux: search that finds what you typed (typographic
//! punctuation folded, backwards, the wrap said) and across the corpus from the list; the help
//! scrolled at 80×24; `S` showing `glosser agree`'s figures for the same annotators; review at
//! 80×24 with the items' text and a single span taken; a new copy of a corpus opening at its
//! top. Fails without tmux.

use std::process::Command;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, copy_seeds};

const FIRST: &str = "000_b226eff58fa68952.txt";
const SEED: &str = include_str!("../seeds/000_b226eff58fa68952.txt");

/// The char offset of `text` in the first seed.
fn at(text: &str) -> usize {
    SEED[..SEED.find(text).unwrap()].chars().count()
}

fn search(tmux: &Tmux, key: &str, text: &str) {
    tmux.keys(&[key]);
    tmux.literal(text);
    tmux.keys(&["Enter"]);
}

/// The cursor position the status line shows.
fn position(offset: usize) -> String {
    format!("│ {offset}/{}", SEED.chars().count())
}

#[test]
fn search_folds_typographic_punctuation_goes_backwards_and_says_when_it_wraps() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "finder"];
    let tmux = Tmux::start("search", &args, 120, 40);
    // The article has ’ “ and —; the keyboard's ' " and - find them.
    for (typed, found) in [
        ("putin's", "Putin’s battlefield"),
        ("aren't", "aren’t just"),
        ("\"a leader", "“a leader"),
        ("itself-", "itself—"),
    ] {
        tmux.keys(&["g"]);
        search(&tmux, "/", typed);
        tmux.wait_for_screen(
            |s| s.contains(&position(at(found))) && s.contains("match 1 of"),
            typed,
        );
    }
    // Backwards: from "“positive,”" (474) the Moscow before it, not the next one.
    tmux.keys(&["g"]);
    search(&tmux, "/", "positive");
    tmux.wait_for_screen(|s| s.contains(&position(at("positive,”"))), "positive");
    search(&tmux, "\\", "mosc");
    tmux.wait_for_screen(
        |s| s.contains(&position(at("Moscow characterized"))),
        "\\mosc",
    );
    // n goes on backwards, past the start: wrapped, said.
    tmux.keys(&["n"]);
    tmux.wait_for_screen(|s| s.contains("wrapped to the bottom"), "the wrap");
    tmux.keys(&["N"]);
    tmux.wait_for_screen(
        |s| s.contains("wrapped to the top") && s.contains(&position(at("Moscow characterized"))),
        "N, the other way round",
    );
    // Whole words (Tab in the prompt): /pos no longer finds "supposed".
    tmux.keys(&["g", "/"]);
    tmux.literal("pos");
    tmux.keys(&["Tab"]);
    tmux.wait_for_screen(|s| s.contains("Tab whole words (on)"), "whole words on");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(
        |s| s.contains("not found: pos (whole words"),
        "no whole word pos",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn the_corpus_is_searched_from_the_document_list() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "corpus"];
    let tmux = Tmux::start("corpus-search", &args, 120, 40);
    tmux.keys(&["BTab"]);
    tmux.keys(&["/", "Tab"]);
    tmux.wait_for_screen(
        |s| s.contains("search every document:"),
        "the corpus search",
    );
    tmux.literal("Tsahkna");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for_screen(|s| s.contains("Tsahkna: "), "the hits");
    assert!(screen.contains(" in 1 of 5 documents"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains(&position(at("Tsahkna"))), "its first match");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn the_help_scrolls_at_80x24_and_wraps_its_descriptions() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "helpee"];
    let tmux = Tmux::start("help", &args, 80, 24);
    tmux.keys(&["?"]);
    let first = tmux.wait_for_screen(|s| s.contains("Keys · lines 1–"), "the help");
    tmux.keys(&["j", "Down", "PageDown"]);
    let scrolled = tmux.wait_for_screen(
        |s| s.contains("Keys · lines 2") || s.contains("Keys · lines 3"),
        "scrolled",
    );
    assert_ne!(first, scrolled);
    // Scroll to the end: the mouse lines and the footer are there, nothing cut.
    tmux.keys(&["G"]);
    let end = tmux.wait_for_screen(|s| s.contains("any other key closes"), "the end");
    assert!(
        end.to_lowercase().contains("drag"),
        "the mouse lines: {end}"
    );
    tmux.keys(&["x"]);
    let closed = tmux.wait_for_screen(|s| !s.contains("Keys · lines"), "closed");
    assert!(closed.contains("Spans 0"), "x deleted nothing: {closed}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

/// Writes `who`'s file for the first seed with spans over the texts given.
fn annotate(corpus: &std::path::Path, who: &str, spans: &[(&str, &str)]) {
    let doc = glosser_core::text::Document::from_text(SEED);
    let file = glosser_core::store::AnnotationFile {
        document: FIRST.into(),
        annotator: who.into(),
        text_sha256: doc.sha256().into(),
        status: glosser_core::store::Status::Done,
        spans: glosser_core::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|(text, label)| {
                    let start = at(text);
                    glosser_core::span::Span::new(&doc, start..start + text.chars().count(), *label)
                })
                .collect(),
        ),
        ..Default::default()
    };
    glosser_core::store::save(&corpus.join(format!("{FIRST}.{who}.ron")), &file).unwrap();
}

const CLAIM: &str = "Following five hours of meetings between Putin and U.S. envoys Steve Witkoff and Jared Kushner, hopes for progress dimmed as neither side disclosed substantive outcomes.";
const OPINION: &str =
    "This dual-track behavior, they argue, signals not confusion but calculated intent.";

/// alice and bob on the first seed, and the quote suggester's file (`suggest`).
fn two_annotators_and_a_suggester() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, corpus) = copy_seeds();
    annotate(
        &corpus,
        "alice",
        &[
            (CLAIM, "claim"),
            (OPINION, "opinion"),
            ("“positive,”", "quote"),
        ],
    );
    annotate(&corpus, "bob", &[(CLAIM, "claim"), (OPINION, "claim")]);
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["suggest", corpus.to_str().unwrap(), "--builtin", "quotes"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, corpus)
}

#[test]
fn s_shows_the_figures_agree_prints_for_the_same_annotators() {
    let (_dir, corpus) = two_annotators_and_a_suggester();
    let agree = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["agree", corpus.to_str().unwrap()])
        .output()
        .unwrap();
    let agree = String::from_utf8(agree.stdout).unwrap();
    assert!(agree.contains("alice × bob"), "{agree}");
    assert!(!agree.contains("suggest"), "humans by default: {agree}");
    let overall = agree
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("an overall row");
    let kappa = overall.split_whitespace().nth(1).unwrap().to_owned();
    let args = [corpus.to_str().unwrap(), "--annotator", "alice"];
    let tmux = Tmux::start("stats", &args, 80, 24);
    tmux.keys(&["S"]);
    let screen = tmux.wait_for_screen(|s| s.contains("alice × bob"), "the agreement");
    assert!(
        screen.contains(&kappa),
        "agree's overall κ {kappa}: {screen}"
    );
    // Annotators told apart without colour: each has its own fill in the legend.
    assert!(
        screen.contains("█ alice") && screen.contains("▓ bob"),
        "{screen}"
    );
    assert!(
        !screen.contains("▒ suggest"),
        "the suggester is not compared: {screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn review_at_80x24_shows_the_text_marks_the_item_and_takes_a_single_span() {
    let (_dir, corpus) = two_annotators_and_a_suggester();
    let args = [
        "review",
        corpus.to_str().unwrap(),
        "--annotators",
        "alice,bob",
    ];
    let tmux = Tmux::start("review-pick", &args, 80, 24);
    let screen = tmux.wait_for_screen(|s| s.contains("Review:"), "the review");
    assert!(screen.contains("▸ "), "the current item marked: {screen}");
    assert!(
        screen.contains("This dual-track"),
        "the item's text: {screen}"
    );
    // The second item: alice's opinion and bob's claim over the same sentence. Take bob's
    // claim only.
    tmux.keys(&["]", "j"]);
    tmux.keys(&["Space"]);
    tmux.wait_for_screen(|s| s.contains("1 span marked"), "marked");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("took 1 span, turned 1 down"), "taken");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let gold = glosser_core::store::load(&corpus.join(format!("{FIRST}.gold.ron"))).unwrap();
    let opinion = at(OPINION);
    let taken: Vec<_> = gold
        .spans
        .spans()
        .iter()
        .filter(|s| s.start == opinion)
        .map(|s| (s.label.clone(), s.from.clone()))
        .collect();
    assert_eq!(taken, [("claim".to_owned(), vec!["bob".to_owned()])]);
}

#[test]
fn a_new_copy_of_a_corpus_at_the_same_path_opens_at_its_top() {
    let (dir, corpus) = copy_seeds();
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSSER_STATE_DIR", state.path().to_str().unwrap())];
    let args = [corpus.to_str().unwrap(), "--annotator", "resumer"];
    let tmux = Tmux::start_with("resume-1", &env, &args, 80, 24);
    tmux.keys(&["J", "J"]);
    tmux.wait_for_screen(
        |s| s.contains("002_5502cd240076f5f2.txt │"),
        "the third document",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
    drop(tmux);
    let tmux = Tmux::start_with("resume-2", &env, &args, 80, 24);
    tmux.wait_for_screen(|s| s.contains("002_5502cd240076f5f2.txt │"), "resumed");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    drop(tmux);
    // A new copy at the same path (the old one moved aside, so its folder is another one).
    std::fs::rename(&corpus, dir.path().join("old")).unwrap();
    let (_fresh_dir, fresh) = copy_seeds();
    std::fs::rename(&fresh, &corpus).unwrap();
    let tmux = Tmux::start_with("resume-3", &env, &args, 80, 24);
    tmux.wait_for_screen(|s| s.contains("000_b226eff58fa68952.txt │"), "the top");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
