//! Merging several annotators' spans of one document into gold: majority, union or
//! intersection. Every gold span records in `from` who had it and keeps every annotator's note;
//! ties and overlapping spans with different labels (on the same text, or crossing: nesting is
//! normal) are reported, never decided silently. Majority and intersection need two annotators.
//! A span gold rejected (review turned it down, `rejected` in the gold file) is decided: it is
//! never added again and its tie is not reported. Notes reach gold attributed (`alice: NOTE`).
//! Overlapping same-label spans that would have had a majority had their edges agreed are named
//! as near misses.

use std::collections::BTreeMap;

use crate::span::Span;

pub mod links;
mod near_miss;

/// How spans make it into gold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// Spans that more than half of the annotators had.
    Majority,
    /// Spans that any annotator had.
    Union,
    /// Spans that every annotator had.
    Intersection,
}

impl Strategy {
    /// The name `--strategy` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Majority => "majority",
            Self::Union => "union",
            Self::Intersection => "intersection",
        }
    }
}

/// A `--strategy` that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown strategy {0:?}; use majority, union or intersection")]
pub struct UnknownStrategy(pub String);

impl std::str::FromStr for Strategy {
    type Err = UnknownStrategy;

    fn from_str(s: &str) -> Result<Self, UnknownStrategy> {
        match s {
            "majority" => Ok(Self::Majority),
            "union" => Ok(Self::Union),
            "intersection" => Ok(Self::Intersection),
            other => Err(UnknownStrategy(other.to_owned())),
        }
    }
}

/// The gold spans of one document and what needs a human.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub spans: Vec<Span>,
    /// One sentence per tie or conflict, with offsets, labels and who.
    pub reports: Vec<String>,
    /// Ties and conflicts not reported because gold already settles them (a re-run after
    /// review).
    pub settled: usize,
    /// Majority or intersection over a single annotator: nothing merged (gold from one person
    /// is not agreement); the caller says so.
    pub single: bool,
    /// One sentence per region where enough annotators put the same label on overlapping text
    /// but no identical span reached gold (majority and intersection).
    pub near_misses: Vec<String>,
}

/// Merges the spans of the annotators that have a file for this document.
pub fn merge(sides: &[(&str, &[Span])], strategy: Strategy) -> Merged {
    merge_with_gold(sides, strategy, &Gold::default())
}

/// What the gold file already holds: its spans and the spans review rejected.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gold<'a> {
    pub spans: &'a [Span],
    pub rejected: &'a [Span],
}

impl Gold<'_> {
    fn rejects(&self, span: &Span) -> bool {
        self.rejected.iter().any(|r| r.key() == span.key())
    }
}

/// Whether gold already settles a tie on `span`: it holds the span, another label on the same
/// text, or the same label over overlapping text (someone adjudicated it).
fn tie_settled(gold: &[Span], span: &Span) -> bool {
    gold.iter().any(|g| {
        (g.start, g.end) == (span.start, span.end) || (g.label == span.label && g.overlaps(span))
    })
}

/// Whether two overlapping spans with different labels conflict: on the same text, or crossing.
/// A span strictly inside another is nesting (a quote inside a claim), which is normal.
fn conflicting(a: &Span, b: &Span) -> bool {
    if a.label == b.label || !a.overlaps(b) {
        return false;
    }
    let same = (a.start, a.end) == (b.start, b.end);
    let nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
    same || !nested
}

