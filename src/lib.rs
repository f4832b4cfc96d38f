//! glosser: annotate claims, quotes and opinions in news articles, review teammates' work and
//! export training data. The library holds everything; the binary only parses arguments.
pub mod assignments;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod formats;
pub mod fsio;
pub mod guidelines;
pub mod labels;
pub mod lock;
pub mod merge3;
pub mod old_texts;
pub mod reanchor;
pub mod review;
pub mod save;
pub mod span;
pub mod store;
pub mod suggest;
pub mod text;
pub mod tui;
