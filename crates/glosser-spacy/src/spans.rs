//! Labelled character spans on spaCy's tokens: which spans fall on token edges (the others are
//! reported with the reason, never moved), and which non-overlapping subset goes to `doc.ents`.

use std::fmt;
use std::ops::Range;

use crate::tokenizer::Token;

/// A labelled span of a document: char offsets (Python `str` indices), end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LabelledSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl LabelledSpan {
    pub fn new(start: usize, end: usize, label: impl Into<String>) -> Self {
        Self {
            start,
            end,
            label: label.into(),
        }
    }

    /// Length in chars.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Why a span was not placed (or not placed in `doc.ents`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanProblem {
    /// The span ends past the text (or starts after its end).
    OutOfText { text_chars: usize },
    /// Start equals end.
    Empty,
    /// The label is the empty string, which spaCy stores as "no label".
    EmptyLabel,
    /// The label is not in the label list the output was asked for (its tag names).
    UnknownLabel,
    /// The start falls inside a spaCy token, or on the single space after one (`token`).
    StartInsideToken {
        token: Range<usize>,
        token_text: String,
    },
    /// The end falls inside a spaCy token, or on the single space after one (`token`).
    EndInsideToken {
        token: Range<usize>,
        token_text: String,
    },
    /// Left out of `doc.ents` for a longer (or earlier) span it overlaps.
    OverlapsKeptSpan { kept: LabelledSpan },
    /// Left out of `doc.ents`: its first or last token is whitespace, which spaCy's `ner`
    /// cannot learn (`spacy debug data` warns about such entities).
    WhitespaceAtEdge,
}

/// A span that could not be placed where it was asked for, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanIssue {
    /// Index of the span in the document's input list.
    pub index: usize,
    pub span: LabelledSpan,
    /// The span's text (empty when it is out of the text).
    pub text: String,
    pub problem: SpanProblem,
}

impl fmt::Display for SpanIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.span;
        write!(f, "{}..{} {} {:?}: ", s.start, s.end, s.label, self.text)?;
        match &self.problem {
            SpanProblem::OutOfText { text_chars } => {
                write!(f, "ends past the text ({text_chars} chars)")
            }
            SpanProblem::Empty => write!(f, "is empty"),
            SpanProblem::EmptyLabel => write!(f, "has an empty label"),
            SpanProblem::UnknownLabel => write!(
                f,
                "has a label that is not in the label list; add the label or leave the span out"
            ),
            SpanProblem::StartInsideToken { token, token_text } => write!(
                f,
                "starts inside spaCy's token {token_text:?} ({}..{}) or the space after it; spaCy cannot learn it as it \
                 tokenizes, so it is left out (move the span edge to the token edge)",
                token.start, token.end
            ),
            SpanProblem::EndInsideToken { token, token_text } => write!(
                f,
                "ends inside spaCy's token {token_text:?} ({}..{}) or the space after it; spaCy cannot learn it as it \
                 tokenizes, so it is left out (move the span edge to the token edge)",
                token.start, token.end
            ),
            SpanProblem::OverlapsKeptSpan { kept } => write!(
                f,
                "left out of doc.ents: overlaps {} {}..{}, which was kept (doc.spans has both)",
                kept.label, kept.start, kept.end
            ),
            SpanProblem::WhitespaceAtEdge => write!(
                f,
                "left out of doc.ents: starts or ends with a whitespace token, which ner cannot \
                 learn (doc.spans has it)"
            ),
        }
    }
}

/// A span placed on tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedSpan {
    /// Index of the span in the document's input list.
    pub index: usize,
    pub span: LabelledSpan,
    /// Token indices, end exclusive.
    pub tokens: Range<usize>,
}

impl PlacedSpan {
    /// The span's text in `text`.
    pub fn span_text(&self, text: &str) -> String {
        slice_chars(text, self.span.start, self.span.end)
    }
}

fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Places each span on the tokens the way `Doc.char_span(…, alignment_mode="strict")` does:
/// its start must be a token's start and its end a token's end. Returns the placed spans in
/// input order and the others with the reason.
pub fn align(
    text: &str,
    tokens: &[Token],
    spans: &[LabelledSpan],
) -> (Vec<PlacedSpan>, Vec<SpanIssue>) {
    let text_chars = text.chars().count();
    let mut placed = Vec::with_capacity(spans.len());
    let mut issues = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let issue = |problem| SpanIssue {
            index,
            span: span.clone(),
            text: slice_chars(text, span.start, span.end.min(text_chars)),
            problem,
        };
        if span.end > text_chars || span.start > span.end {
            issues.push(issue(SpanProblem::OutOfText { text_chars }));
            continue;
        }
        if span.is_empty() {
            issues.push(issue(SpanProblem::Empty));
            continue;
        }
        if span.label.is_empty() {
            issues.push(issue(SpanProblem::EmptyLabel));
            continue;
        }
        let around = |i: usize, limit: usize| {
            // The token holding char `limit`, or the one whose trailing space holds it.
            let i = match tokens.get(i) {
                Some(t) if t.start <= limit => i,
                _ => i.saturating_sub(1),
            };
            tokens
                .get(i)
                .map(|t| (t.start..t.end, t.text(text).to_owned()))
                .unwrap_or_default()
        };
        let first = tokens.partition_point(|t| t.end <= span.start);
        if tokens.get(first).is_none_or(|t| t.start != span.start) {
            let (token, token_text) = around(first, span.start);
            issues.push(issue(SpanProblem::StartInsideToken { token, token_text }));
            continue;
        }
        let last = tokens.partition_point(|t| t.end < span.end);
        if tokens.get(last).is_none_or(|t| t.end != span.end) {
            let (token, token_text) = around(last, span.end - 1);
            issues.push(issue(SpanProblem::EndInsideToken { token, token_text }));
            continue;
        }
        placed.push(PlacedSpan {
            index,
            span: span.clone(),
            tokens: first..last + 1,
        });
    }
    (placed, issues)
}

/// The spans for `doc.ents` (and IOB tags): no two share a token. The longest span in chars
/// wins, ties go to the earlier start, then to the earlier span in the input — glosser's
/// `--overlaps longest`. Spans whose first or last token is whitespace are left out too.
/// Returns the kept spans by start and the others with the reason.
pub fn non_overlapping(
    text: &str,
    tokens: &[Token],
    placed: &[PlacedSpan],
    is_whitespace: impl Fn(char) -> bool,
) -> (Vec<PlacedSpan>, Vec<SpanIssue>) {
    let mut order: Vec<&PlacedSpan> = placed.iter().collect();
    order.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
            .then(a.index.cmp(&b.index))
    });
    let whitespace_token = |i: usize| tokens[i].text(text).chars().all(&is_whitespace);
    let mut owner: Vec<Option<usize>> = vec![None; tokens.len()];
    let mut kept: Vec<PlacedSpan> = Vec::new();
    let mut issues = Vec::new();
    for p in order {
        let issue = |problem| SpanIssue {
            index: p.index,
            span: p.span.clone(),
            text: slice_chars(text, p.span.start, p.span.end),
            problem,
        };
        if whitespace_token(p.tokens.start) || whitespace_token(p.tokens.end - 1) {
            issues.push(issue(SpanProblem::WhitespaceAtEdge));
            continue;
        }
        if let Some(k) = p.tokens.clone().find_map(|t| owner[t]) {
            issues.push(issue(SpanProblem::OverlapsKeptSpan {
                kept: kept[k].span.clone(),
            }));
            continue;
        }
        for t in p.tokens.clone() {
            owner[t] = Some(kept.len());
        }
        kept.push(p.clone());
    }
    kept.sort_by_key(|p| p.tokens.start);
    issues.sort_by_key(|i| i.index);
    (kept, issues)
}

#[cfg(test)]
mod tests;
