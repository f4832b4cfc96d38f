//! INCEpTION / WebAnno / Apache UIMA annotation formats for glosser: read and write UIMA CAS
//! XMI and UIMA CAS JSON, read WebAnno TSV 3.x (`glosser-readers` tells the formats apart). Everything goes through a
//! neutral [`Document`] whose offsets count Unicode code points, with a [`Schema`] of the layers
//! the file uses.

pub mod error;
pub mod jsoncas;
pub mod model;
pub mod offsets;
pub mod schema;
pub mod tsv;
pub mod typesystem;
pub mod xmi;

mod cas;
mod xml;

pub use error::Error;
pub use model::{Document, Metadata, Relation, SkipKind, Skipped, Span};
pub use offsets::{OffsetEncoding, OffsetMap, OffsetProblem};
pub use schema::{Layer, LayerKind, Schema};
pub use typesystem::TypeSystem;

/// What a reader returns: the document and the layers the file declares or uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub document: Document,
    pub schema: Schema,
}

#[cfg(test)]
mod tests;
