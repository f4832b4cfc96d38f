//! Re-anchoring spans when an article's text changed (SPEC §2, §8), and [`restamp`], the one
//! function every writer calls before it stamps a document's hash on a file.
//!
//! Every span is found again by its `quote`: among the exact occurrences of the quote, the one
//! whose surroundings best match the span's saved `prefix`/`suffix` (as Hypothesis anchors W3C
//! TextQuoteSelectors), then the one nearest the old offset; then a fuzzy match that anchors the
//! quote's beginning and end. Two spans never land on one (start, end, label): the later one
//! takes its next candidate or becomes an orphan. A span whose quote occurs more than once with
//! nothing to tell the occurrences apart is placed at the nearest and reported as ambiguous.
//! Spans that cannot be placed are orphans: kept at their last known offsets, never dropped.

use std::collections::{HashMap, HashSet};

use crate::span::{AnnotationSet, Span};
use crate::store::{AnnotationFile, LinkEnd};
use crate::text::Document;

/// Characters of the quote's beginning and end used as fuzzy anchors.
const ANCHOR: usize = 24;
/// How far (in bytes) around the old position a search looks before trying the whole text.
const NEAR: usize = 64 * 1024;
/// Most exact occurrences weighed for one span (the nearest ones).
const MAX_CANDIDATES: usize = 256;

/// Where each span ended up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reanchored {
    /// Spans on the new text (unchanged, moved or fuzzily placed), with quotes that match it.
    pub placed: Vec<Span>,
    /// Spans that could not be placed, at their last known offsets, marked `orphan`.
    pub orphans: Vec<Span>,
    pub unchanged: usize,
    pub moved: usize,
    pub fuzzy: usize,
    /// Placed spans whose quote occurs more than once with nothing to tell which occurrence was
    /// theirs: placed at the nearest; a person should look at them.
    pub ambiguous: Vec<Span>,
    /// For every placed span: its key before and after.
    pub moves: Vec<(LinkEnd, LinkEnd)>,
}

/// Re-anchors `spans` on the new text of `doc`, in order of their old offsets.
pub fn reanchor_spans(spans: &[Span], doc: &Document) -> Reanchored {
    reanchor_around(spans, doc, &[])
}

/// [`reanchor_spans`] next to spans already placed in `doc` (`occupied`), whose keys no moved
/// span may take.
pub fn reanchor_around(spans: &[Span], doc: &Document, occupied: &[Span]) -> Reanchored {
    let mut order: Vec<&Span> = spans.iter().collect();
    order.sort_by(|a, b| (a.key(), a.orphan).cmp(&(b.key(), b.orphan)));
    let mut taken: HashSet<(usize, usize, String)> = occupied
        .iter()
        .map(|s| (s.start, s.end, s.label.clone()))
        .collect();
    let mut out = Reanchored::default();
    for span in order {
        let len = span.quote.chars().count();
        let candidates = exact_candidates(span, doc);
        let top = candidates.first().map(|c| c.context);
        let tied = candidates.iter().filter(|c| Some(c.context) == top).count();
        let free = candidates
            .iter()
            .find(|c| !taken.contains(&(c.start, c.start + len, span.label.clone())));
        let placed = if let Some(c) = free {
            let mut moved = span.clone();
            moved.start = c.start;
            moved.end = c.start + len;
            moved.orphan = false;
            if moved.start == span.start && !span.orphan {
                out.unchanged += 1;
            } else {
                out.moved += 1;
            }
            if candidates.len() > 1 && (tied > 1 || Some(c.context) != top) {
                out.ambiguous.push(moved.clone());
            }
            Some(moved)
        } else if candidates.is_empty()
            && let Some(range) = fuzzy(span, doc)
            && !taken.contains(&(range.start, range.end, span.label.clone()))
        {
            out.fuzzy += 1;
            let mut placed = Span::new(doc, range, span.label.clone());
            placed.note.clone_from(&span.note);
            placed.from.clone_from(&span.from);
            placed.score = span.score;
            Some(placed)
        } else {
            None
        };
        if let Some(placed) = placed {
            taken.insert((placed.start, placed.end, placed.label.clone()));
            out.moves.push((LinkEnd::of(span), LinkEnd::of(&placed)));
            out.placed.push(placed);
        } else {
            let mut orphan = span.clone();
            orphan.orphan = true;
            out.orphans.push(orphan);
        }
    }
    out
}

/// What [`restamp`] did to a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restamped {
    /// Whether the file's hash was for another text (its spans were re-anchored).
    pub text_changed: bool,
    pub unchanged: usize,
    pub moved: usize,
    pub fuzzy: usize,
    /// Spans that became orphans now.
    pub orphaned: Vec<Span>,
    /// Orphans from before that are still orphans.
    pub still_orphaned: usize,
    /// Orphans from before whose text was found again.
    pub recovered: usize,
    /// Spans placed at one of several equally good occurrences.
    pub ambiguous: Vec<Span>,
}

