//! `--llm MODEL`: a model behind any OpenAI-compatible chat-completions endpoint (Ollama,
//! llama.cpp's server, vLLM, LM Studio), through `glosser_models`. The prompt is built from the
//! corpus's labels, their descriptions and its guidelines (or a prompt file); the model answers
//! with (label, exact quote, occurrence or context) items, which are placed on the text exactly
//! or dropped with why — never placed approximately.
//!
//! Answers are cached in the corpus (`.glosser-suggest/cache/`, keyed by model, prompt hash and
//! text hash), so a re-run asks the model nothing and a teammate who pulls the corpus gets the
//! same suggestions without a model. A server that cannot be reached (or has no such model, or
//! refuses the key) fails the whole run before anything is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use glosser_models::annotate::{AnnotateError, Annotator};
use glosser_models::cache::ResponseCache;
use glosser_models::client::{ChatClient, ClientConfig, Parameters, StructuredOutput};
use glosser_models::prompt::{PromptError, PromptTemplate, SpanPrompt};
use glosser_models::{LabelKind, Normalization};

pub use glosser_models::client::ClientError;

use super::command::{Answer, Unanswered};
use super::{Proposal, Proposals};
use crate::labels::LabelSet;
use crate::text::Document;

/// The cache folder inside the suggestion state folder.
pub const CACHE_DIR: &str = "cache";

/// Where the model is and how to talk to it, as the command line gives it.
#[derive(Debug, Clone)]
pub struct Options {
    /// The API root, ending in `/v1`.
    pub base_url: String,
    pub model: String,
    /// The environment variable holding an API key (sent as `Authorization: Bearer`), if any.
    pub api_key_env: Option<String>,
    /// A prompt template file replacing the built-in one.
    pub prompt: Option<PathBuf>,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Further tries after a 408/429/5xx answer or a failed connection.
    pub retries: u32,
    /// The whole of one request, answer included.
    pub timeout: Duration,
}

/// Ollama on this machine.
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:11434/v1";

/// Why the model cannot be asked at all.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error("{path}: {source}")]
    Prompt {
        path: String,
        #[source]
        source: PromptError,
    },
}

/// A model ready to be asked: the client, the prompt and the cache.
pub struct Llm {
    client: ChatClient,
    prompt: SpanPrompt,
    cache: ResponseCache,
    base_url: String,
}

/// The cache folder of a corpus.
pub fn cache_dir(root: &Path) -> PathBuf {
    super::state_dir(root).join(CACHE_DIR)
}

/// glosser's labels as the prompt describes them: name, description, and whether the label
/// covers whole sentences or a phrase.
fn prompt_labels(labels: &LabelSet) -> Vec<glosser_models::Label> {
    labels
        .labels()
        .iter()
        .map(|l| {
            let kind = if super::sentences::is_sentence_like(&l.name) {
                LabelKind::Sentence
            } else {
                LabelKind::Phrase
            };
            glosser_models::Label::new(&l.name, &l.description, kind)
        })
        .collect()
}

impl Llm {
    /// Checks the options and builds the prompt; sends nothing. `guidelines` is the corpus's
    /// guidelines text, if it has one.
    pub fn new(
        options: &Options,
        labels: &LabelSet,
        guidelines: Option<&str>,
        root: &Path,
    ) -> Result<Self, LlmError> {
        let mut config = ClientConfig::new(&options.base_url, &options.model);
        config.api_key_env.clone_from(&options.api_key_env);
        config.concurrency = options.concurrency.max(1);
        config.max_retries = options.retries;
        config.request_timeout = options.timeout;
        let client = ChatClient::new(config)?;
        let template = match &options.prompt {
            Some(path) => PromptTemplate::from_file(path),
            None => Ok(PromptTemplate::default()),
        };
        let origin = || {
            options.prompt.as_ref().map_or_else(
                || "the built-in prompt".to_owned(),
                |p| crate::fsio::display_path(p),
            )
        };
        let prompt = template
            .and_then(|template| {
                SpanPrompt::new(
                    &template,
                    &prompt_labels(labels),
                    guidelines,
                    &options.model,
                    &Parameters::default(),
                    StructuredOutput::Auto,
                )
            })
            .map_err(|source| LlmError::Prompt {
                path: origin(),
                source,
            })?;
        Ok(Self {
            client,
            prompt,
            cache: ResponseCache::new(cache_dir(root)),
            base_url: options.base_url.clone(),
        })
    }

    /// The model asked.
    pub fn model(&self) -> &str {
        self.prompt.model()
    }

    /// The prompt hash (everything that shapes an answer but the article).
    pub fn prompt_hash(&self) -> &str {
        self.prompt.hash()
    }

    /// Where requests go.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Asks about every document (cached answers first, then the model, a few requests at a
    /// time), calling `answered` as each is done. Each answer's items are placed exactly or
    /// dropped with why; a document whose answer cannot be read fails alone. A server that is
    /// down (or has no such model, or refuses the key) fails the run.
    pub fn ask(
        &self,
        docs: &[(String, &Document)],
        answered: &(dyn Fn() + Sync),
    ) -> Result<BTreeMap<String, Answer>, ClientError> {
        let annotator = Annotator::new(
            &self.client,
            &self.prompt,
            Some(&self.cache),
            Normalization::exact(),
        )
        .map_err(|e| ClientError::NotSent {
            because: e.to_string(),
        })?;
        let documents: Vec<glosser_models::Document> = docs
            .iter()
            .map(|(id, doc)| glosser_models::Document::new(id.clone(), doc.text()))
            .collect();
        let outcomes = annotator.annotate(&documents, |_, _| answered());
        // The first error every request would hit is the run's: the rest were not sent.
        if let Some(stop) = outcomes.iter().find_map(|o| match &o.result {
            Err(AnnotateError::Client(e)) if e.stops_the_batch() => Some(e.clone()),
            _ => None,
        }) {
            return Err(stop);
        }
        let mut answers = BTreeMap::new();
        for ((id, doc), outcome) in docs.iter().zip(outcomes) {
            let answer = match outcome.result {
                Ok(annotated) => {
                    let mut proposals = Proposals::default();
                    for span in annotated.placement.spans {
                        let proposal = Proposal {
                            start: span.start,
                            end: span.end,
                            label: span.label,
                            score: span.score,
                        };
                        // Placement keeps grapheme clusters whole; glosser checks its own way.
                        if proposal.to_span(doc).is_some() {
                            proposals.kept.push(proposal);
                        } else {
                            proposals.dropped.push(format!(
                                "{}..{} ({}): offsets split a character (a grapheme cluster)",
                                proposal.start, proposal.end, proposal.label
                            ));
                        }
                    }
                    proposals
                        .dropped
                        .extend(annotated.placement.rejected.iter().map(ToString::to_string));
                    Ok(proposals)
                }
                Err(e) => Err(Unanswered(e.to_string())),
            };
            answers.insert(id.clone(), answer);
        }
        Ok(answers)
    }
}

#[cfg(test)]
mod tests;
