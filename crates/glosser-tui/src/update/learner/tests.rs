//! The live learner driven through `update` as a user would: it learns from the annotator's
//! files on the first `Tick`, suggests on the open document, learns each sentence labelled (a
//! job, off the UI thread) and suggests again, writes what it showed, and stays quiet on a
//! blind document.

use std::time::{Duration, Instant};

use super::super::tests::app_for;
use super::*;
use crate::action::Action;
use crate::jobs::Effect;
use crate::update::{Event, update, update_now};
use glosser_core::store::Status;

const OPEN: &str = "Critics argue the summit was a failure. The weather was cold in Geneva.\nOfficials met on Monday. The weather was warm in Paris.\n";

struct Fixture {
    dir: tempfile::TempDir,
    app: App,
    now: Instant,
}

impl Fixture {
    /// `a.txt` (open, unannotated) and `done0.txt`… annotated Done by the tester: every
    /// sentence with "argue" an opinion.
    fn new(annotated: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), OPEN).unwrap();
        let lines = [
            "Analysts argue the deal is weak.",
            "The weather was mild in Rome.",
            "Observers argue the vote was rigged.",
            "Officials met on Tuesday.",
        ];
        for i in 0..annotated {
            let text = format!("{}\n", lines.join(" "));
            let name = format!("done{i}.txt");
            std::fs::write(dir.path().join(&name), &text).unwrap();
            let doc = Document::from_text(&text);
            let mut file = AnnotationFile::new(&name, "tester", doc.sha256());
            file.status = Status::Done;
            for range in sentences::sentences(&doc) {
                if doc.slice(range.start, range.end).contains("argue") {
                    file.spans
                        .insert_unchecked(Span::new(&doc, range, "opinion"));
                }
            }
            glosser_core::store::save(&dir.path().join(format!("{name}.tester.ron")), &file)
                .unwrap();
        }
        let app = app_for(dir.path());
        Self {
            dir,
            app,
            now: Instant::now(),
        }
    }

    fn send(&mut self, event: Event) {
        self.now += Duration::from_millis(10);
        update_now(&mut self.app, event, self.now);
    }

    fn tick(&mut self) {
        self.now += Duration::from_millis(100);
        let now = self.now;
        self.send(Event::Tick(now));
    }

    fn at(&self, needle: &str) -> usize {
        let doc = self.app.document().unwrap();
        doc.byte_to_char(doc.text().find(needle).unwrap()).unwrap()
    }

    /// The learner's ghost spans: (text, label).
    fn ghosts(&self) -> Vec<(String, String)> {
        let session = self.app.session().unwrap();
        let doc = session.doc.as_ref().unwrap();
        crate::update::suggest::ghosts(session)
            .iter()
            .filter(|g| g.from.iter().any(|n| n == "learner-tester"))
            .map(|g| (doc.slice(g.start, g.end).to_owned(), g.label.clone()))
            .collect()
    }

    fn learner_file(&self) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join("a.txt.learner-tester.ron")).ok()
    }
}

#[test]
fn it_learns_from_the_files_then_suggests_on_the_open_document() {
    let mut f = Fixture::new(6);
    f.app.start_learner();
    assert!(f.ghosts().is_empty(), "nothing before it has learned");
    f.tick();
    let live = f.app.learner.as_ref().unwrap();
    assert!(live.ready);
    assert_eq!(live.model.lock().unwrap().example_count(), 6 * 4);
    assert_eq!(
        f.ghosts(),
        [(
            "Critics argue the summit was a failure.".to_owned(),
            "opinion".to_owned()
        )]
    );
    let written = f.learner_file().expect("what it showed is written");
    assert!(
        written.contains(
            "label: \"opinion\", quote: \"Critics argue the summit was a failure.\", score: "
        ),
        "{written}"
    );
}

