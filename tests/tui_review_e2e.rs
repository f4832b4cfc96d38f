#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end review through git-shared files: only finished documents are reviewed, the keys
//! decide right after a document is opened from the list, and a second review resumes with only
//! the open items. Skipped (with a message) where tmux is not installed.

#[path = "support/tmux.rs"]
mod tmux;
use tmux::Tmux;

const TEXT: &str = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n";

fn annotate(
    dir: &std::path::Path,
    doc: &str,
    who: &str,
    spans: &[(usize, usize, &str)],
    done: bool,
) {
    let text = glosser_core::text::Document::from_text(TEXT);
    let file = glosser_core::store::AnnotationFile {
        document: doc.into(),
        annotator: who.into(),
        text_sha256: text.sha256().into(),
        status: if done {
            glosser_core::store::Status::Done
        } else {
            glosser_core::store::Status::InProgress
        },
        spans: glosser_core::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| glosser_core::span::Span::new(&text, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    glosser_core::store::save(&dir.join(format!("{doc}.{who}.ron")), &file).unwrap();
}

#[test]
fn review_resumes_with_only_the_open_items() {
    let dir = tempfile::tempdir().unwrap();
    for doc in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join(doc), TEXT).unwrap();
    }
    let alice = [(0, 17, "claim"), (18, 37, "opinion"), (38, 53, "quote")];
    let bob = [(0, 17, "claim"), (18, 37, "claim")];
    for doc in ["a.txt", "b.txt"] {
        annotate(dir.path(), doc, "alice", &alice, true);
        annotate(dir.path(), doc, "bob", &bob, true);
    }
    // Bob is still working on c.txt: not reviewed by default.
    annotate(dir.path(), "c.txt", "alice", &alice, true);
    annotate(dir.path(), "c.txt", "bob", &bob, false);
    let root = dir.path().to_str().unwrap();
    let args = ["review", root, "--annotators", "alice,bob"];
    let state = tempfile::tempdir().unwrap();
    let env = [("GLOSSER_STATE_DIR", state.path().to_str().unwrap())];
    let tmux = Tmux::start_with("review-resume", &env, &args, 120, 40);
    let screen = tmux.wait_for_screen(|s| s.contains("Review: 2 of 2 left"), "the review");
    assert!(screen.contains("1 document left out of review"), "{screen}");
    assert!(
        screen.contains("Documents 2"),
        "c.txt is not listed: {screen}"
    );
    // Decide one item of a.txt, then open b.txt from the list: `m` decides at once.
    tmux.keys(&["1"]);
    tmux.wait_for_screen(|s| s.contains("accepted alice's version"), "the accept");
    tmux.keys(&["Tab", "j", "Enter"]);
    tmux.wait_for_screen(|s| s.contains("b.txt") && s.contains("REVIEW"), "b.txt");
    tmux.keys(&["m"]);
    tmux.wait_for_screen(|s| s.contains("majority taken"), "the majority");
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let b = glosser_core::store::load(&dir.path().join("b.txt.gold.ron")).unwrap();
    assert_eq!(
        b.status,
        glosser_core::store::Status::Done,
        "b.txt adjudicated"
    );
    assert_eq!(
        b.rejected.len(),
        3,
        "two annotators: no majority, all turned down"
    );

    let tmux = Tmux::start_with("review-resume-again", &env, &args, 120, 40);
    // Reopened at b.txt, where everything is decided; a.txt has one item left.
    let screen = tmux.wait_for_screen(|s| s.contains("Review: 0 of 0 left"), "b.txt resumed");
    assert!(screen.contains("2 items decided earlier"), "{screen}");
    tmux.keys(&["K"]);
    let screen = tmux.wait_for_screen(|s| s.contains("Review: 1 of 1 left"), "a.txt resumed");
    assert!(screen.contains("1 item decided earlier"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
