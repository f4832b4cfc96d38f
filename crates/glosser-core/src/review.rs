//! Review: agreement between annotators (SPEC §7) and merging their files into gold. Pure
//! functions of spans and texts; the CLI streams documents into them.

pub mod adjudicate;
pub mod agree;
pub mod alpha_u;
pub mod confusion;
pub mod corpus;
pub mod diagnostics;
pub mod f1;
pub mod gamma;
pub mod kappa;
pub mod merge;
pub mod people;
pub mod ready;
pub mod relations;
pub mod since;
