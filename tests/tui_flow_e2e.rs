#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end (issue 28), the real binary in tmux on the seed corpus: the labelling flow at
//! 80×24, counts that never label, edges moved in place, the command line, NO_COLOR's label
//! markers, and keys pressed on the first frame. Each asserts the annotation file on disk or the
//! screen. Fails without tmux.

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, copy_seeds};

const FIRST: &str = "000_b226eff58fa68952.txt";
const SEED: &str = include_str!("../seeds/000_b226eff58fa68952.txt");

/// The char range of `text` in the first seed.
fn range_of(text: &str) -> (usize, usize) {
    let byte = SEED.find(text).unwrap();
    let start = SEED[..byte].chars().count();
    (start, start + text.chars().count())
}

/// `(start, end, label)` of every span in `who`'s file for the first seed.
fn spans(corpus: &std::path::Path, who: &str) -> Vec<(usize, usize, String)> {
    let file = glosser_core::store::load(&corpus.join(format!("{FIRST}.{who}.ron"))).unwrap();
    let mut out: Vec<_> = file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    out.sort();
    out
}

fn span(text: &str, label: &str) -> (usize, usize, String) {
    let (start, end) = range_of(text);
    (start, end, label.to_owned())
}

const S1: &str = "European leaders are pressing a new argument in the wake of stalled Kremlin talks: that Russian President Vladimir Putin is not merely feigning interest in peace, but actively using diplomacy as a strategic shield to prolong and intensify the conflict in Ukraine.";
const S2: &str = "Following five hours of meetings between Putin and U.S. envoys Steve Witkoff and Jared Kushner, hopes for progress dimmed as neither side disclosed substantive outcomes.";
const S3: &str = "While Moscow characterized the talks as “positive,” European officials noted that Russia continued its assaults on Ukrainian towns even as discussions were underway.";
const S4: &str =
    "This dual-track behavior, they argue, signals not confusion but calculated intent.";

#[test]
fn the_flow_labels_sentences_and_quotations_one_key_each_at_80x24() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "flow"];
    let tmux = Tmux::start("flow", &args, 80, 24);
    tmux.keys(&["Space"]);
    tmux.wait_for_screen(|s| s.contains(" FLOW "), "the flow");
    // Six keys, five spans: three claims, the quotation inside the third, an opinion.
    tmux.keys(&["1", "1", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim: “While Moscow"), "the third");
    tmux.keys(&["2"]);
    tmux.wait_for_screen(|s| s.contains("labelled quote"), "the quotation");
    tmux.keys(&["3"]);
    tmux.wait_for_screen(|s| s.contains("labelled opinion"), "the opinion");
    // Skip one sentence (the hints show again, whole at 80 columns), come back to it, leave.
    tmux.keys(&["Space"]);
    tmux.wait_for_screen(
        |s| s.contains("1-9 label · Space skip · ⌫ back") && s.contains("? help · q quit"),
        "the flow's hints",
    );
    tmux.keys(&["BSpace", "Escape"]);
    tmux.wait_for_screen(|s| s.contains("left the labelling flow"), "leaving");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_eq!(
        spans(&corpus, "flow"),
        [
            span(S1, "claim"),
            span(S2, "claim"),
            span(S3, "claim"),
            span("“positive,”", "quote"),
            span(S4, "opinion"),
        ]
    );
}

#[test]
fn counts_move_and_never_label_and_a_relabel_says_what_it_did() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "counts"];
    let tmux = Tmux::start("counts", &args, 120, 40);
    tmux.keys(&["s", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim"), "the claim");
    // On the claim: 3 j moves three lines.
    tmux.keys(&["g", "3"]);
    tmux.wait_for_screen(
        |s| s.contains("count 3: a motion repeats 3 times"),
        "the count",
    );
    tmux.keys(&["j"]);
    let screen = tmux.wait_for_screen(|s| !s.contains("count 3"), "the move");
    assert!(!screen.contains("relabelled"), "{screen}");
    assert!(!screen.contains("│ 0/2453"), "the cursor moved: {screen}");
    // v 5 e: five word ends, then 2 labels the selection.
    tmux.keys(&["g", "v", "5", "e", "2"]);
    tmux.wait_for_screen(|s| s.contains("labelled quote"), "the quote");
    // A span picked with [ is relabelled, and the status line says from what.
    tmux.keys(&["g", "[", "3"]);
    tmux.wait_for_screen(
        |s| s.contains("relabelled quote → opinion: “European leaders are pressing a”"),
        "the relabel",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_eq!(
        spans(&corpus, "counts"),
        [
            span("European leaders are pressing a", "opinion"),
            span(S1, "claim"),
        ]
    );
}

#[test]
fn edges_move_in_place_keeping_the_note() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "edges"];
    let tmux = Tmux::start("edges", &args, 120, 40);
    tmux.keys(&["s", "1", "g", "a"]);
    tmux.literal("check the readout");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("note saved"), "the note");
    // The end back two words, then (`;`, which tmux wants escaped) the start one word on.
    tmux.keys(&["c"]);
    tmux.wait_for_screen(|s| s.contains(" EDGES "), "moving the edges");
    tmux.keys(&["b", "b", "\\;"]);
    tmux.wait_for_screen(|s| s.contains("moving its start"), "the other edge");
    tmux.keys(&["w", "Enter"]);
    tmux.wait_for_screen(|s| s.contains("edges set"), "the edges set");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let file = glosser_core::store::load(&corpus.join(format!("{FIRST}.edges.ron"))).unwrap();
    let moved: Vec<_> = file
        .spans
        .spans()
        .iter()
        .map(|s| (s.start, s.end, s.label.clone(), s.note.clone()))
        .collect();
    let (start, end) = range_of(
        "leaders are pressing a new argument in the wake of stalled Kremlin talks: that Russian President Vladimir Putin is not merely feigning interest in peace, but actively using diplomacy as a strategic shield to prolong and intensify the conflict",
    );
    assert_eq!(
        moved,
        [(
            start,
            end,
            "claim".to_owned(),
            Some("check the readout".to_owned())
        )]
    );
}

