//! Tests of document and corpus γ: properties, and pygamma's own test data.

mod corpus;
mod pygamma;
