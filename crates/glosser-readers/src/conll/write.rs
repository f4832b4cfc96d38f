//! Writing CoNLL: the tokens a caller gives, tagged from the document's spans, in a file that
//! spaCy's `conll_ner_to_docs`, the CoNLL-2003 readers and seqeval read back exactly.

use std::collections::HashMap;

use super::DOCSTART;
use crate::error::Error;
use crate::model::{Document, Skipped, Span};
use crate::tags::{Scheme, TagSpan, encode};
use crate::tokens::TokenRange;

/// A document and its tokens: sentences of code point ranges into `document.text`.
#[derive(Debug, Clone)]
pub struct TokenizedDocument<'a> {
    pub document: &'a Document,
    pub sentences: Vec<Vec<TokenRange>>,
}

/// The columns of each token line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Columns {
    /// `TOKEN -X- O TAG`, the CoNLL-2003 layout (POS and chunk placeholders): what the
    /// CoNLL-2003 loaders (Hugging Face's among them) split into four columns.
    #[default]
    Four,
    /// `TOKEN TAG`, the CoNLL-2002 layout.
    Two,
}

/// Where document ids go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentIds {
    /// Nowhere: documents are told apart by their `-DOCSTART- -X- O O` line only, the only
    /// form spaCy's converter and the CoNLL-2003 readers accept.
    #[default]
    Omit,
    /// A `# document = ID` line after each `-DOCSTART-` line. This crate's reader and CoNLL-U
    /// tools read it; spaCy's converter and the CoNLL-2003 readers take it for tokens.
    Comment,
}

/// How to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    pub columns: Columns,
    pub document_ids: DocumentIds,
    /// IOB2 by default (what seqeval's strict mode and CoNLL-2002 expect).
    pub scheme: Scheme,
    /// Only the spans of these layers; `None` writes every span.
    pub layers: Option<Vec<String>>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self {
            columns: Columns::Four,
            document_ids: DocumentIds::Omit,
            scheme: Scheme::Iob2,
            layers: None,
        }
    }
}

/// The file, and the spans and documents it could not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub skipped: Vec<Skipped>,
}

/// Writes the documents as one CoNLL file. Tokens must be non-empty, free of whitespace and
/// in order; spans that are not runs of whole tokens of one sentence, or that overlap a span
/// already written, are left out and reported.
pub fn write(
    documents: &[TokenizedDocument<'_>],
    options: &WriteOptions,
) -> Result<Written, Error> {
    let mut text = String::new();
    let mut skipped = Vec::new();
    for (index, tokenized) in documents.iter().enumerate() {
        let name = tokenized
            .document
            .metadata
            .document_id
            .clone()
            .unwrap_or_else(|| format!("#{}", index + 1));
        let tokens = token_texts(tokenized, &name)?;
        let placed = place_spans(tokenized, options, &name, &mut skipped)?;
        text.push_str(DOCSTART);
        text.push('\n');
        if options.document_ids == DocumentIds::Comment {
            text.push_str("# document = ");
            text.push_str(&name.replace(['\n', '\r'], " "));
            text.push('\n');
        }
        text.push('\n');
        if tokens.iter().all(Vec::is_empty) {
            skipped.push(Skipped::new(
                format!("document {name}"),
                "has no tokens: written as an empty document, which spaCy's converter and the CoNLL-2003 loaders drop",
            ));
        }
        for (sentence, spans) in tokens.iter().zip(&placed) {
            if sentence.is_empty() {
                continue;
            }
            let tags = encode(sentence.len(), spans, options.scheme);
            for (token, tag) in sentence.iter().zip(&tags) {
                text.push_str(token);
                match options.columns {
                    Columns::Four => text.push_str(" -X- O "),
                    Columns::Two => text.push(' '),
                }
                text.push_str(tag);
                text.push('\n');
            }
            text.push('\n');
        }
    }
    Ok(Written { text, skipped })
}

/// Whether a character splits columns or lines for one of the readers: Rust's and Python's
/// whitespace (Python's `str.split()` also splits at U+001C–U+001F).
fn breaks_columns(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The text of every token, checked.
fn token_texts<'a>(
    tokenized: &TokenizedDocument<'a>,
    name: &str,
) -> Result<Vec<Vec<&'a str>>, Error> {
    let index = crate::offsets::TextIndex::new(&tokenized.document.text);
    let mut number = 0;
    let mut previous_end = 0;
    let mut sentences = Vec::with_capacity(tokenized.sentences.len());
    for sentence in &tokenized.sentences {
        let mut texts = Vec::with_capacity(sentence.len());
        for &(start, end) in sentence {
            number += 1;
            let token = index
                .slice(start, end)
                .filter(|_| start < end)
                .ok_or_else(|| Error::TokenRange {
                    document: name.to_owned(),
                    token: number,
                    start,
                    end,
                    length: index.len(),
                })?;
            let refuse = |reason| Error::Token {
                document: name.to_owned(),
                token: number,
                text: token.to_owned(),
                reason,
            };
            if token.chars().any(breaks_columns) {
                return Err(refuse("it contains whitespace, which separates columns"));
            }
            if token == "-DOCSTART-" {
                return Err(refuse(
                    "readers take a -DOCSTART- token for a document boundary",
                ));
            }
            if start < previous_end {
                return Err(refuse(
                    "it overlaps the token before it, or comes before it",
                ));
            }
            previous_end = end;
            texts.push(token);
        }
        sentences.push(texts);
    }
    Ok(sentences)
}

