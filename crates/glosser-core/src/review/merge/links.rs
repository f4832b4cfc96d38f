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
pub fn merge_links(
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
mod tests {
    use super::*;
    use crate::store::LinkEnd;
    use crate::text::Document;

    const TEXT: &str = "“We will win,” said Jane Doe. Bob agreed.";

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span::new(&Document::from_text(TEXT), start..end, label)
    }

    fn link(from: (usize, usize, &str), to: (usize, usize, &str)) -> Link {
        Link {
            kind: "speaker".into(),
            from: LinkEnd(from.0, from.1, from.2.into()),
            to: LinkEnd(to.0, to.1, to.2.into()),
        }
    }

    #[test]
    fn links_follow_the_strategy_and_need_both_spans_in_gold() {
        let quote = (0, 14, "quote");
        let jane = (20, 28, "source");
        let bob = (30, 33, "source");
        let gold = vec![span(0, 14, "quote"), span(20, 28, "source")];
        let to_jane = link(quote, jane);
        let to_bob = link(quote, bob);
        let alice = [to_jane.clone()];
        let bobs = [to_jane.clone(), to_bob.clone()];
        let carol = [to_jane.clone(), to_bob.clone()];
        let sides: Vec<(&str, &[Link])> =
            vec![("alice", &alice), ("bob", &bobs), ("carol", &carol)];

        let majority = merge_links(&sides, Strategy::Majority, &gold, &[]);
        assert_eq!(majority.links, std::slice::from_ref(&to_jane));
        assert_eq!(
            majority.reports,
            [
                "link speaker 0..14 quote → 30..33 source (bob, carol): left out, gold does not hold both its spans"
            ]
        );
        let intersection = merge_links(&sides, Strategy::Intersection, &gold, &[]);
        assert_eq!(intersection.links, std::slice::from_ref(&to_jane));
        assert!(
            intersection.reports.is_empty(),
            "{:?}",
            intersection.reports
        );

        let two: Vec<(&str, &[Link])> = vec![("alice", &alice), ("bob", &bobs)];
        let mut gold_with_bob = gold.clone();
        gold_with_bob.push(span(30, 33, "source"));
        let tie = merge_links(&two, Strategy::Majority, &gold_with_bob, &[]);
        assert_eq!(tie.links, std::slice::from_ref(&to_jane));
        assert_eq!(
            tie.reports,
            ["tie: link speaker 0..14 quote → 30..33 source (bob) had by 1 of 2; left out"]
        );
        let union = merge_links(&two, Strategy::Union, &gold_with_bob, &[]);
        assert_eq!(union.links, [to_jane.clone(), to_bob.clone()]);
        // Links gold already has stay, and are not reported again.
        let again = merge_links(
            &two,
            Strategy::Majority,
            &gold_with_bob,
            std::slice::from_ref(&to_bob),
        );
        assert_eq!(again.links, [to_jane, to_bob]);
        assert!(again.reports.is_empty());
    }
}
