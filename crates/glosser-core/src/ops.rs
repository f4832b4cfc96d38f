//! The engine of every command, as library operations returning typed results: the binary
//! parses arguments and prints what these return, the TUI calls them from its jobs.
pub mod agree_history;
pub mod audit;
pub mod error;
pub mod export;
pub mod git_setup;
pub mod import;
pub mod init;
pub mod merge;
pub mod merge_driver;
pub mod mv;
pub mod stats;
pub mod status;
pub mod suggest;
pub mod validate;

pub use error::{Error, Result};