/// Each sentence's spans in token indices; spans that do not fit are reported.
fn place_spans(
    tokenized: &TokenizedDocument<'_>,
    options: &WriteOptions,
    name: &str,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<Vec<TagSpan>>, Error> {
    let mut starts = HashMap::new();
    let mut ends = HashMap::new();
    for (sentence, tokens) in tokenized.sentences.iter().enumerate() {
        for (token, &(start, end)) in tokens.iter().enumerate() {
            starts.insert(start, (sentence, token));
            ends.insert(end, (sentence, token));
        }
    }
    let mut spans: Vec<&Span> = tokenized
        .document
        .spans
        .iter()
        .filter(|span| {
            options
                .layers
                .as_ref()
                .is_none_or(|layers| layers.contains(&span.layer))
        })
        .collect();
    spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
    let mut placed = vec![Vec::new(); tokenized.sentences.len()];
    let mut last_written: Option<&Span> = None;
    for span in spans {
        if span.label.is_empty() || span.label.chars().any(breaks_columns) {
            return Err(Error::Label {
                document: name.to_owned(),
                label: span.label.clone(),
                reason: if span.label.is_empty() {
                    "it is empty"
                } else {
                    "it contains whitespace"
                },
            });
        }
        let what = || {
            format!(
                "span {}..{} {} of document {name}",
                span.start, span.end, span.label
            )
        };
        let (Some(&(sentence, first)), Some(&(end_sentence, last))) =
            (starts.get(&span.start), ends.get(&span.end))
        else {
            skipped.push(Skipped::new(
                what(),
                "does not start and end at token boundaries: not written",
            ));
            continue;
        };
        if sentence != end_sentence || last < first {
            skipped.push(Skipped::new(
                what(),
                "crosses a sentence boundary: not written",
            ));
            continue;
        }
        if let Some(before) = last_written.filter(|before| before.end > span.start) {
            skipped.push(Skipped::new(
                what(),
                format!(
                    "overlaps span {}..{} {}: not written (CoNLL has one tag per token)",
                    before.start, before.end, before.label
                ),
            ));
            continue;
        }
        let tag_span = TagSpan::new(first, last + 1, span.label.clone());
        if options.scheme == Scheme::Io
            && placed[sentence]
                .last()
                .is_some_and(|before: &TagSpan| before.end == first && before.label == span.label)
        {
            skipped.push(Skipped::new(
                what(),
                "written, but IO tags merge it with the span before it",
            ));
        }
        placed[sentence].push(tag_span);
        last_written = Some(span);
    }
    Ok(placed)
}

#[cfg(test)]
mod tests;
