use std::path::Path;
use std::time::{Duration, Instant};

use super::*;
use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::store::Status;
use crate::tui::app::DocInfo;
use crate::tui::keymap::Keymap;

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

#[test]
fn opens_first_document_with_cursor_at_zero() {
    let f = Fixture::article();
    assert_eq!(f.app.open, Some(0));
    assert_eq!(f.cursor(), 0);
    assert_eq!(f.app.focus, Focus::Article);
    assert!(f.ron("a.txt").is_none(), "opening writes nothing");
}

#[test]
fn grapheme_and_word_motions() {
    let mut f = Fixture::article();
    f.act(&[Action::MoveRight, Action::MoveRight]);
    assert_eq!(f.cursor(), 2);
    f.act(&[Action::MoveLeft]);
    assert_eq!(f.cursor(), 1);
    let emoji = f.at("😀");
    f.set_cursor(emoji);
    f.act(&[Action::MoveRight]);
    assert_eq!(f.cursor(), emoji + 1);
    f.set_cursor(0);
    f.act(&[Action::NextWord]);
    assert_eq!(f.cursor(), f.at("claim"));
    f.act(&[Action::PrevWord]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::MoveLeft]);
    assert_eq!(f.cursor(), 0, "stays at the start");
}

#[test]
fn sentence_paragraph_start_end_motions() {
    let mut f = Fixture::article();
    f.act(&[Action::NextSentence]);
    assert_eq!(f.cursor(), f.at("Second"));
    f.act(&[Action::PrevSentence]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::NextParagraph]);
    assert_eq!(f.cursor(), f.at("Next"));
    f.act(&[Action::PrevParagraph]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::End]);
    assert_eq!(f.cursor(), ARTICLE.chars().count());
    f.act(&[Action::Start]);
    assert_eq!(f.cursor(), 0);
}

#[test]
fn vertical_motions_follow_screen_rows() {
    let long = "word ".repeat(400);
    let mut f = Fixture::new(&[("long.txt", long.as_str())]);
    let width = usize::from(
        crate::tui::layout::Areas::new(120, 40)
            .unwrap()
            .article_text()
            .width,
    );
    f.act(&[Action::MoveDown]);
    let row1 = f.app.wrap.row_range(1);
    assert_eq!(f.cursor(), row1.start);
    assert!(row1.len() <= width + 1);
    f.act(&[Action::MoveUp]);
    assert_eq!(f.cursor(), 0);
    f.act(&[Action::PageDown]);
    assert!(f.app.wrap.row_of(f.cursor()) >= 30, "a page is many rows");
    assert!(f.app.session().unwrap().top_row > 0, "the view follows");
    f.act(&[Action::PageUp]);
    assert_eq!(f.app.wrap.row_of(f.cursor()), 0);
    f.act(&[Action::MoveUp]);
    assert_eq!(f.cursor(), 0);
}

#[test]
fn select_sentence_and_label_saves_within_a_second() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence]);
    assert_eq!(f.app.session().unwrap().selection(), Some(0..17));
    f.act(&[Action::Label(1)]);
    assert_eq!(f.spans(), [(0, 17, "claim".to_owned())]);
    assert_eq!(
        f.app.session().unwrap().selection(),
        None,
        "labelling ends the selection"
    );
    assert_eq!(f.app.session().unwrap().file.status, Status::InProgress);
    assert!(f.ron("a.txt").is_none(), "debounced, not yet written");
    f.wait_for_save();
    let ron = f.ron("a.txt").unwrap();
    assert!(
        ron.contains("(start: 0, end: 17, label: \"claim\", quote: \"First claim here.\", prefix: \"\", suffix: \" Second “quoted words” 😀\")"),
        "{ron}"
    );
    assert!(ron.contains("status: InProgress"));
    assert_eq!(
        f.app.doc_info[0],
        Some(DocInfo::Annotated {
            status: Status::InProgress,
            spans: 1
        })
    );
}

