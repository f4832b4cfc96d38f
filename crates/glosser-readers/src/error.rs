//! The errors of reading and writing: each says what is wrong with the input and what to do.
//! Problems with single annotations are reported in [`crate::Document::skipped`] instead.

/// Why a file could not be read, or documents could not be written, at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("not valid JSON{}: {message}; check that the file is complete", at_line(*.line))]
    Json {
        /// The line of a JSON Lines file, when the file is one.
        line: Option<usize>,
        message: String,
    },
    #[error("not a {format} file: {message}")]
    Shape {
        format: &'static str,
        message: String,
    },
    #[error(
        "the tags of {column:?} are integers, but no label names were given; pass the names of the ClassLabel (dataset_info.json: features.{column}.feature.names)"
    )]
    MissingLabelNames { column: String },
    #[error(
        "{record}: tag {value} of {column:?} has no name: the label list has only {count} names; pass the full ClassLabel names"
    )]
    LabelIndex {
        record: String,
        column: String,
        value: i64,
        count: usize,
    },
    #[error(
        "document {document}: token {token} ({text:?}) cannot be written to CoNLL: {reason}; give tokens without whitespace"
    )]
    Token {
        document: String,
        token: usize,
        text: String,
        reason: &'static str,
    },
    #[error(
        "document {document}: token {token} ({start}..{end}) is not inside the text of {length} characters (or ends before it starts); fix the token offsets"
    )]
    TokenRange {
        document: String,
        token: usize,
        start: usize,
        end: usize,
        length: usize,
    },
    #[error(
        "document {document}: label {label:?} cannot be written to CoNLL: {reason}; rename the label"
    )]
    Label {
        document: String,
        label: String,
        reason: &'static str,
    },
}

fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(" at line {line}"))
        .unwrap_or_default()
}

impl Error {
    pub(crate) fn shape(format: &'static str, message: impl Into<String>) -> Self {
        Error::Shape {
            format,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests;
