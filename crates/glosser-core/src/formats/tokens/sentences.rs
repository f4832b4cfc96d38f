//! Sentences for the token formats: Unicode sentence boundaries (UAX #29), minus the breaks that
//! would cut a span (a sentence never breaks inside a span: "J. K. Rowling" stays one entity)
//! and the breaks UAX #29 makes after a numbered heading ("2. Trump’s …"), a single initial
//! ("J."), dotted letters ("U.S.") or a title ("Dr."), unless a line break follows them.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::Token;
use crate::span::Span;
use crate::text::Document;

/// Titles after which a full stop does not end a sentence (compared without the stop).
const TITLES: [&str; 22] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Jr", "Sr", "No", "vs", "Mt", "Rev", "Hon", "Pres",
];

/// The sentences as token ranges, and how many breaks were left out because a span crosses them.
pub fn sentences(doc: &Document, tokens: &[Token], spans: &[Span]) -> (Vec<Range<usize>>, usize) {
    let text = doc.text();
    let mut breaks = Vec::new();
    let mut char_at = 0usize;
    let mut byte_at = 0usize;
    let mut previous: Option<&str> = None;
    for (byte, sentence) in text.split_sentence_bound_indices() {
        char_at += text[byte_at..byte].chars().count();
        byte_at = byte;
        if let Some(before) = previous
            && char_at > 0
        {
            breaks.push((char_at, continues(before)));
        }
        previous = Some(sentence);
    }
    // A span crosses a break when it starts before it and ends after it.
    let mut by_start: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
    by_start.sort_unstable();
    let mut joined = 0;
    let mut kept = Vec::new();
    let mut reach = 0usize;
    let mut next_span = 0usize;
    for (at, glued) in breaks {
        while let Some(&(start, end)) = by_start.get(next_span) {
            if start >= at {
                break;
            }
            reach = reach.max(end);
            next_span += 1;
        }
        if reach > at {
            joined += 1;
        } else if !glued {
            kept.push(at);
        }
    }
    let mut out = Vec::new();
    let mut first = 0;
    for at in kept.into_iter().chain(std::iter::once(usize::MAX)) {
        let last = first + tokens[first..].partition_point(|t| t.start < at);
        if last > first {
            out.push(first..last);
        }
        first = last;
    }
    (out, joined)
}

/// Whether the sentence UAX #29 ended after `sentence` really goes on: it ends (before its
/// trailing spaces, with no line break among them) in a numbered-heading number, a single
/// letter, dotted letters or a title, each followed by a full stop.
fn continues(sentence: &str) -> bool {
    let body = sentence.trim_end();
    if sentence[body.len()..].contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return false;
    }
    let Some(stem) = body.strip_suffix('.') else {
        return false;
    };
    let last = stem.rsplit(char::is_whitespace).next().unwrap_or(stem);
    let last = last.trim_start_matches(['(', '[', '“', '"', '‘', '\'']);
    if last.is_empty() {
        return false;
    }
    let numbered = last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit()) && stem == last;
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let dotted = last.len() >= 3
        && last
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    numbered || initial || dotted || TITLES.contains(&last)
}

#[cfg(test)]
mod tests;
