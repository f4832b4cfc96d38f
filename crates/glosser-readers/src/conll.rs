//! CoNLL / IOB files: one token per line with 2–4 whitespace- or tab-separated columns (token,
//! optionally POS and chunk, and a tag), blank lines between sentences, `-DOCSTART-` lines
//! between documents and `# key = value` comment lines; tags in IOB1, IOB2, BILUO, BIOES or IO.
//!
//! A CoNLL file holds tokens, not text: the reader rebuilds each document's text from them
//! (single spaces, a line break between sentences, or a sentence's `# text =` comment when it
//! has one and its tokens are found in it) and reports that assumption. The writer writes the
//! tokens it is given, with one `-DOCSTART- -X- O O` line (spaCy's document delimiter) before
//! each document.

mod read;
mod write;

pub use read::read;
pub use write::{Columns, DocumentIds, TokenizedDocument, WriteOptions, Written, write};

use crate::tags::Scheme;

/// The layer of the spans a CoNLL file gives.
pub const LAYER: &str = "ner";

/// The line spaCy's `conll_ner_to_docs` splits documents at, written before every document.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// How to read a CoNLL file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The tagging scheme; `None` detects it from the tags (and reports what was detected).
    pub scheme: Option<Scheme>,
    /// The column of the tags, counted from 0; `None` is the last column (spaCy's and
    /// conlleval's rule for predictions; give `Some(2)` for the gold tags of a 4-column
    /// conlleval file).
    pub tag_column: Option<usize>,
}

/// Comment keys that name the document the next sentences belong to.
const DOCUMENT_KEYS: [&str; 5] = ["document", "newdoc id", "newdoc", "doc_id", "document_id"];

/// Splits a token line into columns: at tabs when it has any, else at whitespace runs.
pub(crate) fn columns(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').map(str::trim).collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// Whether a line starting with `#` is a comment rather than a token `#`: it is a `key = value`
/// line, or its last column is not an `O` or prefixed tag.
pub(crate) fn is_comment(line: &str) -> bool {
    if !line.starts_with('#') {
        return false;
    }
    if line.contains(" = ") {
        return true;
    }
    let fields = columns(line);
    fields.len() < 2
        || !fields
            .last()
            .and_then(|tag| crate::tags::parse_tag(tag))
            .is_some_and(|tag| tag.is_iob())
}

#[cfg(test)]
mod tests;
