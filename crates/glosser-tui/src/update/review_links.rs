//! Review carries links into gold (SPEC §10). A link goes with the decision on the span it goes
//! from: accepting annotator N's version brings N's links from its spans (replacing what gold
//! had from them) and the links into its spans that the version accepted for their first span
//! drew — each once both its spans are in gold, so that no gold link names a span gold does not
//! hold. The links that cannot come along because their other span is not in gold are counted,
//! for the status line.

use super::super::app::{App, DocReview};
use super::super::undo::Change;
use glosser_core::review::adjudicate::Decision;
use glosser_core::span::Span;
use glosser_core::store::{Link, LinkEnd};

/// The links a decision brings into gold, and how many of the decided annotators' links stay
/// out because their other span is not in gold.
#[derive(Debug, Default)]
pub struct Carried {
    pub change: Option<Change>,
    pub left_out: usize,
}

/// Gold's spans once `edit` is applied, as a test on link ends.
struct GoldAfter<'a> {
    held: &'a [Span],
    added: Vec<&'a Span>,
    removed: Vec<&'a Span>,
}

impl<'a> GoldAfter<'a> {
    fn new(held: &'a [Span], edit: &'a [Change]) -> Self {
        let added: Vec<&Span> = edit
            .iter()
            .filter_map(|c| match c {
                Change::Add(s) => Some(s),
                _ => None,
            })
            .collect();
        let removed = edit
            .iter()
            .filter_map(|c| match c {
                Change::Remove(s) if !added.iter().any(|a| a.key() == s.key()) => Some(s),
                _ => None,
            })
            .collect();
        Self {
            held,
            added,
            removed,
        }
    }

    fn holds(&self, end: &LinkEnd) -> bool {
        (self.held.iter().any(|s| end.matches(s)) && !self.removed.iter().any(|s| end.matches(s)))
            || self.added.iter().any(|s| end.matches(s))
    }
}

/// Whether the decision taken on the span `link` goes from kept that link: the version accepted
/// for it drew it (the majority, for a majority decision). A span in no decided item is judged
/// by `fallback`, the annotator being accepted (agreed spans have everyone's links).
fn decided_with(review: &DocReview, names: &[String], link: &Link, fallback: usize) -> bool {
    let drew = |who: usize| review.links.get(who).is_some_and(|l| l.contains(link));
    let decision = review
        .items
        .iter()
        .zip(&review.decisions)
        .find(|(item, _)| item.versions.iter().flatten().any(|s| link.from.matches(s)))
        .and_then(|(_, d)| *d);
    match decision {
        Some(Decision::Accepted(j)) => drew(j),
        Some(Decision::Majority) => 2 * (0..names.len()).filter(|&j| drew(j)).count() > names.len(),
        // Spans taken one by one bring no links (the status line says so).
        Some(Decision::Rejected | Decision::Picked) => false,
        None => drew(fallback),
    }
}

/// The links that accepting annotator `index`'s version of item `item` brings into gold, with
/// the decision's span changes `edit`.
pub fn carried(app: &App, index: usize, item: usize, edit: &[Change]) -> Carried {
    let names = app.review_annotators().cloned().unwrap_or_default();
    let Some(session) = app.session() else {
        return Carried::default();
    };
    let Some(review) = &session.review else {
        return Carried::default();
    };
    let Some(version) = review.items.get(item).and_then(|i| i.versions.get(index)) else {
        return Carried::default();
    };
    let mine: &[Link] = review.links.get(index).map_or(&[], Vec::as_slice);
    let gold = GoldAfter::new(session.file.spans.spans(), edit);
    let in_version = |end: &LinkEnd| version.iter().any(|s| end.matches(s));
    let old = session.file.links.clone();
    let mut new: Vec<Link> = old
        .iter()
        .filter(|l| gold.holds(&l.from) && gold.holds(&l.to) && !in_version(&l.from))
        .cloned()
        .collect();
    let mut left_out = 0;
    for link in mine.iter().filter(|l| in_version(&l.from)) {
        if gold.holds(&link.to) {
            new.push(link.clone());
        } else {
            left_out += 1;
        }
    }
    let incoming: std::collections::BTreeSet<&Link> = review
        .links
        .iter()
        .flatten()
        .filter(|l| in_version(&l.to) && !in_version(&l.from))
        .collect();
    for link in incoming {
        if !gold.holds(&link.from) {
            left_out += usize::from(mine.contains(link));
        } else if decided_with(review, &names, link, index) {
            new.push(link.clone());
        }
    }
    finish(old, new, left_out)
}

/// The links more than half of the compared annotators drew whose both ends are gold spans once
/// `edit` (majority decisions) is applied; those with an end among the spans `edit` adds and the
/// other end not in gold are counted as left out.
pub(crate) fn carried_by_majority(app: &App, edit: &[Change]) -> Carried {
    let Some(names) = app.review_annotators() else {
        return Carried::default();
    };
    let Some(session) = app.session() else {
        return Carried::default();
    };
    let Some(review) = &session.review else {
        return Carried::default();
    };
    let mut counts: std::collections::BTreeMap<&Link, usize> = std::collections::BTreeMap::new();
    for mine in &review.links {
        let mut mine: Vec<&Link> = mine.iter().collect();
        mine.sort();
        mine.dedup();
        for link in mine {
            *counts.entry(link).or_default() += 1;
        }
    }
    let gold = GoldAfter::new(session.file.spans.spans(), edit);
    let old: Vec<Link> = session.file.links.clone();
    let mut new: Vec<Link> = old
        .iter()
        .filter(|l| gold.holds(&l.from) && gold.holds(&l.to))
        .cloned()
        .collect();
    let mut left_out = 0;
    let is_added = |end: &LinkEnd| gold.added.iter().any(|s| end.matches(s));
    for (link, n) in counts {
        if n * 2 <= names.len() {
            continue;
        }
        if gold.holds(&link.from) && gold.holds(&link.to) {
            new.push(link.clone());
        } else if is_added(&link.from) || is_added(&link.to) {
            left_out += 1;
        }
    }
    finish(old, new, left_out)
}

fn finish(old: Vec<Link>, mut new: Vec<Link>, left_out: usize) -> Carried {
    new.sort();
    new.dedup();
    Carried {
        change: (new != old).then_some(Change::Links { old, new }),
        left_out,
    }
}

/// Gold's links with the agreed links added (`agreed`: links from agreed spans) whose both ends
/// gold holds or will hold (`spans`), and how many are new.
pub(crate) fn with_agreed(
    gold: &[Link],
    agreed: Vec<Link>,
    spans: &[&[Span]],
) -> (Vec<Link>, usize) {
    let holds = |end: &LinkEnd| spans.iter().any(|set| set.iter().any(|s| end.matches(s)));
    let mut out = gold.to_vec();
    out.extend(
        agreed
            .into_iter()
            .filter(|l| holds(&l.from) && holds(&l.to) && !gold.contains(l)),
    );
    out.sort();
    out.dedup();
    let new = out.len() - gold.len();
    (out, new)
}

/// The status line's note on links left out (`; 1 of alice's links not carried: its other span
/// is not in gold`), or nothing.
pub(crate) fn left_out_note(left_out: usize, whose: Option<&str>) -> String {
    if left_out == 0 {
        return String::new();
    }
    let its = if left_out == 1 {
        "its other span is"
    } else {
        "their other spans are"
    };
    let links = match whose {
        Some(who) => format!("of {who}'s links"),
        None if left_out == 1 => "link".to_owned(),
        None => "links".to_owned(),
    };
    format!("; {left_out} {links} not carried: {its} not in gold")
}
