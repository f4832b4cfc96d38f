//! spaCy EntityRuler / Prodigy pattern files (JSONL): phrase patterns matched on token boundaries
//! and token patterns with a subset of spaCy's `Matcher` attributes and operators. Overlapping
//! matches are resolved as the EntityRuler does (longest first, then earliest).
//!
//! Token attributes (names in any case): `ORTH`/`TEXT`, `LOWER` (a string, or `{"REGEX": …}`,
//! `{"IN": […]}`, `{"NOT_IN": […]}`), `LENGTH` (an integer, `IN`/`NOT_IN`, or a comparison
//! `==` `!=` `>=` `<=` `>` `<`), the flags `IS_ALPHA` `IS_ASCII` `IS_DIGIT` `IS_LOWER`
//! `IS_UPPER` `IS_TITLE` `IS_PUNCT` `IS_SPACE` (true/false), and `REGEX` (shorthand for
//! `{"TEXT": {"REGEX": …}}`; searched, not anchored, as in spaCy). Operators `OP`: `!` (exactly
//! one token that does not match), `?`, `*`, `+`. Anything else is an error naming the line.

mod token;

use std::collections::BTreeSet;

use serde_json::Value;

use super::Proposal;
use super::words::{Word, find_phrase, phrase_words, words};
use crate::labels::LabelSet;
use crate::text::Document;
pub use token::{Op, Pred, TokenSpec};

/// A pattern file could not be used; the message names the line.
#[derive(Debug, thiserror::Error)]
#[error("{origin}:{line}: {message}")]
pub struct PatternError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

/// One pattern of a file.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// Token texts of a phrase.
    Phrase(Vec<String>),
    /// Token specifications.
    Tokens(Vec<TokenSpec>),
}

/// The patterns of a file, with their labels, in file order.
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    pub patterns: Vec<(String, Pattern)>,
}

impl PatternSet {
    /// Parses a JSONL pattern file; `origin` names it in errors. Every label must be in `labels`.
    pub fn parse(source: &str, origin: &str, labels: &LabelSet) -> Result<Self, PatternError> {
        let mut patterns = Vec::new();
        for (i, line) in source.lines().enumerate() {
            let err = |message: String| PatternError {
                origin: origin.to_owned(),
                line: i + 1,
                message,
            };
            if line.trim().is_empty() {
                continue;
            }
            let value: Value =
                serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
            let Value::Object(map) = value else {
                return Err(err("a pattern is a JSON object".to_owned()));
            };
            if let Some(key) = map
                .keys()
                .find(|k| !matches!(k.as_str(), "label" | "pattern" | "id"))
            {
                return Err(err(format!(
                    "unknown key {key:?}; a pattern has \"label\", \"pattern\" and optionally \"id\""
                )));
            }
            let Some(Value::String(label)) = map.get("label") else {
                return Err(err("\"label\" must be a string".to_owned()));
            };
            if !labels.contains(label) {
                let names: Vec<&str> = labels.labels().iter().map(|l| l.name.as_str()).collect();
                return Err(err(format!(
                    "label {label:?} is not in the label set ({})",
                    names.join(", ")
                )));
            }
            let pattern = match map.get("pattern") {
                Some(Value::String(phrase)) => {
                    let words = phrase_words(phrase);
                    if words.is_empty() {
                        return Err(err("the phrase pattern is empty".to_owned()));
                    }
                    Pattern::Phrase(words)
                }
                Some(Value::Array(tokens)) if !tokens.is_empty() => Pattern::Tokens(
                    tokens
                        .iter()
                        .enumerate()
                        .map(|(n, t)| {
                            TokenSpec::parse(t).map_err(|m| err(format!("token {}: {m}", n + 1)))
                        })
                        .collect::<Result<_, _>>()?,
                ),
                _ => {
                    return Err(err(
                        "\"pattern\" must be a string (phrase) or a non-empty list of token objects"
                            .to_owned(),
                    ));
                }
            };
            patterns.push((label.clone(), pattern));
        }
        Ok(Self { patterns })
    }

    /// The matches in `doc`, overlaps resolved as spaCy's EntityRuler does: longest first, then
    /// earliest, then pattern order; a match sharing a token with a kept one is dropped.
    pub fn suggest(&self, doc: &Document) -> Vec<Proposal> {
        let words = words(doc);
        let mut matches: Vec<(usize, usize, usize)> = Vec::new();
        for (p, (_, pattern)) in self.patterns.iter().enumerate() {
            match pattern {
                Pattern::Phrase(phrase) => {
                    for (a, b) in find_phrase(&words, phrase) {
                        matches.push((a, b, p));
                    }
                }
                Pattern::Tokens(specs) => {
                    for start in 0..words.len() {
                        let mut ends = BTreeSet::new();
                        token::ends(specs, 0, start, &words, &mut ends);
                        for end in ends.into_iter().filter(|&e| e > start) {
                            matches.push((start, end, p));
                        }
                    }
                }
            }
        }
        matches.sort_by(|x, y| {
            (y.1 - y.0)
                .cmp(&(x.1 - x.0))
                .then(x.0.cmp(&y.0))
                .then(x.2.cmp(&y.2))
        });
        matches.dedup();
        let mut taken = vec![false; words.len()];
        let mut out = Vec::new();
        for (a, b, p) in matches {
            if taken[a..b].iter().any(|t| *t) {
                continue;
            }
            taken[a..b].iter_mut().for_each(|t| *t = true);
            out.push(proposal(&words, a, b, &self.patterns[p].0));
        }
        out.sort_by(|x, y| (x.start, x.end, &x.label).cmp(&(y.start, y.end, &y.label)));
        out
    }
}

fn proposal(words: &[Word], a: usize, b: usize, label: &str) -> Proposal {
    Proposal {
        start: words[a].start,
        end: words[b - 1].end,
        label: label.to_owned(),
        score: 1.0,
    }
}

#[cfg(test)]
mod tests;
