//! Article search that costs what the screen shows: matches are found in slices (the first on
//! the key that submits the query, the rest on `Tick`s), kept sorted, and a row asks for its own
//! with a binary search.
//!
//! What you type finds what the article prints: typographic punctuation folds to the keyboard's
//! (’ ‘ ′ → `'`, “ ” „ ″ → `"`, – — ‒ ― − ‐ ‑ → `-`, no-break and other spaces → ` `), and the
//! search ignores case unless the query has a capital (smart case). With `whole` a match must
//! start and end at word edges (`/pos` then misses "supposed").

use std::ops::Range;

/// Chars scanned when the query is submitted; the rest is scanned on `Tick`s.
pub const FIRST_SLICE: usize = 1 << 18;
/// Chars scanned between two checks of the time budget.
pub const SLICE: usize = 1 << 16;

/// The keyboard character a typographic one is typed as (itself for every other character).
pub(crate) fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => ' ',
        c => c,
    }
}

/// Whether `c` is part of a word (for whole-word matches).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A search in progress: where it is in the text and what it looks for.
#[derive(Debug, Clone)]
pub struct Scan {
    needle: Vec<char>,
    fold: bool,
    /// Matches start and end at word edges.
    whole: bool,
    /// Byte and char offset of the next position to try.
    byte: usize,
    at: usize,
    /// The document (`App::generation`) the scan belongs to.
    pub generation: u64,
    /// The cursor when the query was submitted: the first match after it is jumped to.
    pub from: usize,
    /// Whether the jump to the first match has happened (or been given up).
    pub jumped: bool,
}

impl Scan {
    /// A scan for `query` (case-insensitive unless it has capitals); `None` for an empty query.
    pub fn new(query: &str, from: usize, generation: u64) -> Option<Self> {
        Self::with_words(query, false, from, generation)
    }

    /// [`Scan::new`], matching whole words only when `whole`.
    pub fn with_words(query: &str, whole: bool, from: usize, generation: u64) -> Option<Self> {
        if query.is_empty() {
            return None;
        }
        let fold = !query.chars().any(char::is_uppercase);
        let typed = query.chars().map(fold_punctuation);
        let needle = if fold {
            typed.flat_map(char::to_lowercase).collect()
        } else {
            typed.collect()
        };
        Some(Self {
            needle,
            fold,
            whole,
            byte: 0,
            at: 0,
            generation,
            from,
            jumped: false,
        })
    }

    /// Char offset the scan has reached.
    pub fn position(&self) -> usize {
        self.at
    }

    /// Whether the whole text has been scanned.
    pub(crate) fn is_done(&self, text: &str) -> bool {
        self.byte >= text.len()
    }

    /// Tries at most `budget` more positions of `text`, appending the matches found (disjoint,
    /// in order: after a match the scan resumes at its end). Returns whether the text is done.
    pub fn step(&mut self, text: &str, budget: usize, out: &mut Vec<Range<usize>>) -> bool {
        let fold = self.fold;
        let same = |a: char, b: char| {
            let a = fold_punctuation(a);
            if fold {
                a == b || a.to_lowercase().eq(std::iter::once(b))
            } else {
                a == b
            }
        };
        let whole = self.whole;
        let n = self.needle.len();
        // ASCII that cannot start a match is skipped a byte at a time (a byte is a char there);
        // anything else is tried char by char below.
        let first = self
            .needle
            .first()
            .copied()
            .filter(char::is_ascii)
            .map(|c| {
                let byte = c as u8;
                if fold {
                    (byte, byte.to_ascii_uppercase())
                } else {
                    (byte, byte)
                }
            });
        let mut tried = 0;
        while tried < budget {
            let Some(tail) = text.get(self.byte..).filter(|t| !t.is_empty()) else {
                return true;
            };
            if let Some((lower, upper)) = first {
                let room = tail.len().min(budget - tried);
                let skip = tail.as_bytes()[..room]
                    .iter()
                    .position(|&b| b == lower || b == upper || !b.is_ascii())
                    .unwrap_or(room);
                if skip > 0 {
                    self.byte += skip;
                    self.at += skip;
                    tried += skip;
                    continue;
                }
            }
            tried += 1;
            let mut chars = tail.chars();
            let at_edges = |rest: &str| {
                let before = text[..self.byte].chars().next_back();
                let after = rest.chars().next();
                !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
            };
            if self
                .needle
                .iter()
                .all(|&b| chars.next().is_some_and(|a| same(a, b)))
                && (!whole || at_edges(chars.as_str()))
            {
                out.push(self.at..self.at + n);
                self.byte += tail.len() - chars.as_str().len();
                self.at += n;
            } else {
                self.byte += tail.chars().next().map_or(1, char::len_utf8);
                self.at += 1;
            }
        }
        self.is_done(text)
    }
}

/// The matches that intersect `range`, from matches sorted by start and disjoint (so sorted by
/// end too): two binary searches, whatever the number of matches.
pub(crate) fn matches_in(matches: &[Range<usize>], range: Range<usize>) -> &[Range<usize>] {
    let first = matches.partition_point(|m| m.end <= range.start);
    let last = first + matches[first..].partition_point(|m| m.start < range.end);
    &matches[first..last]
}

#[cfg(test)]
mod tests;
