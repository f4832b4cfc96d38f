//! A template bound to a label set, guidelines, model and parameters: renders one request per
//! article and names the whole setup by its prompt hash.

use serde_json::{Value, json};

use super::{PromptError, PromptTemplate, render};
use crate::client::{ChatRequest, Message, Parameters, StructuredOutput};
use crate::hash::sha256_hex;
use crate::types::{Label, LabelKind};

/// Everything that shapes a model's answer except the article.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanPrompt {
    labels: Vec<Label>,
    model: String,
    parameters: Parameters,
    schema: Value,
    /// The templates with every placeholder but `{{text}}` filled in.
    system: String,
    user: String,
    hash: String,
}

impl SpanPrompt {
    pub fn new(
        template: &PromptTemplate,
        labels: &[Label],
        guidelines: Option<&str>,
        model: &str,
        parameters: &Parameters,
        structured_output: StructuredOutput,
    ) -> Result<Self, PromptError> {
        if labels.is_empty() {
            return Err(PromptError::NoLabels);
        }
        for (i, label) in labels.iter().enumerate() {
            if labels[..i].iter().any(|l| l.name == label.name) {
                return Err(PromptError::DuplicateLabel {
                    name: label.name.clone(),
                });
            }
        }
        let guidelines = guidelines.map(str::trim).filter(|g| !g.is_empty());
        let schema = answer_schema(labels);
        let schema_text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        let fill = |name: &str| -> Option<String> {
            match name {
                "labels" => Some(label_lines(labels)),
                "label_names" => Some(
                    labels
                        .iter()
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                "guidelines" => Some(guidelines.unwrap_or("(none given)").to_owned()),
                "schema" => Some(schema_text.clone()),
                _ => None,
            }
        };
        let system = render(&template.system, &fill);
        let user = render(&template.user, &fill);
        let hashed = json!({
            "format": "glosser-models/prompt/1",
            "system": system,
            "user": user,
            "labels": labels,
            "guidelines": guidelines,
            "model": model,
            "parameters": parameters,
            "structured_output": structured_output,
            "schema": schema,
        });
        Ok(Self {
            labels: labels.to_vec(),
            model: model.to_owned(),
            parameters: parameters.clone(),
            hash: sha256_hex(hashed.to_string().as_bytes()),
            schema,
            system,
            user,
        })
    }

    /// SHA-256 (hex) of the filled template, labels, guidelines, model, parameters,
    /// structured-output mode and schema: the same hash means the same question.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    pub fn parameters(&self) -> &Parameters {
        &self.parameters
    }

    pub fn schema(&self) -> &Value {
        &self.schema
    }

    /// The system and user messages for one article.
    pub fn messages(&self, text: &str) -> Vec<Message> {
        let fill = |name: &str| (name == "text").then(|| text.to_owned());
        vec![
            Message::system(render(&self.system, &fill)),
            Message::user(render(&self.user, &fill)),
        ]
    }

    /// The chat request for one article.
    pub fn request(&self, text: &str) -> ChatRequest {
        ChatRequest {
            messages: self.messages(text),
            parameters: self.parameters.clone(),
            schema: Some(self.schema.clone()),
        }
    }
}

fn label_lines(labels: &[Label]) -> String {
    labels
        .iter()
        .map(|l| {
            let kind = match l.kind {
                LabelKind::Sentence => "a whole sentence",
                LabelKind::Phrase => "a phrase",
            };
            if l.description.trim().is_empty() {
                format!("- {} ({kind})", l.name)
            } else {
                format!("- {} ({kind}): {}", l.name, l.description.trim())
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The JSON schema of an answer: `{"spans": [{label, quote, occurrence?, context?}]}`.
pub fn answer_schema(labels: &[Label]) -> Value {
    let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
    json!({
        "type": "object",
        "properties": {
            "spans": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "label": {"type": "string", "enum": names},
                        "quote": {"type": "string"},
                        "occurrence": {"type": "integer", "minimum": 1},
                        "context": {"type": "string"},
                    },
                    "required": ["label", "quote"],
                },
            },
        },
        "required": ["spans"],
    })
}