#[test]
fn the_command_line_saves_opens_labels_and_quits_and_unbound_keys_say_so() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "cmd"];
    let tmux = Tmux::start("cmd", &args, 80, 24);
    tmux.keys(&["Z"]);
    tmux.wait_for_screen(|s| s.contains("Z does nothing here"), "the unbound key");
    tmux.keys(&["s", ":"]);
    tmux.wait_for_screen(|s| s.contains(" COMMAND "), "the command line");
    // The message does not outlive the next key.
    assert!(!tmux.screen().contains("Z does nothing"));
    tmux.literal("label source");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("labelled source"), ":label");
    tmux.keys(&[":"]);
    tmux.literal("w");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("saved"), ":w");
    assert_eq!(spans(&corpus, "cmd"), [span(S1, "source")], "on disk at :w");
    tmux.keys(&[":"]);
    tmux.literal("e 003");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("003_db110307d944d906.txt │"), ":e");
    tmux.keys(&[":"]);
    tmux.literal("help");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(|s| s.contains("Keys · lines 1–"), ":help");
    tmux.keys(&["Escape", ":"]);
    tmux.literal("q");
    tmux.keys(&["Enter"]);
    tmux.wait_exit();
}

#[test]
fn no_color_puts_each_label_marker_in_the_text() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "mono"];
    let tmux = Tmux::start_with("mono", &[("NO_COLOR", "1")], &args, 120, 40);
    // A claim and, inside the same paragraph, an opinion and an unverified span.
    tmux.keys(&["/"]);
    tmux.literal("Following");
    tmux.keys(&["Enter", "s", "1", "/"]);
    tmux.literal("While");
    tmux.keys(&["Enter", "s", "3", "/"]);
    tmux.literal("European officials");
    tmux.keys(&["Enter", "t", "4"]);
    let screen = tmux.wait_for_screen(|s| s.contains("labelled unverified"), "three labels");
    assert!(
        screen.contains("■While") && screen.contains("◆European officials"),
        "the opinion's and the unverified span's markers in the text: {screen}"
    );
    // A search match is not crossed out (SGR 9) under NO_COLOR.
    tmux.keys(&["/"]);
    tmux.literal("Moscow");
    tmux.keys(&["Enter"]);
    tmux.wait_for_screen(
        |s| s.contains("match ") && s.contains(" of "),
        "the matches",
    );
    let styled = std::process::Command::new("tmux")
        .args(["-L", &tmux.socket, "capture-pane", "-p", "-e", "-t", "t"])
        .output()
        .unwrap();
    let styled = String::from_utf8_lossy(&styled.stdout);
    assert!(
        !styled.contains("\u{1b}[9m") && !styled.contains(";9m"),
        "{styled}"
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn a_key_pressed_on_the_first_frame_is_applied() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "early"];
    // `start` returns as soon as the first frame shows: J goes in at once.
    let tmux = Tmux::start("early", &args, 80, 24);
    tmux.keys(&["J"]);
    tmux.wait_for_screen(
        |s| s.contains("001_3e7346ba372a76a7.txt │"),
        "the second document",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}

