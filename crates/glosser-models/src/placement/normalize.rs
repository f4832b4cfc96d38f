//! Caller-chosen text normalisation for matching quotes, keeping a map from every normalised
//! character back to the original characters it came from.

use serde::{Deserialize, Serialize};

/// How quotes are compared with the text. The default compares them exactly; each flag makes
/// matching more forgiving while offsets still come from the original text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Normalization {
    /// A run of whitespace (spaces, tabs, line breaks) matches any other run.
    pub collapse_whitespace: bool,
    /// Curly and straight quotation marks and apostrophes match each other (“ ” „ « » → `"`,
    /// ‘ ’ ‚ ‹ › → `'`).
    pub fold_quotes: bool,
    /// En dash, em dash, minus sign and other dashes match `-`.
    pub fold_dashes: bool,
    /// Letters match regardless of case (Unicode lowercase).
    pub ignore_case: bool,
}

impl Normalization {
    /// Exact matching (the default).
    pub fn exact() -> Self {
        Self::default()
    }

    /// Every flag on.
    pub fn lenient() -> Self {
        Self {
            collapse_whitespace: true,
            fold_quotes: true,
            fold_dashes: true,
            ignore_case: true,
        }
    }

    pub fn is_exact(&self) -> bool {
        *self == Self::default()
    }
}

/// A normalised text: `text[i]`'s chars came from original chars `origin[i]` (start, end).
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// Byte offset in `text` of each normalised char, plus `text.len()` at the end.
    pub byte_at: Vec<usize>,
    /// The original char range each normalised char came from.
    pub origin: Vec<(usize, usize)>,
}

impl Normalized {
    pub fn new(original: &str, how: Normalization) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut byte_at = Vec::with_capacity(original.len() + 1);
        let mut origin = Vec::with_capacity(original.len());
        let mut push = |c: char, from: (usize, usize), text: &mut String| {
            byte_at.push(text.len());
            origin.push(from);
            text.push(c);
        };
        let chars: Vec<char> = original.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if how.collapse_whitespace && c.is_whitespace() {
                let start = i;
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                push(' ', (start, i), &mut text);
                continue;
            }
            let folded = fold(c, how);
            if how.ignore_case {
                for lower in folded.to_lowercase() {
                    push(lower, (i, i + 1), &mut text);
                }
            } else {
                push(folded, (i, i + 1), &mut text);
            }
            i += 1;
        }
        byte_at.push(text.len());
        Self {
            text,
            byte_at,
            origin,
        }
    }

    /// The normalised char index of a byte offset that starts a char in `text`.
    pub fn char_index(&self, byte: usize) -> usize {
        self.byte_at.partition_point(|&b| b < byte)
    }
}

/// Normalises a quote or a context the same way as the text (no offsets needed).
pub fn normalize_str(s: &str, how: Normalization) -> String {
    Normalized::new(s, how).text
}

fn fold(c: char, how: Normalization) -> char {
    if how.fold_quotes {
        match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '〝' | '〞' | '＂' => return '"',
            '‘' | '’' | '‚' | '‛' | '‹' | '›' | '＇' | '`' | '´' => return '\'',
            _ => {}
        }
    }
    if how.fold_dashes
        && matches!(
            c,
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－'
        )
    {
        return '-';
    }
    c
}

#[cfg(test)]
mod tests;
