//! spaCy-exact tokens, `.spacy` DocBin files, spaCy training configs and Hugging Face Parquet
//! rows for glosser's annotated spans.

pub mod config;
pub mod docbin;
pub mod hash;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod spans;
pub mod tokenizer;

pub use tokenizer::{ExceptionPiece, RulesError, Token, TokenizeError, Tokenizer};
