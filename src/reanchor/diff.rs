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
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation as _;

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

/// The unchanged runs of a short edit script: the common head and tail first, then the middle
/// line by line when it is long, word by word (UAX #29 word bounds, so an inserted phrase is
/// one edit rather than letters matched across words), and char by char inside each changed
/// block of words.
fn equal_runs(old: &[char], new: &[char]) -> Vec<Run> {
    // The common head and tail end and start at whitespace, so a word inserted at the edge
    // ("the" → "this time the") is an inserted word, not letters borrowed from a neighbour.
    let mut head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    while head > 0 && !old[head - 1].is_whitespace() {
        head -= 1;
    }
    let mut tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while tail > 0 && !old[old.len() - tail].is_whitespace() && old.len() - tail > head {
        tail -= 1;
    }
    let mut runs = Vec::new();
    push_run(&mut runs, 0, 0, head);
    let middle = Block {
        old: head..old.len() - tail,
        new: head..new.len() - tail,
    };
    let deadline = Instant::now() + DEADLINE;
    let texts = Texts { old, new, deadline };
    if middle.old.len().max(middle.new.len()) > LINE_FIRST {
        texts.by_units(&middle, Unit::Line, &mut runs);
    } else {
        texts.by_units(&middle, Unit::Word, &mut runs);
    }
    push_run(&mut runs, old.len() - tail, new.len() - tail, tail);
    runs
}

/// A changed stretch: char ranges of the old and new text.
struct Block {
    old: Range<usize>,
    new: Range<usize>,
}

/// What a block is split into before diffing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Line,
    Word,
    Char,
}

struct Texts<'a> {
    old: &'a [char],
    new: &'a [char],
    deadline: Instant,
}

impl Texts<'_> {
    /// Diffs `block` as a sequence of `unit`s; equal units become runs, and each changed block
    /// of units with text on both sides is diffed again by the next finer unit.
    fn by_units(&self, block: &Block, unit: Unit, runs: &mut Vec<Run>) {
        if block.old.is_empty() || block.new.is_empty() {
            return;
        }
        let (old_units, old_starts) = split(&self.old[block.old.clone()], unit);
        let (new_units, new_starts) = split(&self.new[block.new.clone()], unit);
        // Lines and words are paired on the ones that occur once on each side first (patience
        // diff), so a repeated space or full stop never outweighs a rare word.
        let algorithm = if unit == Unit::Char {
            Algorithm::Myers
        } else {
            Algorithm::Patience
        };
        let ops =
            capture_diff_slices_deadline(algorithm, &old_units, &new_units, Some(self.deadline));
        for op in ops {
            let (_, o, n) = op.as_tag_tuple();
            let inner = Block {
                old: block.old.start + old_starts[o.start]..block.old.start + old_starts[o.end],
                new: block.new.start + new_starts[n.start]..block.new.start + new_starts[n.end],
            };
            if matches!(op, DiffOp::Equal { .. }) {
                push_run(runs, inner.old.start, inner.new.start, inner.old.len());
            } else {
                match unit {
                    Unit::Line => self.by_units(&inner, Unit::Word, runs),
                    Unit::Word => self.by_units(&inner, Unit::Char, runs),
                    Unit::Char => {}
                }
            }
        }
    }
}

/// `text` cut into units (each line with its `\n`, each UAX #29 word bound, or each char),
/// and the char offset where each unit starts, plus the end.
fn split(text: &[char], unit: Unit) -> (Vec<String>, Vec<usize>) {
    let mut units: Vec<String> = Vec::new();
    let mut starts = vec![0];
    let mut at = 0;
    let mut push = |piece: String, len: usize| {
        units.push(piece);
        at += len;
        starts.push(at);
    };
    match unit {
        Unit::Char => {
            for c in text {
                push(c.to_string(), 1);
            }
        }
        Unit::Line => {
            let mut line = String::new();
            let mut len = 0;
            for &c in text {
                line.push(c);
                len += 1;
                if c == '\n' {
                    push(std::mem::take(&mut line), len);
                    len = 0;
                }
            }
            if len > 0 {
                push(line, len);
            }
        }
        Unit::Word => {
            let joined: String = text.iter().collect();
            for word in joined.split_word_bounds() {
                push(word.to_owned(), word.chars().count());
            }
        }
    }
    (units, starts)
}

fn push_run(runs: &mut Vec<Run>, old: usize, new: usize, len: usize) {
    if len == 0 {
        return;
    }
    if let Some(last) = runs.last_mut()
        && last.old + last.len == old
        && last.new + last.len == new
    {
        last.len += len;
        return;
    }
    runs.push(Run {
        old,
        new,
        len,
        doubtful_head: 0,
        doubtful_tail: 0,
    });
}

