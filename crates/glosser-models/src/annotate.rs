//! Annotating documents end to end: cached answers first, the model for the rest (bounded
//! concurrency), then each answer read and placed exactly.

use crate::answer::{AnswerError, parse_answer};
use crate::cache::{CacheEntry, CacheError, CacheKey, ENTRY_FORMAT, ResponseCache};
use crate::client::{ChatClient, ClientError, Completion};
use crate::hash::text_sha256;
use crate::placement::{Normalization, Placement, place};
use crate::prompt::SpanPrompt;
use crate::types::Document;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnnotateError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error(transparent)]
    Cache(#[from] CacheError),
    #[error(
        "the prompt was built for model {prompt:?} but the client asks {client:?}: build both \
         with the same model so the cache key is right"
    )]
    ModelMismatch { prompt: String, client: String },
}

/// A document's spans and rejected items, and where the answer came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotated {
    pub placement: Placement,
    pub from_cache: bool,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentOutcome {
    pub document_id: String,
    pub result: Result<Annotated, AnnotateError>,
}

/// Client, prompt, cache and normalisation for a run over documents.
pub struct Annotator<'a> {
    client: &'a ChatClient,
    prompt: &'a SpanPrompt,
    cache: Option<&'a ResponseCache>,
    normalization: Normalization,
}

impl<'a> Annotator<'a> {
    pub fn new(
        client: &'a ChatClient,
        prompt: &'a SpanPrompt,
        cache: Option<&'a ResponseCache>,
        normalization: Normalization,
    ) -> Result<Self, AnnotateError> {
        if client.config().model != prompt.model() {
            return Err(AnnotateError::ModelMismatch {
                prompt: prompt.model().to_owned(),
                client: client.config().model.clone(),
            });
        }
        Ok(Self {
            client,
            prompt,
            cache,
            normalization,
        })
    }

    /// The cache key of a document's answer.
    pub fn key(&self, text: &str) -> CacheKey {
        CacheKey {
            model: self.prompt.model().to_owned(),
            prompt_hash: self.prompt.hash().to_owned(),
            text_sha256: text_sha256(text),
        }
    }

    /// Annotates every document; outcomes come back in the order of `documents`.
    /// `on_done(i, &outcome)` is called as each document finishes (cached ones first).
    /// An answer is cached only when it could be read as a list of spans.
    pub fn annotate<F>(&self, documents: &[Document], on_done: F) -> Vec<DocumentOutcome>
    where
        F: Fn(usize, &DocumentOutcome) + Sync,
    {
        let mut outcomes: Vec<Option<DocumentOutcome>> = vec![None; documents.len()];
        let mut to_ask: Vec<usize> = Vec::new();
        for (i, doc) in documents.iter().enumerate() {
            let cached = match self.cache {
                Some(cache) => cache.get(&self.key(&doc.text)),
                None => Ok(None),
            };
            match cached {
                Ok(Some(entry)) => {
                    let outcome = self.outcome(doc, entry.answer, true);
                    on_done(i, &outcome);
                    outcomes[i] = Some(outcome);
                }
                Ok(None) => to_ask.push(i),
                Err(e) => {
                    let outcome = DocumentOutcome {
                        document_id: doc.id.clone(),
                        result: Err(e.into()),
                    };
                    on_done(i, &outcome);
                    outcomes[i] = Some(outcome);
                }
            }
        }
        let requests: Vec<_> = to_ask
            .iter()
            .map(|&i| self.prompt.request(&documents[i].text))
            .collect();
        let finished = std::sync::Mutex::new(Vec::new());
        self.client.complete_all(&requests, |j, result| {
            let i = to_ask[j];
            let outcome = self.answered(&documents[i], result);
            on_done(i, &outcome);
            if let Ok(mut f) = finished.lock() {
                f.push((i, outcome));
            }
        });
        for (i, outcome) in finished.into_inner().unwrap_or_default() {
            outcomes[i] = Some(outcome);
        }
        outcomes
            .into_iter()
            .zip(documents)
            .map(|(o, doc)| {
                o.unwrap_or_else(|| DocumentOutcome {
                    document_id: doc.id.clone(),
                    result: Err(ClientError::NotSent {
                        because: "the request was lost".into(),
                    }
                    .into()),
                })
            })
            .collect()
    }

    fn answered(
        &self,
        doc: &Document,
        result: &Result<Completion, ClientError>,
    ) -> DocumentOutcome {
        let completion = match result {
            Ok(c) => c,
            Err(e) => {
                return DocumentOutcome {
                    document_id: doc.id.clone(),
                    result: Err(e.clone().into()),
                };
            }
        };
        if let Some(cache) = self.cache
            && parse_answer(&completion.content).is_ok()
        {
            let key = self.key(&doc.text);
            let entry = CacheEntry {
                format: ENTRY_FORMAT,
                model: key.model,
                prompt_hash: key.prompt_hash,
                text_sha256: key.text_sha256,
                parameters: self.prompt.parameters().clone(),
                answer: completion.content.clone(),
                answered_by: completion.model.clone(),
            };
            if let Err(e) = cache.put(&entry) {
                return DocumentOutcome {
                    document_id: doc.id.clone(),
                    result: Err(e.into()),
                };
            }
        }
        self.outcome(doc, completion.content.clone(), false)
    }

    fn outcome(&self, doc: &Document, answer: String, from_cache: bool) -> DocumentOutcome {
        let result = parse_answer(&answer)
            .map(|parsed| {
                let mut placement = place(
                    &doc.text,
                    self.prompt.labels(),
                    &parsed.proposals,
                    self.normalization,
                );
                placement.rejected.extend(parsed.malformed);
                placement.rejected.sort_by_key(|r| r.index);
                Annotated {
                    placement,
                    from_cache,
                    answer,
                }
            })
            .map_err(AnnotateError::from);
        DocumentOutcome {
            document_id: doc.id.clone(),
            result,
        }
    }
}

#[cfg(test)]
mod tests;
