//! The list filling in: batches fed by hand through the listing's channel, then `Tick`s.

use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::*;
use crate::action::Action;
use crate::keymap::Keymap;
use crate::update::{Event, update_now};
use glosser_core::labels::LabelSet;

pub(super) struct Feed {
    pub(super) dir: tempfile::TempDir,
    pub(super) app: App,
    pub(super) sender: Sender<Piece>,
    pub(super) now: Instant,
}

impl Feed {
    /// An app listing `files` (written now, sent later by hand), starting at `start`.
    pub(super) fn new(files: &[&str], annotator: &str, start: Start) -> Self {
        let dir = tempfile::tempdir().unwrap();
        for name in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, format!("The article {name}, with some words.\n")).unwrap();
        }
        Self::in_dir(dir, annotator, start)
    }

    pub(super) fn in_dir(dir: tempfile::TempDir, annotator: &str, start: Start) -> Self {
        let corpus = Corpus {
            root: dir.path().to_owned(),
            documents: Vec::new(),
            strays: Vec::new(),
        };
        let mut app = App::with_parts(
            corpus,
            LabelSet::default(),
            annotator.into(),
            Keymap::default(),
        );
        app.message = None;
        app.focus = Focus::Article;
        let (sender, pieces) = std::sync::mpsc::channel();
        app.listing.pieces = Some(pieces);
        app.listing.start = Some(start);
        app.listing.with_assignments(dir.path(), annotator);
        Self {
            dir,
            app,
            sender,
            now: Instant::now(),
        }
    }

    pub(super) fn entry(&self, id: &str) -> DocumentEntry {
        let path = self.dir.path().join(id);
        DocumentEntry {
            id: id.to_owned(),
            size: std::fs::metadata(&path).map_or(0, |m| m.len()),
            path,
            annotations: Vec::new(),
        }
    }

    /// Sends one batch and lets a `Tick` take it in.
    pub(super) fn batch(&mut self, ids: &[&str]) {
        let documents = ids.iter().map(|id| self.entry(id)).collect();
        self.sender
            .send(Piece::Found {
                documents,
                strays: Vec::new(),
                folders: Vec::new(),
            })
            .unwrap();
        self.tick();
    }

    pub(super) fn done(&mut self) {
        self.sender.send(Piece::Done).unwrap();
        self.tick();
    }

    pub(super) fn tick(&mut self) {
        self.now += Duration::from_millis(20);
        update_now(&mut self.app, Event::Tick(self.now), self.now);
    }

    pub(super) fn act(&mut self, action: Action) {
        self.now += Duration::from_millis(10);
        update_now(&mut self.app, Event::Action(action), self.now);
    }

    pub(super) fn visible_ids(&self) -> Vec<&str> {
        let documents = &self.app.corpus.documents;
        self.app
            .visible_docs
            .iter()
            .map(|&i| documents[i].id.as_str())
            .collect()
    }

    pub(super) fn open_id(&self) -> Option<&str> {
        Some(self.app.corpus.documents[self.app.open?].id.as_str())
    }

    pub(super) fn message(&self) -> Option<&str> {
        self.app.message.as_ref().map(|(m, _)| m.as_str())
    }

    pub(super) fn screen(&self) -> String {
        let area = ratatui::layout::Rect::new(0, 0, 120, 30);
        let mut buffer = ratatui::buffer::Buffer::empty(area);
        crate::view::render_screen(&mut buffer, &self.app, area);
        buffer
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect()
    }
}

#[test]
fn the_list_grows_while_the_cursor_and_the_open_document_stay() {
    let mut f = Feed::new(&["a.txt", "b.txt", "c.txt", "d.txt"], "alice", Start::First);
    assert_eq!(f.app.open, None, "nothing is listed yet");
    assert!(f.screen().contains("listing… 0 "));
    f.batch(&["a.txt"]);
    assert_eq!(
        f.open_id(),
        Some("a.txt"),
        "the first document opens as it arrives"
    );
    assert!(f.app.document().is_some());
    f.batch(&["b.txt"]);
    f.app.focus = Focus::List;
    f.act(Action::MoveDown);
    assert_eq!(f.app.list_cursor, 1);
    f.batch(&["c.txt", "d.txt"]);
    assert_eq!(f.visible_ids(), ["a.txt", "b.txt", "c.txt", "d.txt"]);
    assert_eq!(f.app.doc_info.len(), 4);
    assert_eq!(f.app.list_cursor, 1, "the list cursor stays on b.txt");
    assert_eq!(f.open_id(), Some("a.txt"), "the open document stays");
    let screen = f.screen();
    assert!(screen.contains("listing… 4 "), "{screen}");
    assert!(
        screen.contains("0/4+ done…"),
        "a partial count while listing"
    );
    assert_eq!(f.app.progress().1, 4);
    f.done();
    assert!(!f.app.listing.is_listing());
    let screen = f.screen();
    assert!(screen.contains("Documents 4"), "{screen}");
    assert!(!screen.contains("listing…"));
    assert_eq!(
        f.message(),
        None,
        "a corpus with documents says nothing at the end"
    );
}