/// Slides every plain insertion or deletion between two runs to where it starts and ends at
/// whitespace, when equal text lets it: of the equally short scripts, the one a person would
/// write (" Fin." appended after "two.", not ". Fin" before its full stop).
fn tidy_edges(runs: &mut Vec<Run>, old: &[char], new: &[char]) {
    for i in 1..runs.len() {
        let (a, b) = (&runs[i - 1], &runs[i]);
        let (old_gap, new_gap) = (a.old + a.len..b.old, a.new + a.len..b.new);
        let (text, edit, room_before, room_after) = match (old_gap.is_empty(), new_gap.is_empty()) {
            (true, false) => (new, new_gap, a.len, b.len),
            (false, true) => (old, old_gap, a.len, b.len),
            _ => continue,
        };
        let left = (1..=room_before)
            .take_while(|&k| text[edit.end - k] == text[edit.start - k])
            .count();
        let right = (0..room_after)
            .take_while(|&k| text[edit.start + k] == text[edit.end + k])
            .count();
        let clean = |shift: isize| {
            let start = edit.start.saturating_add_signed(shift);
            let end = edit.end.saturating_add_signed(shift);
            let starts =
                start == 0 || text[start - 1].is_whitespace() || text[start].is_whitespace();
            let ends =
                end == text.len() || text[end].is_whitespace() || text[end - 1].is_whitespace();
            u8::from(starts) + u8::from(ends)
        };
        let shifts = -left.cast_signed()..=right.cast_signed();
        let Some(best) = shifts.max_by_key(|&s| (clean(s), std::cmp::Reverse(s.unsigned_abs())))
        else {
            continue;
        };
        if best == 0 || clean(best) == clean(0) {
            continue;
        }
        let (a_len, b) = if best > 0 {
            let k = best.unsigned_abs();
            (
                runs[i - 1].len + k,
                (runs[i].old + k, runs[i].new + k, runs[i].len - k),
            )
        } else {
            let k = best.unsigned_abs();
            (
                runs[i - 1].len - k,
                (runs[i].old - k, runs[i].new - k, runs[i].len + k),
            )
        };
        runs[i - 1].len = a_len;
        (runs[i].old, runs[i].new, runs[i].len) = b;
    }
    runs.retain(|r| r.len > 0);
}

/// For each run, how far the edit before it could slide into its head and the edit after it
/// into its tail, in both texts at once (an edit slides by one char when the char it gives up
/// on one side equals the char it takes on the other).
fn mark_slides(runs: &mut [Run], old: &[char], new: &[char]) {
    let ends: Vec<(usize, usize)> = runs
        .iter()
        .map(|r| (r.old + r.len, r.new + r.len))
        .collect();
    for i in 0..runs.len() {
        let (prev_old, prev_new) = if i == 0 { (0, 0) } else { ends[i - 1] };
        let (next_old, next_new) = runs
            .get(i + 1)
            .map_or((old.len(), new.len()), |r| (r.old, r.new));
        let run = &mut runs[i];
        let slide_in = |text: &[char], edit: Range<usize>, run_start: usize, len: usize| {
            if edit.is_empty() {
                return 0;
            }
            (0..len)
                .take_while(|&j| text[edit.start + j] == text[run_start + j])
                .count()
        };
        let edit_before = (prev_old..run.old, prev_new..run.new);
        run.doubtful_head = either_side(
            &edit_before,
            slide_in(old, edit_before.0.clone(), run.old, run.len),
            slide_in(new, edit_before.1.clone(), run.new, run.len),
        );
        let run_end = (run.old + run.len, run.new + run.len);
        let slide_back = |text: &[char], edit: Range<usize>, run_end: usize, len: usize| {
            if edit.is_empty() {
                return 0;
            }
            (0..len)
                .take_while(|&j| text[edit.end - 1 - j] == text[run_end - 1 - j])
                .count()
        };
        let edit_after = (run_end.0..next_old, run_end.1..next_new);
        run.doubtful_tail = either_side(
            &edit_after,
            slide_back(old, edit_after.0.clone(), run_end.0, run.len),
            slide_back(new, edit_after.1.clone(), run_end.1, run.len),
        );
    }
}

/// How far an edit (old range, new range) can slide, from how far each side can: a deletion
/// or an insertion by its own side; a replacement by the farther of the two (when in doubt,
/// doubt).
fn either_side(edit: &(Range<usize>, Range<usize>), old: usize, new: usize) -> usize {
    match (edit.0.is_empty(), edit.1.is_empty()) {
        (true, true) => 0,
        (false, true) => old,
        (true, false) => new,
        (false, false) => old.max(new),
    }
}

#[cfg(test)]
mod tests;
