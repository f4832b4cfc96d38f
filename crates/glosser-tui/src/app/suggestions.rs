//! The suggesters' spans for a document (SPEC §9), read into its session when it opens: every
//! suggester shown (`--suggestions a,b`) merged, those scored below `--min-score` left out, none
//! at all on a document this annotator annotates blind (the control set in `assignments.ron`).

use glosser_core::span::Span;
use glosser_core::store::StoreError;

use super::{App, Suggesting, Tone};

impl App {
    /// What the config asked for: the suggesters, the lowest score, the learner.
    pub(crate) fn set_suggesting(&mut self, suggesting: &Suggesting) {
        self.suggestions.clear();
        for name in &suggesting.names {
            self.show_suggestions(name);
        }
        if let Some(min) = suggesting.min_score {
            self.min_score = min.clamp(0.0, 1.0);
        }
        if suggesting.learner {
            self.start_learner();
        }
    }

    /// What the command line asked for, over the config: its suggesters replace the config's.
    pub fn override_suggesting(&mut self, suggesting: &Suggesting) {
        if !suggesting.names.is_empty() {
            self.suggestions.clear();
            for name in &suggesting.names {
                self.show_suggestions(name);
            }
        }
        if let Some(min) = suggesting.min_score {
            self.min_score = min.clamp(0.0, 1.0);
            self.reload_suggestions();
        }
        if suggesting.learner {
            self.start_learner();
        }
    }

    /// Reads every session's suggestions again (what is shown changed).
    pub(crate) fn reload_suggestions(&mut self) {
        for session in self.sessions.values_mut() {
            session.suggested = None;
        }
        if let Some(index) = self.open {
            self.load_suggestions(index);
        }
    }

    /// Whether this annotator annotates document `index` blind (no suggestions shown).
    pub(crate) fn is_blind(&self, index: usize) -> bool {
        self.corpus
            .documents
            .get(index)
            .is_some_and(|d| self.assignments.is_blind(&self.annotator, &d.id))
    }

    /// Whether a suggestion is shown at all: scored at least `--min-score`.
    pub(crate) fn shows(&self, span: &Span) -> bool {
        span.score.is_none_or(|s| s.0 >= self.min_score)
    }

    /// Loads the suggesters' spans for document `index` once (brought onto the current text in
    /// memory if the article changed since they were written; nothing is written).
    pub(crate) fn load_suggestions(&mut self, index: usize) {
        if self.suggestions.is_empty() && self.learner.is_none() {
            return;
        }
        // Suggestions are re-anchored against the whole text.
        self.finish_loading();
        let blind = self.is_blind(index);
        let Some(entry) = self.corpus.documents.get(index) else {
            return;
        };
        let Some(session) = self.sessions.get(&index) else {
            return;
        };
        if session.suggested.is_some() {
            return;
        }
        let mut spans: Vec<Span> = Vec::new();
        let mut warnings = Vec::new();
        // The live learner's own file is what it showed; its latest come from it directly.
        let live = self.learner.as_ref().map(|l| l.name.as_str());
        if let (Ok(doc), false) = (&session.doc, blind) {
            for name in self.suggestions.iter().filter(|n| Some(n.as_str()) != live) {
                let path = entry.annotation_path(name);
                match glosser_core::store::load_in(&self.corpus.root, &path) {
                    Ok(mut file) => {
                        if file.text_sha256 != doc.sha256() {
                            glosser_core::reanchor::restamp(&mut file, doc, &session.texts);
                        }
                        spans.extend(file.spans.into_spans().into_iter().map(|mut s| {
                            s.from = vec![name.clone()];
                            s
                        }));
                    }
                    Err(StoreError::Read { source, .. })
                        if source.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => warnings.push(format!("suggestions not shown: {e}")),
                }
            }
        }
        spans.retain(|s| self.shows(s));
        let spans = glosser_core::suggest::ghosts::merge(spans);
        if let Some(session) = self.sessions.get_mut(&index) {
            session.suggested = Some(spans);
            session.blind = blind;
        }
        if blind {
            self.say(
                "blind: this document is in the control set (assignments.ron); no suggestions are shown".to_owned(),
                Tone::Info,
            );
        }
        for w in warnings {
            self.say(w, Tone::Warning);
        }
    }
}
