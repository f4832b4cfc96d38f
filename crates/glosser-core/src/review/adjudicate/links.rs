//! Links in adjudication (SPEC §10): a span everyone has is agreed only when everyone also drew
//! the same links from it, so two annotators who agree on a quote but link it to different
//! sources (or one of them to none) leave an item to decide. A link belongs to the span it goes
//! from: its target being linked differently is not a disagreement about the target.

use super::{Item, plan_by, settled};
use crate::span::Span;
use crate::store::{Link, LinkEnd};

/// The links of `links` from `span`, as (type, other end), sorted.
fn outgoing<'a>(links: &'a [Link], span: &Span) -> Vec<(&'a str, &'a LinkEnd)> {
    let mut out: Vec<(&str, &LinkEnd)> = links
        .iter()
        .filter(|l| l.from.matches(span))
        .map(|l| (l.kind.as_str(), &l.to))
        .collect();
    out.sort();
    out
}

/// Whether the annotators with a file who have `span` (same start, end and label) drew
/// different links from it. `links[i]` are annotator `i`'s links.
pub(crate) fn outgoing_differs(
    sides: &[Option<Vec<Span>>],
    links: &[Vec<Link>],
    span: &Span,
) -> bool {
    let mut seen = sides
        .iter()
        .zip(links)
        .filter(|(side, _)| {
            side.as_ref()
                .is_some_and(|spans| spans.iter().any(|s| s.key() == span.key()))
        })
        .map(|(_, mine)| outgoing(mine, span));
    let Some(first) = seen.next() else {
        return false;
    };
    seen.any(|other| other != first)
}

/// [`super::plan`] with links: a span every annotator with a file has is agreed only when they
/// all drew the same links from it; otherwise it is an item (each version listing that span).
pub fn plan_linked(
    sides: &[Option<Vec<Span>>],
    links: &[Vec<Link>],
    names: &[String],
) -> (Vec<Span>, Vec<Item>) {
    plan_by(sides, names, |span| !outgoing_differs(sides, links, span))
}

/// The links that go with the agreed spans: those from an agreed span (everyone drew the same
/// links from it, so the first annotator with a file speaks for all). Whether their other end
/// is in gold is for the caller to check.
pub fn agreed_links(
    sides: &[Option<Vec<Span>>],
    links: &[Vec<Link>],
    agreed: &[Span],
) -> Vec<Link> {
    let Some(first) = sides.iter().position(Option::is_some) else {
        return Vec::new();
    };
    links
        .get(first)
        .map(|mine| {
            mine.iter()
                .filter(|l| agreed.iter().any(|s| l.from.matches(s)))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Whether gold settles an item, links included: every span is in gold or rejected
/// ([`settled`]), and for each span of the item gold holds that the annotators linked
/// differently, gold's links from it are one annotator's (those whose other end gold holds):
/// a decision was taken on them, and no annotator changed theirs since.
pub fn settled_linked(
    item: &Item,
    gold: &[Span],
    rejected: &[Span],
    gold_links: &[Link],
    sides: &[Option<Vec<Span>>],
    links: &[Vec<Link>],
) -> bool {
    if !settled(item, gold, rejected) {
        return false;
    }
    let held = |end: &LinkEnd| gold.iter().any(|g| end.matches(g));
    item.versions
        .iter()
        .flatten()
        .filter(|span| gold.iter().any(|g| g.key() == span.key()))
        .filter(|span| outgoing_differs(sides, links, span))
        .all(|span| {
            let decided = outgoing(gold_links, span);
            sides.iter().zip(links).any(|(side, mine)| {
                let has = side
                    .as_ref()
                    .is_some_and(|spans| spans.iter().any(|s| s.key() == span.key()));
                let theirs: Vec<(&str, &LinkEnd)> = outgoing(mine, span)
                    .into_iter()
                    .filter(|(_, to)| held(to))
                    .collect();
                has && theirs == decided
            })
        })
}

#[cfg(test)]
mod tests;
