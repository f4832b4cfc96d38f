//! Reading a model's answer defensively: the JSON may sit inside a ```json fence, after a
//! `<think>` block, or before trailing chatter; items that are not usable are rejected one by
//! one while the others are kept.

use serde_json::Value;

use crate::placement::{Proposal, RejectReason, Rejected};

/// The usable items of an answer and the ones that were not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedAnswer {
    pub proposals: Vec<Proposal>,
    pub malformed: Vec<Rejected>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error(
        "the model's answer holds no JSON (it starts {excerpt:?}); a model that follows \
         instructions poorly may need a JSON-capable server (response_format) or another model"
    )]
    NoJson { excerpt: String },
    #[error(
        "the model's answer is JSON but not a list of spans ({found}); expected \
         {{\"spans\": [{{\"label\": …, \"quote\": …}}]}}"
    )]
    WrongShape { found: String },
}

/// Keys under which a list of items is accepted, in order of preference.
const LIST_KEYS: [&str; 5] = ["spans", "annotations", "items", "results", "entities"];

/// Parses an answer into proposals; fails only when no list of items can be found at all.
pub fn parse_answer(content: &str) -> Result<ParsedAnswer, AnswerError> {
    let content = strip_thinking(content);
    let mut first_json: Option<Value> = None;
    for candidate in json_candidates(content) {
        if let Some(items) = item_list(&candidate) {
            return Ok(read_items(items));
        }
        first_json.get_or_insert(candidate);
    }
    match first_json {
        Some(value) => Err(AnswerError::WrongShape {
            found: describe(&value),
        }),
        None => Err(AnswerError::NoJson {
            excerpt: content.trim().chars().take(80).collect(),
        }),
    }
}

/// The answer without `<think>…</think>` blocks some reasoning models emit before the JSON.
fn strip_thinking(content: &str) -> &str {
    match content.rfind("</think>") {
        Some(end) if content.trim_start().starts_with("<think>") => &content[end + 8..],
        _ => content,
    }
}

/// JSON values found in the answer: the whole text, then fenced blocks, then the first value
/// starting at each `{` or `[` (trailing text ignored).
fn json_candidates(content: &str) -> Vec<Value> {
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_str::<Value>(content.trim()) {
        out.push(v);
        return out;
    }
    for block in fenced_blocks(content) {
        if let Some(v) = first_value(block) {
            out.push(v);
        }
    }
    let mut tried = 0;
    for (i, c) in content.char_indices() {
        if (c == '{' || c == '[') && tried < 64 {
            tried += 1;
            if let Some(v) = first_value(&content[i..]) {
                out.push(v);
            }
        }
    }
    out
}

fn first_value(s: &str) -> Option<Value> {
    let s = s.trim_start();
    serde_json::Deserializer::from_str(s)
        .into_iter::<Value>()
        .next()
        .and_then(Result::ok)
}

/// The bodies of ``` fences (any info string, e.g. `json`).
fn fenced_blocks(content: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = content;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let body_start = after.find('\n').map_or(after.len(), |n| n + 1);
        let body = &after[body_start..];
        if let Some(close) = body.find("```") {
            blocks.push(&body[..close]);
            rest = &body[close + 3..];
        } else {
            blocks.push(body);
            break;
        }
    }
    blocks
}

fn item_list(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Array(items) => Some(items),
        Value::Object(map) => LIST_KEYS
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_array)),
        _ => None,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Object(map) if map.is_empty() => "an empty object".into(),
        Value::Object(map) => format!(
            "an object with keys {}",
            map.keys().take(6).cloned().collect::<Vec<_>>().join(", ")
        ),
        Value::String(_) => "a string".into(),
        Value::Number(_) => "a number".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Null => "null".into(),
        Value::Array(_) => "a list".into(),
    }
}

fn read_items(items: &[Value]) -> ParsedAnswer {
    let mut parsed = ParsedAnswer::default();
    for (index, item) in items.iter().enumerate() {
        match read_item(index, item) {
            Ok(p) => parsed.proposals.push(p),
            Err(why) => parsed.malformed.push(Rejected {
                index,
                label: item.get("label").and_then(Value::as_str).map(str::to_owned),
                quote: item.get("quote").and_then(Value::as_str).map(str::to_owned),
                reason: RejectReason::Malformed { why },
            }),
        }
    }
    parsed
}

fn read_item(index: usize, item: &Value) -> Result<Proposal, String> {
    let Value::Object(map) = item else {
        return Err(format!("{} instead of an object", describe(item)));
    };
    let text_field = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!(
                "`{key}` is {} instead of a string",
                describe(other)
            )),
        }
    };
    let label = text_field("label")?.ok_or("`label` is missing")?;
    let quote = match text_field("quote")? {
        Some(q) => q,
        None => text_field("text")?.ok_or("`quote` is missing")?,
    };
    let occurrence = match map.get("occurrence") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(
            n.as_u64()
                .ok_or(format!("`occurrence` is {n}, not a whole number ≥ 1"))?,
        ),
        Some(Value::String(s)) => Some(
            s.trim()
                .parse::<u64>()
                .map_err(|_| format!("`occurrence` is {s:?}, not a whole number ≥ 1"))?,
        ),
        Some(other) => {
            return Err(format!(
                "`occurrence` is {} instead of a number",
                describe(other)
            ));
        }
    };
    let score = match map.get("score").or_else(|| map.get("confidence")) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => {
            return Err(format!(
                "`score` is {} instead of a number",
                describe(other)
            ));
        }
    };
    Ok(Proposal {
        index,
        label,
        quote,
        occurrence,
        context: text_field("context")?,
        score,
    })
}

#[cfg(test)]
mod tests;
