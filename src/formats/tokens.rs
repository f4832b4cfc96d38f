//! Tokens and sentences for the token formats (prodigy, conll, hf): Unicode word boundaries with
//! whitespace dropped (and split at any whitespace a token still holds, such as a no-break
//! space), Unicode sentence boundaries, and spans mapped onto token ranges.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::Document;

/// One token: char offsets (end exclusive) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Whether whitespace follows the token.
    pub ws: bool,
}

/// The document's tokens, and its sentences as ranges of token indices.
#[derive(Debug, Clone)]
pub struct Tokenized<'a> {
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Range<usize>>,
}

/// Splits a document into tokens and sentences.
pub fn tokenize(doc: &Document) -> Tokenized<'_> {
    let text = doc.text();
    let mut tokens = Vec::new();
    let mut char_at = 0usize;
    let mut byte_at = 0usize;
    for (byte, segment) in text.split_word_bound_indices() {
        char_at += text[byte_at..byte].chars().count();
        byte_at = byte;
        // Split what UAX #29 glued across whitespace (a no-break space between words).
        let mut piece_char = char_at;
        let mut piece_start: Option<(usize, usize)> = None;
        for (i, c) in segment.char_indices() {
            if c.is_whitespace() {
                if let Some((b, ch)) = piece_start.take() {
                    tokens.push(Token {
                        start: ch,
                        end: piece_char,
                        text: &segment[b..i],
                        ws: true,
                    });
                }
            } else if piece_start.is_none() {
                piece_start = Some((i, piece_char));
            }
            piece_char += 1;
        }
        if let Some((b, ch)) = piece_start {
            tokens.push(Token {
                start: ch,
                end: piece_char,
                text: &segment[b..],
                ws: false,
            });
        }
    }
    for token in &mut tokens {
        token.ws = doc.char_at(token.end).is_some_and(char::is_whitespace);
    }
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut char_at = 0usize;
    let mut byte_at = 0usize;
    for (byte, sentence) in text.split_sentence_bound_indices() {
        char_at += text[byte_at..byte].chars().count();
        byte_at = byte;
        let end_char = char_at + sentence.chars().count();
        let last = first + tokens[first..].partition_point(|t| t.start < end_char);
        if last > first {
            sentences.push(first..last);
        }
        first = last;
    }
    Tokenized { tokens, sentences }
}

impl Tokenized<'_> {
    /// Token indices a char range touches (a span edge inside a token takes the whole token).
    pub fn token_range(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let first = self.tokens.partition_point(|t| t.end <= start);
        let last = first + self.tokens[first..].partition_point(|t| t.start < end);
        (last > first).then_some(first..last)
    }
}

#[cfg(test)]
mod tests;
