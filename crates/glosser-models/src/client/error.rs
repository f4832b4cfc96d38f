//! What can go wrong talking to a model server, each error saying what to do about it.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("base URL {url:?} is not usable: {why} (e.g. http://127.0.0.1:11434/v1 for Ollama)")]
    InvalidBaseUrl { url: String, why: String },
    #[error(
        "the API key variable {var} is not set (or empty): export it, or leave the key out \
         for a local server that needs none"
    )]
    MissingApiKey { var: String },
    #[error("cannot reach the model server at {url} ({detail}; {attempts} attempt(s)): {hint}")]
    Unreachable {
        url: String,
        detail: String,
        attempts: u32,
        hint: String,
    },
    #[error(
        "no answer from {url} within {} s: the model may still be loading or be too slow for \
         this text; raise the timeout, lower the concurrency or pick a smaller model",
        after.as_secs_f64()
    )]
    Timeout { url: String, after: Duration },
    #[error("the server at {url} has no model {model:?} ({message}): {hint}")]
    ModelNotFound {
        url: String,
        model: String,
        message: String,
        hint: String,
    },
    #[error(
        "{url} answered 404 ({message}): is the base URL right? It should end in /v1 \
         (Ollama: http://127.0.0.1:11434/v1, llama.cpp: http://127.0.0.1:8080/v1)"
    )]
    EndpointNotFound { url: String, message: String },
    #[error("{url} refused the request ({status}: {message}): {hint}")]
    Unauthorized {
        url: String,
        status: u16,
        message: String,
        hint: String,
    },
    #[error("{url} answered {status} after {attempts} attempt(s): {message}")]
    Http {
        url: String,
        status: u16,
        message: String,
        attempts: u32,
    },
    #[error(
        "{url} answered, but not with a chat completion ({why}); is it an OpenAI-compatible server?"
    )]
    MalformedResponse { url: String, why: String },
    #[error(
        "the model's answer was cut off at the token limit (max_tokens {max_tokens:?}): raise \
         max_tokens or annotate shorter texts"
    )]
    Truncated { max_tokens: Option<u32> },
    #[error("the connection to {url} failed: {detail}")]
    Transport { url: String, detail: String },
    #[error("not sent: an earlier request already failed in a way every request would ({because})")]
    NotSent { because: String },
}

impl ClientError {
    /// Errors that every further request to the same server would hit too.
    pub fn stops_the_batch(&self) -> bool {
        matches!(
            self,
            Self::Unreachable { .. }
                | Self::ModelNotFound { .. }
                | Self::EndpointNotFound { .. }
                | Self::Unauthorized { .. }
                | Self::InvalidBaseUrl { .. }
                | Self::MissingApiKey { .. }
        )
    }
}

/// What to start, judged by the port of the URL (the servers' default ports).
pub fn start_hint(url: &str) -> String {
    match port_of(url) {
        Some(11434) => "is Ollama running? Start it with `ollama serve` (or open the Ollama app)".into(),
        Some(8080) => "is llama.cpp's server running? Start it with `llama-server -m MODEL.gguf --port 8080`".into(),
        Some(8000) => "is vLLM running? Start it with `vllm serve MODEL`".into(),
        Some(1234) => "is LM Studio's server running? Start it with `lms server start` or from the app's Developer tab".into(),
        _ => "is the model server running? Start it, or check the host and port of the base URL".into(),
    }
}

/// How to get a missing model, judged by the port of the URL.
pub fn model_hint(url: &str, base_url: &str, model: &str) -> String {
    match port_of(url) {
        Some(11434) => {
            format!("fetch it with `ollama pull {model}` (`ollama list` shows what is there)")
        }
        Some(1234) => format!("load it with `lms load {model}` or in LM Studio"),
        _ => format!("check the name against GET {base_url}/models"),
    }
}

pub fn key_hint(api_key_env: Option<&str>) -> String {
    match api_key_env {
        Some(var) => format!("check the key in {var}"),
        None => "the server wants an API key: name the variable that holds it (api_key_env)".into(),
    }
}

fn port_of(url: &str) -> Option<u16> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host_port = rest.split('/').next()?;
    let (_, port) = host_port.rsplit_once(':')?;
    port.parse().ok()
}

#[cfg(test)]
mod tests;