/// [`merge`], quiet about ties and conflicts that `gold` (the gold file's spans and rejections)
/// settles; a span gold rejected is never merged in again.
pub(crate) fn merge_with_gold(
    sides: &[(&str, &[Span])],
    strategy: Strategy,
    settled: &Gold,
) -> Merged {
    let gold = settled.spans;
    let n = sides.len();
    if n < 2 && strategy != Strategy::Union {
        return Merged {
            single: n == 1,
            ..Merged::default()
        };
    }
    let mut by_key: BTreeMap<(usize, usize, String), (Span, Vec<String>)> = BTreeMap::new();
    for (annotator, spans) in sides {
        for span in *spans {
            let key = (span.start, span.end, span.label.clone());
            let attributed = crate::review::adjudicate::attributed(span, annotator);
            if let Some(entry) = by_key.get_mut(&key) {
                crate::span::absorb_duplicate(&mut entry.0, &attributed);
            } else {
                by_key.insert(key.clone(), (attributed, Vec::new()));
            }
            if let Some(entry) = by_key.get_mut(&key)
                && !entry.1.iter().any(|a| a == annotator)
            {
                entry.1.push((*annotator).to_owned());
            }
        }
    }
    let mut merged = Merged::default();
    for ((start, end, label), (mut span, mut from)) in by_key {
        from.sort();
        let count = from.len();
        let keep = match strategy {
            Strategy::Union => true,
            Strategy::Intersection => count == n,
            Strategy::Majority => 2 * count > n,
        };
        if settled.rejects(&span) {
            // Review turned it down: decided, never added again.
            if keep || (strategy == Strategy::Majority && 2 * count == n) {
                merged.settled += 1;
            }
            continue;
        }
        if strategy == Strategy::Majority && 2 * count == n {
            if tie_settled(gold, &span) {
                merged.settled += 1;
            } else {
                merged.reports.push(format!(
                    "tie: {start}..{end} {label} {:?} had by {} of {n} ({}); left out",
                    span.quote,
                    count,
                    from.join(", ")
                ));
            }
        }
        if keep {
            span.from = from;
            merged.spans.push(span);
        }
    }
    let held = |s: &Span| gold.iter().any(|g| g.key() == s.key());
    for (i, a) in merged.spans.iter().enumerate() {
        for b in &merged.spans[i + 1..] {
            if b.start >= a.end {
                break;
            }
            // Labels differ where the same annotators did not say both.
            if !conflicting(a, b) || a.from == b.from {
                continue;
            }
            if held(a) && held(b) {
                merged.settled += 1;
                continue;
            }
            merged.reports.push(format!(
                "conflict: {}..{} {} ({}) overlaps {}..{} {} ({}); both kept",
                a.start,
                a.end,
                a.label,
                a.from.join(", "),
                b.start,
                b.end,
                b.label,
                b.from.join(", ")
            ));
        }
    }
    merged.near_misses = near_miss::near_misses(sides, strategy, &merged.spans, settled);
    merged
}

/// The parts of an attributed `note` (`alice: X | bob: Y`) that `held` (gold's note) does not
/// have yet, neither as they are nor unattributed (`X`, as glossers before attribution wrote
/// it), so merging again into an older gold file never repeats a note.
fn not_yet_in(held: Option<&str>, note: &str) -> Option<String> {
    let Some(held) = held else {
        return Some(note.to_owned());
    };
    let parts: Vec<&str> = held.split(" | ").collect();
    let fresh: Vec<&str> = note
        .split(" | ")
        .filter(|part| {
            let bare = part.split_once(": ").map_or(*part, |(_, text)| text);
            !parts.contains(part) && !parts.contains(&bare)
        })
        .collect();
    (!fresh.is_empty()).then(|| fresh.join(" | "))
}

/// Adds merged spans to an existing gold set: spans already there keep their place and gain
/// the new annotators in `from`.
pub(crate) fn into_existing(existing: Vec<Span>, merged: Vec<Span>) -> Vec<Span> {
    let mut by_key: BTreeMap<(usize, usize, String), Span> = existing
        .into_iter()
        .map(|s| ((s.start, s.end, s.label.clone()), s))
        .collect();
    for mut span in merged {
        match by_key.get_mut(&(span.start, span.end, span.label.clone())) {
            Some(old) => {
                for who in std::mem::take(&mut span.from) {
                    if !old.from.contains(&who) {
                        old.from.push(who);
                    }
                }
                old.from.sort();
                span.note = span
                    .note
                    .and_then(|note| not_yet_in(old.note.as_deref(), &note));
                crate::span::absorb_duplicate(old, &span);
            }
            None => {
                by_key.insert((span.start, span.end, span.label.clone()), span);
            }
        }
    }
    by_key.into_values().collect()
}

#[cfg(test)]
mod tests;
