//! Saves never race git (issue 31): held while git works in the repository, merged into what it
//! left once it is done, and a save git overwrote right after it was written merged again. The
//! repository is a fake `.git` folder whose files the tests change the way git does.

use super::*;
use glosser_core::git_watch::QUIET;

/// A corpus inside a (fake) git work tree, opened by the TUI.
fn in_git() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let git = dir.path().join(".git");
    std::fs::create_dir_all(git.join("logs")).unwrap();
    std::fs::write(git.join("HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(git.join("index"), "index 0").unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Other doc.\n").unwrap();
    let app = app_for(dir.path());
    assert!(app.git.is_active(), "the corpus is in a git work tree");
    Fixture {
        dir,
        app,
        now: Instant::now(),
    }
}

impl Fixture {
    fn git_file(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(".git").join(name)
    }

    /// Git rewrites a file of its own (the index, ORIG_HEAD…) through a lock and a rename.
    fn git_touches(&self, name: &str) {
        let path = self.git_file(name);
        let tmp = self.git_file("touch.tmp");
        std::fs::write(&tmp, format!("{:?}", self.now)).unwrap();
        std::fs::rename(tmp, path).unwrap();
    }

    /// A tick once git has been quiet for long enough.
    fn after_quiet(&mut self) {
        self.now += QUIET + Duration::from_millis(100);
        update_now(&mut self.app, Event::Tick(self.now), self.now);
    }

    fn quotes_on_disk(&self) -> Vec<String> {
        let path = self.dir.path().join("a.txt.tester.ron");
        let file = glosser_core::store::load(&path).unwrap();
        file.all_spans().map(|s| s.label.clone()).collect()
    }
}

#[test]
fn an_edit_made_while_git_holds_the_index_waits_and_is_merged_into_what_git_left() {
    let mut f = in_git();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    std::fs::write(f.git_file("index.lock"), "").unwrap();
    f.wait_for_save();
    assert_eq!(f.ron("a.txt"), None, "nothing is written while git works");
    assert!(f.app.session().unwrap().is_dirty(), "the edit is kept");
    let (message, _) = f.app.message.clone().unwrap();
    assert!(
        message.contains("git is busy") && message.contains("index.lock"),
        "{message}"
    );
    // Ctrl-s and switching documents wait too.
    f.act(&[Action::Save]);
    assert_eq!(f.ron("a.txt"), None);
    assert!(f.app.message.clone().unwrap().0.contains("git is busy"));
    // Git writes the file meanwhile (a teammate's span, pulled), then lets go of the index.
    write_outside(&f, &[(18, 24, "quote")]);
    std::fs::remove_file(f.git_file("index.lock")).unwrap();
    f.wait_for_save();
    assert!(!f.ron("a.txt").unwrap().contains("claim"));
    assert!(
        f.app.session().unwrap().is_dirty(),
        "git let go just now: still waiting"
    );
    f.after_quiet();
    assert!(
        !f.app.session().unwrap().is_dirty(),
        "saved once git was done"
    );
    let mut labels = f.quotes_on_disk();
    labels.sort();
    assert_eq!(labels, ["claim", "quote"], "ours merged into what git left");
}

#[test]
fn a_save_git_overwrote_right_after_it_was_written_is_merged_again() {
    let mut f = in_git();
    // Something of ours is on disk and seen by git: the base.
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    f.after_quiet();
    assert!(f.app.session().unwrap().unconfirmed.is_none(), "confirmed");
    // A second edit is saved; in that same instant git stashed the work tree (without it) and
    // now resets it and applies the stash: the file is the first version again, with a
    // teammate's span from the rebase.
    f.act(&[
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
    ]);
    f.wait_for_save();
    assert!(f.ron("a.txt").unwrap().contains("opinion"));
    assert!(f.app.session().unwrap().unconfirmed.is_some());
    write_outside(&f, &[(0, 17, "claim"), (18, 24, "quote")]);
    f.git_touches("index");
    f.git_touches("ORIG_HEAD");
    f.send(Event::Tick(f.now));
    f.after_quiet();
    let mut labels = f.quotes_on_disk();
    labels.sort();
    assert_eq!(
        labels,
        ["claim", "opinion", "quote"],
        "the overwritten edit is merged into what git left"
    );
    let (message, _) = f.app.message.clone().unwrap();
    assert!(
        message.contains("right after glosser saved it"),
        "{message}"
    );
    assert_eq!(f.spans().len(), 3, "and the session shows it all");
}

