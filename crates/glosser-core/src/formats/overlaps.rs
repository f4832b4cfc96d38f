//! Formats that cannot hold overlaps (conll, hf) and what they do with them (`--overlaps`):
//! `longest` keeps the longest span (ties: earlier start, then label order) and reports every
//! span it drops with the span that won; `layers` puts each span in the first tag layer where it
//! does not overlap (layer 1 is what `longest` keeps), so every span is kept; `error` keeps
//! layer 1 and reports every overlapping pair, for the caller to refuse the export. Overlap is
//! judged on token ranges (after [`super::tokens::tokenize`] with the spans, a span's tokens
//! are exactly its characters).

use std::ops::Range;
use std::str::FromStr;

use super::tokens::Tokenized;
use crate::labels::LabelSet;
use crate::span::Span;

/// What to do with overlapping spans in a format that cannot hold them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    #[default]
    Longest,
    Layers,
    Error,
}

impl FromStr for Policy {
    type Err = super::Rejected;

    fn from_str(s: &str) -> Result<Self, super::Rejected> {
        match s {
            "longest" => Ok(Self::Longest),
            "layers" => Ok(Self::Layers),
            "error" => Ok(Self::Error),
            other => Err(super::Rejected(format!(
                "--overlaps {other:?}: use longest, layers or error"
            ))),
        }
    }
}

/// A span placed on its tokens.
pub type Placed<'a> = (Range<usize>, &'a Span);

/// A span left out of layer 1, and the span that took its place.
#[derive(Debug, Clone)]
pub struct Displaced<'a> {
    pub span: &'a Span,
    /// The kept span it overlaps; `None` when the span covers no token (only whitespace).
    pub by: Option<&'a Span>,
}

impl Displaced<'_> {
    /// Why, in words: "inside", "same range as", "overlaps" the winner.
    pub fn reason(&self) -> String {
        let Some(by) = self.by else {
            return "covers no token (only whitespace)".to_owned();
        };
        let how = if by.range() == self.span.range() {
            "same range as"
        } else if by.start <= self.span.start && self.span.end <= by.end {
            "inside"
        } else {
            "overlaps"
        };
        format!("{how} {} {}..{}", by.label, by.start, by.end)
    }
}

/// The tag layers (each in text order) and the spans not in layer 1 (in (start, end, label)
/// order). Under `Layers` every displaced span with tokens is in a later layer; otherwise the
/// displaced spans are dropped.
pub struct Layers<'a> {
    pub layers: Vec<Vec<Placed<'a>>>,
    pub displaced: Vec<Displaced<'a>>,
}

pub fn layer<'a>(
    tokens: &Tokenized,
    spans: &'a [Span],
    labels: &LabelSet,
    policy: Policy,
) -> Layers<'a> {
    let mut displaced = Vec::new();
    let mut candidates: Vec<Placed<'a>> = Vec::new();
    for span in spans {
        match tokens.token_range(span.start, span.end) {
            Some(r) => candidates.push((r, span)),
            None => displaced.push(Displaced { span, by: None }),
        }
    }
    candidates.sort_by(|(_, a), (_, b)| {
        b.len()
            .cmp(&a.len())
            .then(a.start.cmp(&b.start))
            .then(labels.rank(&a.label).cmp(&labels.rank(&b.label)))
            .then(a.label.cmp(&b.label))
    });
    let mut layers: Vec<Vec<Placed<'a>>> = vec![Vec::new()];
    for (range, span) in candidates {
        let clash = |layer: &[Placed<'a>]| {
            layer
                .iter()
                .find(|(r, _)| r.start < range.end && range.start < r.end)
                .map(|(_, s)| *s)
        };
        if let Some(by) = clash(&layers[0]) {
            displaced.push(Displaced { span, by: Some(by) });
            if policy == Policy::Layers {
                match layers[1..].iter().position(|l| clash(l).is_none()) {
                    Some(i) => layers[i + 1].push((range, span)),
                    None => layers.push(vec![(range, span)]),
                }
            }
        } else {
            layers[0].push((range, span));
        }
    }
    for l in &mut layers {
        l.sort_by_key(|(r, _)| r.start);
    }
    displaced.sort_by(|a, b| a.span.key().cmp(&b.span.key()));
    Layers { layers, displaced }
}

/// A label as a tag: spaces (which would split a CoNLL column) become underscores.
pub fn tag_label(label: &str) -> String {
    label.replace(char::is_whitespace, "_")
}

/// IOB2 tags of one layer for every token: `B-label` at a span's first token and again at the
/// first token of every later sentence it crosses, `I-label` after, `O` outside.
pub(crate) fn iob2(tokens: &Tokenized, kept: &[Placed]) -> Vec<String> {
    let mut tags = vec!["O".to_owned(); tokens.tokens.len()];
    let mut sentence_starts = vec![false; tokens.tokens.len()];
    for s in &tokens.sentences {
        if let Some(flag) = sentence_starts.get_mut(s.start) {
            *flag = true;
        }
    }
    for (range, span) in kept {
        let label = tag_label(&span.label);
        for i in range.clone() {
            let begin = i == range.start || sentence_starts[i];
            tags[i] = format!("{}-{label}", if begin { "B" } else { "I" });
        }
    }
    tags
}

/// Reads IOB2 tags back into token ranges with their labels (for round-trip checks).
#[cfg(test)]
pub(crate) fn decode(tags: &[String]) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        if let Some(label) = tag.strip_prefix("B-") {
            out.push((i..i + 1, label.to_owned()));
        } else if let Some(label) = tag.strip_prefix("I-") {
            match out.last_mut() {
                Some((r, l)) if r.end == i && l == label => r.end = i + 1,
                _ => out.push((i..i + 1, label.to_owned())),
            }
        }
    }
    out
}

/// One document's tokens with their tag layers, owned, so that a whole export can be written
/// once the deepest layer is known.
#[derive(Debug, Clone)]
pub struct Tagged {
    pub document: String,
    pub status: &'static str,
    /// Token text, start and end (chars).
    pub words: Vec<(String, usize, usize)>,
    pub sentences: Vec<Range<usize>>,
    /// One tag per token in each layer (at least one layer).
    pub layers: Vec<Vec<String>>,
}

impl Tagged {
    pub fn new(document: &str, status: &'static str, tokens: &Tokenized, layers: &Layers) -> Self {
        Self {
            document: document.to_owned(),
            status,
            words: tokens
                .tokens
                .iter()
                .map(|t| (t.text.to_owned(), t.start, t.end))
                .collect(),
            sentences: tokens.sentences.clone(),
            layers: layers.layers.iter().map(|l| iob2(tokens, l)).collect(),
        }
    }

    /// The tags of token `i` in layer `k` (`O` past the document's own layers).
    pub fn tag(&self, k: usize, i: usize) -> &str {
        self.layers
            .get(k)
            .and_then(|l| l.get(i))
            .map_or("O", String::as_str)
    }
}

#[cfg(test)]
mod tests;
