#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end: the real binary in a real terminal (tmux), driven by keys and the mouse as a user
//! would. Skipped (with a message) where tmux is not installed.

use std::process::Command;
use std::time::Duration;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, copy_seeds, wait_for_exit, wait_for_file};

const FIRST: &str = "000_b226eff58fa68952.txt";

#[test]
fn select_sentence_label_quit_writes_the_file() {
    let (_dir, corpus) = copy_seeds();
    let tmux = Tmux::start(
        "s1q",
        &[corpus.to_str().unwrap(), "--annotator", "e2e"],
        120,
        40,
    );
    tmux.keys(&["s", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim"), "the label message");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.e2e.ron"))).unwrap();
    assert!(
        ron.contains("(start: 0, end: 263, label: \"claim\""),
        "{ron}"
    );
    assert!(ron.contains("status: InProgress"));
}

#[test]
fn mouse_drag_selects_and_labels() {
    let (_dir, corpus) = copy_seeds();
    let tmux = Tmux::start(
        "drag",
        &[corpus.to_str().unwrap(), "--annotator", "mouse"],
        120,
        40,
    );
    // The article text starts at column 28, row 2 (1-based) at 120x40: drag over "European".
    tmux.literal("\x1b[<0;28;2M");
    tmux.literal("\x1b[<32;35;2M");
    tmux.literal("\x1b[<0;35;2m");
    tmux.keys(&["3"]);
    let ron = wait_for_file(&corpus.join(format!("{FIRST}.mouse.ron")), |t| {
        t.contains("opinion")
    });
    assert!(
        ron.contains("(start: 0, end: 8, label: \"opinion\", quote: \"European\", prefix: \"\","),
        "{ron}"
    );
}

#[test]
fn escape_sequences_in_an_article_show_as_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("evil.txt"),
        "Title \x1b[2J\x1b]0;pwned\x07 red \x1b[31mRED\u{202e}txet\u{7f} end\n",
    )
    .unwrap();
    let tmux = Tmux::start(
        "evil",
        &[dir.path().to_str().unwrap(), "--annotator", "x"],
        100,
        20,
    );
    let screen = tmux.wait_for_screen(|s| s.contains("␛"), "placeholders");
    assert!(
        screen.contains("Title ␛[2J␛]0;pwned␇ red ␛[31mRED¦txet␡ end"),
        "{screen}"
    );
    assert!(
        screen.contains("Documents"),
        "the screen was not cleared by the article: {screen}"
    );
}

