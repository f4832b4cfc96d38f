//! The runs of unchanged characters between two texts: the common head and tail, then lines,
//! words and characters diffed in turn; edits slid to where a person would put them; and how
//! far each edit beside a run could slide into it.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation as _;

use super::{DEADLINE, LINE_FIRST, Run};

/// The unchanged runs of a short edit script: the common head and tail first, then the middle
/// line by line when it is long, word by word (UAX #29 word bounds, so an inserted phrase is
/// one edit rather than letters matched across words), and char by char inside each changed
/// block of words.
pub(super) fn equal_runs(old: &[char], new: &[char]) -> Vec<Run> {
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
pub(super) fn tidy_edges(runs: &mut Vec<Run>, old: &[char], new: &[char]) {
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
pub(super) fn mark_slides(runs: &mut [Run], old: &[char], new: &[char]) {
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
