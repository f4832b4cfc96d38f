//! An article opened a slice first: the first frame draws the slice, and the first event that
//! is not a resize (an edit, a save, a search, `G`, a `Tick`, quitting) acts on the whole text,
//! or on the error a whole open gives.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::{App, Session};
use crate::action::Action;
use crate::keymap::Keymap;
use crate::update::{Event, update_now};
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;

/// 4,000 lines (about 200 KB); "needle" only on the last one.
fn long_article() -> String {
    let mut text = String::new();
    for i in 0..4000 {
        writeln!(text, "Line {i} of the article. Another sentence here.").unwrap();
    }
    text.push_str("The needle is at the very end.\n");
    text
}

struct Opened {
    dir: tempfile::TempDir,
    app: App,
    now: Instant,
}

impl Opened {
    /// A corpus of one article, opened reading `first` bytes before the first frame.
    fn new(bytes: &[u8], first: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), bytes).unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let app = App::with_parts(
            corpus,
            LabelSet::default(),
            "tester".into(),
            Keymap::default(),
        );
        let mut opened = Self {
            dir,
            app,
            now: Instant::now(),
        };
        opened.reopen(first);
        opened
    }

    /// Opens the article again (the old session and its lock dropped first).
    fn reopen(&mut self, first: usize) {
        self.app.sessions.remove(&0);
        let session = Session::open_sliced(&self.app.corpus, 0, "tester", first);
        self.app.sessions.insert(0, session);
        self.app.generation += 1;
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

    fn session(&self) -> &Session {
        self.app.session().unwrap()
    }

    fn ron(&self) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join("a.txt.tester.ron")).ok()
    }

    fn status_line(&self) -> String {
        let area = Rect::new(0, 0, self.app.size.0, self.app.size.1);
        let mut buffer = Buffer::empty(area);
        crate::view::render_screen(&mut buffer, &self.app, area);
        let y = area.height - 2;
        (0..area.width)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect::<String>()
            + &(0..area.width)
                .map(|x| buffer[(x, y + 1)].symbol().to_owned())
                .collect::<String>()
    }
}

#[test]
fn the_first_frame_draws_the_slice_and_a_tick_brings_the_rest() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), 100_000);
    o.send(Event::Resize(120, 40));
    assert!(o.app.is_loading(), "a resize draws from the first slice");
    let doc = o.app.document().unwrap();
    assert!(doc.text().len() <= 100_000 && text.starts_with(doc.text()));
    assert!(!o.app.wrap.is_complete(), "one screen of a 100 KB slice");
    assert!(o.status_line().contains(" 0/… "), "{}", o.status_line());
    assert!(o.session().lock.is_some(), "the lock is taken on open");
    o.send(Event::Tick(o.now));
    assert!(!o.app.is_loading());
    assert_eq!(o.app.document().unwrap().text(), text);
    let len = text.chars().count();
    assert!(
        o.status_line().contains(&format!(" 0/{len} ")),
        "{}",
        o.status_line()
    );
    assert!(
        o.session().lock.is_some(),
        "the lock is taken once the text is whole"
    );
}

#[test]
fn a_screen_reaching_the_end_of_the_slice_waits_for_the_rest() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), 300);
    o.send(Event::Resize(120, 40));
    assert!(!o.app.is_loading());
    assert_eq!(o.app.document().unwrap().text(), text);
    assert!(o.app.wrap.row_count() > 38, "the screen is full");
}

#[test]
fn an_edit_before_the_rest_arrives_acts_on_the_whole_text() {
    let text = "First claim here is long. Second one.\n".repeat(4);
    let mut o = Opened::new(text.as_bytes(), 8);
    assert!(o.app.is_loading());
    assert_eq!(o.app.document().unwrap().text(), "First cl");
    o.act(&[Action::SelectSentence, Action::Label(1), Action::Save]);
    let ron = o.ron().unwrap();
    assert!(
        ron.contains("(start: 0, end: 25, label: \"claim\", quote: \"First claim here is long.\""),
        "{ron}"
    );
    let hash = glosser_core::text::sha256_hex(text.as_bytes());
    assert!(
        ron.contains(&hash),
        "stamped with the whole text's hash: {ron}"
    );
}

#[test]
fn a_search_and_g_before_the_rest_arrives_see_the_whole_text() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), 4096);
    assert!(o.app.is_loading());
    o.act(&[Action::Search]);
    for c in "needle".chars() {
        o.send(Event::PromptChar(c));
    }
    o.send(Event::PromptSubmit);
    while o.app.search.scan.is_some() {
        o.send(Event::Tick(o.now));
    }
    let at = text[..text.find("needle").unwrap()].chars().count();
    assert_eq!(o.app.search.matches.len(), 1);
    assert_eq!(o.app.search.matches[0], at..at + 6);

    o.reopen(4096);
    assert!(o.app.is_loading());
    o.act(&[Action::End]);
    assert_eq!(o.session().cursor, text.chars().count());
}

