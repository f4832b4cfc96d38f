//! The live sentence learner's side of `update` (`--learner`, `app/learner.rs`): the first job
//! (learn from this annotator's files) once the TUI runs, a job after every event that changed
//! the open document's sentence labels (learn those sentences, suggest again) or opened another
//! document (suggest there), and what the learner answers: the open document's ghost spans from
//! it, written as its pseudo-annotator's file through the one save path.

use std::ops::Range;

use glosser_core::span::Span;
use glosser_core::store::AnnotationFile;
use glosser_core::suggest::sentences::{self, Example};
use glosser_core::text::Document;

use super::super::app::learner::Live;
use super::super::app::{App, Tone};
use super::super::jobs::{Job, Learn, Learned};

use super::super::app::learner::SentenceKeys as Keys;

impl App {
    /// Turns the live learner on (it starts learning on the next `Tick`).
    pub(crate) fn start_learner(&mut self) {
        if self.learner.is_some() {
            return;
        }
        let labels = sentences::sentence_labels(&self.labels);
        if labels.is_empty() {
            self.say(
                format!(
                    "learner: the label set has none of the sentence-like labels ({}); it is off",
                    sentences::SENTENCE_LIKE.join(", ")
                ),
                Tone::Warning,
            );
            return;
        }
        self.learner = Some(Live::new(&self.annotator, labels));
        self.reload_suggestions();
    }
}

/// The first job: learn from the corpus's files, then suggest for the open document.
pub(crate) fn start(app: &mut App) -> Option<Job> {
    let document = open_document(app);
    let live = app.learner.as_mut()?;
    if live.started {
        return None;
    }
    live.started = true;
    live.asked += 1;
    Some(Job::Learn(Box::new(Learn {
        model: live.model.clone(),
        corpus: Some((
            app.corpus.root.clone(),
            app.annotator.clone(),
            app.labels.clone(),
        )),
        examples: Vec::new(),
        document,
        asked: live.asked,
    })))
}

/// The open document's index and text, when it can be suggested for.
fn open_document(app: &App) -> Option<(usize, Document)> {
    let index = app.open?;
    let session = app.sessions.get(&index)?;
    if session.blind || session.loading.is_some() {
        return None;
    }
    Some((index, session.doc.as_ref().ok()?.clone()))
}

fn keys(app: &App, live: &Live) -> Option<(usize, Keys)> {
    let index = app.open?;
    let session = app.sessions.get(&index)?;
    let keys = session
        .file
        .spans
        .spans()
        .iter()
        .filter(|s| live.labels.contains(&s.label))
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    Some((index, keys))
}

/// After every event: a job when the open document's sentence labels changed (learn the
/// sentences they touch) or another document opened (suggest there).
pub(crate) fn after_event(app: &mut App) -> Option<Job> {
    let live = app.learner.as_ref()?;
    if !live.ready {
        return None;
    }
    let (index, now) = keys(app, live)?;
    let examples = match &live.seen {
        Some((seen, before)) if *seen == index => {
            if *before == now {
                return None;
            }
            let session = app.sessions.get(&index)?;
            let doc = session.doc.as_ref().ok()?;
            changed_examples(doc, before, &now, session.file.spans.spans(), &live.labels)
        }
        _ => Vec::new(),
    };
    let document = open_document(app);
    let live = app.learner.as_mut()?;
    live.seen = Some((index, now));
    live.asked += 1;
    Some(Job::Learn(Box::new(Learn {
        model: live.model.clone(),
        corpus: None,
        examples,
        document,
        asked: live.asked,
    })))
}

