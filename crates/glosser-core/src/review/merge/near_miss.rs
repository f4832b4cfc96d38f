//! Near misses of a majority or intersection merge: enough annotators put the same label on
//! overlapping text, but not on one identical span, so no span of that text reaches gold. Each
//! such region is named (who had which edges), never dropped without a word; union keeps every
//! span and has none.

use super::{Gold, Strategy};
use crate::span::Span;

/// One sentence per near miss of this document, in text order.
pub(crate) fn near_misses(
    sides: &[(&str, &[Span])],
    strategy: Strategy,
    kept: &[Span],
    gold: &Gold,
) -> Vec<String> {
    let n = sides.len();
    let enough = |count: usize| match strategy {
        Strategy::Majority => 2 * count > n,
        Strategy::Intersection => count == n,
        Strategy::Union => false,
    };
    let mut left: Vec<(&Span, &str)> = sides
        .iter()
        .flat_map(|(who, spans)| spans.iter().map(move |s| (s, *who)))
        .filter(|(s, _)| !kept.iter().any(|k| k.key() == s.key()) && !gold.rejects(s))
        .collect();
    left.sort_by(|(a, x), (b, y)| {
        (&a.label, a.start, a.end, x).cmp(&(&b.label, b.start, b.end, y))
    });
    let settled = |region: &[(&Span, &str)]| {
        kept.iter().chain(gold.spans).any(|g| {
            region
                .iter()
                .any(|(s, _)| g.label == s.label && g.overlaps(s))
        })
    };
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut at = 0;
    while at < left.len() {
        let (first, _) = left[at];
        let mut end = first.end;
        let mut next = at + 1;
        while next < left.len() && left[next].0.label == first.label && left[next].0.start < end {
            end = end.max(left[next].0.end);
            next += 1;
        }
        let region = &left[at..next];
        at = next;
        let mut who: Vec<&str> = region.iter().map(|(_, w)| *w).collect();
        who.sort_unstable();
        who.dedup();
        if region.len() < 2 || !enough(who.len()) || settled(region) {
            continue;
        }
        let edges: Vec<String> = region
            .iter()
            .map(|(s, w)| format!("{}..{} ({w})", s.start, s.end))
            .collect();
        let longest = region
            .iter()
            .map(|(s, _)| *s)
            .max_by_key(|s| (s.end - s.start, std::cmp::Reverse(s.start)))
            .map_or("", |s| s.quote.as_str());
        out.push((
            first.start,
            format!(
                "near miss: {} of {n} annotators put {} on overlapping text but no span of it is the same for {}: {} {:?}; left out (adjudicate it in glosser review, or merge with --strategy union)",
                who.len(),
                first.label,
                if strategy == Strategy::Majority { "a majority" } else { "all" },
                edges.join(", "),
                shorten(longest),
            ),
        ));
    }
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, line)| line).collect()
}

/// At most 60 characters of a quote, with an ellipsis when cut.
fn shorten(quote: &str) -> String {
    if quote.chars().count() <= 60 {
        return quote.to_owned();
    }
    quote.chars().take(59).chain(std::iter::once('…')).collect()
}

#[cfg(test)]
mod tests;
