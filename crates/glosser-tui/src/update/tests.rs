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
        update_now(&mut self.app, event, self.now);
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
        update_now(&mut self.app, Event::Tick(self.now), self.now);
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
    update_now(&mut app, Event::Resize(120, 40), Instant::now());
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

mod command;
mod counts;
mod disk;
mod edges;
mod edit;
mod exit;
mod flow;
mod fs;
mod git;
mod keys;
mod keystroke;
mod keystroke_flow;
mod keystroke_link;
mod link;
mod link_edit;
mod link_key;
mod motion;
mod panes;
mod pick;
mod prompt;
mod review;
mod review_link;
mod review_link_item;
mod review_pick;
mod review_resume;
mod review_since;
mod review_trust;
mod search;
mod search_typed;
mod stamp;
mod unsettled;
