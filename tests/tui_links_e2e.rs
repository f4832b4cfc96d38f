#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end: attributing a quotation to its speaker with `r` and removing the link with `R` in
//! the real binary (tmux), asserting the annotation file on disk. Skipped without tmux.

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, copy_seeds};

const FIRST: &str = "000_b226eff58fa68952.txt";

fn search(tmux: &Tmux, text: &str) {
    tmux.keys(&["/"]);
    tmux.literal(text);
    tmux.keys(&["Enter"]);
}

#[test]
fn r_links_a_quote_to_its_speaker_and_shift_r_removes_it() {
    let (_dir, corpus) = copy_seeds();
    let args = [corpus.to_str().unwrap(), "--annotator", "links"];
    let tmux = Tmux::start("links", &args, 120, 40);
    search(&tmux, "Estonian");
    tmux.keys(&["v", "E", "5"]);
    tmux.wait_for_screen(|s| s.contains("labelled source"), "the source");
    search(&tmux, "lead");
    tmux.keys(&["\"", "2"]);
    tmux.wait_for_screen(|s| s.contains("labelled quote"), "the quote");
    search(&tmux, "positioning");
    tmux.keys(&["r"]);
    tmux.wait_for_screen(
        |s| {
            s.contains("link from quote “a leader") && s.contains("step to the spans it can end on")
        },
        "the pending link",
    );
    search(&tmux, "Tsah");
    tmux.keys(&["r"]);
    let screen = tmux.wait_for_screen(|s| s.contains("linked speaker"), "the link");
    assert!(screen.contains("← speaker: “a leader"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let path = corpus.join(format!("{FIRST}.links.ron"));
    let ron = std::fs::read_to_string(&path).unwrap();
    assert!(
        ron.contains(r#"(type: "speaker", from: (825, 873, "quote"), to: (683, 723, "source"))"#),
        "{ron}"
    );
    drop(tmux);

    let tmux = Tmux::start("unlinks", &args, 120, 40);
    search(&tmux, "Tsah");
    tmux.keys(&["R"]);
    tmux.wait_for_screen(|s| s.contains("removed 1 link"), "the removal");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let ron = std::fs::read_to_string(&path).unwrap();
    assert!(!ron.contains("speaker"), "{ron}");
    assert!(
        ron.contains("label: \"quote\"") && ron.contains("label: \"source\""),
        "{ron}"
    );
}
