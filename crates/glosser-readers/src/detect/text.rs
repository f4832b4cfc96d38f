//! Recognising the line-based formats: brat standoff and CoNLL columns.

use crate::conll::{columns, is_comment};
use crate::tags::parse_tag;

/// How many lines the checks read.
const LINES: usize = 300;

/// brat `.ann` lines: `T1\tPerson 0 3\tAda`, `R1\t…`, `#1\tAnnotatorNotes …`, `*\tEquiv …`.
pub(super) fn looks_like_brat(head: &str) -> bool {
    let lines: Vec<&str> = head
        .lines()
        .filter(|line| !line.trim().is_empty())
        .take(5)
        .collect();
    !lines.is_empty()
        && lines.iter().all(|line| {
            let mut chars = line.chars();
            let kind_ok = chars.next().is_some_and(|c| "TREAMN#*".contains(c));
            let rest: String = chars.collect();
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            kind_ok && rest[digits..].starts_with('\t')
        })
}

/// Token lines whose last column is a tag (`O`, `B-PER`, …): at least 90% of them (half, when
/// the file name says CoNLL); CoNLL-U (ten columns after a number) is not this format.
pub(super) fn looks_like_conll(head: &str, hinted: bool) -> bool {
    let (mut tokens, mut tagged, mut multi) = (0usize, 0usize, 0usize);
    for line in head
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(LINES)
    {
        if line.starts_with("-DOCSTART-") || is_comment(line) {
            continue;
        }
        let fields = columns(line);
        if fields.len() >= 8 && fields[0].parse::<usize>().is_ok() {
            return false;
        }
        tokens += 1;
        if fields.len() >= 2 {
            multi += 1;
            if fields
                .last()
                .and_then(|tag| parse_tag(tag))
                .is_some_and(|tag| tag.is_iob())
            {
                tagged += 1;
            }
        }
    }
    let share = if hinted { 0.5 } else { 0.9 };
    tokens > 0 && multi as f64 >= 0.95 * tokens as f64 && tagged as f64 >= share * tokens as f64
}

#[cfg(test)]
mod tests;
