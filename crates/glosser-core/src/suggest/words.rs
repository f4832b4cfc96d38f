//! The tokens suggesters match on: Unicode word boundaries without whitespace
//! (`formats::tokens`), with the English possessive clitic split off as spaCy's tokenizer does
//! (`Putin’s` → `Putin` `’s`, `aren’t` → `are` `n’t`), so a pattern for `Putin` matches there
//! too.

use crate::formats::tokens::tokenize;
use crate::text::Document;

/// A token: char offsets (end exclusive) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// A whitespace token: whitespace other than one plain space between two words (a line
    /// break, two spaces), which spaCy also keeps as a token, so no phrase matches across it.
    pub space: bool,
}

/// Endings spaCy's English tokenizer splits off a word: the possessive and `n't`.
const CLITICS: [&str; 8] = ["n't", "n’t", "N'T", "N’T", "'s", "’s", "'S", "’S"];

/// The document's tokens in order, whitespace tokens included where spaCy has them.
pub fn words(doc: &Document) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for token in tokenize(doc, &[]).tokens {
        let gap_start = out.last().map_or(0, |w| w.end);
        push_space(&mut out, doc, gap_start, token.start);
        let chars = token.end - token.start;
        let clitic = CLITICS
            .iter()
            .find(|c| token.text.ends_with(*c) && chars > c.chars().count());
        if let Some(clitic) = clitic {
            let stem = &token.text[..token.text.len() - clitic.len()];
            let at = token.end - clitic.chars().count();
            out.push(Word {
                start: token.start,
                end: at,
                text: stem.to_owned(),
                space: false,
            });
            out.push(Word {
                start: at,
                end: token.end,
                text: (*clitic).to_owned(),
                space: false,
            });
        } else {
            out.push(Word {
                start: token.start,
                end: token.end,
                text: token.text.to_owned(),
                space: false,
            });
        }
    }
    let gap_start = out.last().map_or(0, |w| w.end);
    push_space(&mut out, doc, gap_start, doc.char_len());
    join_hyphens(join_abbreviations(out))
}

/// spaCy splits a hyphen only between a letter or digit and a letter (`Kremlin-backed`);
/// elsewhere (`U.S.-Russia`, `5-4`) the hyphen and its neighbours stay one token.
fn join_hyphens(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut iter = words.into_iter().peekable();
    while let Some(word) = iter.next() {
        let glued = matches!(word.text.as_str(), "-" | "–" | "—")
            && out.last().is_some_and(|l| !l.space && l.end == word.start)
            && iter.peek().is_some_and(|n| !n.space && n.start == word.end);
        if glued
            && let Some(last) = out.last_mut()
            && let Some(next) = iter.peek()
        {
            let before = last
                .text
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = next.text.chars().next().is_some_and(char::is_alphabetic);
            if !(before && after)
                && let Some(next) = iter.next()
            {
                last.text.push_str(&word.text);
                last.text.push_str(&next.text);
                last.end = next.end;
                continue;
            }
        }
        out.push(word);
    }
    out
}

/// `U.S` + `.` → `U.S.`: an abbreviation with inner dots keeps its final dot, as in spaCy's
/// tokenizer exceptions (`U.S.`, `e.g.`, `a.m.`).
fn join_abbreviations(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for word in words {
        if let Some(last) = out.last_mut()
            && word.text == "."
            && word.start == last.end
            && !last.space
            && last.text.contains('.')
            && last.text.chars().all(|c| c.is_alphabetic() || c == '.')
        {
            last.end = word.end;
            last.text.push('.');
            continue;
        }
        out.push(word);
    }
    out
}

/// Adds the whitespace token spaCy makes of the gap `from..to`: none for no gap or one plain
/// space after a word (spaCy keeps that as the word's trailing whitespace).
fn push_space(out: &mut Vec<Word>, doc: &Document, from: usize, to: usize) {
    let mut start = from;
    if from > 0 && doc.char_at(from) == Some(' ') {
        start += 1;
    }
    if start < to {
        out.push(Word {
            start,
            end: to,
            text: doc.slice(start, to).to_owned(),
            space: true,
        });
    }
}

/// The token texts of a phrase (a pattern string, a learned span's text).
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    if phrase.is_empty() {
        return Vec::new();
    }
    words(&Document::from_text(phrase))
        .into_iter()
        .map(|w| w.text)
        .collect()
}

/// Whether the token sequence `phrase` (not empty) starts at token `i` of `words`.
pub(crate) fn phrase_at(words: &[Word], i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words
            .get(i..i + phrase.len())
            .is_some_and(|w| w.iter().zip(phrase).all(|(w, p)| w.text == *p))
}

/// Where the token sequence `phrase` occurs in `words`: (first token, one past the last).
pub(crate) fn find_phrase(words: &[Word], phrase: &[String]) -> Vec<(usize, usize)> {
    (0..words.len())
        .filter(|&i| phrase_at(words, i, phrase))
        .map(|i| (i, i + phrase.len()))
        .collect()
}

#[cfg(test)]
mod tests;
