//! Telling failures apart: base URLs, statuses, refused schemas and broken connections.

use std::io;

use super::error::{self, ClientError};
use super::{ClientConfig, error_text};

/// The error for a non-2xx answer: a missing model, a wrong path and a refused key are told
/// apart by status and message.
pub fn status_error(
    config: &ClientConfig,
    endpoint: &str,
    status: u16,
    body: &str,
    attempts: u32,
) -> ClientError {
    let message = error_text(body);
    let lower = message.to_lowercase();
    let url = endpoint.to_owned();
    let names_missing_model = lower.contains("model")
        && [
            "not found",
            "does not exist",
            "not loaded",
            "no such",
            "pull",
        ]
        .iter()
        .any(|w| lower.contains(w));
    match status {
        404 | 400 if names_missing_model || (status == 404 && lower.contains("model")) => {
            ClientError::ModelNotFound {
                hint: error::model_hint(&url, config.base_url.trim_end_matches('/'), &config.model),
                url,
                model: config.model.clone(),
                message,
            }
        }
        404 => ClientError::EndpointNotFound { url, message },
        401 | 403 => ClientError::Unauthorized {
            url,
            status,
            message,
            hint: error::key_hint(config.api_key_env.as_deref()),
        },
        _ => ClientError::Http {
            url,
            status,
            message,
            attempts,
        },
    }
}

pub fn endpoint_of(base_url: &str) -> Result<String, ClientError> {
    let base = base_url.trim().trim_end_matches('/');
    let invalid = |why: &str| ClientError::InvalidBaseUrl {
        url: base_url.to_owned(),
        why: why.to_owned(),
    };
    let Some((scheme, rest)) = base.split_once("://") else {
        return Err(invalid("it has no http:// or https://"));
    };
    if scheme != "http" && scheme != "https" {
        return Err(invalid("only http and https are supported"));
    }
    if rest.is_empty() || rest.starts_with('/') {
        return Err(invalid("it has no host"));
    }
    if base.ends_with("/chat/completions") {
        return Ok(base.to_owned());
    }
    Ok(format!("{base}/chat/completions"))
}

/// A server that refuses `response_format` says so in a 400/422 naming it.
pub fn refuses_schema(status: u16, body: &str) -> bool {
    let lower = body.to_lowercase();
    matches!(status, 400 | 422)
        && ["response_format", "json_schema", "schema"]
            .iter()
            .any(|w| lower.contains(w))
}

/// The failure in words when it is one worth retrying (no connection, or it broke).
pub fn connection_failure(error: &ureq::Error) -> Option<String> {
    match error {
        ureq::Error::Io(e) => match e.kind() {
            io::ErrorKind::ConnectionRefused => Some("connection refused".into()),
            io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof
            | io::ErrorKind::NotConnected => Some(format!("connection broken: {e}")),
            _ => None,
        },
        ureq::Error::ConnectionFailed => Some("connection failed".into()),
        ureq::Error::HostNotFound => Some("host not found".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