#[test]
fn selection_by_hand_is_trimmed_and_snapped() {
    let mut f = Fixture::article();
    let start = f.at(" Second");
    f.set_cursor(start);
    f.act(&[Action::StartSelection]);
    for _ in 0..6 {
        f.act(&[Action::MoveRight]);
    }
    f.act(&[Action::Label(3)]);
    let second = f.at("Second");
    assert_eq!(
        f.spans(),
        [(second, second + 6, "opinion".to_owned())],
        "leading space dropped"
    );
    let emoji = f.at("😀");
    f.set_cursor(emoji);
    f.act(&[Action::ExtendRight, Action::Label(4)]);
    assert!(
        f.spans()
            .contains(&(emoji, emoji + 1, "unverified".to_owned()))
    );
}

#[test]
fn whitespace_only_selection_is_refused() {
    let mut f = Fixture::article();
    let space = f.at(" Second");
    f.set_cursor(space);
    f.act(&[Action::StartSelection, Action::Label(1)]);
    assert!(f.spans().is_empty());
    assert!(f.app.message.as_ref().unwrap().0.contains("whitespace"));
}

#[test]
fn quotation_and_paragraph_selection() {
    let mut f = Fixture::article();
    let inside = f.at("words");
    f.set_cursor(inside);
    f.act(&[Action::SelectQuotation, Action::Label(2)]);
    let q = f.at("“quoted");
    assert_eq!(f.spans(), [(q, q + 14, "quote".to_owned())]);
    f.act(&[Action::SelectParagraph, Action::Label(1)]);
    let end = f.at("\nNext");
    assert!(f.spans().contains(&(0, end, "claim".to_owned())));
}

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

#[test]
fn broken_annotation_file_opens_read_only_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let broken = dir.path().join("a.txt.tester.ron");
    std::fs::write(&broken, "(glosser: 1, oops").unwrap();
    let mut app = app_for(dir.path());
    let now = Instant::now();
    for a in [
        Action::SelectSentence,
        Action::Label(1),
        Action::ToggleDone,
        Action::Save,
        Action::Quit,
    ] {
        update(&mut app, Event::Action(a), now);
    }
    assert!(app.session().unwrap().file.spans.is_empty());
    let why = app.session().unwrap().read_only.clone().unwrap();
    assert!(why.contains("a.txt.tester.ron:1:"), "{why}");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(glosser: 1, oops"
    );
    assert!(app.should_quit);
}

#[test]
fn unreadable_document_is_shown_not_fatal() {
    let mut f = Fixture::new(&[("bad.txt", "x"), ("good.txt", "Fine text.")]);
    std::fs::write(f.dir.path().join("bad.txt"), b"caf\xe9").unwrap();
    f.app = app_for(f.dir.path());
    assert!(f.app.session().unwrap().doc.is_err());
    f.act(&[
        Action::SelectSentence,
        Action::Label(1),
        Action::MoveRight,
        Action::End,
    ]);
    assert!(
        f.app
            .session()
            .unwrap()
            .read_only
            .as_ref()
            .unwrap()
            .contains("not valid UTF-8")
    );
    f.act(&[
        Action::PrevPane,
        Action::MoveDown,
        Action::Confirm,
        Action::SelectSentence,
        Action::Label(1),
    ]);
    assert_eq!(f.spans().len(), 1);
}

