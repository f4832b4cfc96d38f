//! A blocking client for OpenAI-compatible chat-completions servers (Ollama's `/v1`, llama.cpp
//! server, vLLM, LM Studio): timeouts, retries with backoff, a fixed number of requests in
//! flight, structured JSON output, and errors that say what to start or fix.

mod classify;
mod error;
mod retry;
mod wire;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use error::ClientError;
pub use wire::{
    Answer, ChatRequest, Message, Parameters, Role, StructuredOutput, error_text, read_answer,
    request_body,
};

/// Where the server is and how to talk to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientConfig {
    /// The API root, ending in `/v1` (e.g. `http://127.0.0.1:11434/v1`).
    pub base_url: String,
    pub model: String,
    /// Name of the environment variable holding the API key, sent as `Authorization: Bearer`.
    pub api_key_env: Option<String>,
    pub connect_timeout: Duration,
    /// The whole request, answer included (local models can take minutes on long texts).
    pub request_timeout: Duration,
    /// Further tries after a 408/429/5xx answer or a failed connection.
    pub max_retries: u32,
    pub backoff_initial: Duration,
    pub backoff_max: Duration,
    /// Requests in flight at once in [`ChatClient::complete_all`].
    pub concurrency: usize,
    pub structured_output: StructuredOutput,
}

impl ClientConfig {
    pub fn new(base_url: impl Into<String>, model: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            model: model.into(),
            api_key_env: None,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(300),
            max_retries: 3,
            backoff_initial: Duration::from_millis(500),
            backoff_max: Duration::from_secs(10),
            concurrency: 2,
            structured_output: StructuredOutput::Auto,
        }
    }

    /// Ollama on this machine (`ollama serve`, port 11434).
    pub fn ollama(model: impl Into<String>) -> Self {
        Self::new("http://127.0.0.1:11434/v1", model)
    }
}

/// A successful completion.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub content: String,
    /// The model the server says answered (may differ in spelling from the one asked for).
    pub model: Option<String>,
    pub finish_reason: Option<String>,
    /// Requests sent, retries included.
    pub attempts: u32,
    pub elapsed: Duration,
}

/// The client; cheap to share between threads (`&ChatClient` is `Sync`).
#[derive(Debug)]
pub struct ChatClient {
    config: ClientConfig,
    endpoint: String,
    api_key: Option<String>,
    agent: ureq::Agent,
    schema_refused: AtomicBool,
}

enum Sent {
    Status {
        status: u16,
        body: String,
        retry_after: Option<Duration>,
    },
    Failed(ureq::Error),
}

