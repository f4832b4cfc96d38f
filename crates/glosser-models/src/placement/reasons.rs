//! Why a proposal was not placed, in words an analyst can act on.

use serde::Serialize;

use super::Proposal;

/// A proposal that was not placed, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    /// Position of the item in the model's answer (0-based).
    pub index: usize,
    pub label: Option<String>,
    pub quote: Option<String>,
    pub reason: RejectReason,
}

impl Rejected {
    pub fn of(proposal: &Proposal, reason: RejectReason) -> Self {
        Self {
            index: proposal.index,
            label: Some(proposal.label.clone()),
            quote: Some(proposal.quote.clone()),
            reason,
        }
    }
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "item {}", self.index + 1)?;
        if let Some(label) = &self.label {
            write!(f, " ({label}")?;
            if let Some(quote) = &self.quote {
                write!(f, " {quote:?}")?;
            }
            write!(f, ")")?;
        }
        write!(f, ": {}", self.reason)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RejectReason {
    #[error("the answer item is not usable: {why}")]
    Malformed { why: String },
    #[error("label {label:?} is not in the label set ({known}){hint}",
        known = known.join(", "),
        hint = similar.as_ref().map(|s| format!("; did you mean {s:?}?")).unwrap_or_default())]
    UnknownLabel {
        label: String,
        known: Vec<String>,
        similar: Option<String>,
    },
    #[error("score {score} is outside 0..1")]
    ScoreOutOfRange { score: f64 },
    #[error("the quote is empty")]
    EmptyQuote,
    #[error("the quote does not occur verbatim in the text{hint}",
        hint = if *differs_only_in_form {
            " (it does with other whitespace, quote marks, dashes or case: a normalisation option would place it)"
        } else { "" })]
    QuoteNotFound { differs_only_in_form: bool },
    #[error("occurrence counts from 1 (the first); 0 names none")]
    OccurrenceZero,
    #[error("occurrence {requested} was asked for but the quote occurs {found} time(s)")]
    NoSuchOccurrence { requested: u64, found: usize },
    #[error("the quote occurs {count} times and the item gives neither occurrence nor context")]
    Ambiguous { count: usize },
    #[error("no occurrence of the quote (of {occurrences}) follows the context {context:?}")]
    ContextNotFound { context: String, occurrences: usize },
    #[error(
        "{matching} occurrences of the quote follow the context {context:?}; give the occurrence"
    )]
    ContextAmbiguous { context: String, matching: usize },
    #[error("occurrence {occurrence} does not follow the context {context:?} given with it")]
    ContextDisagrees { occurrence: u64, context: String },
    #[error("the match would start or end inside one character's normalised form (char {offset})")]
    SplitsCharacter { offset: usize },
    #[error(
        "the span would split a grapheme cluster (a user-perceived character) at char {offset}"
    )]
    SplitsGrapheme { offset: usize },
    #[error("the same span with the same label was already placed by an earlier item")]
    Duplicate,
}

#[cfg(test)]
mod tests;
