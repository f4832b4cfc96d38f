//! The wrap cache: the article as screen rows, each a range of char offsets, for one width.
//! Built from the top as far as the screen needs (the rows up to the cursor and a few screens
//! past it), the rest on `Tick`s; rebuilt only when the width or the text changes. Finding the
//! row of an offset is a binary search, so a 5 MB article opens and scrolls like a 5 KB one.

use std::ops::Range;

use super::sanitize::{grapheme_cell, graphemes};
use glosser_core::text::Document;

/// Bytes of text wrapped between two checks of whether the screen has its rows.
const CHUNK: usize = 32 * 1024;

/// Rows of one document at one width.
#[derive(Debug, Clone, Default)]
pub struct WrapCache {
    /// Char offset where each row starts; rows cover the text in order, line breaks included.
    /// While `rest` is `Some`, only the prefix is known and the last row is still open.
    starts: Vec<usize>,
    len: usize,
    width: u16,
    generation: Option<u64>,
    /// Where wrapping resumes; `None` once the whole text is wrapped.
    rest: Option<Wrapper>,
}

impl WrapCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Rebuilds the rows if the document (its `generation`) or the width changed, and wraps
    /// the whole text.
    pub fn update(&mut self, doc: &Document, generation: u64, width: u16) {
        self.reset(doc, generation, width);
        self.extend(doc, usize::MAX);
    }

    /// Like [`Self::update`], but wraps only up to char offset `offset` and `rows_after` rows
    /// past its row (or to the end): what a screen around `offset` needs.
    pub(crate) fn prepare(
        &mut self,
        doc: &Document,
        generation: u64,
        width: u16,
        offset: usize,
        rows_after: usize,
    ) {
        self.reset(doc, generation, width);
        while self.rest.is_some() {
            let known = self.starts.last().is_some_and(|&s| s > offset)
                && self.starts.len() - 1 - self.row_of(offset) > rows_after;
            if known {
                break;
            }
            self.extend(doc, CHUNK);
        }
    }

    /// Wraps about `bytes` more bytes of the text (whole graphemes); returns whether the whole
    /// text is wrapped.
    pub fn extend(&mut self, doc: &Document, bytes: usize) -> bool {
        if let Some(rest) = &mut self.rest
            && rest.run(doc.text(), self.width.max(1), &mut self.starts, bytes)
        {
            self.rest = None;
        }
        self.rest.is_none()
    }

    /// Whether the rows are those of document `generation`.
    pub(crate) fn is_for(&self, generation: u64) -> bool {
        self.generation == Some(generation)
    }

    /// Whether every row is known.
    pub(crate) fn is_complete(&self) -> bool {
        self.rest.is_none()
    }

    fn reset(&mut self, doc: &Document, generation: u64, width: u16) {
        if self.generation == Some(generation) && self.width == width {
            return;
        }
        self.generation = Some(generation);
        self.width = width;
        self.len = doc.char_len();
        self.starts = Vec::with_capacity(64);
        self.starts.push(0);
        self.rest = Some(Wrapper::default());
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// Rows known: all of them once complete; before that, the rows already closed.
    pub(crate) fn row_count(&self) -> usize {
        let open = usize::from(self.rest.is_some());
        (self.starts.len() - open.min(self.starts.len())).max(1)
    }

    /// Char offsets of a row (the last row ends at the end of the text).
    pub(crate) fn row_range(&self, row: usize) -> Range<usize> {
        let start = self.starts.get(row).copied().unwrap_or(self.len);
        let end = self.starts.get(row + 1).copied().unwrap_or(self.len);
        start..end
    }

    /// The row holding char offset `offset` (the end of the text is on the last row).
    pub fn row_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Display column of `offset` within its row.
    pub(crate) fn column_of(&self, doc: &Document, offset: usize) -> u16 {
        let range = self.row_range(self.row_of(offset));
        let mut column = 0u16;
        let mut at = range.start;
        for g in graphemes(doc.slice(range.start, offset)) {
            at += g.chars().count();
            if at > offset {
                break;
            }
            column = column.saturating_add(grapheme_cell(g).map_or(0, |(_, w)| w));
        }
        column
    }

    /// The grapheme boundary at (or just before) a cell of a row; past the row's end, its last
    /// position (before its line break; the end of the text on the last row).
    pub(crate) fn offset_at(&self, doc: &Document, row: usize, column: u16) -> usize {
        let row = row.min(self.row_count() - 1);
        let range = self.row_range(row);
        let mut at = range.start;
        let mut x = 0u16;
        let is_last = row + 1 >= self.row_count();
        for g in graphemes(doc.slice(range.start, range.end)) {
            let chars = g.chars().count();
            let Some((_, w)) = grapheme_cell(g) else {
                return at;
            };
            if column < x.saturating_add(w) {
                return at;
            }
            x = x.saturating_add(w);
            if at + chars == range.end && !is_last {
                return at;
            }
            at += chars;
        }
        at
    }
}

