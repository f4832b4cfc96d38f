//! Adjudication, the model under `glosser review`: spans every annotator has are agreed; the
//! rest fall into items, each a cluster of overlapping spans across annotators with every
//! annotator's version. Deciding an item gives the gold spans to add, each with `from`, and the
//! spans it turns down, which gold keeps in `rejected`: an item is settled when every span of
//! every version is in gold or in gold's `rejected`, so a review reopened later resumes with only
//! the open items, and a span an annotator adds after adjudication opens an item again.
//!
//! Notes: gold never passes a personal note off as its own. An annotator's note reaches gold as
//! `alice: NOTE`, several joined with ` | ` (see [`attributed`]).

use std::ops::Range;

use crate::span::Span;

/// One disagreement: a stretch of text and each annotator's spans in it (in annotator order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub range: Range<usize>,
    pub versions: Vec<Vec<Span>>,
}

/// How an item was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The version of the annotator at this index.
    Accepted(usize),
    /// No version.
    Rejected,
    /// The spans more than half of the annotators had.
    Majority,
    /// Spans taken one by one from any version ([`pick`] gives what gold takes and turns down).
    Picked,
}

/// Who (by name) had a span with this key among `sides`.
fn who_had(sides: &[Vec<Span>], names: &[String], span: &Span) -> Vec<String> {
    sides
        .iter()
        .zip(names)
        .filter(|(spans, _)| spans.iter().any(|s| s.key() == span.key()))
        .map(|(_, n)| n.clone())
        .collect()
}

/// Splits the annotators' spans (`sides[i]` is annotator `names[i]`'s; `None` when they have no
/// file for the document) into agreed gold spans and disagreement items in text order. A span is
/// agreed when every annotator with a file has it and there are two of them at least: one
/// person's spans are never agreed, each of them is an item to decide.
pub fn plan(sides: &[Option<Vec<Span>>], names: &[String]) -> (Vec<Span>, Vec<Item>) {
    plan_by(sides, names, |_| true)
}

/// [`plan`] where a span everyone has is agreed only if `agree` holds for it too (links:
/// everyone drew the same links from it, see [`links::plan_linked`]).
fn plan_by(
    sides: &[Option<Vec<Span>>],
    names: &[String],
    agree: impl Fn(&Span) -> bool,
) -> (Vec<Span>, Vec<Item>) {
    let present: Vec<&Vec<Span>> = sides.iter().flatten().collect();
    let with_file: Vec<String> = sides
        .iter()
        .zip(names)
        .filter(|(side, _)| side.is_some())
        .map(|(_, n)| n.clone())
        .collect();
    let mut agreed: Vec<Span> = Vec::new();
    let mut rest: Vec<(usize, Span)> = Vec::new();
    let mut first_present = true;
    for (i, side) in sides.iter().enumerate() {
        let Some(spans) = side else { continue };
        for span in spans {
            let everyone = present.len() >= 2
                && agree(span)
                && present
                    .iter()
                    .all(|other| other.iter().any(|s| s.key() == span.key()));
            if everyone {
                if first_present {
                    let mut gold = span.clone();
                    gold.from.clone_from(&with_file);
                    gold.note = None;
                    for (other, name) in sides.iter().zip(names) {
                        if let Some(same) = other.iter().flatten().find(|s| s.key() == span.key()) {
                            crate::span::absorb_duplicate(&mut gold, &attributed(same, name));
                        }
                    }
                    agreed.push(gold);
                }
            } else {
                rest.push((i, span.clone()));
            }
        }
        first_present = false;
    }
    rest.sort_by(|(_, a), (_, b)| a.key().cmp(&b.key()));
    let mut items: Vec<Item> = Vec::new();
    for (who, span) in rest {
        match items.last_mut() {
            Some(item) if span.start < item.range.end => {
                item.range.end = item.range.end.max(span.end);
                item.versions[who].push(span);
            }
            _ => {
                let mut versions = vec![Vec::new(); sides.len()];
                let range = span.range();
                versions[who].push(span);
                items.push(Item { range, versions });
            }
        }
    }
    (agreed, items)
}

/// A copy of a span without `from`, so only its note joins a gold span.
fn without_from(span: &Span) -> Span {
    let mut copy = span.clone();
    copy.from.clear();
    copy
}

/// A copy of annotator `name`'s span as it joins gold: without `from`, its note (if any)
/// attributed as `name: NOTE`. Gold joins several with ` | `; an identical attributed note is
/// not added twice, so merging again changes nothing.
pub(crate) fn attributed(span: &Span, name: &str) -> Span {
    let mut copy = without_from(span);
    if let Some(note) = &copy.note {
        let prefix = format!("{name}: ");
        if !note.starts_with(&prefix) {
            copy.note = Some(format!("{prefix}{note}"));
        }
    }
    copy
}

