//! The chat-completions wire format: request bodies, and reading answers and error bodies
//! from the servers that speak it (OpenAI, Ollama, llama.cpp, vLLM, LM Studio).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    User,
    Assistant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub role: Role,
    pub content: String,
}

impl Message {
    pub fn system(content: impl Into<String>) -> Self {
        Self {
            role: Role::System,
            content: content.into(),
        }
    }

    pub fn user(content: impl Into<String>) -> Self {
        Self {
            role: Role::User,
            content: content.into(),
        }
    }
}

/// Sampling parameters sent with every request (and hashed into the prompt hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parameters {
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    pub seed: Option<u64>,
    pub max_tokens: Option<u32>,
}

impl Default for Parameters {
    /// Temperature 0 and a fixed seed: the most repeatable answers a server offers.
    fn default() -> Self {
        Self {
            temperature: Some(0.0),
            top_p: None,
            seed: Some(0),
            max_tokens: Some(4096),
        }
    }
}

/// How the answer's JSON shape is requested from the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructuredOutput {
    /// `response_format: {type: json_schema}`; if the server rejects it (400/422 naming it),
    /// the request is sent again without it and the client remembers not to send it.
    #[default]
    Auto,
    /// Always `response_format: {type: json_schema}`.
    JsonSchema,
    /// `response_format: {type: json_object}` (JSON, shape not enforced).
    JsonObject,
    /// No `response_format`: the prompt alone asks for JSON.
    Off,
}

/// One chat-completions call: the messages, the parameters and the JSON schema of the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatRequest {
    pub messages: Vec<Message>,
    pub parameters: Parameters,
    pub schema: Option<Value>,
}

/// The JSON body of a request; `with_schema` false leaves `response_format` out.
pub fn request_body(
    model: &str,
    request: &ChatRequest,
    mode: StructuredOutput,
    with_schema: bool,
) -> Value {
    let p = &request.parameters;
    let mut body = json!({
        "model": model,
        "messages": request.messages,
        "stream": false,
    });
    let fields = [
        ("temperature", p.temperature.map(Value::from)),
        ("top_p", p.top_p.map(Value::from)),
        ("seed", p.seed.map(Value::from)),
        ("max_tokens", p.max_tokens.map(Value::from)),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            body[key] = value;
        }
    }
    let format = match (mode, &request.schema) {
        (StructuredOutput::Off, _) => None,
        (_, _) if !with_schema => None,
        (StructuredOutput::JsonObject, _) | (_, None) => Some(json!({"type": "json_object"})),
        (StructuredOutput::Auto | StructuredOutput::JsonSchema, Some(schema)) => Some(json!({
            "type": "json_schema",
            "json_schema": {"name": "spans", "schema": schema},
        })),
    };
    if let Some(format) = format {
        body["response_format"] = format;
    }
    body
}

/// What a successful response carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub content: String,
    pub model: Option<String>,
    pub finish_reason: Option<String>,
}

/// Reads a 200 response body; `Err` says what is missing.
pub fn read_answer(body: &str) -> Result<Answer, String> {
    let value: Value =
        serde_json::from_str(body).map_err(|e| format!("the body is not JSON ({e})"))?;
    if let Some(message) = error_message(&value) {
        return Err(format!("the body is an error: {message}"));
    }
    let choice = value
        .get("choices")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .ok_or("it has no `choices`")?;
    let content = match choice.pointer("/message/content") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(_) => return Err("`choices[0].message.content` is not a string".into()),
    };
    Ok(Answer {
        content,
        model: value
            .get("model")
            .and_then(Value::as_str)
            .map(str::to_owned),
        finish_reason: choice
            .get("finish_reason")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

/// The message of an error body in any of the shapes servers use:
/// `{"error": {"message": …}}` (OpenAI, Ollama /v1, llama.cpp), `{"error": "…"}` (Ollama's own
/// API), `{"message": …}` or `{"detail": …}` (vLLM, FastAPI).
pub fn error_message(value: &Value) -> Option<String> {
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Array(items) => Some(
                items
                    .iter()
                    .filter_map(|i| i.get("msg").and_then(Value::as_str).or(i.as_str()))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            _ => None,
        }
    };
    match value.get("error") {
        Some(Value::Object(e)) => e.get("message").and_then(text),
        Some(other) => text(other),
        None => value
            .get("message")
            .or_else(|| value.get("detail"))
            .and_then(text),
    }
}

/// The message of an error body, or the start of the body when it is not JSON.
pub fn error_text(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| error_message(&v))
        .unwrap_or_else(|| body.trim().chars().take(200).collect())
}

#[cfg(test)]
mod tests;