#[test]
fn a_file_git_changes_long_after_a_confirmed_save_is_what_git_says() {
    let mut f = in_git();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    f.after_quiet();
    assert!(f.app.session().unwrap().unconfirmed.is_none());
    // `git checkout -- a.txt.tester.ron`: the user throws the span away on purpose.
    write_outside(&f, &[(18, 24, "quote")]);
    f.git_touches("index");
    f.send(Event::Tick(f.now));
    f.after_quiet();
    assert_eq!(f.quotes_on_disk(), ["quote"], "nothing of ours comes back");
    assert_eq!(f.spans(), [(18, 24, "quote".to_owned())]);
}

#[test]
fn a_rebase_stopped_for_the_user_does_not_hold_saves() {
    let mut f = in_git();
    std::fs::create_dir(f.git_file("rebase-merge")).unwrap();
    f.send(Event::Tick(f.now));
    f.after_quiet();
    // Stopped on a conflict: the user settles it in the TUI, which saves as usual.
    f.act(&[Action::SelectSentence, Action::Label(2)]);
    f.wait_for_save();
    assert!(f.ron("a.txt").unwrap().contains("quote"));
}

#[test]
fn an_article_changed_while_git_works_is_reloaded_only_once_it_is_done() {
    let mut f = in_git();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    f.after_quiet();
    std::fs::write(f.git_file("index.lock"), "").unwrap();
    // Mid-rebase the article is an older version for a moment.
    std::fs::write(f.dir.path().join("a.txt"), "Something else entirely.\n").unwrap();
    f.act(&[
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
    ]);
    f.now += Duration::from_secs(3);
    update_now(&mut f.app, Event::Tick(f.now), f.now);
    assert_eq!(f.spans().len(), 2, "nothing reloaded while git works");
    // Git puts the article back and is done.
    std::fs::write(f.dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::remove_file(f.git_file("index.lock")).unwrap();
    f.send(Event::Tick(f.now));
    f.now += Duration::from_secs(3);
    update_now(&mut f.app, Event::Tick(f.now), f.now);
    let mut labels = f.quotes_on_disk();
    labels.sort();
    assert_eq!(labels, ["claim", "opinion"]);
}

#[test]
fn quitting_while_git_stays_busy_asks_first_and_the_second_q_keeps_the_edits() {
    let mut f = in_git();
    f.app.git.exit_wait = Duration::from_millis(200);
    f.app.recovery_dir = f.dir.path().join("recovery");
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    std::fs::write(f.git_file("index.lock"), "").unwrap();
    f.act(&[Action::Quit]);
    assert!(!f.app.quit.is_leaving(), "the first q does not leave");
    let (message, _) = f.app.message.clone().unwrap();
    assert!(
        message.contains("git is busy") && message.contains("q again"),
        "{message}"
    );
    assert_eq!(f.ron("a.txt"), None);
    f.act(&[Action::Quit]);
    assert!(f.app.quit.is_leaving());
    assert_eq!(
        f.app.recovered.len(),
        1,
        "the edits are in the recovery folder"
    );
    assert_eq!(
        f.ron("a.txt"),
        None,
        "never written into a work tree git is busy with"
    );
}

#[test]
fn quitting_waits_for_git_to_finish_then_saves() {
    let mut f = in_git();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let lock = f.git_file("index.lock");
    std::fs::write(&lock, "").unwrap();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        std::fs::remove_file(lock).unwrap();
    });
    f.act(&[Action::Quit]);
    releaser.join().unwrap();
    assert!(f.app.quit.is_leaving());
    assert!(f.ron("a.txt").unwrap().contains("claim"));
}
