//! Finding the fitting places of many spans in one pass over the text: every span's quote with
//! its saved prefix (the prefix and the quote's first characters) and with its saved suffix (the
//! quote's last characters and the suffix) goes into one Aho-Corasick automaton, so 20,000
//! spans on a 5 MB article cost one scan, not 40,000.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::span::{Hint, Span};
use crate::text::Document;

/// Characters of the quote kept in a needle beside the context.
const QUOTE_PART: usize = 16;

/// For each span, the byte offsets where its quote may start with a whole side of its saved
/// context around it (to be checked: a needle holds only part of a long quote).
#[derive(Debug, Default)]
pub struct Batch {
    starts: Vec<Vec<usize>>,
}

/// Which side of the quote a needle holds the context of.
#[derive(Debug, Clone, Copy)]
enum Side {
    /// Prefix + the quote's first characters: the quote starts `prefix` bytes into the match.
    Before { prefix: usize },
    /// The quote's last characters + suffix: the quote starts `back` bytes before the match.
    After { back: usize },
}

impl Batch {
    /// The candidate starts of every span of `spans` in `doc`.
    pub fn new(doc: &Document, spans: &[&Span]) -> Self {
        let mut needles: Vec<String> = Vec::new();
        let mut owners: Vec<(usize, Side)> = Vec::new();
        for (i, span) in spans.iter().enumerate() {
            let quote = span.quote.as_str();
            if quote.is_empty() {
                continue;
            }
            if let Some(prefix) = span.prefix.as_deref()
                && prefix.chars().count() >= Hint::CHARS
            {
                let head = char_prefix(quote, QUOTE_PART);
                needles.push(format!("{prefix}{head}"));
                owners.push((
                    i,
                    Side::Before {
                        prefix: prefix.len(),
                    },
                ));
            }
            if let Some(suffix) = span.suffix.as_deref()
                && suffix.chars().count() >= Hint::CHARS
            {
                let tail = char_suffix(quote, QUOTE_PART);
                needles.push(format!("{tail}{suffix}"));
                owners.push((
                    i,
                    Side::After {
                        back: quote.len() - tail.len(),
                    },
                ));
            }
        }
        let mut starts = vec![Vec::new(); spans.len()];
        if needles.is_empty() {
            return Self { starts };
        }
        let Ok(automaton) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&needles)
        else {
            return Self { starts };
        };
        for found in automaton.find_overlapping_iter(doc.text()) {
            let (owner, side) = owners[found.pattern().as_usize()];
            let start = match side {
                Side::Before { prefix } => Some(found.start() + prefix),
                Side::After { back } => found.start().checked_sub(back),
            };
            if let Some(start) = start {
                starts[owner].push(start);
            }
        }
        for list in &mut starts {
            list.sort_unstable();
            list.dedup();
        }
        Self { starts }
    }

    /// The candidate starts of span `i` (as given to [`Batch::new`]).
    pub fn starts(&self, i: usize) -> &[usize] {
        self.starts.get(i).map_or(&[], Vec::as_slice)
    }
}

fn char_prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(b, _)| &s[..b])
}

fn char_suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    s.char_indices().nth(count - n).map_or(s, |(b, _)| &s[b..])
}