#[test]
fn mouse_click_drag_wheel_and_list() {
    let long = format!("{}\n", "Some words here. ".repeat(300));
    let mut f = Fixture::new(&[("a.txt", long.as_str()), ("b.txt", "B doc.")]);
    let areas = crate::tui::layout::Areas::new(120, 40).unwrap();
    let text = areas.article_text();
    f.send(Event::Mouse {
        kind: MouseKind::Down,
        column: text.x + 5,
        row: text.y + 1,
    });
    let row1 = f.app.wrap.row_range(1);
    assert_eq!(f.cursor(), row1.start + 5);
    f.send(Event::Mouse {
        kind: MouseKind::Drag,
        column: text.x + 9,
        row: text.y + 1,
    });
    assert_eq!(
        f.app.session().unwrap().selection(),
        Some(row1.start + 5..row1.start + 10)
    );
    f.act(&[Action::Label(1)]);
    assert_eq!(f.spans().len(), 1);
    for _ in 0..5 {
        f.send(Event::Mouse {
            kind: MouseKind::ScrollDown,
            column: text.x + 1,
            row: text.y + 1,
        });
    }
    let top = f.app.session().unwrap().top_row;
    assert_eq!(top, 15);
    assert!(
        f.app.wrap.row_of(f.cursor()) >= top,
        "the cursor stays in view"
    );
    f.send(Event::Mouse {
        kind: MouseKind::ScrollUp,
        column: text.x + 1,
        row: text.y + 1,
    });
    assert_eq!(f.app.session().unwrap().top_row, 12);
    let list = crate::tui::layout::inner(areas.list);
    f.send(Event::Mouse {
        kind: MouseKind::Down,
        column: list.x + 2,
        row: list.y + 1,
    });
    assert_eq!(f.app.open, Some(1));
    assert!(f.ron("a.txt").is_some());
}

#[test]
fn tiny_and_odd_sizes_do_not_panic() {
    let mut f = Fixture::article();
    for (w, h) in [(0, 0), (1, 1), (39, 9), (40, 10), (500, 3), (41, 200)] {
        f.send(Event::Resize(w, h));
        f.act(&[
            Action::End,
            Action::MoveUp,
            Action::PageUp,
            Action::SelectSentence,
            Action::Label(1),
        ]);
        f.send(Event::Mouse {
            kind: MouseKind::Down,
            column: 20,
            row: 5,
        });
    }
}

#[test]
fn save_failure_keeps_edits_retries_and_asks_before_quitting() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    // A non-empty directory where the file should go makes every save fail, even for root.
    let blocker = f.dir.path().join("a.txt.tester.ron");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    f.wait_for_save();
    assert!(f.app.session().unwrap().is_dirty(), "edits kept in memory");
    let (message, tone) = f.app.message.clone().unwrap();
    assert_eq!(tone, Tone::Error);
    assert!(
        message.contains("a.txt.tester.ron") && message.contains("retried"),
        "{message}"
    );
    f.act(&[Action::Quit]);
    assert!(!f.app.should_quit, "the first q refuses to lose edits");
    assert!(f.app.message.as_ref().unwrap().0.contains("q again"));
    std::fs::remove_dir_all(&blocker).unwrap();
    f.wait_for_save();
    assert!(!f.app.session().unwrap().is_dirty(), "the retry saved");
    assert!(f.ron("a.txt").unwrap().contains("\"claim\""));
    f.act(&[Action::Quit]);
    assert!(f.app.should_quit);
}

/// Someone else's version of a.txt's file: `spans` by label over ARTICLE.
pub(super) fn write_outside(f: &Fixture, spans: &[(usize, usize, &str)]) {
    let doc = crate::text::Document::from_text(ARTICLE);
    let file = crate::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: doc.sha256().into(),
        status: Status::InProgress,
        spans: crate::span::AnnotationSet::from_spans(
            spans
                .iter()
                .map(|&(s, e, l)| crate::span::Span::new(&doc, s..e, l))
                .collect(),
        ),
        ..Default::default()
    };
    // A different size makes the change visible to polling even within one mtime tick.
    crate::store::save(&f.dir.path().join("a.txt.tester.ron"), &file).unwrap();
}

#[test]
fn outside_changes_are_merged_on_save() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    // A teammate (or git pull) adds a span and keeps ours.
    write_outside(&f, &[(0, 17, "claim"), (18, 24, "quote")]);
    f.act(&[
        Action::NextSentence,
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(3),
    ]);
    f.wait_for_save();
    let ron = f.ron("a.txt").unwrap();
    assert!(ron.contains("label: \"claim\""), "{ron}");
    assert!(
        ron.contains("label: \"quote\""),
        "the outside span survives: {ron}"
    );
    assert!(
        ron.contains("label: \"opinion\""),
        "our new span survives: {ron}"
    );
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("outside glosser")
    );
}

