use std::path::Path;
use std::time::{Duration, Instant};

use super::*;
use crate::app::DocInfo;
use crate::keymap::Keymap;
use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::store::Status;

pub(super) const ARTICLE: &str =
    "First claim here. Second “quoted words” 😀 end.\nNext paragraph starts. It ends.\n";

pub(super) struct Fixture {
    pub(super) dir: tempfile::TempDir,
    pub(super) app: App,
    pub(super) now: Instant,
}

impl Fixture {
    pub(super) fn new(texts: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in texts {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let app = app_for(dir.path());
        Self {
            dir,
            app,
            now: Instant::now(),
        }
    }

    pub(super) fn article() -> Self {
        Self::new(&[("a.txt", ARTICLE), ("b.txt", "Other doc.\n")])
    }

    pub(super) fn send(&mut self, event: Event) {
        self.now += Duration::from_millis(10);
        update(&mut self.app, event, self.now);
    }

    pub(super) fn act(&mut self, actions: &[Action]) {
        for &a in actions {
            self.send(Event::Action(a));
        }
    }

    pub(super) fn cursor(&self) -> usize {
        self.app.session().unwrap().cursor
    }

    pub(super) fn set_cursor(&mut self, offset: usize) {
        self.app.session_mut().unwrap().cursor = offset;
    }

    pub(super) fn at(&self, needle: &str) -> usize {
        let doc = self.app.document().unwrap();
        doc.byte_to_char(doc.text().find(needle).unwrap()).unwrap()
    }

    pub(super) fn spans(&self) -> Vec<(usize, usize, String)> {
        self.app
            .session()
            .unwrap()
            .file
            .spans
            .spans()
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect()
    }

    pub(super) fn ron(&self, doc: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join(format!("{doc}.tester.ron"))).ok()
    }

    /// Lets time pass until debounced saves are due.
    pub(super) fn wait_for_save(&mut self) {
        self.now += Duration::from_secs(1);
        update(&mut self.app, Event::Tick(self.now), self.now);
    }
}

pub(super) fn app_for(root: &Path) -> App {
    let corpus = Corpus::scan(root).unwrap();
    let mut app = App::with_parts(
        corpus,
        LabelSet::default(),
        "tester".into(),
        Keymap::default(),
    );
    update(&mut app, Event::Resize(120, 40), Instant::now());
    app
}

pub(super) fn write_outside(f: &Fixture, spans: &[(usize, usize, &str)]) {
    let doc = glosser_core::text::Document::from_text(ARTICLE);
    let file = glosser_core::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: glosser_core::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| glosser_core::span::Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    // A different size makes the change visible to polling even within one mtime tick.
    glosser_core::store::save(&f.dir.path().join("a.txt.tester.ron"), &file).unwrap();
}

mod disk;
mod motion;
mod unsettled;

#[test]
fn relabel_delete_note_done_and_undo_redo() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.set_cursor(3);
    f.act(&[Action::Label(2)]);
    assert_eq!(
        f.spans(),
        [(0, 17, "quote".to_owned())],
        "relabel without selection"
    );
    f.act(&[Action::EditNote]);
    for c in "checked".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(
        f.app
            .session()
            .unwrap()
            .file
            .spans
            .get(0)
            .unwrap()
            .note
            .as_deref(),
        Some("checked")
    );
    f.act(&[Action::ToggleDone]);
    assert_eq!(f.app.session().unwrap().file.status, Status::Done);
    f.act(&[Action::DeleteSpan]);
    assert!(f.spans().is_empty());

    f.act(&[Action::Undo]);
    assert_eq!(f.spans(), [(0, 17, "quote".to_owned())]);
    f.act(&[Action::Undo]);
    assert_eq!(f.app.session().unwrap().file.status, Status::InProgress);
    f.act(&[Action::Undo]);
    assert_eq!(
        f.app.session().unwrap().file.spans.get(0).unwrap().note,
        None
    );
    f.act(&[Action::Undo]);
    assert_eq!(f.spans(), [(0, 17, "claim".to_owned())]);
    f.act(&[Action::Undo]);
    assert!(f.spans().is_empty());
    assert_eq!(
        f.app.session().unwrap().file.status,
        Status::Todo,
        "first edit's status undone too"
    );
    f.act(&[Action::Undo]);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("nothing to undo")
    );
    f.act(&[Action::Redo, Action::Redo, Action::Redo]);
    assert_eq!(f.spans(), [(0, 17, "quote".to_owned())]);
    assert_eq!(
        f.app
            .session()
            .unwrap()
            .file
            .spans
            .get(0)
            .unwrap()
            .note
            .as_deref(),
        Some("checked")
    );
    f.act(&[Action::Redo, Action::Redo]);
    assert!(f.spans().is_empty());
    assert_eq!(f.app.session().unwrap().file.status, Status::Done);
    f.act(&[Action::Redo]);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("nothing to redo")
    );
}

#[test]
fn new_edit_clears_redo() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1), Action::Undo]);
    f.act(&[Action::SelectSentence, Action::Label(3), Action::Redo]);
    assert_eq!(f.spans(), [(0, 17, "opinion".to_owned())]);
}

#[test]
fn label_without_selection_or_span_explains() {
    let mut f = Fixture::article();
    f.act(&[Action::Label(1)]);
    assert!(f.spans().is_empty());
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("select text first")
    );
    f.act(&[Action::Label(9)]);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("no label on key 9")
    );
    f.act(&[Action::DeleteSpan]);
    assert!(f.app.message.as_ref().unwrap().0.contains("no span"));
}

