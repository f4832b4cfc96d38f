//! The span-annotation prompt: a template (built in, or a file) filled with the corpus's labels,
//! guidelines and the article, the JSON schema of the answer, and the prompt hash that names
//! everything that shapes the answer except the article.

mod span_prompt;

use std::path::Path;

pub use span_prompt::{SpanPrompt, answer_schema};

/// The built-in template (see the crate README for its placeholders).
pub const DEFAULT_TEMPLATE: &str = include_str!("prompt/default.txt");

/// Placeholders a template may use, with what each becomes.
pub const PLACEHOLDERS: [(&str, &str); 5] = [
    ("text", "the article, unchanged (required)"),
    (
        "labels",
        "one line per label: `- name (a whole sentence | a phrase): description`",
    ),
    ("label_names", "the label names, comma-separated"),
    ("guidelines", "the guidelines text, or `(none given)`"),
    (
        "schema",
        "the JSON schema of the expected answer, pretty-printed",
    ),
];

const SYSTEM_MARK: &str = "### system";
const USER_MARK: &str = "### user";
const DEFAULT_SYSTEM: &str =
    "You are a careful annotator of news articles. You answer with JSON only, never with prose.";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PromptError {
    #[error("cannot read the prompt template {path}: {detail}")]
    Unreadable { path: String, detail: String },
    #[error("the prompt template uses {{{{{name}}}}}, which is not a placeholder; known: {known}")]
    UnknownPlaceholder { name: String, known: String },
    #[error(
        "the prompt template has no {{{{text}}}} in its user part, so the article would never be sent"
    )]
    NoText,
    #[error("no labels to annotate with: give at least one")]
    NoLabels,
    #[error("label {name:?} is given twice")]
    DuplicateLabel { name: String },
}

/// A prompt template: a system message and a user message, both with placeholders.
///
/// A template file is the user message alone, or `### system` and `### user` lines
/// introducing each part (the built-in system message is used when there is no system part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptTemplate {
    pub system: String,
    pub user: String,
}

impl Default for PromptTemplate {
    fn default() -> Self {
        Self::parse(DEFAULT_TEMPLATE).unwrap_or_else(|_| Self {
            system: DEFAULT_SYSTEM.into(),
            user: "{{labels}}\n{{text}}".into(),
        })
    }
}

impl PromptTemplate {
    /// Reads a template, checking its placeholders.
    pub fn parse(source: &str) -> Result<Self, PromptError> {
        let (system, user) = split_parts(source);
        let template = Self {
            system: system.map_or_else(|| DEFAULT_SYSTEM.to_owned(), |s| s.trim().to_owned()),
            user: user.trim().to_owned(),
        };
        for part in [&template.system, &template.user] {
            for name in placeholders_in(part) {
                if !PLACEHOLDERS.iter().any(|(known, _)| *known == name) {
                    return Err(PromptError::UnknownPlaceholder {
                        name: name.to_owned(),
                        known: PLACEHOLDERS
                            .iter()
                            .map(|(k, _)| format!("{{{{{k}}}}}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
            }
        }
        if !placeholders_in(&template.user).any(|n| n == "text") {
            return Err(PromptError::NoText);
        }
        Ok(template)
    }

    pub fn from_file(path: &Path) -> Result<Self, PromptError> {
        let source = std::fs::read_to_string(path).map_err(|e| PromptError::Unreadable {
            path: path.display().to_string(),
            detail: e.to_string(),
        })?;
        Self::parse(&source)
    }
}

/// Splits `### system` / `### user` parts; without a user mark the whole source is the user part.
fn split_parts(source: &str) -> (Option<&str>, &str) {
    let line_start = |mark: &str| -> Option<usize> {
        let mut at = 0;
        for line in source.split_inclusive('\n') {
            if line.trim_end() == mark {
                return Some(at);
            }
            at += line.len();
        }
        None
    };
    let Some(user_at) = line_start(USER_MARK) else {
        return (None, source);
    };
    let user = source[user_at + USER_MARK.len()..].trim_start_matches(['\r', '\n']);
    let system = line_start(SYSTEM_MARK)
        .filter(|&s| s < user_at)
        .map(|s| &source[s + SYSTEM_MARK.len()..user_at]);
    (system, user)
}

/// Names of `{{name}}` placeholders (lowercase letters and `_`); other braces are left alone.
fn placeholders_in(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("{{").filter_map(move |(i, _)| {
        let rest = &text[i + 2..];
        let end = rest.find("}}")?;
        let name = &rest[..end];
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .then_some(name)
    })
}

/// Replaces placeholders in one pass, so text substituted in is never expanded again.
fn render(template: &str, values: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        if let Some((end, value)) = after
            .find("}}")
            .and_then(|end| Some((end, values(&after[..end])?)))
        {
            out.push_str(&value);
            rest = &after[end + 2..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
