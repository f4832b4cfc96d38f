#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The pull loop (issue 31, "saves never race git"): the real binary in tmux, an analyst typing
//! labels and notes while `git pull --rebase --autostash` runs at random moments in the same
//! clone — a teammate pushing new articles before each pull, the analyst committing her file now
//! and then, so every pull stashes, resets, replays and applies the stash while the TUI saves.
//! Every pull must succeed, nothing may be left in the stash, and at the end the analyst's file
//! holds every note typed. The seed is printed so that a failure can be replayed
//! (`GLOSSER_PULL_SEED=N`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

#[path = "support/seeded.rs"]
mod seeded;
#[path = "support/team.rs"]
mod team;
#[path = "support/tmux.rs"]
mod tmux;

use seeded::{Random, line};
use team::{git, glosser, run};
use tmux::Tmux;

const EDITS: usize = 40;

#[test]
fn git_pull_rebase_autostash_at_random_moments_never_loses_a_note() {
    let seed = std::env::var("GLOSSER_PULL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("pull loop seed: {seed} (GLOSSER_PULL_SEED={seed} replays it)");
    let tmp = tempfile::tempdir().unwrap();
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
        tmp.path(),
        &["clone", "-q", origin.to_str().unwrap(), "alice"],
    );
    let alice = tmp.path().join("alice");
    git(&alice, &["symbolic-ref", "HEAD", "refs/heads/main"]);
    let text: String = (0..EDITS).map(|n| line(n) + "\n").collect();
    std::fs::write(alice.join("a.txt"), text).unwrap();
    assert!(glosser(&alice, &["git-setup", "--hook"]).status.success());
    git(&alice, &["add", "-A"]);
    git(&alice, &["commit", "-q", "-m", "corpus"]);
    git(&alice, &["push", "-q", "-u", "origin", "main"]);
    git(
        tmp.path(),
        &["clone", "-q", origin.to_str().unwrap(), "bob"],
    );
    let bob = tmp.path().join("bob");

    let tmux = Tmux::start(
        "pull-loop",
        &[alice.to_str().unwrap(), "--annotator", "alice"],
        100,
        30,
    );
    let stop = Arc::new(AtomicBool::new(false));
    let puller = {
        let (stop, alice, bob) = (Arc::clone(&stop), alice.clone(), bob.clone());
        let mut random = Random(seed.rotate_left(17) | 1);
        std::thread::spawn(move || {
            let mut pulls = 0;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(random.below(700)));
                // The teammate pushes an article, so there is always something to rebase onto.
                std::fs::write(bob.join(format!("bob{pulls}.txt")), "Bob writes.\n").unwrap();
                git(&bob, &["add", "-A"]);
                git(&bob, &["commit", "-q", "-m", "bob"]);
                git(&bob, &["pull", "-q", "--rebase"]);
                git(&bob, &["push", "-q"]);
                if random.below(2) == 0 {
                    // The analyst commits what is on disk now (the TUI may be saving).
                    git(&alice, &["add", "-A"]);
                    let _ = run(&alice, "git", &["commit", "-q", "-m", "alice"]);
                }
                let out = run(&alice, "git", &["pull", "-q", "--rebase", "--autostash"]);
                assert!(
                    out.status.success(),
                    "pull {pulls} failed (seed {seed}):\n{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
                pulls += 1;
            }
            pulls
        })
    };
    let mut random = Random(seed);
    for n in 0..EDITS {
        // Search the line, select its sentence, label it claim, give it a note.
        tmux.run(&[
            "send-keys",
            "-t",
            "t",
            "/",
            &format!("number {n} says"),
            "Enter",
            "s",
            "1",
            "a",
        ]);
        tmux.wait_for_screen(|s| s.contains("note for claim"), "the note prompt");
        tmux.run(&["send-keys", "-t", "t", "-l", &format!("note {n}")]);
        tmux.run(&["send-keys", "-t", "t", "Enter"]);
        std::thread::sleep(Duration::from_millis(100 + random.below(400)));
    }
    stop.store(true, Ordering::Relaxed);
    let pulls = puller.join().unwrap();
    assert!(pulls >= 5, "only {pulls} pulls ran");
    std::thread::sleep(Duration::from_millis(1500));
    tmux.keys(&["q"]);
    tmux.wait_exit();
    drop(tmux);

    assert_eq!(
        git(&alice, &["stash", "list"]),
        "",
        "nothing left in the stash"
    );
    assert!(!alice.join(".git/rebase-merge").exists(), "no rebase left");
    let path = alice.join("a.txt.alice.ron");
    let file = glosser_core::store::load(&path).unwrap();
    let notes: Vec<String> = file.all_spans().filter_map(|s| s.note.clone()).collect();
    let missing: Vec<usize> = (0..EDITS)
        .filter(|n| !notes.contains(&format!("note {n}")))
        .collect();
    assert!(
        missing.is_empty(),
        "notes lost after {pulls} pulls (seed {seed}): {missing:?}\n{}",
        std::fs::read_to_string(&path).unwrap()
    );
    let checked = glosser(&alice, &["validate", "."]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
}
