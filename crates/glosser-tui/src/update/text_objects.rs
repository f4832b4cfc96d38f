//! "To the punctuation" (`t` forwards, `T` backwards): where the moving end of a selection (or
//! of a span whose edges move, `c`) goes. Pressed again at a punctuation mark, it goes on to
//! the next one, so `t t` takes two clauses.

use glosser_core::text::Document;
use glosser_core::text::bounds;

/// Whether the character at `c` is a clause mark (see [`bounds::is_clause_mark`]).
fn mark_at(doc: &Document, c: usize) -> bool {
    doc.char_at(c)
        .is_some_and(|ch| bounds::is_clause_mark(ch, doc.char_at(c + 1)))
}

/// Where a selection end at `cursor` (inclusive: the character under it is selected) goes:
/// `forward`, to the last character before the next punctuation mark; else to the first
/// character after the previous one. `again`: the selection was made already, so a mark right
/// next to it is passed over.
pub(crate) fn to_punctuation(doc: &Document, cursor: usize, again: bool, forward: bool) -> usize {
    if forward {
        let next = doc.next_grapheme(cursor);
        let from = if again && mark_at(doc, next) {
            next
        } else {
            cursor
        };
        let mark = bounds::punctuation_after(doc, from).max(from + 1);
        return doc.prev_grapheme(mark).max(cursor);
    }
    let found = bounds::punctuation_before(doc, cursor);
    if found < cursor || !again || cursor == 0 {
        return found;
    }
    // At the first character after a mark already: go back past it (and its spaces).
    let mut mark = cursor;
    while mark > 0 && doc.char_at(mark - 1).is_some_and(char::is_whitespace) {
        mark -= 1;
    }
    bounds::punctuation_before(doc, mark.saturating_sub(1))
}

/// Where a span's edge goes when it moves to the punctuation (`t` / `T` while its edges move):
/// its end (an exclusive offset) to just before the next mark after it (or before the previous
/// one), its start to just after the previous mark (or the next one).
pub(crate) fn edge_to_punctuation(
    doc: &Document,
    edge: usize,
    start_edge: bool,
    forward: bool,
) -> usize {
    match (start_edge, forward) {
        (false, true) => {
            let from = if mark_at(doc, edge) {
                edge
            } else {
                edge.saturating_sub(1)
            };
            bounds::punctuation_after(doc, from)
        }
        (false, false) => {
            let after = bounds::punctuation_before(doc, edge.saturating_sub(1));
            let mut at = after;
            while at > 0 && doc.char_at(at - 1).is_some_and(char::is_whitespace) {
                at -= 1;
            }
            if at > 0 && mark_at(doc, at - 1) {
                at - 1
            } else {
                after
            }
        }
        (true, true) => {
            let mark = bounds::punctuation_after(doc, edge);
            let mut after = (mark + 1).min(doc.char_len());
            while doc.char_at(after).is_some_and(char::is_whitespace) {
                after += 1;
            }
            after
        }
        (true, false) => to_punctuation(doc, edge, true, false),
    }
}
