//! Readers for the annotation formats of the rest of the field, into the neutral [`Document`]
//! model of `glosser-interchange` (shared with `glosser-uima`) (offsets in Unicode code points): CoNLL/IOB files, Hugging Face
//! token-classification rows, Label Studio JSON-MIN, GATE `bdocjs`, tagtog, Argilla and spaCy
//! v2 JSON; a CoNLL writer that spaCy and the CoNLL-2003 readers read exactly; and a sniffer
//! that names a file's format and the annotation keys a reader would pass over.

pub mod argilla;
pub mod conll;
pub mod detect;
pub mod error;
pub mod gate;
pub mod hf;
pub mod label_studio_min;
pub mod model;
pub mod offsets;
pub mod spacy_v2;
pub mod tags;
pub mod tagtog;

mod json;
mod report;
mod tokens;

pub use detect::{Format, UnreadKey, classify_record, detect, unread_annotation_keys};
pub use error::Error;
pub use model::{Document, Metadata, Relation, SkipKind, Skipped, Span};
pub use offsets::{OffsetProblem, TextIndex, Unit};
pub use tags::Scheme;

/// What a reader returns: the documents of the file, the labels it declares or uses, and what
/// it passed over for the file as a whole (each document has its own `skipped` too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Labels the file declares (a label list, a legend), in its order, then the labels its
    /// spans use that it does not declare, in first-seen order.
    pub labels: Vec<String>,
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// Fills [`Corpus::labels`]: `declared` first, then every other span label in use.
    pub(crate) fn with_labels(mut self, declared: impl IntoIterator<Item = String>) -> Self {
        let mut labels: Vec<String> = Vec::new();
        let used = self
            .documents
            .iter()
            .flat_map(|document| document.spans.iter().map(|span| span.label.clone()));
        for label in declared.into_iter().chain(used) {
            if !label.is_empty() && !labels.contains(&label) {
                labels.push(label);
            }
        }
        self.labels = labels;
        self
    }
}

#[cfg(test)]
mod tests;
