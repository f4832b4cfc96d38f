//! Mapping a model's proposals (label, exact quote, occurrence or context) to character offsets,
//! exactly or not at all: every proposal is either placed or rejected with its reason.

mod normalize;
mod reasons;

use std::cell::OnceCell;
use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::types::{Label, Span};
pub use normalize::{Normalization, Normalized, normalize_str};
pub use reasons::{RejectReason, Rejected};

/// One item of a model's answer: a label and the exact words it covers, with the
/// occurrence (1 = first) or a few words of context before it when the words repeat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Position of the item in the model's answer (0-based), for reporting.
    pub index: usize,
    pub label: String,
    pub quote: String,
    #[serde(default)]
    pub occurrence: Option<u64>,
    #[serde(default)]
    pub context: Option<String>,
    #[serde(default)]
    pub score: Option<f64>,
}

/// Spans placed exactly and the items that were not, each with why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    pub spans: Vec<Span>,
    pub rejected: Vec<Rejected>,
}

/// Places every proposal on `text` or rejects it; one bad item never affects the others.
/// Spans come out in the order of the proposals; a proposal landing on a span already placed
/// with the same label is rejected as a duplicate.
pub fn place(
    text: &str,
    labels: &[Label],
    proposals: &[Proposal],
    normalization: Normalization,
) -> Placement {
    let target = Target::new(text, normalization);
    let mut placement = Placement::default();
    let mut seen: HashSet<(usize, usize, String)> = HashSet::new();
    for proposal in proposals {
        match place_one(&target, labels, proposal) {
            Ok(span) => {
                if seen.insert((span.start, span.end, span.label.clone())) {
                    placement.spans.push(span);
                } else {
                    placement
                        .rejected
                        .push(Rejected::of(proposal, RejectReason::Duplicate));
                }
            }
            Err(reason) => placement.rejected.push(Rejected::of(proposal, reason)),
        }
    }
    placement
}

/// A document prepared for placing: its normalised form and its grapheme boundaries.
struct Target<'a> {
    original: &'a str,
    how: Normalization,
    normalized: Normalized,
    /// `boundary[c]`: char offset `c` is a grapheme cluster boundary (len = chars + 1).
    boundary: Vec<bool>,
    lenient: OnceCell<Normalized>,
}

impl<'a> Target<'a> {
    fn new(original: &'a str, how: Normalization) -> Self {
        Self {
            original,
            how,
            normalized: Normalized::new(original, how),
            boundary: grapheme_boundaries(original),
            lenient: OnceCell::new(),
        }
    }

    fn lenient(&self) -> &Normalized {
        self.lenient
            .get_or_init(|| Normalized::new(self.original, Normalization::lenient()))
    }

    /// Original char range of the normalised char range `from..to` (to > from), or the
    /// normalised offset that falls inside one original character.
    fn original_range(&self, from: usize, to: usize) -> Result<(usize, usize), usize> {
        let origin = &self.normalized.origin;
        let splits = |k: usize| k > 0 && k < origin.len() && origin[k - 1] == origin[k];
        if splits(from) {
            return Err(origin[from].0);
        }
        if splits(to) {
            return Err(origin[to].0);
        }
        Ok((origin[from].0, origin[to - 1].1))
    }

    /// Does the text before original char `start` end with `context`? Both are compared in
    /// lenient form (whitespace, quote marks, dashes, case), as context only chooses among
    /// verbatim occurrences.
    fn preceded_by(&self, start: usize, context: &str) -> bool {
        let want = normalize_str(context, Normalization::lenient());
        let lenient = self.lenient();
        let cut = lenient.origin.partition_point(|&(from, _)| from < start);
        lenient.text[..lenient.byte_at[cut]]
            .trim_end()
            .ends_with(want.trim())
    }
}

/// `out[c]`: char offset `c` of `text` is a grapheme cluster boundary (len = chars + 1).
pub fn grapheme_boundaries(text: &str) -> Vec<bool> {
    let mut boundary = vec![false; text.chars().count() + 1];
    let (mut chars, mut last) = (0, 0);
    for (byte, _) in text.grapheme_indices(true) {
        chars += text[last..byte].chars().count();
        last = byte;
        boundary[chars] = true;
    }
    if let Some(end) = boundary.last_mut() {
        *end = true;
    }
    boundary
}

fn place_one(target: &Target, labels: &[Label], p: &Proposal) -> Result<Span, RejectReason> {
    if !labels.iter().any(|l| l.name == p.label) {
        let similar = labels
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(p.label.trim()))
            .map(|l| l.name.clone());
        return Err(RejectReason::UnknownLabel {
            label: p.label.clone(),
            known: labels.iter().map(|l| l.name.clone()).collect(),
            similar,
        });
    }
    let score = match p.score {
        None => 1.0,
        Some(s) if (0.0..=1.0).contains(&s) => s,
        Some(s) => return Err(RejectReason::ScoreOutOfRange { score: s }),
    };
    let quote = normalize_str(&p.quote, target.how);
    if quote.trim().is_empty() {
        return Err(RejectReason::EmptyQuote);
    }
    let hits: Vec<usize> = target
        .normalized
        .text
        .match_indices(quote.as_str())
        .map(|(b, _)| target.normalized.char_index(b))
        .collect();
    if hits.is_empty() {
        let lenient = normalize_str(&p.quote, Normalization::lenient());
        return Err(RejectReason::QuoteNotFound {
            differs_only_in_form: target.how != Normalization::lenient()
                && target.lenient().text.contains(lenient.as_str()),
        });
    }
    let quote_len = quote.chars().count();
    let context = p.context.as_deref().filter(|c| !c.trim().is_empty());
    let start_of = |hit: usize| target.normalized.origin[hit].0;
    let chosen = match (p.occurrence, context) {
        (Some(0), _) => return Err(RejectReason::OccurrenceZero),
        (Some(n), _) if n as usize > hits.len() => {
            return Err(RejectReason::NoSuchOccurrence {
                requested: n,
                found: hits.len(),
            });
        }
        (Some(n), Some(c)) => {
            let hit = hits[n as usize - 1];
            if !target.preceded_by(start_of(hit), c) {
                return Err(RejectReason::ContextDisagrees {
                    occurrence: n,
                    context: c.to_owned(),
                });
            }
            hit
        }
        (Some(n), None) => hits[n as usize - 1],
        (None, Some(c)) => {
            let matching: Vec<usize> = hits
                .iter()
                .copied()
                .filter(|&h| target.preceded_by(start_of(h), c))
                .collect();
            match matching.as_slice() {
                [] => {
                    return Err(RejectReason::ContextNotFound {
                        context: c.to_owned(),
                        occurrences: hits.len(),
                    });
                }
                [one] => *one,
                many => {
                    return Err(RejectReason::ContextAmbiguous {
                        context: c.to_owned(),
                        matching: many.len(),
                    });
                }
            }
        }
        (None, None) => match hits.as_slice() {
            [one] => *one,
            many => return Err(RejectReason::Ambiguous { count: many.len() }),
        },
    };
    let (start, end) = target
        .original_range(chosen, chosen + quote_len)
        .map_err(|offset| RejectReason::SplitsCharacter { offset })?;
    for offset in [start, end] {
        if !target.boundary[offset] {
            return Err(RejectReason::SplitsGrapheme { offset });
        }
    }
    Ok(Span {
        start,
        end,
        label: p.label.clone(),
        score,
    })
}

#[cfg(test)]
mod tests;
