//! The character alignment of an old text with a new one (SPEC §2: spans follow a diff when the
//! old text is known), and whether a span can trust where the alignment carries it.
//!
//! A diff is one of several equally short edit scripts, and it pairs equal text, not the same
//! characters; a span is carried only when that cannot matter. Three things make it doubtful:
//! an edit next to the span whose text repeats the span's edge (it could sit on either side: a
//! *slide*), an unchanged run whose text occurs elsewhere in either version (the diff may have
//! paired it with another copy), and a span whose neighbours were edited on both sides (nothing
//! around it ties it to its old place). A span in such a place is reported, not carried.

use std::ops::Range;
use std::time::Duration;

mod runs;

use runs::{equal_runs, mark_slides, tidy_edges};

/// Middles longer than this (in chars, either side) are aligned line by line first.
const LINE_FIRST: usize = 100_000;
/// Unchanged chars a carried span needs on one side of it (or the text's edge there).
pub const ANCHOR: usize = crate::span::Hint::CHARS;
/// How long one diff may search for a shortest script before settling for a longer one.
const DEADLINE: Duration = Duration::from_secs(2);

/// A stretch of characters the diff found unchanged: `old..old + len` ↔ `new..new + len`, with
/// how many chars at each end an adjacent edit could slide over.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    old: usize,
    new: usize,
    len: usize,
    /// Chars at the run's start that an edit before it could equally have covered.
    doubtful_head: usize,
    /// Chars at the run's end that an edit after it could equally have covered.
    doubtful_tail: usize,
}

/// Where a range of the old text went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// Every char of the range is unchanged, together, at this range of the new text, and no
    /// other alignment would put it elsewhere.
    To(Range<usize>),
    /// Unchanged, at this range, but another equally short script would put it elsewhere or
    /// delete it: an edit beside it repeats its edge.
    Slid(Range<usize>),
    /// Unchanged, at this range, but inside a stretch that occurs more than once in one of the
    /// texts, so the diff may have paired it with another copy.
    Repeated(Range<usize>),
    /// Unchanged, at this range, but edited on both sides within [`ANCHOR`] chars: nothing
    /// around it shows these are its own characters rather than an equal text.
    Unanchored(Range<usize>),
    /// Some of its chars were edited, or text was inserted inside it; `near` is where its
    /// first and last surviving chars went, when both did.
    ChangedInside { near: Option<Range<usize>> },
    /// All of its chars were deleted.
    Deleted,
}

/// The alignment of two texts, as runs of unchanged chars.
#[derive(Debug)]
pub struct Alignment<'a> {
    runs: Vec<Run>,
    old: Vec<char>,
    new: Vec<char>,
    old_text: &'a str,
    new_text: &'a str,
    /// Per run, once asked: whether its text occurs once in each text.
    unique: Vec<std::cell::OnceCell<bool>>,
}

impl<'a> Alignment<'a> {
    /// Aligns `old_text` with `new_text` char by char.
    pub fn new(old_text: &'a str, new_text: &'a str) -> Self {
        let old: Vec<char> = old_text.chars().collect();
        let new: Vec<char> = new_text.chars().collect();
        let mut runs = equal_runs(&old, &new);
        tidy_edges(&mut runs, &old, &new);
        mark_slides(&mut runs, &old, &new);
        let unique = vec![std::cell::OnceCell::new(); runs.len()];
        Self {
            runs,
            old,
            new,
            old_text,
            new_text,
            unique,
        }
    }

    /// Where the old char range `range` went.
    pub fn carry(&self, range: Range<usize>) -> Carried {
        if range.is_empty() || range.end > self.old.len() {
            return Carried::ChangedInside { near: None };
        }
        let i = self.runs.partition_point(|r| r.old + r.len <= range.start);
        if let Some(run) = self.runs.get(i)
            && run.old <= range.start
            && range.end <= run.old + run.len
        {
            let to = run.new + (range.start - run.old)..run.new + (range.end - run.old);
            // An edit that can slide over part of the span only makes its edge doubtful (the
            // alternative leaves it where it is, with equal text inside); one that can slide
            // over all of it could have put it elsewhere.
            let clear_from = run.old + run.doubtful_head;
            let clear_to = (run.old + run.len).saturating_sub(run.doubtful_tail);
            if range.end <= clear_from || range.start >= clear_to || clear_from >= clear_to {
                return Carried::Slid(to);
            }
            let anchored_before =
                range.start.saturating_sub(clear_from) >= ANCHOR || (run.old == 0 && run.new == 0);
            let anchored_after = clear_to.saturating_sub(range.end) >= ANCHOR
                || (run.old + run.len == self.old.len() && run.new + run.len == self.new.len());
            return if !(anchored_before || anchored_after) {
                Carried::Unanchored(to)
            } else if !self.is_unique(i) {
                Carried::Repeated(to)
            } else {
                Carried::To(to)
            };
        }
        let first = self.char_to_new(range.start);
        let last = self.char_to_new(range.end - 1);
        if self.runs[i.min(self.runs.len())..]
            .iter()
            .take_while(|r| r.old < range.end)
            .all(|r| r.old + r.len <= range.start)
        {
            return Carried::Deleted;
        }
        let near = match (first, last) {
            (Some(a), Some(b)) if a <= b => Some(a..b + 1),
            _ => None,
        };
        Carried::ChangedInside { near }
    }

    /// The new offset of old char `c` when it is unchanged.
    fn char_to_new(&self, c: usize) -> Option<usize> {
        let i = self.runs.partition_point(|r| r.old + r.len <= c);
        let run = self.runs.get(i)?;
        (run.old <= c).then(|| run.new + (c - run.old))
    }

    /// Whether the text of run `i` occurs exactly once in each text.
    fn is_unique(&self, i: usize) -> bool {
        *self.unique[i].get_or_init(|| {
            let run = &self.runs[i];
            let byte = |chars: &[char], c: usize| chars[..c].iter().map(|c| c.len_utf8()).sum();
            let from: usize = byte(&self.old, run.old);
            let to = from + byte(&self.old[run.old..], run.len);
            let needle = &self.old_text.as_bytes()[from..to];
            let once = |haystack: &str| {
                memchr::memmem::find_iter(haystack.as_bytes(), needle)
                    .take(2)
                    .count()
                    == 1
            };
            once(self.old_text) && once(self.new_text)
        })
    }
}

#[cfg(test)]
mod tests;
