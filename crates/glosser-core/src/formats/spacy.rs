//! `spacy`: a `.spacy` file (spaCy 3's `DocBin`, what `spacy train` reads), written without
//! Python by glosser-spacy: each document tokenized exactly as `spacy.blank("en")` (spaCy 3.8)
//! tokenizes it, every span placed with `Doc.char_span(alignment_mode="strict")` semantics in
//! `doc.spans["sc"]` (spancat), for `ner` the longest spans that share no token in `doc.ents`,
//! and the document id, annotator and status in `doc.user_data`. A span with whitespace at an
//! edge is placed without it (named); a span whose edge falls inside one of spaCy's tokens (a
//! Han run, `U.S.`) cannot be learned as spaCy tokenizes, so it is left out and named — never
//! moved.

use glosser_spacy::Tokenizer;
use glosser_spacy::docbin::{DocBin, DocBinError, DocBinOptions, EncodedDoc, Ents};
use glosser_spacy::spans::{LabelledSpan, SpanIssue};

use super::ExportDoc;
use super::edges::{Trimmed, trim};
use crate::span::Span;

/// Which spaCy components the export is for: spancat reads `doc.spans["sc"]`, ner `doc.ents`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pipeline {
    pub spancat: bool,
    pub ner: bool,
}

impl Pipeline {
    /// Parses `spancat`, `ner` or `spancat,ner`.
    pub fn parse(text: &str) -> Result<Self, super::Rejected> {
        let mut pipeline = Self::default();
        for part in text.split(',').map(str::trim) {
            match part {
                "spancat" => pipeline.spancat = true,
                "ner" => pipeline.ner = true,
                other => {
                    return Err(super::Rejected(format!(
                        "--spacy-pipeline: {other:?} is not a component; use spancat, ner or spancat,ner"
                    )));
                }
            }
        }
        Ok(pipeline)
    }

    /// The components as `spacy init config --pipeline` names them.
    pub fn components(self) -> Vec<glosser_spacy::config::Component> {
        let mut out = Vec::new();
        if self.spancat {
            out.push(glosser_spacy::config::Component::Spancat);
        }
        if self.ner {
            out.push(glosser_spacy::config::Component::Ner);
        }
        out
    }

    /// The DocBin options for these components (`doc.ents` filled only for ner).
    pub fn options(self) -> DocBinOptions {
        DocBinOptions {
            spans_key: "sc".to_owned(),
            ents: if self.ner { Ents::Longest } else { Ents::Unset },
            store_user_data: true,
        }
    }
}

/// Why the spaCy writer could not start or go on.
#[derive(Debug, thiserror::Error)]
pub enum SpacyError {
    #[error("spaCy's tokenizer rules could not be loaded: {0}")]
    Rules(#[from] glosser_spacy::RulesError),
    #[error("{document}: {source}")]
    DocBin {
        document: String,
        #[source]
        source: DocBinError,
    },
}

/// An empty DocBin for these components, with spaCy's English tokenizer.
pub fn docbin(pipeline: Pipeline) -> Result<DocBin<'static>, SpacyError> {
    DocBin::new(Tokenizer::english()?, pipeline.options()).map_err(|source| SpacyError::DocBin {
        document: String::new(),
        source,
    })
}

/// One document, encoded for the DocBin, and what happened to its spans.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub doc: EncodedDoc,
    /// Spans in `doc.spans["sc"]` (trimmed ones at their original offsets), with their length
    /// in spaCy tokens.
    pub placed: Vec<(Span, usize)>,
    /// Spans left out: their edge is inside a spaCy token, or they hold only whitespace.
    pub unaligned: Vec<(Span, String)>,
    /// Spans in `doc.spans["sc"]` left out of `doc.ents` (overlaps; ner only).
    pub left_out_of_ents: Vec<(Span, String)>,
    /// Spans placed without their whitespace edges (a span also left out is named there only).
    pub trimmed: Vec<Trimmed>,
}

/// Encodes one document with `bin`'s tokenizer and options (from any thread).
pub fn encode(bin: &DocBin, d: &ExportDoc) -> Result<Encoded, SpacyError> {
    let tokenizer = Tokenizer::english()?;
    let mut trims: Vec<Option<Trimmed>> = Vec::with_capacity(d.spans.len());
    let mut unaligned = Vec::new();
    let mut asked: Vec<LabelledSpan> = Vec::with_capacity(d.spans.len());
    let mut sources: Vec<&Span> = Vec::with_capacity(d.spans.len());
    for span in d.spans {
        let (start, end) = match trim(d.doc, span, |c| tokenizer.is_whitespace(c)) {
            Some(t) if t.start == t.end => {
                unaligned.push((
                    span.clone(),
                    "holds only whitespace, which is no spaCy token".to_owned(),
                ));
                continue;
            }
            Some(t) => {
                let edges = (t.start, t.end);
                trims.push(Some(t));
                edges
            }
            None => {
                trims.push(None);
                (span.start, span.end)
            }
        };
        asked.push(LabelledSpan::new(start, end, span.label.clone()));
        sources.push(span);
    }
    let user_data = [
        ("document".to_owned(), d.id.to_owned()),
        ("annotator".to_owned(), d.annotator.to_owned()),
        ("status".to_owned(), d.status.as_str().to_owned()),
    ];
    let (doc, report) = bin
        .encode(d.doc.text(), &asked, &user_data)
        .map_err(|source| SpacyError::DocBin {
            document: d.id.to_owned(),
            source,
        })?;
    let why = |issue: &SpanIssue| {
        let full = issue.to_string();
        let head = format!(
            "{}..{} {} {:?}: ",
            issue.span.start, issue.span.end, issue.span.label, issue.text
        );
        full.strip_prefix(&head).map_or(full.clone(), str::to_owned)
    };
    unaligned.extend(
        report
            .unaligned
            .iter()
            .map(|i| (sources[i.index].clone(), why(i))),
    );
    unaligned.sort_by(|a, b| a.0.key().cmp(&b.0.key()));
    let left_out_of_ents = report
        .left_out_of_ents
        .iter()
        .map(|i| (sources[i.index].clone(), why(i)))
        .collect();
    let placed = report
        .spans
        .iter()
        .map(|p| (sources[p.index].clone(), p.tokens.len()))
        .collect();
    let trimmed = report
        .spans
        .iter()
        .filter_map(|p| trims[p.index].take())
        .collect();
    Ok(Encoded {
        doc,
        placed,
        unaligned,
        left_out_of_ents,
        trimmed,
    })
}

#[cfg(test)]
mod tests;