#[test]
fn an_idle_session_reloads_outside_changes() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    write_outside(
        &f,
        &[(0, 17, "claim"), (18, 24, "quote"), (25, 30, "opinion")],
    );
    f.wait_for_save();
    assert_eq!(f.spans().len(), 3, "the view shows the outside spans");
    assert!(f.app.message.as_ref().unwrap().0.contains("reloaded"));
}

#[test]
fn a_file_broken_outside_is_never_overwritten() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    f.wait_for_save();
    let path = f.dir.path().join("a.txt.tester.ron");
    std::fs::write(&path, "(half a file").unwrap();
    f.act(&[
        Action::NextSentence,
        Action::SelectSentence,
        Action::Label(2),
    ]);
    f.wait_for_save();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(half a file");
    assert!(
        f.app.session().unwrap().is_dirty(),
        "our edits wait in memory"
    );
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .0
            .contains("not overwritten")
    );
}

#[test]
fn a_second_glosser_on_the_same_file_is_read_only_until_the_first_quits() {
    let first = Fixture::article();
    let mut second = app_for(first.dir.path());
    let why = second.session().unwrap().read_only.clone().unwrap();
    assert!(
        why.contains("another glosser") && why.contains(&std::process::id().to_string()),
        "{why}"
    );
    let now = Instant::now();
    update(&mut second, Event::Action(Action::SelectSentence), now);
    update(&mut second, Event::Action(Action::Label(1)), now);
    assert!(second.session().unwrap().file.spans.is_empty());
    drop(first.app);
    let third = app_for(first.dir.path());
    assert!(
        third.session().unwrap().read_only.is_none(),
        "the lock went with the first"
    );
}

#[test]
fn quitting_twice_with_unsaved_edits_writes_a_recovery_file() {
    let mut f = Fixture::article();
    f.act(&[Action::SelectSentence, Action::Label(1)]);
    std::fs::create_dir_all(f.dir.path().join("a.txt.tester.ron").join("in-the-way")).unwrap();
    f.act(&[Action::Quit]);
    assert!(!f.app.should_quit);
    assert!(
        f.app.message.as_ref().unwrap().0.contains("recovery")
            || f.app
                .message
                .as_ref()
                .unwrap()
                .0
                .contains(&crate::tui::update::recovery_dir().display().to_string())
    );
    f.act(&[Action::Quit]);
    assert!(f.app.should_quit);
    assert_eq!(f.app.recovered.len(), 1);
    let saved = std::fs::read_to_string(&f.app.recovered[0]).unwrap();
    assert!(saved.contains("label: \"claim\""), "{saved}");
    std::fs::remove_file(&f.app.recovered[0]).unwrap();
}

