//! The plain data the crate works on: documents, labels and character spans.

use serde::{Deserialize, Serialize};

/// An article to annotate: an identifier of the caller's choosing and its full text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
        }
    }
}

/// What a label usually covers: a few words (a quote, a source) or a whole sentence
/// (a claim, an opinion, an unverified statement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    Phrase,
    Sentence,
}

impl LabelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phrase => "phrase",
            Self::Sentence => "sentence",
        }
    }
}

/// A label of the corpus's label set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub name: String,
    pub description: String,
    pub kind: LabelKind,
}

impl Label {
    pub fn new(name: impl Into<String>, description: impl Into<String>, kind: LabelKind) -> Self {
        Self {
            name: name.into(),
            description: description.into(),
            kind,
        }
    }
}

/// A labelled stretch of a document. `start` and `end` count Unicode scalar values (Rust
/// `char`, Python `str` index), end exclusive; `score` is in 0..=1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub score: f64,
}

/// glosser's default label set with each label's kind (quote and source are phrases; claim,
/// opinion and unverified are sentence-like).
pub fn default_labels() -> Vec<Label> {
    vec![
        Label::new(
            "claim",
            "An assertion of fact that could be checked: who did what, numbers, events.",
            LabelKind::Sentence,
        ),
        Label::new(
            "quote",
            "Words attributed to a speaker or a document, direct or reported.",
            LabelKind::Phrase,
        ),
        Label::new(
            "opinion",
            "Judgement, prediction or interpretation by the writer or a source.",
            LabelKind::Sentence,
        ),
        Label::new(
            "unverified",
            "Stated as fact but unsourced, anonymous or not yet confirmed.",
            LabelKind::Sentence,
        ),
        Label::new(
            "source",
            "Who is quoted or cited: a person, organisation or document.",
            LabelKind::Phrase,
        ),
    ]
}

#[cfg(test)]
mod tests;