#[test]
fn a_bracketed_paste_into_the_note_prompt_runs_no_keys() {
    let (_dir, corpus) = copy_seeds();
    let tmux = Tmux::start(
        "paste",
        &[corpus.to_str().unwrap(), "--annotator", "paster"],
        120,
        40,
    );
    tmux.keys(&["s", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim"), "the label message");
    tmux.keys(&["a"]);
    tmux.wait_for_screen(|s| s.contains("note for claim"), "the note prompt");
    // As keys, `x` would delete the span, `3` relabel it and `D` mark the document Done.
    tmux.run(&["set-buffer", "-b", "p", "Per Reuters\nx3D"]);
    tmux.run(&["paste-buffer", "-p", "-b", "p", "-t", "t"]);
    tmux.wait_for_screen(|s| s.contains("Per Reuters x3D"), "the pasted note");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("note saved"), "the note saved");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.paster.ron"))).unwrap();
    assert!(
        ron.contains("(start: 0, end: 263, label: \"claim\"")
            && ron.contains("note: \"Per Reuters x3D\""),
        "{ron}"
    );
    assert!(ron.contains("status: InProgress"), "{ron}");
}

#[test]
fn an_edit_survives_sigkill_after_a_second() {
    let (_dir, corpus) = copy_seeds();
    let tmux = Tmux::start(
        "kill",
        &[corpus.to_str().unwrap(), "--annotator", "killed"],
        120,
        40,
    );
    tmux.keys(&["s", "2"]);
    tmux.wait_for_screen(|s| s.contains("labelled quote"), "the label");
    std::thread::sleep(Duration::from_millis(1100));
    let pid = tmux.pid();
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.killed.ron"))).unwrap();
    assert!(ron.contains("label: \"quote\""), "{ron}");
}

#[test]
fn sigterm_saves_at_once_and_a_closed_terminal_exits() {
    let (_dir, corpus) = copy_seeds();
    let tmux = Tmux::start(
        "term",
        &[corpus.to_str().unwrap(), "--annotator", "termed"],
        120,
        40,
    );
    tmux.keys(&["s", "4"]);
    tmux.wait_for_screen(|s| s.contains("labelled unverified"), "the label");
    let pid = tmux.pid();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    wait_for_exit(&pid);
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.termed.ron"))).unwrap();
    assert!(ron.contains("label: \"unverified\""), "{ron}");

    let tmux = Tmux::start(
        "hup",
        &[corpus.to_str().unwrap(), "--annotator", "hup"],
        120,
        40,
    );
    tmux.keys(&["s", "3"]);
    tmux.wait_for_screen(|s| s.contains("labelled opinion"), "the label");
    let pid = tmux.pid();
    drop(tmux);
    wait_for_exit(&pid);
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.hup.ron"))).unwrap();
    assert!(ron.contains("label: \"opinion\""), "{ron}");
}

#[test]
fn review_accepts_one_version_rejects_another_and_writes_gold() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let doc = glosser_core::text::Document::from_text(text);
    for (who, spans) in [
        (
            "alice",
            vec![(0, 17, "claim"), (18, 37, "opinion"), (38, 53, "quote")],
        ),
        ("bob", vec![(0, 17, "claim"), (18, 37, "claim")]),
    ] {
        let file = glosser_core::store::AnnotationFile {
            document: "a.txt".into(),
            annotator: who.into(),
            text_sha256: doc.sha256().into(),
            status: glosser_core::store::Status::Done,
            spans: glosser_core::span::AnnotationSet::from_spans(
                spans
                    .into_iter()
                    .map(|(s, e, l)| glosser_core::span::Span::new(&doc, s..e, l))
                    .collect(),
            ),
            ..Default::default()
        };
        glosser_core::store::save(&dir.path().join(format!("a.txt.{who}.ron")), &file).unwrap();
    }
    let root = dir.path().to_str().unwrap();
    let tmux = Tmux::start(
        "review",
        &["review", root, "--annotators", "alice,bob"],
        120,
        40,
    );
    tmux.wait_for_screen(|s| s.contains("Review: 2 of 2 left"), "the review sidebar");
    tmux.keys(&["1"]);
    tmux.wait_for_screen(|s| s.contains("accepted alice's version"), "the accept");
    tmux.keys(&["0"]);
    tmux.wait_for_screen(|s| s.contains("rejected every version"), "the reject");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let gold = std::fs::read_to_string(dir.path().join("a.txt.gold.ron")).unwrap();
    assert!(gold.contains("(start: 0, end: 17, label: \"claim\", quote: \"Alpha beta gamma.\", from: [\"alice\", \"bob\"], prefix: \"\", suffix: "), "{gold}");
    assert!(
        gold.contains("(start: 18, end: 37, label: \"opinion\""),
        "alice's version: {gold}"
    );
    let file = glosser_core::store::load(&dir.path().join("a.txt.gold.ron")).unwrap();
    let keys = |spans: &[glosser_core::span::Span]| -> Vec<(usize, usize, String, Vec<String>)> {
        spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone(), s.from.clone()))
            .collect()
    };
    assert!(
        !file.spans.spans().iter().any(|s| s.label == "quote"),
        "the rejected item adds nothing: {gold}"
    );
    assert!(
        !file
            .spans
            .spans()
            .iter()
            .any(|s| s.label == "claim" && s.start == 18),
        "bob's version was not taken: {gold}"
    );
    assert_eq!(
        keys(&file.rejected),
        [
            (18, 37, "claim".into(), vec!["bob".into()]),
            (38, 53, "quote".into(), vec!["alice".into()]),
        ],
        "the decisions are kept with gold: {gold}"
    );
}

#[test]
fn a_change_made_outside_while_the_tui_runs_survives_with_ours() {
    let (_dir, corpus) = copy_seeds();
    let tmux = Tmux::start(
        "outside",
        &[corpus.to_str().unwrap(), "--annotator", "shared"],
        120,
        40,
    );
    tmux.keys(&["s", "1"]);
    let path = corpus.join(format!("{FIRST}.shared.ron"));
    wait_for_file(&path, |t| t.contains("claim"));
    // A teammate's edit lands (say, by git pull): the quote on “positive,”.
    let mut file = glosser_core::store::load(&path).unwrap();
    let doc = glosser_core::text::Document::load(&corpus.join(FIRST)).unwrap();
    file.spans
        .insert(
            glosser_core::span::Span::new(&doc, 474..485, "quote"),
            &doc,
            &glosser_core::labels::LabelSet::default(),
        )
        .unwrap();
    glosser_core::store::save(&path, &file).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&[")", ")", "s", "3"]);
    tmux.wait_for_screen(|s| s.contains("labelled opinion"), "the second label");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let ron = std::fs::read_to_string(&path).unwrap();
    for label in ["claim", "quote", "opinion"] {
        assert!(
            ron.contains(&format!("label: \"{label}\"")),
            "{label} missing:\n{ron}"
        );
    }
}

#[test]
fn a_broken_annotation_file_stays_byte_identical() {
    let (_dir, corpus) = copy_seeds();
    let path = corpus.join(format!("{FIRST}.broken.ron"));
    std::fs::write(&path, b"(glosser: 1, document: \"oops\"\n").unwrap();
    let tmux = Tmux::start(
        "broken",
        &[corpus.to_str().unwrap(), "--annotator", "broken"],
        120,
        40,
    );
    tmux.wait_for_screen(|s| s.contains("read-only"), "the read-only banner");
    tmux.keys(&["s", "1", "D", "C-s", "q"]);
    tmux.wait_exit();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"(glosser: 1, document: \"oops\"\n"
    );
}