#[test]
fn a_changed_article_reanchors_spans_and_keeps_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let old = "First claim here. Second sentence goes. The end.\n";
    let old_doc = crate::text::Document::from_text(old);
    let file = crate::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: old_doc.sha256().into(),
        status: Status::InProgress,
        spans: crate::span::AnnotationSet::from_spans(vec![
            crate::span::Span::new(&old_doc, 18..39, "opinion"),
            crate::span::Span::new(&old_doc, 40..48, "claim"),
        ]),
        ..Default::default()
    };
    crate::store::save(&dir.path().join("a.txt.tester.ron"), &file).unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Inserted lead. First claim here. Second sentence goes. Fin.\n",
    )
    .unwrap();
    let mut app = app_for(dir.path());
    let session = app.session().unwrap();
    assert_eq!(session.file.spans.len(), 1);
    assert_eq!(
        session.file.spans.get(0).unwrap().quote,
        "Second sentence goes."
    );
    assert_eq!(
        session.file.spans.get(0).unwrap().start,
        33,
        "moved with the text"
    );
    assert_eq!(session.file.orphans.len(), 1);
    assert_eq!(session.file.orphans[0].quote, "The end.");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("1 span re-anchored, 1 orphaned")
    );
    let terminal_text = {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|frame| crate::tui::view::draw(frame, &app))
            .unwrap();
        terminal.backend().to_string()
    };
    assert!(
        terminal_text.contains("⚠ orphan claim The end."),
        "{terminal_text}"
    );
    let now = Instant::now();
    update(&mut app, Event::Action(Action::ToggleDone), now);
    update(&mut app, Event::Action(Action::Save), now);
    let saved = crate::store::load(&dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(saved.spans.len(), 1, "only the placed span is a span");
    assert_eq!(
        saved.orphans.len(),
        1,
        "the orphan stays an orphan in the file"
    );
    assert!(saved.orphans[0].orphan);
    assert_eq!(saved.orphans[0].quote, "The end.");
    let new_doc = crate::text::Document::load(&dir.path().join("a.txt")).unwrap();
    assert_eq!(saved.text_sha256, new_doc.sha256());
    for span in saved.spans.spans() {
        assert!(span.check_text(&new_doc).is_ok(), "{span:?}");
    }
    drop(app);
    // Reopened: still an orphan, never an ordinary span over unrelated text.
    let app = app_for(dir.path());
    let session = app.session().unwrap();
    assert_eq!(session.file.spans.len(), 1);
    assert_eq!(session.file.orphans.len(), 1);
}

#[test]
fn orphans_are_placed_or_dropped_by_hand_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let old = "Alpha one. The end. Omega two.\n";
    let old_doc = crate::text::Document::from_text(old);
    let mut orphan_a = crate::span::Span::new(&old_doc, 11..19, "claim");
    orphan_a.note = Some("keep me".into());
    let file = crate::store::AnnotationFile {
        document: "a.txt".into(),
        annotator: "tester".into(),
        text_sha256: old_doc.sha256().into(),
        status: Status::InProgress,
        spans: crate::span::AnnotationSet::from_spans(vec![
            orphan_a,
            crate::span::Span::new(&old_doc, 20..30, "opinion"),
        ]),
        ..Default::default()
    };
    crate::store::save(&dir.path().join("a.txt.tester.ron"), &file).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Alpha one. Finis. Zeta three.\n").unwrap();
    let mut app = app_for(dir.path());
    assert_eq!(app.session().unwrap().file.orphans.len(), 2);
    let now = Instant::now();
    let act = |app: &mut App, a: Action| update(app, Event::Action(a), now);
    act(&mut app, Action::PlaceOrphan);
    assert!(
        app.message.as_ref().unwrap().0.contains("select where"),
        "needs a selection first"
    );
    act(&mut app, Action::NextSentence);
    act(&mut app, Action::SelectSentence);
    act(&mut app, Action::PlaceOrphan);
    let session = app.session().unwrap();
    assert_eq!(session.file.orphans.len(), 1);
    let placed = session.file.spans.get(0).unwrap();
    assert_eq!(
        (
            placed.quote.as_str(),
            placed.label.as_str(),
            placed.note.as_deref()
        ),
        ("Finis.", "claim", Some("keep me"))
    );
    act(&mut app, Action::DropOrphan);
    assert!(app.session().unwrap().file.orphans.is_empty());
    act(&mut app, Action::Undo);
    assert_eq!(
        app.session().unwrap().file.orphans.len(),
        1,
        "undo brings the dropped orphan back"
    );
    act(&mut app, Action::Undo);
    assert_eq!(app.session().unwrap().file.orphans.len(), 2);
    assert!(app.session().unwrap().file.spans.is_empty());
    act(&mut app, Action::Redo);
    act(&mut app, Action::Redo);
    act(&mut app, Action::Save);
    let saved = crate::store::load(&dir.path().join("a.txt.tester.ron")).unwrap();
    assert_eq!(
        saved.spans.len(),
        1,
        "placed span saved, dropped orphan gone"
    );
}
