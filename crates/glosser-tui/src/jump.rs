//! Jumping to a word by the letters shown on it (`f`, after vim's EasyMotion): every word of the
//! sentence under the cursor (the flow's item, in the flow) shows one letter, or two past the
//! first 25; typing them moves the cursor there. The nearest words get single letters.

use std::ops::Range;

use glosser_core::text::{Document, bounds};

/// The letters hints are made of, the home row first.
const LETTERS: &[u8; 26] = b"asdfghjklqwertyuiopzxcvbnm";

/// Word jumping in progress: each target's letters and char offset, and what was typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    pub targets: Vec<(String, usize)>,
    pub typed: String,
}

/// The hints for `count` targets: single letters, and when there are more than 26, the last
/// letters become prefixes of two-letter hints for the farthest targets.
pub(crate) fn hints(count: usize) -> Vec<String> {
    let letters: Vec<char> = LETTERS.iter().map(|&b| char::from(b)).collect();
    let n = letters.len();
    if count <= n {
        return letters.iter().take(count).map(char::to_string).collect();
    }
    // `prefixes` letters lead two-letter hints: (n - prefixes) + prefixes * n >= count.
    let prefixes = (count - n).div_ceil(n - 1).min(n);
    let singles = n - prefixes;
    let mut out: Vec<String> = letters[..singles].iter().map(char::to_string).collect();
    'outer: for p in &letters[singles..] {
        for q in &letters {
            if out.len() == count {
                break 'outer;
            }
            out.push(format!("{p}{q}"));
        }
    }
    out
}

/// The word starts of `range` (a sentence): its first character when it is a word's, then
/// every next word's start before its end.
pub(crate) fn word_starts(doc: &Document, range: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let first = if doc.char_at(range.start).is_some_and(char::is_alphanumeric) {
        range.start
    } else {
        bounds::next_word_start(doc, range.start)
    };
    let mut at = first;
    while at < range.end && out.len() < 26 * 26 {
        out.push(at);
        let next = bounds::next_word_start(doc, at);
        if next <= at {
            break;
        }
        at = next;
    }
    out
}

impl Jump {
    /// Hints for the words of `range`.
    pub(crate) fn over(doc: &Document, range: Range<usize>) -> Self {
        let starts = word_starts(doc, range);
        Self {
            targets: hints(starts.len()).into_iter().zip(starts).collect(),
            typed: String::new(),
        }
    }

    /// Whether some hint still starts with what was typed.
    pub(crate) fn is_live(&self) -> bool {
        self.targets.iter().any(|(h, _)| h.starts_with(&self.typed))
    }

    /// The target whose hint was typed in full.
    pub(crate) fn reached(&self) -> Option<usize> {
        self.targets
            .iter()
            .find(|(h, _)| *h == self.typed)
            .map(|(_, at)| *at)
    }
}

#[cfg(test)]
mod tests;
