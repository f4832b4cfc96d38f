//! γ (gamma) inter-annotator agreement for span annotation (Mathet, Widlöcher & Métivier 2015),
//! matching the defaults of the Python package pygamma-agreement 0.5.9, with γ-cat, γ-k and
//! Gwet's AC1.

pub mod ac1;
pub mod alignment;
mod categorical;
pub mod continuum;
pub mod dissimilarity;
pub mod error;
pub mod gamma;
pub mod sampler;

pub use ac1::{Ac1, gwet_ac1};
pub use alignment::{
    AlignedUnit, Alignment, AlignmentQuality, LimitPolicy, SearchStats, SolverLimits,
    UnitaryAlignment, best_alignment,
};
pub use continuum::{Continuum, Document, Unit};
pub use dissimilarity::{CategoryDistance, CategoryMatrix, Dissimilarity};
pub use error::{Ac1Error, GammaError};
pub use gamma::{
    ChanceEstimate, CorpusGamma, CorpusPool, DocumentGamma, DocumentShare, GammaConfig,
    chance_samples, corpus_gamma, document_gamma, document_share,
};
