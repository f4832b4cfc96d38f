//! The neutral document model glosser's format crates share: every reader (`glosser-uima`,
//! `glosser-readers`) produces it and every writer takes it — text, spans and relations in Unicode
//! code points, and what a reader could not keep or kept only under an assumption.

use std::collections::BTreeMap;

/// One annotated document, offsets in Unicode code points (Rust `char`, Python `str` index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub text: String,
    pub spans: Vec<Span>,
    pub relations: Vec<Relation>,
    pub metadata: Metadata,
    /// What the reader saw but could not keep, or kept only under an assumption.
    pub skipped: Vec<Skipped>,
}

/// A labelled character range of one layer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    /// The file's id for the annotation (`xmi:id`, `%ID`, a TSV unit id, `line 12`, a GATE
    /// annotation id, a region id), for messages only.
    pub id: String,
    /// Start in code points.
    pub start: usize,
    /// End in code points, exclusive.
    pub end: usize,
    /// Where the annotation came from in the file: a UIMA type name (`webanno.custom.Claim`), a
    /// tag column (`ner`, `ner_tags`), a Label Studio `from_name`, a GATE annotation set, an
    /// Argilla question.
    pub layer: String,
    /// The annotation's label (a UIMA layer's label feature); empty when it has none.
    pub label: String,
    pub note: Option<String>,
    pub annotator: Option<String>,
    /// Other primitive feature values of the annotation, by feature name.
    pub features: BTreeMap<String, String>,
}

/// A typed, directed link between two spans, by their index in [`Document::spans`] (`from` is
/// INCEpTION's `Governor`, `to` its `Dependent`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub layer: String,
    pub label: String,
    pub from: usize,
    pub to: usize,
    pub features: BTreeMap<String, String>,
}

/// What the file says about the document as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub document_id: Option<String>,
    pub document_title: Option<String>,
    pub document_uri: Option<String>,
    /// Annotators named by the annotations (a UIMA layer's `annotator` feature, a user id), in
    /// first-seen order.
    pub annotators: Vec<String>,
    /// The document's status as glosser names it (`Todo`, `InProgress`, `Done`), when the file
    /// carries one (glosser's own Hugging Face rows).
    pub status: Option<String>,
    /// The text holds characters the file does not (the gaps between tokens placed at their
    /// offsets), filled with spaces: a text that differs from it only there, in whitespace, is
    /// the same document.
    pub gaps_filled: bool,
}

/// Something a reader did not keep, or kept under an assumption, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// What it was: `span 12 of webanno.custom.Claim`, `3 Token annotations`, `line 7`,
    /// `the text`, `key status`.
    pub what: String,
    pub reason: String,
    pub kind: SkipKind,
}

/// Whether something was lost, or only said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SkipKind {
    /// Not read: an annotation, a key, a line the document does not hold.
    #[default]
    NotKept,
    /// Said, nothing of the annotations lost: read under an assumption the file does not state
    /// (the text rebuilt from tokens, the tag scheme detected, UTF-16 offsets told by the
    /// region's text), or structure rather than annotation (tokens, sentences, tagset
    /// descriptions).
    Noted,
}

impl Skipped {
    /// Something not kept.
    pub fn new(what: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            reason: reason.into(),
            kind: SkipKind::NotKept,
        }
    }

    /// Something said, not lost (see [`SkipKind::Noted`]).
    pub fn noted(what: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            kind: SkipKind::Noted,
            ..Self::new(what, reason)
        }
    }
}

impl Document {
    /// A document with this text and nothing else.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// The text a span covers, or `None` when its offsets are outside the text.
    pub fn covered_text(&self, span: &Span) -> Option<String> {
        if span.start > span.end {
            return None;
        }
        let covered: String = self
            .text
            .chars()
            .skip(span.start)
            .take(span.end - span.start)
            .collect();
        (covered.chars().count() == span.end - span.start).then_some(covered)
    }

    /// Records an annotator name once.
    pub fn note_annotator(&mut self, name: &str) {
        if !self.metadata.annotators.iter().any(|known| known == name) {
            self.metadata.annotators.push(name.to_owned());
        }
    }
}

#[cfg(test)]
mod tests;