impl ChatClient {
    /// Checks the base URL and reads the API key variable; sends nothing.
    pub fn new(config: ClientConfig) -> Result<Self, ClientError> {
        let endpoint = classify::endpoint_of(&config.base_url)?;
        let api_key = match &config.api_key_env {
            None => None,
            Some(var) => match std::env::var(var) {
                Ok(key) if !key.trim().is_empty() => Some(key.trim().to_owned()),
                _ => return Err(ClientError::MissingApiKey { var: var.clone() }),
            },
        };
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_global(Some(config.request_timeout))
            .user_agent(concat!("glosser-models/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Self {
            config,
            endpoint,
            api_key,
            agent,
            schema_refused: AtomicBool::new(false),
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The full URL requests go to (`…/v1/chat/completions`).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// True once the server has refused `response_format` and requests go without it.
    pub fn schema_refused(&self) -> bool {
        self.schema_refused.load(Ordering::Relaxed)
    }

    /// One chat completion, retried on 408/429/5xx and failed connections.
    pub fn complete(&self, request: &ChatRequest) -> Result<Completion, ClientError> {
        let started = Instant::now();
        let mode = self.config.structured_output;
        let mut attempt: u32 = 0;
        loop {
            let with_schema = !self.schema_refused();
            let body = request_body(&self.config.model, request, mode, with_schema);
            let sent = self.send(&body);
            let retry_after = match sent {
                Sent::Status {
                    status: 200..=299,
                    body,
                    ..
                } => return self.finish(&body, request, attempt + 1, started),
                Sent::Status {
                    status,
                    body,
                    retry_after,
                } => {
                    if mode == StructuredOutput::Auto
                        && with_schema
                        && classify::refuses_schema(status, &body)
                    {
                        self.schema_refused.store(true, Ordering::Relaxed);
                        continue;
                    }
                    if !retry::retryable_status(status) || attempt >= self.config.max_retries {
                        return Err(self.status_error(status, &body, attempt + 1));
                    }
                    retry_after
                }
                Sent::Failed(ureq::Error::Timeout(_)) => {
                    return Err(ClientError::Timeout {
                        url: self.endpoint.clone(),
                        after: self.config.request_timeout,
                    });
                }
                Sent::Failed(error) => {
                    let Some(detail) = classify::connection_failure(&error) else {
                        return Err(ClientError::Transport {
                            url: self.endpoint.clone(),
                            detail: error.to_string(),
                        });
                    };
                    if attempt >= self.config.max_retries {
                        return Err(ClientError::Unreachable {
                            url: self.endpoint.clone(),
                            detail,
                            attempts: attempt + 1,
                            hint: error::start_hint(&self.endpoint),
                        });
                    }
                    None
                }
            };
            std::thread::sleep(retry::backoff(
                attempt,
                self.config.backoff_initial,
                self.config.backoff_max,
                retry_after,
            ));
            attempt += 1;
        }
    }

    /// Runs every request with at most `concurrency` in flight; results come back in the
    /// order of `requests`. `on_done(i, &result)` is called (from a worker thread) as each
    /// finishes, e.g. to move a progress bar. After an error that every request would hit
    /// (server down, model missing, key refused), requests not yet sent are not sent.
    pub fn complete_all<F>(
        &self,
        requests: &[ChatRequest],
        on_done: F,
    ) -> Vec<Result<Completion, ClientError>>
    where
        F: Fn(usize, &Result<Completion, ClientError>) + Sync,
    {
        let next = AtomicUsize::new(0);
        let stop: Mutex<Option<String>> = Mutex::new(None);
        let results: Mutex<Vec<Option<Result<Completion, ClientError>>>> =
            Mutex::new(vec![None; requests.len()]);
        let workers = self.config.concurrency.clamp(1, requests.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(request) = requests.get(i) else {
                            break;
                        };
                        let stopped = stop.lock().map_or(None, |s| s.clone());
                        let result = match stopped {
                            Some(because) => Err(ClientError::NotSent { because }),
                            None => self.complete(request),
                        };
                        if let Err(e) = &result
                            && e.stops_the_batch()
                            && let Ok(mut s) = stop.lock()
                        {
                            s.get_or_insert_with(|| e.to_string());
                        }
                        on_done(i, &result);
                        if let Ok(mut all) = results.lock() {
                            all[i] = Some(result);
                        }
                    }
                });
            }
        });
        results
            .into_inner()
            .unwrap_or_default()
            .into_iter()
            .map(|r| {
                r.unwrap_or_else(|| {
                    Err(ClientError::NotSent {
                        because: "a worker thread stopped".into(),
                    })
                })
            })
            .collect()
    }

    fn send(&self, body: &Value) -> Sent {
        let bytes = body.to_string();
        let mut req = self
            .agent
            .post(&self.endpoint)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
        if let Some(key) = &self.api_key {
            req = req.header("Authorization", &format!("Bearer {key}"));
        }
        match req.send(bytes.as_bytes()) {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(retry::parse_retry_after);
                match response
                    .body_mut()
                    .with_config()
                    .limit(64 << 20)
                    .read_to_string()
                {
                    Ok(body) => Sent::Status {
                        status,
                        body,
                        retry_after,
                    },
                    Err(e) => Sent::Failed(e),
                }
            }
            Err(e) => Sent::Failed(e),
        }
    }

    fn finish(
        &self,
        body: &str,
        request: &ChatRequest,
        attempts: u32,
        started: Instant,
    ) -> Result<Completion, ClientError> {
        let answer = read_answer(body).map_err(|why| ClientError::MalformedResponse {
            url: self.endpoint.clone(),
            why,
        })?;
        if answer.finish_reason.as_deref() == Some("length") {
            return Err(ClientError::Truncated {
                max_tokens: request.parameters.max_tokens,
            });
        }
        Ok(Completion {
            content: answer.content,
            model: answer.model,
            finish_reason: answer.finish_reason,
            attempts,
            elapsed: started.elapsed(),
        })
    }

    fn status_error(&self, status: u16, body: &str, attempts: u32) -> ClientError {
        classify::status_error(&self.config, &self.endpoint, status, body, attempts)
    }
}

#[cfg(test)]
mod tests;
