//! Span edges on whitespace in the formats whose tokens never hold whitespace (conll, hf, the
//! spaCy DocBin): such a span comes back without its leading or trailing whitespace, so the
//! export says so for each span (SPEC §6: a token format keeps a span's exact characters or
//! reports it). prodigy keeps whitespace tokens, so its edges stay exact.

use crate::span::Span;
use crate::text::Document;

/// A span whose edges a token format moved in from whitespace, and where it now starts and ends
/// (`start == end` when it holds nothing but whitespace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trimmed {
    pub span: Span,
    pub start: usize,
    pub end: usize,
}

impl Trimmed {
    /// What changed, in words: `… → 3..8 "Hello" (a token never holds whitespace)`.
    pub fn describe(&self, doc_text: Option<&str>) -> String {
        let now = doc_text.map_or_else(String::new, |t| format!(" {t:?}"));
        format!(
            "written as {}..{}{now} (a token never holds whitespace)",
            self.start, self.end
        )
    }
}

/// Where `span` starts and ends without whitespace (`is_whitespace`) at its edges, if it has any.
pub fn trim(doc: &Document, span: &Span, is_whitespace: impl Fn(char) -> bool) -> Option<Trimmed> {
    let text = doc.slice(span.start, span.end);
    let lead = text.chars().take_while(|&c| is_whitespace(c)).count();
    if lead == text.chars().count() {
        return Some(Trimmed {
            span: span.clone(),
            start: span.start,
            end: span.start,
        });
    }
    let trail = text.chars().rev().take_while(|&c| is_whitespace(c)).count();
    (lead + trail > 0).then(|| Trimmed {
        span: span.clone(),
        start: span.start + lead,
        end: span.end - trail,
    })
}

#[cfg(test)]
mod tests;
