//! Merging annotators' links into gold by the same strategy as their spans: a link (its type
//! and both ends) that enough annotators drew is kept when gold holds both its spans; one that
//! qualifies but has an end gold does not hold, and a majority tie, is reported, never dropped
//! without a word.

use std::collections::BTreeMap;

use super::Strategy;
use crate::span::Span;
use crate::store::Link;

/// Gold's links after a merge, and one sentence per link left out that someone drew.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergedLinks {
    pub links: Vec<Link>,
    pub reports: Vec<String>,
}

/// Merges the links of `sides` (each annotator's links) into `existing` gold links, keeping
/// those the strategy takes whose two spans are in `gold`. `n` is the number of annotators.
pub(crate) fn merge_links(
    sides: &[(&str, &[Link])],
    strategy: Strategy,
    gold: &[Span],
    existing: &[Link],
) -> MergedLinks {
    let n = sides.len();
    let mut drawn: BTreeMap<&Link, Vec<&str>> = BTreeMap::new();
    for (annotator, links) in sides {
        for link in *links {
            let who = drawn.entry(link).or_default();
            if !who.contains(annotator) {
                who.push(annotator);
            }
        }
    }
    let in_gold = |end: &crate::store::LinkEnd| gold.iter().any(|s| end.matches(s));
    let mut merged = MergedLinks {
        links: existing.to_vec(),
        reports: Vec::new(),
    };
    for (link, mut who) in drawn {
        who.sort_unstable();
        let count = who.len();
        let keep = match strategy {
            Strategy::Union => true,
            Strategy::Intersection => count == n,
            Strategy::Majority => 2 * count > n,
        };
        let described = || {
            format!(
                "link {} {}..{} {} → {}..{} {} ({})",
                link.kind,
                link.from.0,
                link.from.1,
                link.from.2,
                link.to.0,
                link.to.1,
                link.to.2,
                who.join(", ")
            )
        };
        if existing.contains(link) {
            continue;
        }
        if strategy == Strategy::Majority && 2 * count == n {
            merged.reports.push(format!(
                "tie: {} had by {count} of {n}; left out",
                described()
            ));
        } else if keep && !(in_gold(&link.from) && in_gold(&link.to)) {
            merged.reports.push(format!(
                "{}: left out, gold does not hold both its spans",
                described()
            ));
        } else if keep {
            merged.links.push(link.clone());
        }
    }
    merged.links.sort();
    merged.links.dedup();
    merged
}

#[cfg(test)]
mod tests;
