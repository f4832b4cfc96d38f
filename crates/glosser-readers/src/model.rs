//! The neutral document model, shared with glosser's other format crates (`glosser-interchange`).

pub use glosser_interchange::{Document, Metadata, Relation, SkipKind, Skipped, Span};