/// Greedy wrapping that can stop between two graphemes and resume: breaking after whitespace
/// when it can, inside a word only when the word is wider than the row; a line break always
/// ends a row. Wrapping in pieces gives the same rows as wrapping at once.
#[derive(Debug, Clone, Copy, Default)]
struct Wrapper {
    /// Byte and char offset of the next grapheme.
    byte: usize,
    at: usize,
    col: u16,
    /// Where the row could break: the char offset after the last whitespace, and the column there.
    last_break: Option<(usize, u16)>,
}

impl Wrapper {
    /// Wraps at least `bytes` more bytes of `text` (or to its end), pushing row starts onto
    /// `starts` (which holds at least the first row's 0). Returns whether the text is done.
    fn run(&mut self, text: &str, width: u16, starts: &mut Vec<usize>, bytes: usize) -> bool {
        let until = self.byte.saturating_add(bytes).min(text.len());
        let Self {
            byte,
            at,
            col,
            last_break,
        } = self;
        while *byte < until {
            let (len, chars, cell, blank) = measure(text, *byte);
            *byte += len;
            let Some(w) = cell else {
                *at += chars;
                starts.push(*at);
                *col = 0;
                *last_break = None;
                continue;
            };
            if *col + w > width && *col > 0 {
                if blank {
                    // Whitespace hangs at the end of the row instead of starting the next one.
                    *at += chars;
                    starts.push(*at);
                    *col = 0;
                    *last_break = None;
                    continue;
                }
                let row_start = starts.last().copied().unwrap_or(0);
                match *last_break {
                    Some((b, bcol)) if b > row_start => {
                        starts.push(b);
                        *col -= bcol;
                        if *col + w > width && *col > 0 {
                            // The word since the break is still too long: break inside it too.
                            starts.push(*at);
                            *col = 0;
                        }
                    }
                    _ => {
                        starts.push(*at);
                        *col = 0;
                    }
                }
                *last_break = None;
            }
            *col += w;
            *at += chars;
            if blank {
                *last_break = Some((*at, *col));
            }
        }
        // A trailing line break leaves an empty last row, where the cursor can sit at the end.
        *byte >= text.len()
    }
}

/// The grapheme at byte `at`: its length in bytes and chars, its cells (`None` for a line
/// break) and whether it is whitespace. Plain ASCII skips full segmentation.
fn measure(text: &str, at: usize) -> (usize, usize, Option<u16>, bool) {
    let bytes = text.as_bytes();
    let first = bytes[at];
    let next = bytes.get(at + 1).copied();
    if first < 0x80 && next.is_none_or(|n| n < 0x80) && !(first == b'\r' && next == Some(b'\n')) {
        let g = &text[at..=at];
        return (
            1,
            1,
            grapheme_cell(g).map(|(_, w)| w),
            char::from(first).is_whitespace(),
        );
    }
    let g = graphemes(&text[at..]).next().unwrap_or_default();
    (
        g.len().max(1),
        g.chars().count(),
        grapheme_cell(g).map(|(_, w)| w),
        g.chars().all(char::is_whitespace),
    )
}

#[cfg(test)]
mod tests;