/// The gold spans a decision adds for an item, each with `from` (who had it) and the notes of
/// everyone who had it (joined, none dropped).
/// A picked decision's spans are [`pick`]'s: none here.
pub fn gold_spans(item: &Item, decision: Decision, names: &[String]) -> Vec<Span> {
    let with_from = |span: &Span| gold_copy(item, names, span);
    match decision {
        Decision::Rejected | Decision::Picked => Vec::new(),
        Decision::Accepted(i) => item
            .versions
            .get(i)
            .map_or_else(Vec::new, |v| v.iter().map(with_from).collect()),
        Decision::Majority => {
            let mut out: Vec<Span> = Vec::new();
            for span in item.versions.iter().flatten() {
                let count = who_had(&item.versions, names, span).len();
                if 2 * count > names.len() && !out.iter().any(|s| s.key() == span.key()) {
                    out.push(with_from(span));
                }
            }
            out
        }
    }
}

/// A span of an item as gold takes it: `from` naming who had it, everyone's notes on it joined.
fn gold_copy(item: &Item, names: &[String], span: &Span) -> Span {
    let mut gold = span.clone();
    gold.from = who_had(&item.versions, names, span);
    gold.note = None;
    for (version, name) in item.versions.iter().zip(names) {
        for same in version.iter().filter(|s| s.key() == span.key()) {
            crate::span::absorb_duplicate(&mut gold, &attributed(same, name));
        }
    }
    gold
}

/// The spans of an item a decision turns down — every span of every version that the
/// decision does not put in gold — each once, with `from` naming whose it was. Gold keeps them
/// in `rejected`, so the item stays decided when the review is reopened. (A picked decision's
/// are [`pick`]'s.)
pub fn rejected_spans(item: &Item, decision: Decision, names: &[String]) -> Vec<Span> {
    if decision == Decision::Picked {
        return Vec::new();
    }
    let accepted = gold_spans(item, decision, names);
    turned_down(item, names, |span| {
        accepted.iter().any(|a| a.key() == span.key())
    })
}

/// Every span of the item `kept` does not hold, once each, as gold's `rejected` keeps it.
fn turned_down(item: &Item, names: &[String], kept: impl Fn(&Span) -> bool) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for span in item.versions.iter().flatten() {
        if kept(span) || out.iter().any(|o| o.key() == span.key()) {
            continue;
        }
        let mut rejected = without_from(span);
        rejected.note = None;
        rejected.orphan = false;
        rejected.from = who_had(&item.versions, names, span);
        out.push(rejected);
    }
    out
}

/// A decision taking single spans from any version: the gold spans of those whose keys (start,
/// end, label) are `taken` (with `from` and everyone's notes), and every other span of the item,
/// turned down (for gold's `rejected`).
pub fn pick(
    item: &Item,
    names: &[String],
    taken: &[(usize, usize, String)],
) -> (Vec<Span>, Vec<Span>) {
    let is_taken = |span: &Span| {
        taken
            .iter()
            .any(|(s, e, l)| (*s, *e, l.as_str()) == span.key())
    };
    let mut gold: Vec<Span> = Vec::new();
    for span in item.versions.iter().flatten().filter(|s| is_taken(s)) {
        if !gold.iter().any(|g| g.key() == span.key()) {
            gold.push(gold_copy(item, names, span));
        }
    }
    (gold, turned_down(item, names, is_taken))
}

/// Whether gold settles an item: every span of every version is in `gold` or in `rejected`
/// (compared by start, end and label).
pub fn settled(item: &Item, gold: &[Span], rejected: &[Span]) -> bool {
    let known = |span: &Span| gold.iter().chain(rejected).any(|g| g.key() == span.key());
    item.versions.iter().flatten().all(known)
}

/// The characters where the versions differ: covered by some annotator's spans but not all.
pub fn differing(item: &Item) -> Vec<Range<usize>> {
    let covers = |spans: &[Span], c: usize| spans.iter().any(|s| s.start <= c && c < s.end);
    let mut out: Vec<Range<usize>> = Vec::new();
    for c in item.range.clone() {
        let count = item.versions.iter().filter(|v| covers(v, c)).count();
        if count > 0 && count < item.versions.len() {
            match out.last_mut() {
                Some(r) if r.end == c => r.end = c + 1,
                _ => out.push(c..c + 1),
            }
        }
    }
    out
}

mod links;
pub use links::{agreed_links, plan_linked, settled_linked};

#[cfg(test)]
mod tests;
