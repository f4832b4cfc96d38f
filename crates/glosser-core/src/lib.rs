//! glosser's core: documents, spans, label sets, annotation files and the one save path,
//! re-anchoring, corpora, formats, agreement, suggesters — and the engine of every command as a
//! library operation returning a typed result. No terminal, no argument parsing, no printing.
pub mod assignments;
pub mod config;
pub mod corpus;
pub mod formats;
pub mod fsio;
pub mod git_watch;
pub mod guidelines;
pub mod labels;
pub mod lock;
mod merge3;
pub mod old_texts;
pub mod ops;
pub mod reanchor;
pub mod review;
pub mod save;
pub mod span;
pub mod store;
pub mod suggest;
pub mod text;