#[test]
fn the_filter_applies_to_documents_listed_later() {
    let mut f = Feed::new(
        &["apple.txt", "banana.txt", "pepper.txt", "rice.txt"],
        "alice",
        Start::First,
    );
    f.batch(&["apple.txt", "banana.txt"]);
    f.app.focus = Focus::List;
    f.act(Action::Search);
    for c in "PP".chars() {
        update_now(&mut f.app, Event::PromptChar(c), f.now);
    }
    update_now(&mut f.app, Event::PromptSubmit, f.now);
    assert_eq!(f.app.filter, "PP");
    assert_eq!(f.visible_ids(), ["apple.txt"]);
    f.batch(&["pepper.txt", "rice.txt"]);
    assert_eq!(f.visible_ids(), ["apple.txt", "pepper.txt"]);
    let screen = f.screen();
    assert!(screen.contains("/PP 2 · listing… 4 "), "{screen}");
    f.act(Action::Cancel);
    assert_eq!(
        f.visible_ids().len(),
        4,
        "clearing the filter shows every listed one"
    );
}

#[test]
fn an_empty_corpus_says_so_only_once_the_listing_has_ended() {
    let mut f = Feed::new(&[], "alice", Start::First);
    f.batch(&[]);
    f.tick();
    assert_eq!(f.message(), None, "still listing: nothing to say yet");
    assert!(f.screen().contains("listing… 0 "));
    f.done();
    assert!(
        f.message()
            .is_some_and(|m| m.starts_with("no documents here")),
        "{:?}",
        f.message()
    );
    assert_eq!(f.app.focus, Focus::List);
}

#[test]
fn folders_that_cannot_be_listed_are_shown() {
    let mut f = Feed::new(&["a.txt"], "alice", Start::First);
    f.batch(&["a.txt"]);
    f.sender
        .send(Piece::Error(
            "/c/locked: cannot list: Permission denied".into(),
        ))
        .unwrap();
    f.tick();
    assert!(f.message().is_some_and(|m| m.contains("/c/locked")));
    f.app.message = None;
    f.done();
    let (message, tone) = f.app.message.clone().unwrap();
    assert_eq!(tone, Tone::Error);
    assert!(
        message.contains("1 folder could not be listed: /c/locked"),
        "{message}"
    );
}

#[test]
fn the_last_document_key_says_the_list_is_still_filling() {
    let mut f = Feed::new(&["a.txt", "b.txt"], "alice", Start::First);
    f.batch(&["a.txt", "b.txt"]);
    f.app.focus = Focus::List;
    f.act(Action::End);
    assert_eq!(f.app.list_cursor, 1);
    assert!(f.message().is_some_and(|m| m.contains("still listing")));
    f.act(Action::NextDocument);
    f.act(Action::NextDocument);
    assert_eq!(f.open_id(), Some("b.txt"));
    assert!(
        f.message()
            .is_some_and(|m| m.contains("opens as soon as it is listed")),
        "the key waits for the next document"
    );
    f.done();
    assert_eq!(
        f.message(),
        Some("this is the last document"),
        "the waiting key ran when the listing ended"
    );
    f.act(Action::End);
    assert_eq!(f.message(), None);
    f.act(Action::NextDocument);
    assert_eq!(f.message(), Some("this is the last document"));
}

