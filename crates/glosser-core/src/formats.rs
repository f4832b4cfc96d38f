//! Export and import formats (SPEC §6): one module per format, each a small pure function of the
//! core types. Offsets are code points (Python `str` indices) unless a format says otherwise.

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod edges;
pub mod hf;
pub mod import;
pub mod jsonl;
pub mod label_studio;
pub mod overlaps;
pub mod parse;
pub mod prodigy;
pub mod schema;
pub mod spacy;
pub mod tokens;
pub mod uima;
pub mod w3c;

use std::fmt;
use std::str::FromStr;

use crate::span::Span;
use crate::store::Status;
use crate::text::Document;

/// The formats glosser writes (and, for some, reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Spacy,
    Prodigy,
    Doccano,
    LabelStudio,
    Brat,
    Conll,
    Hf,
    Csv,
    W3c,
    /// UIMA CAS JSON, one file per document (INCEpTION's "UIMA CAS JSON").
    UimaJson,
    /// UIMA CAS XMI, one file per document, with a `TypeSystem.xml`.
    Xmi,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Format::Jsonl,
        Format::Spacy,
        Format::Prodigy,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
        Format::Conll,
        Format::Hf,
        Format::Csv,
        Format::W3c,
        Format::UimaJson,
        Format::Xmi,
    ];

    /// The `--format` name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Spacy => "spacy",
            Format::Prodigy => "prodigy",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Hf => "hf",
            Format::Csv => "csv",
            Format::W3c => "w3c",
            Format::UimaJson => "uima-json",
            Format::Xmi => "xmi",
        }
    }

    /// Whether the export is a directory of files (one or two per document) rather than one
    /// file or stream.
    pub fn writes_directory(self) -> bool {
        matches!(self, Format::Brat | Format::UimaJson | Format::Xmi)
    }

    /// Whether the format can hold links between spans (SPEC §10); the others drop them and the
    /// export says how many.
    pub(crate) fn holds_links(self) -> bool {
        matches!(
            self,
            Format::Jsonl
                | Format::Doccano
                | Format::LabelStudio
                | Format::Brat
                | Format::W3c
                | Format::Prodigy
                | Format::UimaJson
                | Format::Xmi
        )
    }

    /// Whether the format cannot hold overlapping spans (the longest is kept).
    pub fn needs_flat_spans(self) -> bool {
        matches!(self, Format::Conll | Format::Hf)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why another tool's record, file or option cannot be read into glosser (and why a name is
/// not a format): one sentence, naming the record's line or the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Rejected(pub String);

impl From<String> for Rejected {
    fn from(why: String) -> Self {
        Self(why)
    }
}

impl From<&str> for Rejected {
    fn from(why: &str) -> Self {
        Self(why.to_owned())
    }
}

impl FromStr for Format {
    type Err = Rejected;

    fn from_str(s: &str) -> Result<Self, Rejected> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
                Rejected(format!(
                    "unknown export format {s:?}; use one of {}",
                    names.join(", ")
                ))
            })
    }
}

/// Offset unit for doccano.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offsets {
    /// UTF-16 code units (doccano's unit, JavaScript string indices).
    #[default]
    Utf16,
    /// Unicode code points (Python `str` indices).
    Codepoint,
    /// Grapheme clusters (doccano projects in grapheme mode).
    Grapheme,
}

/// One document's spans by one annotator, ready to export.
#[derive(Debug, Clone, Copy)]
pub struct ExportDoc<'a> {
    /// Document id (path relative to the corpus).
    pub id: &'a str,
    pub annotator: &'a str,
    pub doc: &'a Document,
    /// Spans in (start, end, label) order, already checked against the text.
    pub spans: &'a [Span],
    /// The annotator's status for the document.
    pub status: Status,
    /// Spans whose text left the article, at their last known offsets (jsonl keeps them).
    pub orphans: &'a [Span],
    /// Links between `spans` (a link to a span not exported is left out).
    pub links: &'a [crate::store::Link],
    /// Suggestions the annotator rejected (jsonl keeps them; the other formats leave them out).
    pub rejected: &'a [Span],
}

/// A span's stable id: the first 12 hex digits of SHA-256 over the document id, annotator,
/// start, end and label (NUL-separated). It stays the same across exports while the span does
/// not change, and changes when any of those does (a note does not count).
pub fn span_id(document: &str, annotator: &str, span: &Span) -> String {
    use sha2::{Digest, Sha256};
    use std::io::Write as _;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = Vec::with_capacity(document.len() + annotator.len() + span.label.len() + 24);
    bytes.extend_from_slice(document.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(annotator.as_bytes());
    bytes.push(0);
    let _ = write!(bytes, "{}\0{}\0", span.start, span.end);
    bytes.extend_from_slice(span.label.as_bytes());
    bytes.push(0);
    let digest = Sha256::digest(&bytes);
    let mut hex = String::with_capacity(12);
    for b in &digest[..6] {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 15)]));
    }
    hex
}

#[cfg(test)]
mod tests;