#[test]
fn quitting_before_the_rest_arrives_writes_nothing() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), 4096);
    assert!(crate::update::save_all(&mut o.app).is_empty());
    assert!(!o.app.is_loading(), "saving waits for the rest");
    o.reopen(4096);
    o.act(&[Action::Quit]);
    assert!(o.app.quit.is_leaving());
    assert_eq!(o.ron(), None, "nobody edited: no file");
}

#[test]
fn not_utf8_past_the_slice_ends_as_opening_it_whole_does() {
    let mut bytes = long_article().into_bytes();
    bytes.extend_from_slice(b"bad \xff byte\n");
    let mut o = Opened::new(&bytes, 4096);
    assert!(o.app.is_loading());
    o.send(Event::Tick(o.now));
    let sliced = o.app.sessions.remove(&0).unwrap();
    let whole = Session::open_sliced(&o.app.corpus, 0, "tester", usize::MAX);
    let why = whole.doc.as_ref().unwrap_err().to_string();
    assert!(why.contains("not valid UTF-8"), "{why}");
    assert_eq!(sliced.doc.as_ref().unwrap_err().to_string(), why);
    assert_eq!(sliced.read_only, whole.read_only);
    assert!(
        sliced
            .read_only
            .as_deref()
            .unwrap()
            .starts_with("cannot annotate: ")
    );
    assert!(sliced.lock.is_none() && whole.lock.is_none());
    assert!(sliced.base.is_none() && !sliced.held_elsewhere());
    o.app.sessions.insert(0, sliced);
    o.act(&[Action::SelectSentence, Action::Label(1), Action::Save]);
    assert_eq!(o.ron(), None, "nothing to annotate, nothing written");
}

#[test]
fn an_annotation_file_saved_against_another_text_waits_for_the_whole_text() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), usize::MAX);
    o.act(&[Action::SelectSentence, Action::Label(1), Action::Save]);
    assert!(o.ron().is_some());
    let edited = format!("A new first line.\n{text}");
    std::fs::write(o.dir.path().join("a.txt"), &edited).unwrap();
    o.reopen(4096);
    assert!(!o.app.is_loading(), "the article's hash is needed at once");
    let session = o.session();
    assert_eq!(
        session.file.text_sha256,
        glosser_core::text::sha256_hex(edited.as_bytes())
    );
    let span = &session.file.spans.spans()[0];
    assert_eq!(
        (span.start, span.end),
        (18, 40),
        "re-anchored onto the new text"
    );
    assert!(session.notice.as_deref().unwrap().contains("changed since"));
}

#[test]
fn a_broken_annotation_file_is_read_only_before_and_after_the_rest() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), usize::MAX);
    std::fs::write(o.dir.path().join("a.txt.tester.ron"), "(glosser: oops").unwrap();
    o.reopen(4096);
    assert!(o.app.is_loading());
    let before = o.session().read_only.clone().unwrap();
    assert!(before.starts_with("read-only: "), "{before}");
    o.send(Event::Tick(o.now));
    assert!(!o.app.is_loading());
    assert_eq!(o.session().read_only.as_deref(), Some(before.as_str()));
    assert_eq!(
        std::fs::read_to_string(o.dir.path().join("a.txt.tester.ron")).unwrap(),
        "(glosser: oops"
    );
}

#[test]
fn a_resumed_cursor_past_the_slice_waits_for_the_rest() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), 100_000);
    o.app.resume_at(10);
    assert!(o.app.is_loading(), "near the top: the slice is enough");
    assert_eq!(o.session().cursor, 10);
    let far = text.chars().count() - 5;
    o.app.resume_at(far);
    assert!(!o.app.is_loading());
    assert_eq!(o.session().cursor, far);
}

#[test]
fn suggestions_wait_for_the_rest() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), 4096);
    assert!(o.app.is_loading());
    o.app.show_suggestions("bot");
    assert!(!o.app.is_loading());
}

#[test]
fn a_lock_held_elsewhere_shows_at_once_and_an_unreadable_article_wins_over_it() {
    let text = long_article();
    let mut o = Opened::new(text.as_bytes(), usize::MAX);
    o.app.sessions.remove(&0);
    let annotation = o.dir.path().join("a.txt.tester.ron");
    let other = glosser_core::lock::DocumentLock::acquire(&annotation).unwrap();
    o.reopen(4096);
    assert!(o.app.is_loading());
    assert!(o.session().held_elsewhere(), "{:?}", o.session().read_only);
    o.send(Event::Tick(o.now));
    assert!(o.session().held_elsewhere() && o.session().lock.is_none());

    let mut bytes = text.into_bytes();
    bytes.push(0xff);
    std::fs::write(o.dir.path().join("a.txt"), &bytes).unwrap();
    o.reopen(4096);
    assert!(o.app.is_loading());
    o.send(Event::Tick(o.now));
    let sliced = o.app.sessions.remove(&0).unwrap();
    let whole = Session::open_sliced(&o.app.corpus, 0, "tester", usize::MAX);
    assert_eq!(sliced.read_only, whole.read_only);
    assert!(
        sliced
            .read_only
            .as_deref()
            .unwrap()
            .starts_with("cannot annotate: ")
    );
    assert!(!sliced.held_elsewhere() && !whole.held_elsewhere());
    drop(other);
}
