#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The crash loop (SPEC §8: "a crash or kill -9 loses at most the last second of edits"): 200
//! edits typed into the real binary in tmux, killed with SIGKILL at random moments and started
//! again. After every kill the annotation file parses and holds every edit made more than a
//! second before the kill. The seed is printed so that a failure can be replayed
//! (`GLOSSER_CRASH_SEED=N`).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "support/seeded.rs"]
mod seeded;
#[path = "support/tmux.rs"]
mod tmux;
use seeded::{Random, line};
use tmux::{Tmux, wait_for_exit};

const LINES: usize = 200;

fn labelled(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let file = glosser_core::store::parse(&text, path)
        .unwrap_or_else(|e| panic!("the file does not parse after a kill: {e}\n{text}"));
    file.spans.spans().iter().map(|s| s.quote.clone()).collect()
}

#[test]
fn kill_9_at_random_moments_loses_at_most_the_last_second() {
    let seed = std::env::var("GLOSSER_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash loop seed: {seed} (GLOSSER_CRASH_SEED={seed} replays it)");
    let mut random = Random(seed);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text: String = (0..LINES).map(|n| line(n) + "\n").collect();
    std::fs::write(root.join("a.txt"), text).unwrap();
    let ann = root.join("a.txt.crash.ron");
    let mut done = 0;
    let mut kills = 0;
    while done < LINES {
        let tmux = Tmux::start(
            &format!("crash{kills}"),
            &[root.to_str().unwrap(), "--annotator", "crash"],
            100,
            30,
        );
        let pid = tmux.pid();
        let burst = 5 + random.below(30) as usize;
        let mut sent: Vec<(usize, Instant)> = Vec::new();
        for n in done..(done + burst).min(LINES) {
            // Search the line, select its sentence, label it: one keystroke burst per edit.
            tmux.run(&[
                "send-keys",
                "-t",
                "t",
                "/",
                &format!("number {n} says"),
                "Enter",
                "s",
                "1",
            ]);
            sent.push((n, Instant::now()));
            std::thread::sleep(Duration::from_millis(random.below(60)));
        }
        std::thread::sleep(Duration::from_millis(random.below(1500)));
        let killed_at = Instant::now();
        Command::new("kill").args(["-KILL", &pid]).status().unwrap();
        wait_for_exit(&pid);
        drop(tmux);
        kills += 1;
        let on_disk = labelled(&ann);
        for (n, at) in &sent {
            if killed_at.duration_since(*at) > Duration::from_secs(1) {
                assert!(
                    on_disk.contains(&line(*n)),
                    "edit {n}, made {:?} before the kill, is not on disk (seed {seed})",
                    killed_at.duration_since(*at)
                );
            }
        }
        // The next run goes on after the last edit that made it to disk.
        done = (0..LINES)
            .rev()
            .find(|n| on_disk.contains(&line(*n)))
            .map_or(0, |n| n + 1);
        // A stale lock from the killed process must not keep the next run read-only.
    }
    assert!(kills >= 5, "the loop killed glosser {kills} times");
    assert_eq!(labelled(&ann).len(), LINES);
}
