//! spaCy's last tokenizer pass (`_apply_special_cases`): exceptions that contain an affix or a
//! space ("U.S." after "(", ":)" glued to a word) are found again as runs of the affix tokens
//! and put back together — with the `PhraseMatcher` search and the span filter spaCy uses.

use std::collections::{BTreeSet, HashMap};

use super::rules::Rules;
use super::{Piece, TokenizeError};

/// Token sequences (the affix-only tokenization of each exception), by their first token.
#[derive(Debug, Default)]
pub(crate) struct SpecialCaseMatcher {
    patterns: HashMap<String, Vec<Vec<String>>>,
}

impl SpecialCaseMatcher {
    /// spaCy's `add_special_case`: with `faster_heuristics`, only exceptions in which a prefix,
    /// suffix or infix is found, or that hold a space, become patterns.
    pub(crate) fn build(rules: &Rules) -> Result<Self, TokenizeError> {
        let mut patterns: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for (string, _) in &rules.exceptions {
            let wanted = !rules.faster_heuristics
                || rules.find_prefix(string)? != 0
                || !rules.find_infixes(string)?.is_empty()
                || rules.find_suffix_chars(string)? != 0
                || string.contains(' ');
            if !wanted {
                continue;
            }
            let orths: Vec<String> = rules
                .tokenize_affixes(string, false)?
                .iter()
                .map(|p| string[p.start..p.end].to_owned())
                .collect();
            if let Some(first) = orths.first() {
                patterns.entry(first.clone()).or_default().push(orths);
            }
        }
        Ok(Self { patterns })
    }

    /// Finds every pattern occurrence, keeps spaCy's choice of them and replaces each kept run
    /// whose text is an exception with the exception's pieces. Returns whether the first token
    /// was replaced.
    pub(crate) fn apply(&self, rules: &Rules, text: &str, pieces: &mut Vec<Piece>) -> bool {
        let orth = |p: &Piece| &text[p.start..p.end];
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for start in 0..pieces.len() {
            let Some(candidates) = self.patterns.get(orth(&pieces[start])) else {
                continue;
            };
            for pattern in candidates {
                let end = start + pattern.len();
                let fits = pieces.get(start..end).is_some_and(|run| {
                    run.iter()
                        .zip(pattern)
                        .all(|(piece, want)| orth(piece) == want)
                });
                if fits {
                    matches.push((start, end));
                }
            }
        }
        if matches.is_empty() {
            return false;
        }
        let mut first_replaced = false;
        let kept = filter_spans(matches);
        let mut out = Vec::with_capacity(pieces.len());
        let mut next = 0;
        for (start, end) in kept {
            out.extend_from_slice(&pieces[next..start]);
            next = end;
            let span_text = &text[pieces[start].start..pieces[end - 1].end];
            let Some(&index) = rules.exception_index.get(span_text) else {
                out.extend_from_slice(&pieces[start..end]);
                continue;
            };
            let space_after = pieces[end - 1].space_after;
            first_replaced |= start == 0;
            let mut at = pieces[start].start;
            for (piece_index, piece) in rules.exceptions[index].1.iter().enumerate() {
                out.push(Piece {
                    start: at,
                    end: at + piece.orth.len(),
                    space_after: false,
                    exception: Some((index, piece_index)),
                });
                at += piece.orth.len();
            }
            if let Some(last) = out.last_mut() {
                last.space_after = space_after;
            }
        }
        out.extend_from_slice(&pieces[next..]);
        *pieces = out;
        first_replaced
    }
}

/// spaCy's `_filter_special_spans`: longest first, then earliest; a span is kept when neither
/// its first nor its last token was seen, and every span (kept or not) marks its tokens seen.
/// Returns the kept spans by start.
fn filter_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut seen = BTreeSet::new();
    let mut kept = Vec::new();
    for (start, end) in spans {
        if !seen.contains(&start) && !seen.contains(&(end - 1)) {
            kept.push((start, end));
        }
        seen.extend(start..end);
    }
    kept.sort_unstable();
    kept
}

#[cfg(test)]
mod tests {
    use super::filter_spans;

    #[test]
    fn longest_span_wins_and_rejected_spans_still_block_tokens() {
        assert_eq!(filter_spans(vec![(0, 2), (1, 4)]), vec![(1, 4)]);
        // (0, 3) is kept; (2, 4) is refused but still marks token 3, so (3, 5) is refused too.
        assert_eq!(filter_spans(vec![(3, 5), (0, 3), (2, 4)]), vec![(0, 3)]);
        assert_eq!(filter_spans(vec![(3, 5), (0, 3)]), vec![(0, 3), (3, 5)]);
        // Equal length: the earlier start wins.
        assert_eq!(filter_spans(vec![(1, 3), (0, 2)]), vec![(0, 2)]);
    }
}
