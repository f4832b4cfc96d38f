//! Prompt editing and bracketed paste, driven through `translate` and `update` as the terminal
//! would.

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};

use super::super::*;
use crate::keymap::Keymap;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::store::Status;

const ARTICLE: &str = "First claim here. Second sentence.\n";

fn app_for(root: &Path) -> App {
    let corpus = Corpus::scan(root).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "tester".into(),
        Keymap::default(),
    );
    update_now(&mut app, Event::Resize(120, 40), Instant::now());
    app
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
    now: Instant,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
        let app = app_for(dir.path());
        Self {
            _dir: dir,
            app,
            now: Instant::now(),
        }
    }

    /// A terminal event, through the same translation as the real loop.
    fn term(&mut self, event: &TermEvent) {
        if let Some(e) = crate::translate(&self.app, event) {
            self.send(e);
        }
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.term(&TermEvent::Key(KeyEvent::new(code, modifiers)));
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    fn send(&mut self, event: Event) {
        self.now += Duration::from_millis(10);
        update_now(&mut self.app, event, self.now);
    }

    fn act(&mut self, actions: &[Action]) {
        for &a in actions {
            self.send(Event::Action(a));
        }
    }

    fn prompt(&self) -> Option<(String, usize)> {
        match &self.app.mode {
            Mode::Prompt(p) => Some((p.text.clone(), p.cursor)),
            _ => None,
        }
    }

    fn spans(&self) -> Vec<(usize, usize, String, Option<String>)> {
        let session = self.app.session().unwrap();
        session
            .file
            .spans
            .spans()
            .iter()
            .map(|s| (s.start, s.end, s.label.clone(), s.note.clone()))
            .collect()
    }

    fn status(&self) -> Status {
        self.app.session().unwrap().file.status
    }
}

#[test]
fn a_paste_into_the_note_prompt_is_one_line_and_runs_no_keys() {
    let mut f = Fixture::new();
    f.act(&[Action::SelectSentence, Action::Label(1), Action::EditNote]);
    let before = f.spans();
    f.term(&TermEvent::Paste(
        "Per Reuters\nx3D\r\nend\rmore\u{1b}[2J\u{7}".into(),
    ));
    assert_eq!(
        f.prompt(),
        Some(("Per Reuters x3D end more[2J".to_owned(), 27))
    );
    assert_eq!(f.spans(), before, "x did not delete, 3 did not relabel");
    assert_eq!(f.status(), Status::InProgress, "D did not mark Done");
    f.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        f.spans(),
        [(
            0,
            17,
            "claim".to_owned(),
            Some("Per Reuters x3D end more[2J".to_owned())
        )]
    );
    assert_eq!(f.status(), Status::InProgress);
}

#[test]
fn a_paste_outside_a_prompt_does_nothing() {
    let mut f = Fixture::new();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    let before = f.spans();
    let cursor = f.app.session().unwrap().cursor;
    f.term(&TermEvent::Paste("x3Dq\n/u".into()));
    assert_eq!(f.spans(), before);
    assert_eq!(f.status(), Status::InProgress);
    assert_eq!(f.app.session().unwrap().cursor, cursor);
    assert!(matches!(f.app.mode, Mode::Normal));
    assert!(!f.app.quit.is_leaving());
}

#[test]
fn a_paste_into_the_search_prompt_inserts_at_the_cursor() {
    let mut f = Fixture::new();
    f.act(&[Action::Search]);
    f.typed("Fd");
    f.key(KeyCode::Left, KeyModifiers::NONE);
    f.term(&TermEvent::Paste("irst\nclaim\tan".into()));
    assert_eq!(f.prompt(), Some(("First claim and".to_owned(), 14)));
}

#[test]
fn editing_keys_move_and_delete_within_the_prompt() {
    let mut f = Fixture::new();
    f.act(&[Action::Search]);
    f.typed("one two  three");
    assert_eq!(f.prompt(), Some(("one two  three".to_owned(), 14)));
    // Ctrl-W deletes the previous word and the spaces after it.
    f.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(f.prompt(), Some(("one two  ".to_owned(), 9)));
    f.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(f.prompt(), Some(("one ".to_owned(), 4)));
    f.typed("2");
    // Home, End, Left, Right move; typing inserts at the cursor.
    f.key(KeyCode::Home, KeyModifiers::NONE);
    f.typed(">");
    assert_eq!(f.prompt(), Some((">one 2".to_owned(), 1)));
    f.key(KeyCode::Right, KeyModifiers::NONE);
    f.key(KeyCode::Right, KeyModifiers::NONE);
    f.key(KeyCode::Left, KeyModifiers::NONE);
    f.typed("_");
    assert_eq!(f.prompt(), Some((">o_ne 2".to_owned(), 3)));
    f.key(KeyCode::Backspace, KeyModifiers::NONE);
    f.key(KeyCode::Delete, KeyModifiers::NONE);
    assert_eq!(f.prompt(), Some((">oe 2".to_owned(), 2)));
    f.key(KeyCode::End, KeyModifiers::NONE);
    f.key(KeyCode::Right, KeyModifiers::NONE);
    f.key(KeyCode::Delete, KeyModifiers::NONE);
    assert_eq!(f.prompt(), Some((">oe 2".to_owned(), 5)));
    // Ctrl-U clears to the start, keeping what follows the cursor.
    f.key(KeyCode::Left, KeyModifiers::NONE);
    f.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(f.prompt(), Some(("2".to_owned(), 0)));
    f.key(KeyCode::Left, KeyModifiers::NONE);
    f.key(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(f.prompt(), Some(("2".to_owned(), 0)));
    // Other Ctrl keys type nothing.
    f.key(KeyCode::Char('k'), KeyModifiers::CONTROL);
    assert_eq!(f.prompt(), Some(("2".to_owned(), 0)));
}

#[test]
fn a_note_prompt_opens_with_the_cursor_after_the_old_note() {
    let mut f = Fixture::new();
    f.act(&[Action::SelectSentence, Action::Label(1), Action::EditNote]);
    f.typed("héllo wörld");
    f.key(KeyCode::Enter, KeyModifiers::NONE);
    f.act(&[Action::EditNote]);
    assert_eq!(f.prompt(), Some(("héllo wörld".to_owned(), 11)));
    f.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    f.typed("world");
    f.key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(f.spans()[0].3.as_deref(), Some("héllo world"));
}

#[test]
fn pasted_text_is_cleaned_to_one_line() {
    assert_eq!(prompt::clean_paste("a\r\nb\nc\rd"), "a b c d");
    assert_eq!(
        prompt::clean_paste("x\u{1b}]52;c;aGk=\u{7}y\u{202e}z\u{7f}\u{85}"),
        "x]52;c;aGk=yz"
    );
}

#[test]
fn moves_and_deletes_step_over_whole_characters() {
    let mut f = Fixture::new();
    f.act(&[Action::Search]);
    f.typed("ae\u{301}👍🏽b");
    assert_eq!(f.prompt().unwrap().1, 6);
    f.key(KeyCode::Left, KeyModifiers::NONE);
    f.key(KeyCode::Left, KeyModifiers::NONE);
    assert_eq!(
        f.prompt().unwrap().1,
        3,
        "the emoji with its skin tone is one step"
    );
    f.key(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(f.prompt(), Some(("a👍🏽b".to_owned(), 1)));
    f.key(KeyCode::Delete, KeyModifiers::NONE);
    assert_eq!(f.prompt(), Some(("ab".to_owned(), 1)));
    f.key(KeyCode::Right, KeyModifiers::NONE);
    f.key(KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(f.prompt(), Some(("ab".to_owned(), 2)));
}