impl Restamped {
    /// Spans that are somewhere else now.
    pub fn reanchored(&self) -> usize {
        self.moved + self.fuzzy
    }

    /// One line for a person: what moved, what is orphaned, what to look at.
    pub fn summary(&self) -> String {
        let mut parts = vec![format!(
            "{} {} re-anchored",
            self.reanchored(),
            plural(self.reanchored(), "span", "spans")
        )];
        if self.fuzzy > 0 {
            parts.push(format!("{} by fuzzy match", self.fuzzy));
        }
        let orphans = self.orphaned.len() + self.still_orphaned;
        parts.push(format!("{orphans} orphaned"));
        if self.recovered > 0 {
            parts.push(format!("{} orphans found again", self.recovered));
        }
        if !self.ambiguous.is_empty() {
            parts.push(format!(
                "{} ambiguous (their text occurs more than once; check them)",
                self.ambiguous.len()
            ));
        }
        parts.join(", ")
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Brings `file` onto the text of `doc` and stamps its hash: the only way a hash is set on a
/// file that has spans (SPEC §2's anchoring invariant). A file already on this text keeps its
/// spans (only a span that no longer matches is re-anchored); orphans get another chance; links
/// follow their spans; every placed span gets its context hints.
pub fn restamp(file: &mut AnnotationFile, doc: &Document) -> Restamped {
    let same_text = file.text_sha256 == doc.sha256();
    let mut report = Restamped {
        text_changed: !same_text,
        ..Restamped::default()
    };
    let (mut keep, mut move_these): (Vec<Span>, Vec<Span>) = if same_text {
        file.spans
            .spans()
            .iter()
            .cloned()
            .partition(|s| s.check_text(doc).is_ok())
    } else {
        (Vec::new(), file.spans.spans().to_vec())
    };
    report.unchanged = keep.len();
    let old_orphans = std::mem::take(&mut file.orphans);
    let orphan_count = old_orphans.len();
    move_these.extend(old_orphans);
    if !move_these.is_empty() {
        let r = reanchor_clear_of_orphans(&move_these, doc, &keep, &file.links);
        let recovered = r
            .moves
            .iter()
            .filter(|(from, _)| move_these.iter().any(|s| s.orphan && from.matches(s)))
            .count();
        report.recovered = recovered;
        report.unchanged += r.unchanged;
        report.moved += r.moved;
        report.fuzzy += r.fuzzy;
        report.ambiguous = r.ambiguous;
        for orphan in r.orphans {
            if move_these
                .iter()
                .any(|s| s.orphan && s.key() == orphan.key() && s.quote == orphan.quote)
            {
                report.still_orphaned += 1;
            } else {
                report.orphaned.push(orphan.clone());
            }
            file.orphans.push(orphan);
        }
        relink(file, &r.moves);
        keep.extend(r.placed);
    }
    debug_assert!(report.still_orphaned <= orphan_count);
    for span in &mut keep {
        span.set_context(doc);
    }
    file.spans = AnnotationSet::from_spans(keep);
    file.orphans = crate::store::sorted_orphans(std::mem::take(&mut file.orphans));
    if !file.rejected.is_empty() && !same_text {
        let r = reanchor_spans(&file.rejected, doc);
        file.rejected =
            crate::store::sorted_orphans(r.placed.into_iter().chain(r.orphans).collect());
    }
    doc.sha256().clone_into(&mut file.text_sha256);
    report
}

/// [`reanchor_around`], keeping placed spans off the last known offsets of a linked orphan with
/// the same label: a link names a span by (start, end, label), so a span moved onto such an
/// orphan's key would silently take over its links. A span that would land there takes its next
/// candidate, or becomes an orphan itself (reported, placeable with `o`); orphans nothing links
/// to block nothing. The rounds end because the blocked keys only grow.
fn reanchor_clear_of_orphans(
    spans: &[Span],
    doc: &Document,
    keep: &[Span],
    links: &[crate::store::Link],
) -> Reanchored {
    let key = |s: &Span| (s.start, s.end, s.label.clone());
    let mut blocked: Vec<Span> = keep.to_vec();
    loop {
        let r = reanchor_around(spans, doc, &blocked);
        let clashes: Vec<Span> = r
            .orphans
            .iter()
            .filter(|o| r.placed.iter().any(|p| key(p) == key(o)))
            .filter(|o| links.iter().any(|l| l.from.matches(o) || l.to.matches(o)))
            .filter(|o| !blocked.iter().any(|b| key(b) == key(o)))
            .cloned()
            .collect();
        if clashes.is_empty() {
            return r;
        }
        blocked.extend(clashes);
    }
}

/// Points links at their spans' new keys.
fn relink(file: &mut AnnotationFile, moves: &[(LinkEnd, LinkEnd)]) {
    if file.links.is_empty() || moves.is_empty() {
        return;
    }
    let map: HashMap<&LinkEnd, &LinkEnd> = moves.iter().map(|(a, b)| (a, b)).collect();
    for link in &mut file.links {
        if let Some(to) = map.get(&link.from) {
            link.from = (*to).clone();
        }
        if let Some(to) = map.get(&link.to) {
            link.to = (*to).clone();
        }
    }
    file.links.sort();
    file.links.dedup();
}

/// An exact occurrence of a span's quote and how well its surroundings match the saved context.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    /// Characters of the saved prefix and suffix found around this occurrence.
    context: usize,
}

/// The exact occurrences of the quote on grapheme boundaries, best first: most context
/// matched, then nearest the old offset.
fn exact_candidates(span: &Span, doc: &Document) -> Vec<Candidate> {
    if span.quote.is_empty() {
        return Vec::new();
    }
    let len = span.quote.chars().count();
    let around = doc.char_to_byte(span.start.min(doc.char_len()));
    let mut found: Vec<(usize, Candidate)> = occurrences(doc.text(), &span.quote, around)
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter_map(|b| {
            let start = doc.byte_to_char(b)?;
            (doc.is_grapheme_boundary(start) && doc.is_grapheme_boundary(start + len)).then(|| {
                let context = context_match(span, doc, b, b + span.quote.len());
                (start.abs_diff(span.start), Candidate { start, context })
            })
        })
        .collect();
    found.sort_by(|(da, a), (db, b)| b.context.cmp(&a.context).then(da.cmp(db)));
    found.into_iter().map(|(_, c)| c).collect()
}

/// How many characters of the span's saved prefix end right before byte `start` and of its
/// suffix begin right at byte `end`.
fn context_match(span: &Span, doc: &Document, start: usize, end: usize) -> usize {
    let text = doc.text();
    let before = span.prefix.as_deref().map_or(0, |prefix| {
        prefix
            .chars()
            .rev()
            .zip(text[..start].chars().rev())
            .take_while(|(a, b)| a == b)
            .count()
    });
    let after = span.suffix.as_deref().map_or(0, |suffix| {
        suffix
            .chars()
            .zip(text[end..].chars())
            .take_while(|(a, b)| a == b)
            .count()
    });
    before + after
}

/// Byte offsets in `text` where `needle` occurs, nearest to `around` first (a window, then all).
fn occurrences(text: &str, needle: &str, around: usize) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let floor = |mut b: usize| {
        while b > 0 && !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let lo = floor(around.saturating_sub(NEAR));
    let hi = floor((around + NEAR + needle.len()).min(text.len()));
    let mut found: Vec<usize> = text[lo..hi]
        .match_indices(needle)
        .map(|(i, _)| lo + i)
        .collect();
    if found.is_empty() {
        found = text.match_indices(needle).map(|(i, _)| i).collect();
    }
    found.sort_by_key(|&b| b.abs_diff(around));
    found
}

/// The quote's first and last characters found near the old offset, in order, spanning about
/// the old length (between half and twice it), scored on length and distance.
fn fuzzy(span: &Span, doc: &Document) -> Option<std::ops::Range<usize>> {
    let chars: Vec<char> = span.quote.chars().collect();
    if chars.len() < 2 * ANCHOR.min(chars.len() / 2).max(4) {
        return None;
    }
    let k = ANCHOR.min(chars.len() / 2);
    let head: String = chars[..k].iter().collect();
    let tail: String = chars[chars.len() - k..].iter().collect();
    let around = doc.char_to_byte(span.start.min(doc.char_len()));
    let old = chars.len();
    // Candidates: the quote's head near the old offset, its tail after the head; the best keeps
    // the old length most closely, then lies nearest the old offset.
    let mut best: Option<(usize, std::ops::Range<usize>)> = None;
    for h in occurrences(doc.text(), &head, around).into_iter().take(8) {
        let Some(start) = doc.byte_to_char(h) else {
            continue;
        };
        for t in occurrences(doc.text(), &tail, h + span.quote.len())
            .into_iter()
            .take(8)
        {
            let Some(tail_start) = doc.byte_to_char(t) else {
                continue;
            };
            let end = tail_start + k;
            if tail_start < start + k || end - start < old / 2 || end - start > old * 2 {
                continue;
            }
            let score = (end - start).abs_diff(old) * 4 + start.abs_diff(span.start);
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, doc.grapheme_floor(start)..doc.grapheme_ceil(end)));
            }
        }
    }
    best.map(|(_, range)| range)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod restamp_tests;

#[cfg(test)]
mod link_props;
