//! The errors of reading and writing: each says what is wrong with the input and what to do.

/// Why a file could not be read or written at all (problems with single annotations are
/// reported in [`crate::Document::skipped`] instead).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "not well-formed XML at byte {position}: {message}; check that the file is a complete UIMA CAS XMI or type system file"
    )]
    Xml { position: u64, message: String },
    #[error("not valid JSON: {0}; check that the file is a complete UIMA CAS JSON file")]
    Json(#[from] serde_json::Error),
    #[error("not a UIMA CAS {format}: {message}")]
    Structure {
        format: &'static str,
        message: String,
    },
    #[error(
        "the CAS has no text for its _InitialView (sofaString); glosser can only read text documents"
    )]
    NoText,
    #[error("WebAnno TSV line {line}: {message}")]
    Tsv { line: usize, message: String },
    #[error("unsupported offset encoding {0:?}; UIMA CAS JSON knows UTF-8, UTF-16 and UTF-32")]
    OffsetEncoding(String),
    #[error(
        "span {index} ({start}..{end}) lies outside the text of {length} characters; fix the span or the text before writing"
    )]
    SpanOutOfText {
        index: usize,
        start: usize,
        end: usize,
        length: usize,
    },
    #[error("relation {index} points at span {span}, but the document has only {count} spans")]
    RelationEnd {
        index: usize,
        span: usize,
        count: usize,
    },
    #[error(
        "layer {0:?} is a chain layer, and writing chains is not supported; declare it as a span or relation layer in the schema"
    )]
    ChainLayer(String),
    #[error(
        "layer {layer:?} is a {actual} layer but is used for a {used}; use a layer of the right kind"
    )]
    LayerKind {
        layer: String,
        actual: &'static str,
        used: &'static str,
    },
    #[error(
        "relation {index} of layer {layer:?} connects a span of layer {found:?}, but the layer attaches to {attach:?}; INCEpTION would reject it"
    )]
    AttachLayer {
        index: usize,
        layer: String,
        found: String,
        attach: String,
    },
    #[error(
        "layer {0:?} is a built-in UIMA type, which cannot carry labels, notes or features; put these spans on a custom layer"
    )]
    BuiltInType(String),
    #[error(
        "{0:?} is not a valid UIMA name (letters, digits and `_`, dot-separated for types); rename the layer or feature"
    )]
    InvalidName(String),
    #[error(
        "the text has the character U+{code:04X} at code point {offset}, which XML 1.0 cannot hold; export as UIMA CAS JSON instead"
    )]
    XmlCharacter { code: u32, offset: usize },
}