#[test]
fn nested_spans_innermost_first() {
    let mut f = Fixture::article();
    let inside = f.at("words");
    f.set_cursor(inside);
    f.act(&[
        Action::SelectQuotation,
        Action::Label(2),
        Action::SelectSentence,
        Action::Label(1),
    ]);
    assert_eq!(f.spans().len(), 2);
    f.set_cursor(inside);
    f.act(&[Action::DeleteSpan]);
    assert_eq!(f.spans().len(), 1);
    assert_eq!(f.spans()[0].2, "claim", "the inner quote went first");
}

#[test]
fn span_navigation_and_search() {
    let mut f = Fixture::article();
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
    ]);
    f.act(&[Action::Start, Action::NextSpan]);
    assert_eq!(f.cursor(), f.at("Second"));
    f.act(&[Action::PrevSpan]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::Search]);
    for c in "ends".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.search.matches.len(), 1);
    assert_eq!(f.cursor(), f.at("ends"));
    f.act(&[Action::Start, Action::Search]);
    for c in "E".chars() {
        f.send(Event::PromptChar(c));
    }
    f.send(Event::PromptBackspace);
    f.send(Event::PromptChar('s'));
    f.send(Event::PromptSubmit);
    assert!(
        f.app.search.matches.len() >= 3,
        "lower case matches any case"
    );
    let first = f.cursor();
    f.act(&[Action::NextMatch]);
    assert!(f.cursor() > first);
    f.act(&[Action::PrevMatch]);
    assert_eq!(f.cursor(), first);
    f.act(&[Action::Cancel]);
    assert!(f.app.search.matches.is_empty());
}

#[test]
fn panes_list_and_switching_saves() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.act(&[Action::PrevPane]);
    assert_eq!(f.app.focus, Focus::List);
    f.act(&[Action::MoveDown, Action::Confirm]);
    assert_eq!(f.app.open, Some(1));
    assert_eq!(f.app.focus, Focus::Article);
    assert!(
        f.ron("a.txt").is_some(),
        "switching saves the document left"
    );
    assert!(f.ron("b.txt").is_none());
    f.act(&[Action::NextPane]);
    assert_eq!(f.app.focus, Focus::Sidebar);
    f.act(&[Action::NextPane]);
    assert_eq!(f.app.focus, Focus::List);
    f.act(&[Action::MoveUp, Action::Confirm]);
    assert_eq!(f.app.open, Some(0));
    assert_eq!(f.spans().len(), 1, "history and spans kept per document");
    f.act(&[Action::Undo]);
    assert!(f.spans().is_empty());
}

#[test]
fn list_filter() {
    let mut f = Fixture::new(&[
        ("alpha.txt", "A."),
        ("beta.txt", "B."),
        ("alphabet.md", "C."),
    ]);
    f.act(&[Action::PrevPane, Action::Search]);
    for c in "alpha".chars() {
        f.send(Event::PromptChar(c));
    }
    assert_eq!(f.app.visible_docs.len(), 2, "filters as you type");
    f.send(Event::PromptSubmit);
    assert_eq!(f.app.visible_docs.len(), 2);
    f.act(&[Action::Search]);
    f.send(Event::PromptCancel);
    assert_eq!(f.app.visible_docs.len(), 3, "Esc clears the filter");
}

#[test]
fn sidebar_moves_between_spans() {
    let mut f = Fixture::article();
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
        Action::Start,
    ]);
    f.act(&[Action::NextPane, Action::MoveDown]);
    assert_eq!(f.app.focus, Focus::Sidebar);
    assert_eq!(f.cursor(), f.at("Second"));
    f.act(&[Action::MoveUp, Action::Confirm]);
    assert_eq!(f.cursor(), 0);
    assert_eq!(f.app.focus, Focus::Article);
}

#[test]
fn ctrl_s_quit_and_no_file_without_edits() {
    let mut f = Fixture::article();
    f.act(&[Action::Save]);
    assert!(f.ron("a.txt").is_none(), "no edits, no file");
    f.act(&[Action::SelectSentence, Action::Label(1), Action::Undo]);
    f.wait_for_save();
    assert!(
        f.ron("a.txt").is_none(),
        "edits undone before saving leave no file"
    );
    f.act(&[Action::SelectSentence, Action::Label(1), Action::Save]);
    assert!(f.ron("a.txt").is_some());
    f.act(&[Action::ToggleDone, Action::Quit]);
    assert!(f.app.should_quit);
    assert!(f.ron("a.txt").unwrap().contains("status: Done"));
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut f = Fixture::article();
    f.act(&[Action::Help]);
    assert_eq!(f.app.mode, Mode::Help);
    f.act(&[Action::Cancel]);
    assert_eq!(f.app.mode, Mode::Normal);
    f.act(&[Action::Help, Action::MoveRight]);
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(
        f.cursor(),
        0,
        "the key that closes the help does nothing else"
    );
}

mod exit;
mod fs;
mod keys;
mod keystroke;
mod keystroke_link;
mod link;
mod link_edit;
mod link_key;
mod pick;
mod prompt;
mod review;
mod review_link;
mod review_link_item;
mod review_resume;
mod review_trust;
mod search;
mod stamp;
