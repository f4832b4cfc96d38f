//! The suggester's spans for a document (SPEC §9), read into its session when it opens.

use glosser_core::store::StoreError;

use super::{App, Tone};

impl App {
    /// Loads the suggester's spans for document `index` once (brought onto the current text in
    /// memory if the article changed since they were written; nothing is written).
    pub(crate) fn load_suggestions(&mut self, index: usize) {
        let Some(name) = self.suggestions.clone() else {
            return;
        };
        // Suggestions are re-anchored against the whole text.
        self.finish_loading();
        let Some(entry) = self.corpus.documents.get(index) else {
            return;
        };
        let path = entry.annotation_path(&name);
        let Some(session) = self.sessions.get_mut(&index) else {
            return;
        };
        if session.suggested.is_some() {
            return;
        }
        let Ok(doc) = &session.doc else {
            session.suggested = Some(Vec::new());
            return;
        };
        let (spans, warning) = match glosser_core::store::load_in(&self.corpus.root, &path) {
            Ok(mut file) => {
                if file.text_sha256 != doc.sha256() {
                    glosser_core::reanchor::restamp(&mut file, doc, &session.texts);
                }
                (file.spans.into_spans(), None)
            }
            Err(StoreError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                (Vec::new(), None)
            }
            Err(e) => (Vec::new(), Some(format!("suggestions not shown: {e}"))),
        };
        session.suggested = Some(spans);
        if let Some(w) = warning {
            self.say(w, Tone::Warning);
        }
    }
}