#[test]
fn labelling_a_sentence_is_learned_off_the_ui_thread_and_the_suggestions_refresh() {
    let mut f = Fixture::new(0);
    f.app.start_learner();
    f.tick();
    assert!(f.ghosts().is_empty(), "no labels yet, no suggestions");
    // The analyst labels the first weather sentence a claim: `update` asks for a job.
    let at = f.at("The weather was cold");
    f.app.session_mut().unwrap().cursor = at;
    f.send(Event::Action(Action::SelectSentence));
    f.now += Duration::from_millis(10);
    let effects = update(&mut f.app, Event::Action(Action::Label(1)), f.now);
    let learn = effects
        .into_iter()
        .find_map(|Effect::Spawn(job)| match job {
            crate::jobs::Job::Learn(learn) => Some(learn),
            _ => None,
        })
        .expect("a learning job, not learning on the UI thread");
    assert_eq!(learn.examples.len(), 1);
    assert_eq!(learn.examples[0].text, "The weather was cold in Geneva.");
    assert_eq!(learn.examples[0].label.as_deref(), Some("claim"));
    assert!(
        f.ghosts().is_empty(),
        "nothing changes before the job reports"
    );
    let done = crate::jobs::run_now(vec![Effect::Spawn(crate::jobs::Job::Learn(learn))]);
    for d in done {
        f.send(Event::Done(d));
    }
    let ghosts = f.ghosts();
    assert!(
        ghosts.contains(&(
            "The weather was warm in Paris.".to_owned(),
            "claim".to_owned()
        )),
        "the like sentence is suggested now: {ghosts:?}"
    );
    assert!(
        !ghosts.iter().any(|(text, _)| text.contains("cold")),
        "the labelled sentence is decided: {ghosts:?}"
    );
}

#[test]
fn an_answer_older_than_the_one_shown_is_dropped() {
    let mut f = Fixture::new(6);
    f.app.start_learner();
    f.tick();
    let shown = f.ghosts();
    assert!(!shown.is_empty());
    let stale = crate::jobs::Learned {
        asked: 0,
        document: Some((f.app.open.unwrap(), Vec::new())),
        examples: 0,
        warnings: Vec::new(),
    };
    f.send(Event::Done(crate::jobs::Done::Learned(Box::new(stale))));
    assert_eq!(f.ghosts(), shown);
}

#[test]
fn a_decided_suggestion_stays_in_its_file_as_it_was_shown() {
    let mut f = Fixture::new(6);
    f.app.start_learner();
    f.tick();
    let at = f.at("Critics argue");
    f.app.session_mut().unwrap().cursor = at;
    f.send(Event::Action(Action::AcceptSuggestion));
    // Accepting is a labelled sentence too: learned, suggested again, written again.
    let written = f.learner_file().unwrap();
    assert!(
        written.contains("quote: \"Critics argue the summit was a failure.\""),
        "the accepted suggestion is kept as it was shown: {written}"
    );
    assert!(
        !f.ghosts()
            .iter()
            .any(|(text, _)| text.starts_with("Critics"))
    );
}

#[test]
fn nothing_is_shown_or_written_on_a_blind_document() {
    let f0 = Fixture::new(6);
    std::fs::write(
        f0.dir.path().join("assignments.ron"),
        "(blind: [\"a.txt\"])\n",
    )
    .unwrap();
    let mut f = Fixture {
        app: {
            let mut app = app_for(f0.dir.path());
            app.assignments = glosser_core::assignments::Assignments::for_corpus(f0.dir.path()).0;
            app.reload_suggestions();
            app
        },
        dir: f0.dir,
        now: f0.now,
    };
    f.app.start_learner();
    f.tick();
    assert!(f.app.learner.as_ref().unwrap().ready);
    assert!(f.app.session().unwrap().blind);
    assert!(f.ghosts().is_empty());
    assert!(f.learner_file().is_none());
}

#[test]
fn the_learner_is_off_without_sentence_like_labels() {
    let mut f = Fixture::new(0);
    f.app.labels = glosser_core::labels::LabelSet::parse(
        "(labels: [(name: \"quote\", key: Some('1'))])",
        "glosser.ron",
    )
    .unwrap();
    f.app.start_learner();
    assert!(f.app.learner.is_none());
    assert!(
        f.app
            .message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("none of the sentence-like labels")),
        "{:?}",
        f.app.message
    );
}
