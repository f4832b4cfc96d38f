//! Sentences of a text with exact char offsets (UAX #29 sentence bounds, surrounding whitespace
//! left out, as glosser selects them), and labelled sentences derived from a document's spans.

use unicode_segmentation::UnicodeSegmentation;

use crate::types::Span;

/// A sentence: char offsets (end exclusive) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The sentences of `text`, trimmed of surrounding whitespace; blank ones are skipped.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut chars_before = 0;
    let mut bytes_before = 0;
    for (byte, piece) in text.split_sentence_bound_indices() {
        chars_before += text[bytes_before..byte].chars().count();
        bytes_before = byte;
        let trimmed_start = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = chars_before + piece[..trimmed_start].chars().count();
        let end = start + trimmed.chars().count();
        out.push(Sentence {
            start,
            end,
            text: trimmed.to_owned(),
        });
    }
    out
}

/// A training example: a sentence's text and its label (`None`: no sentence label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub label: Option<String>,
}

impl Example {
    pub fn new(text: impl Into<String>, label: Option<&str>) -> Self {
        Self {
            text: text.into(),
            label: label.map(str::to_owned),
        }
    }
}

/// One example per sentence of `text`: labelled with the span (of one of `sentence_labels`)
/// that covers most of it when that is at least half the sentence's characters, else `None`.
pub fn examples_from_document(
    text: &str,
    spans: &[Span],
    sentence_labels: &[&str],
) -> Vec<Example> {
    split_sentences(text)
        .into_iter()
        .map(|s| {
            let len = s.end - s.start;
            let best = spans
                .iter()
                .filter(|span| sentence_labels.contains(&span.label.as_str()))
                .map(|span| {
                    let overlap = span.end.min(s.end).saturating_sub(span.start.max(s.start));
                    (overlap, span)
                })
                .filter(|(overlap, _)| *overlap * 2 >= len && *overlap > 0)
                .fold(None, |best: Option<(usize, &Span)>, (o, span)| match best {
                    Some((b, _)) if b >= o => best,
                    _ => Some((o, span)),
                });
            Example {
                text: s.text,
                label: best.map(|(_, span)| span.label.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
