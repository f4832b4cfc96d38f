//! Merging several annotators' spans of one document into gold: majority, union or
//! intersection. Every gold span records in `from` who had it; ties and overlapping spans with
//! different labels are reported, never decided silently.

use std::collections::BTreeMap;

use crate::span::Span;

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

impl std::str::FromStr for Strategy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "majority" => Ok(Self::Majority),
            "union" => Ok(Self::Union),
            "intersection" => Ok(Self::Intersection),
            other => Err(format!(
                "unknown strategy {other:?}; use majority, union or intersection"
            )),
        }
    }
}

/// The gold spans of one document and what needs a human.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub spans: Vec<Span>,
    /// One sentence per tie or conflict, with offsets, labels and who.
    pub reports: Vec<String>,
}

/// Merges the spans of the annotators that have a file for this document.
pub fn merge(sides: &[(&str, &[Span])], strategy: Strategy) -> Merged {
    let n = sides.len();
    let mut by_key: BTreeMap<(usize, usize, String), (Span, Vec<String>)> = BTreeMap::new();
    for (annotator, spans) in sides {
        for span in *spans {
            let entry = by_key
                .entry((span.start, span.end, span.label.clone()))
                .or_insert_with(|| (span.clone(), Vec::new()));
            if !entry.1.iter().any(|a| a == annotator) {
                entry.1.push((*annotator).to_owned());
            }
            if entry.0.note.is_none() {
                entry.0.note.clone_from(&span.note);
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
        if strategy == Strategy::Majority && 2 * count == n {
            merged.reports.push(format!(
                "tie: {start}..{end} {label} {:?} had by {} of {n} ({}); left out",
                span.quote,
                count,
                from.join(", ")
            ));
        }
        if keep {
            span.from = from;
            merged.spans.push(span);
        }
    }
    for (i, a) in merged.spans.iter().enumerate() {
        for b in &merged.spans[i + 1..] {
            if b.start >= a.end {
                break;
            }
            // Labels differ where the same annotators did not say both.
            if a.label != b.label && a.overlaps(b) && a.from != b.from {
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
    }
    merged
}

/// Adds merged spans to an existing gold set: spans already there keep their place and gain
/// the new annotators in `from`.
pub fn into_existing(existing: Vec<Span>, merged: Vec<Span>) -> Vec<Span> {
    let mut by_key: BTreeMap<(usize, usize, String), Span> = existing
        .into_iter()
        .map(|s| ((s.start, s.end, s.label.clone()), s))
        .collect();
    for span in merged {
        match by_key.get_mut(&(span.start, span.end, span.label.clone())) {
            Some(old) => {
                for who in span.from {
                    if !old.from.contains(&who) {
                        old.from.push(who);
                    }
                }
                old.from.sort();
                if old.note.is_none() {
                    old.note = span.note;
                }
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