/// One example per sentence that a span added or removed touches, labelled as the document
/// now labels it.
fn changed_examples(
    doc: &Document,
    before: &Keys,
    now: &Keys,
    spans: &[Span],
    labels: &[String],
) -> Vec<Example> {
    let mut touched: Vec<Range<usize>> = Vec::new();
    for (start, end, _) in before
        .iter()
        .filter(|k| !now.contains(k))
        .chain(now.iter().filter(|k| !before.contains(k)))
    {
        let mut at = *start;
        while at < *end {
            if let Some(sentence) = glosser_core::text::bounds::sentence_at(doc, at)
                && !touched.contains(&sentence)
            {
                touched.push(sentence);
            }
            let next = glosser_core::text::bounds::next_sentence_start(doc, at);
            if next <= at {
                break;
            }
            at = next;
        }
    }
    touched
        .iter()
        .map(|range| {
            let label = sentences::label_of(range, spans, labels);
            sentences::example_at(doc, range, label.as_deref())
        })
        .collect()
}

/// The learner answered: its suggestions become the document's ghost spans (those the
/// annotator would see), written as its file.
pub(crate) fn learned(app: &mut App, answer: Learned) {
    let Some(live) = app.learner.as_mut() else {
        return;
    };
    if answer.asked < live.shown {
        return;
    }
    live.shown = answer.asked;
    let first = !live.ready;
    live.ready = true;
    let name = live.name.clone();
    for w in &answer.warnings {
        app.say(format!("learner: {w}"), Tone::Warning);
    }
    if first {
        app.say(
            format!(
                "learner: learned from {} of your sentences; its suggestions refresh as you label",
                answer.examples
            ),
            Tone::Info,
        );
    }
    let Some((index, proposals)) = answer.document else {
        return;
    };
    let shown: Vec<Span> = {
        let Some(session) = app.sessions.get(&index) else {
            return;
        };
        let Ok(doc) = &session.doc else { return };
        if session.blind {
            return;
        }
        proposals
            .iter()
            .filter_map(|p| p.to_span(doc))
            .map(|mut s| {
                s.from = vec![name.clone()];
                s
            })
            .filter(|s| app.shows(s))
            .collect()
    };
    if let Some(session) = app.sessions.get_mut(&index) {
        session.learned = shown;
    }
    if let Err(e) = write_shown(app, index, &name) {
        app.say(
            format!("learner: its suggestions could not be saved: {e}"),
            Tone::Warning,
        );
    }
}

/// Writes what the learner shows on document `index` as its pseudo-annotator's file: the
/// suggestions the annotator has decided (a span on the same characters, or rejected) stay as
/// they were when shown; the others are the learner's latest.
fn write_shown(app: &App, index: usize, name: &str) -> Result<(), String> {
    let (Some(entry), Some(session)) = (app.corpus.documents.get(index), app.sessions.get(&index))
    else {
        return Ok(());
    };
    let Ok(doc) = &session.doc else {
        return Ok(());
    };
    let path = entry.annotation_path(name);
    let existing = glosser_core::save::read_existing(&path).map_err(|e| e.to_string())?;
    let analyst = &session.file;
    let decided = |s: &Span| {
        analyst
            .spans
            .intersecting(s.start..s.end)
            .any(|(_, a)| a.start == s.start && a.end == s.end)
            || analyst.rejected.iter().any(|r| r.key() == s.key())
    };
    let mut file = AnnotationFile::new(entry.file_name(), name, doc.sha256());
    if let Some(old) = existing
        .as_ref()
        .filter(|old| old.text_sha256 == doc.sha256())
    {
        for span in old.spans.spans().iter().filter(|s| decided(s)) {
            file.spans.insert_unchecked(span.clone());
        }
    }
    for span in session.learned.iter().filter(|s| !decided(s)) {
        let mut span = span.clone();
        span.from.clear();
        if file.spans.position(span.key()).is_none() {
            file.spans.insert_unchecked(span);
        }
    }
    if existing
        .as_ref()
        .is_some_and(|old| old.text_sha256 == doc.sha256() && old.spans == file.spans)
        || (existing.is_none() && file.spans.is_empty())
    {
        return Ok(());
    }
    glosser_core::save::save_merged(&path, &file, existing.as_ref(), doc, &session.texts)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
