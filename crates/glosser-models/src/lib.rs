//! Model-facing parts of glosser, standalone: an OpenAI-compatible chat client for local model
//! servers, span-annotation prompts, exact placement of the answers, a response cache, a
//! canned test server and a sentence-level learner.
//!
//! Annotating with a local Ollama (`ollama serve`, `ollama pull qwen2.5:7b`):
//!
//! ```no_run
//! use glosser_models::annotate::Annotator;
//! use glosser_models::cache::ResponseCache;
//! use glosser_models::client::{ChatClient, ClientConfig, Parameters, StructuredOutput};
//! use glosser_models::prompt::{PromptTemplate, SpanPrompt};
//! use glosser_models::{Document, Normalization, default_labels};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let client = ChatClient::new(ClientConfig::ollama("qwen2.5:7b"))?;
//!     let prompt = SpanPrompt::new(
//!         &PromptTemplate::default(),
//!         &default_labels(),
//!         Some("Quote the article exactly."),
//!         "qwen2.5:7b",
//!         &Parameters::default(),
//!         StructuredOutput::Auto,
//!     )?;
//!     let cache = ResponseCache::new("corpus/.glosser-llm");
//!     let annotator = Annotator::new(&client, &prompt, Some(&cache), Normalization::exact())?;
//!     let docs = vec![Document::new("a.txt", std::fs::read_to_string("corpus/a.txt")?)];
//!     for outcome in annotator.annotate(&docs, |i, _| eprintln!("document {i} done")) {
//!         let annotated = outcome.result?;
//!         for span in &annotated.placement.spans {
//!             println!("{} {}..{} {:.2}", span.label, span.start, span.end, span.score);
//!         }
//!         for rejected in &annotated.placement.rejected {
//!             eprintln!("{}: {rejected}", outcome.document_id);
//!         }
//!     }
//!     Ok(())
//! }
//! ```

pub mod annotate;
pub mod answer;
pub mod cache;
pub mod client;
pub mod hash;
pub mod learner;
pub mod placement;
pub mod prompt;
pub mod types;

pub use placement::{Normalization, Placement, Proposal, RejectReason, Rejected, place};
pub use types::{Document, Label, LabelKind, Span, default_labels};

#[cfg(any(test, feature = "test-server"))]
pub mod test_server;