#[test]
fn folders_are_not_rescanned_while_listing() {
    let mut f = Feed::new(&["a.txt", "b.txt"], "alice", Start::First);
    f.batch(&["a.txt"]);
    f.now += Duration::from_secs(5);
    f.tick();
    assert_eq!(
        f.app.corpus.documents.len(),
        1,
        "a rescan would have listed b.txt behind the listing's back"
    );
    f.batch(&["b.txt"]);
    f.done();
    assert_eq!(f.app.corpus.documents.len(), 2);
}

#[test]
fn statuses_of_documents_listed_later_arrive_too() {
    let mut f = Feed::new(&["a.txt", "b.txt", "c.txt"], "alice", Start::First);
    let annotated = f.dir.path().join("c.txt.alice.ron");
    f.batch(&["a.txt"]);
    crate::start_status_scan(&mut f.app);
    // c.txt has alice's file (a status the scan reads).
    let file = glosser_core::store::AnnotationFile {
        document: "c.txt".into(),
        annotator: "alice".into(),
        status: glosser_core::store::Status::Done,
        text_sha256: "0".repeat(64),
        ..Default::default()
    };
    std::fs::write(&annotated, glosser_core::store::to_ron(&file)).unwrap();
    glosser_core::store::load(&annotated).unwrap();
    let mut c = f.entry("c.txt");
    c.annotations.push(glosser_core::corpus::AnnotationRef {
        annotator: "alice".into(),
        path: annotated,
    });
    let b = f.entry("b.txt");
    f.sender
        .send(Piece::Found {
            documents: vec![b, c],
            strays: Vec::new(),
            folders: Vec::new(),
        })
        .unwrap();
    f.done();
    let began = Instant::now();
    while f.app.doc_info.iter().any(Option::is_none) {
        assert!(began.elapsed() < Duration::from_secs(10), "no statuses");
        std::thread::sleep(Duration::from_millis(5));
        f.tick();
    }
    assert_eq!(f.app.doc_info[1], Some(DocInfo::None));
    assert!(
        matches!(
            f.app.doc_info[2],
            Some(DocInfo::Annotated {
                status: glosser_core::store::Status::Done,
                ..
            })
        ),
        "{:?}",
        f.app.doc_info
    );
}

#[test]
fn the_listing_thread_lists_the_corpus_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for folder in ["x", "y/z", ""] {
        for n in [1, 2, 10] {
            let name = Path::new(folder).join(format!("doc{n}.txt"));
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
            std::fs::write(dir.path().join(&name), "Words.\n").unwrap();
            names.push(name);
        }
    }
    let now = Instant::now();
    let mut app = App::listed(
        dir.path(),
        LabelSet::default(),
        "alice".into(),
        Keymap::default(),
        Start::First,
    )
    .unwrap();
    wait_for_start(&mut app, Duration::from_secs(10), now);
    assert_eq!(app.open, Some(0));
    let began = Instant::now();
    while app.listing.is_listing() {
        assert!(
            began.elapsed() < Duration::from_secs(10),
            "the listing never ended"
        );
        std::thread::sleep(Duration::from_millis(5));
        tick(&mut app, now);
    }
    let whole = Corpus::scan(dir.path()).unwrap();
    assert_eq!(app.corpus.documents, whole.documents);
    assert_eq!(app.visible_docs, (0..9).collect::<Vec<_>>());
    assert_eq!(app.message, None);
}

#[test]
fn a_root_that_is_no_folder_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "x").unwrap();
    let opened = App::listed(
        &file,
        LabelSet::default(),
        "alice".into(),
        Keymap::default(),
        Start::First,
    );
    assert!(opened.is_err());
}

mod start;

#[test]
fn a_next_document_key_pressed_before_its_document_is_listed_opens_it_when_it_is() {
    let mut f = Feed::new(&["a.txt", "b.txt", "c.txt"], "alice", Start::First);
    f.batch(&["a.txt"]);
    assert_eq!(f.open_id(), Some("a.txt"));
    // J right after the first frame, and a key after it: both wait, in order.
    f.act(Action::NextDocument);
    f.act(Action::SelectSentence);
    assert_eq!(f.open_id(), Some("a.txt"));
    assert_eq!(f.app.queued.len(), 2);
    f.batch(&["b.txt", "c.txt"]);
    assert_eq!(f.open_id(), Some("b.txt"), "J was not lost");
    assert!(f.app.queued.is_empty());
    assert!(
        f.app.session().unwrap().anchor.is_some(),
        "the key after J acted on the document J opened"
    );
}
