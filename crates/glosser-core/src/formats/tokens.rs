//! Tokens and sentences for the token formats (prodigy, conll, hf, and the spaCy DocBin script):
//! Unicode word boundaries with whitespace dropped (and split at any whitespace a token still
//! holds, such as a no-break space), **split again at every span edge** so that each span covers
//! whole tokens and keeps its exact characters, and Unicode sentence boundaries with the breaks
//! that would cut a span (or follow a numbered heading, an initial, "U.S.") removed.

mod sentences;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;
use crate::text::Document;

/// One token: char offsets (end exclusive) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// spaCy's rule: true only when a single U+0020 space follows, which belongs to this token.
    /// Any other whitespace is a token of its own in [`Tokenized::with_whitespace`].
    pub ws: bool,
}

/// The document's word tokens (no whitespace), and its sentences as ranges of token indices.
#[derive(Debug, Clone)]
pub struct Tokenized<'a> {
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Range<usize>>,
    /// Unicode sentence breaks left out because a span crosses them.
    pub joined_in_spans: usize,
    /// Tokens that a span edge split in two (or more).
    pub split_tokens: usize,
    /// Every span start and end, sorted: whitespace runs are cut there too.
    cuts: Vec<usize>,
}

/// Splits a document into tokens and sentences; `spans` give the extra token cuts and the
/// sentence breaks that must not happen.
pub(crate) fn tokenize<'a>(doc: &'a Document, spans: &[Span]) -> Tokenized<'a> {
    let text = doc.text();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut tokens = Vec::new();
    let mut split_tokens = 0;
    let mut char_at = 0usize;
    let mut byte_at = 0usize;
    for (byte, segment) in text.split_word_bound_indices() {
        char_at += text[byte_at..byte].chars().count();
        byte_at = byte;
        // Split what UAX #29 glued across whitespace (a no-break space between words), and at
        // span edges.
        let first_cut = cuts.partition_point(|&c| c <= char_at);
        let mut next_cut = first_cut;
        let mut piece_char = char_at;
        let mut piece_start: Option<(usize, usize)> = None;
        let mut was_split = false;
        for (i, c) in segment.char_indices() {
            if cuts.get(next_cut) == Some(&piece_char) {
                next_cut += 1;
                if let Some((b, ch)) = piece_start.take() {
                    tokens.push(word(ch, piece_char, &segment[b..i]));
                    was_split = true;
                }
            }
            if c.is_whitespace() {
                if let Some((b, ch)) = piece_start.take() {
                    tokens.push(word(ch, piece_char, &segment[b..i]));
                }
            } else if piece_start.is_none() {
                piece_start = Some((i, piece_char));
            }
            piece_char += 1;
        }
        if let Some((b, ch)) = piece_start {
            tokens.push(word(ch, piece_char, &segment[b..]));
        }
        split_tokens += usize::from(was_split);
    }
    // A space that a span starts or ends with is a token of its own, not a trailing `ws`.
    let mut ends: Vec<usize> = spans.iter().map(|s| s.end).collect();
    ends.sort_unstable();
    let mut starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    starts.sort_unstable();
    for token in &mut tokens {
        token.ws = doc.char_at(token.end) == Some(' ')
            && ends.binary_search(&(token.end + 1)).is_err()
            && starts.binary_search(&token.end).is_err();
    }
    let (sentences, joined_in_spans) = sentences::sentences(doc, &tokens, spans);
    Tokenized {
        tokens,
        sentences,
        joined_in_spans,
        split_tokens,
        cuts,
    }
}

fn word(start: usize, end: usize, text: &str) -> Token<'_> {
    Token {
        start,
        end,
        text,
        ws: false,
    }
}

impl<'a> Tokenized<'a> {
    /// Token indices a char range touches (a span edge inside a token takes the whole token;
    /// after [`tokenize`] with that span, its edges are token edges).
    pub(crate) fn token_range(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let first = self.tokens.partition_point(|t| t.end <= start);
        let last = first + self.tokens[first..].partition_point(|t| t.start < end);
        (last > first).then_some(first..last)
    }

    /// The tokens as spaCy's `Doc(words=…, spaces=…)` wants them: every word token, plus a token
    /// for each run of whitespace that is not a single U+0020 after a word (cut again at span
    /// edges). Concatenating `text` (plus a space where `ws`) gives the document's text back
    /// exactly, and every span starts at a token's start and ends at a token's end. The second
    /// value maps each word token to its index in the returned list.
    pub(crate) fn with_whitespace(&self, doc: &'a Document) -> (Vec<Token<'a>>, Vec<usize>) {
        let mut out = Vec::with_capacity(self.tokens.len() * 2);
        let mut index = Vec::with_capacity(self.tokens.len());
        let mut at = 0usize;
        let push_gap = |out: &mut Vec<Token<'a>>, from: usize, to: usize| {
            let mut from = from;
            if out.last().is_some_and(|t: &Token| t.ws) {
                from += 1;
            }
            let inner = self.cuts.partition_point(|&c| c <= from);
            let inner_end = self.cuts.partition_point(|&c| c < to);
            let mut piece = from;
            for &cut in self.cuts[inner..inner_end.max(inner)]
                .iter()
                .chain(std::iter::once(&to))
            {
                if piece < cut {
                    out.push(word(piece, cut, doc.slice(piece, cut)));
                    piece = cut;
                }
            }
        };
        for token in &self.tokens {
            push_gap(&mut out, at, token.start);
            index.push(out.len());
            out.push(token.clone());
            at = token.end;
        }
        push_gap(&mut out, at, doc.char_len());
        (out, index)
    }
}

#[cfg(test)]
mod tests;
