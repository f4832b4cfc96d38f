//! Typed errors: what is wrong with the input or the settings, and what to do about it.

use thiserror::Error;

/// Everything that can stop a γ computation.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum GammaError {
    #[error(
        "unit {index} of document {document:?} has start {start} and end {end}: \
         a unit needs finite offsets with end − start > 1e-6; drop or fix the span"
    )]
    InvalidSpan {
        document: String,
        index: usize,
        start: f64,
        end: f64,
    },
    #[error(
        "document {document:?} has {found} annotator(s); γ needs at least 2 \
         (list every annotator of the document in `annotators`, even one who marked nothing)"
    )]
    TooFewAnnotators { document: String, found: usize },
    #[error(
        "document {document:?} has no unit at all; γ is undefined there: leave it out of the corpus"
    )]
    NoUnits { document: String },
    #[error(
        "unit {index} of document {document:?} names annotator {annotator:?}, \
         who is not in the document's annotator list; add them to `annotators`"
    )]
    UnknownAnnotator {
        document: String,
        index: usize,
        annotator: String,
    },
    #[error(
        "category {category:?} is not in the category-distance matrix; \
         add it to the matrix's categories or relabel the unit"
    )]
    UnknownCategory { category: String },
    #[error("invalid dissimilarity setting: {reason}")]
    InvalidDissimilarity { reason: String },
    #[error("invalid γ setting: {reason}")]
    InvalidConfig { reason: String },
    #[error(
        "the exact alignment search of document {document:?} needed more than {limit} search states; \
         raise `SolverLimits::max_states`, split the document, or allow a flagged approximation \
         with `LimitPolicy::Approximate`"
    )]
    SearchLimit { document: String, limit: usize },
    #[error(
        "the exact alignment search of document {document:?} produced more than {limit} candidate \
         unitary alignments; raise `SolverLimits::max_candidates` or split the document"
    )]
    CandidateLimit { document: String, limit: usize },
}

/// Everything that can stop a Gwet's AC1 computation.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Ac1Error {
    #[error("no item has two or more ratings; AC1 needs items rated by at least two raters")]
    NoPairableItem,
    #[error(
        "rating {category:?} of item {item} is not in the declared category list; \
         add it to the categories or fix the rating"
    )]
    UnknownCategory { item: usize, category: String },
    #[error("the declared category list has duplicates ({category:?}); list each category once")]
    DuplicateCategory { category: String },
}