#[test]
fn the_flow_accepts_a_suggestion_with_one_key() {
    let (_dir, corpus) = copy_seeds();
    let root = corpus.to_str().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["suggest", root, "--builtin", "quotes"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let args = [root, "--annotator", "flowing", "--suggestions", "suggest"];
    let tmux = Tmux::start("flow-sugg", &args, 80, 24);
    tmux.keys(&["Space", "1", "1", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim: “While"), "three claims");
    // The suggested quotation inside the third sentence is the next item: y takes it.
    tmux.keys(&["y"]);
    tmux.wait_for_screen(|s| s.contains("accepted quote: “positive,”"), "accepted");
    tmux.keys(&["Escape", "q"]);
    tmux.wait_exit();
    assert_eq!(
        spans(&corpus, "flowing"),
        [
            span(S1, "claim"),
            span(S2, "claim"),
            span(S3, "claim"),
            span("“positive,”", "quote"),
        ]
    );
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.flowing.ron"))).unwrap();
    assert!(
        !ron.contains("score"),
        "accepted as the user's own span: {ron}"
    );
}

#[test]
fn nested_spans_the_link_starts_on_the_quote_and_shows_where_it_ends_first() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "nest"];
    let tmux = Tmux::start("nest", &args, 120, 40);
    // The sentence as a claim and the name that opens it as a source: both start at "Estonian".
    tmux.keys(&["/"]);
    tmux.literal("Estonian");
    tmux.keys(&["Enter", "v", "E", "5"]);
    tmux.wait_for_screen(|s| s.contains("labelled source"), "the source");
    tmux.keys(&["s", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim: “Estonian"), "the claim");
    tmux.keys(&["/"]);
    tmux.literal("a leader");
    tmux.keys(&["Enter", "\"", "2"]);
    tmux.wait_for_screen(|s| s.contains("labelled quote"), "the quote");
    // Inside the quote (and the claim): r starts on the quote, the innermost.
    tmux.keys(&["b", "r"]);
    tmux.wait_for_screen(
        |s| s.contains("link from quote “a leader"),
        "r on the quote",
    );
    // [ steps to the source, not the claim that starts at the same place; the status line
    // names where the link would end before r makes it.
    tmux.keys(&["["]);
    tmux.wait_for_screen(
        |s| s.contains("→ source “Estonian Foreign Minister Margu") && s.contains(": r links"),
        "the end shown first",
    );
    tmux.keys(&["r"]);
    tmux.wait_for_screen(|s| s.contains("linked speaker"), "the link");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let ron = std::fs::read_to_string(corpus.join(format!("{FIRST}.nest.ron"))).unwrap();
    let (q, s) = (
        range_of("“a leader"),
        range_of("Estonian Foreign Minister Margus Tsahkna"),
    );
    let quote_end = range_of("“a leader positioning for advantage, not peace.”").1;
    let link = format!(
        r#"(type: "speaker", from: ({}, {quote_end}, "quote"), to: ({}, {}, "source"))"#,
        q.0, s.0, s.1
    );
    assert!(ron.contains(&link), "{link} in {ron}");
}

#[test]
fn a_mouse_drag_on_a_span_s_last_character_moves_its_end() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "dragger"];
    let tmux = Tmux::start("edge-drag", &args, 120, 40);
    tmux.keys(&["s", "1"]);
    tmux.wait_for_screen(|s| s.contains("labelled claim"), "the claim");
    tmux.keys(&["g"]);
    tmux.wait_for_screen(|s| !s.contains("labelled claim"), "the top");
    // At 120×40 the article's text starts at column 28 (1-based); its fifth row (row 6) reads
    // "and intensify the conflict in Ukraine.": press on the final ".", drag to "conflict".
    let screen = tmux.screen();
    let row = screen.lines().nth(5).unwrap();
    assert!(
        row.contains("and intensify the conflict in Ukraine."),
        "{row}"
    );
    tmux.literal("\x1b[<0;65;6M");
    tmux.literal("\x1b[<32;53;6M");
    tmux.literal("\x1b[<0;53;6m");
    let (start, end) = range_of(
        "European leaders are pressing a new argument in the wake of stalled Kremlin talks: that Russian President Vladimir Putin is not merely feigning interest in peace, but actively using diplomacy as a strategic shield to prolong and intensify the conflict",
    );
    tmux.wait_for_screen(
        |s| s.contains(&format!("claim {start}..{end}:")),
        "the end moved",
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
    assert_eq!(
        spans(&corpus, "dragger"),
        [(start, end, "claim".to_owned())]
    );
}
