//! Three-way merge of two versions of one annotation file by span identity (start, end, label,
//! orphan), for `glosser merge-driver` (git) and for changes made outside a running glosser.
//! All three versions must be on the same text (see `reanchor::restamp`).
//!
//! Spans, links and rejections added on either side are kept, ones deleted on either side are
//! removed. Nothing changed on both sides is settled silently: the same span relabelled
//! differently, a note or a link changed differently, or the status changed differently are
//! conflicts — both versions are kept (notes marked `merge conflict:`) and reported.

use std::collections::{BTreeMap, BTreeSet};

use crate::span::{AnnotationSet, Span};
use crate::store::{AnnotationFile, Link, LinkEnd, Status};

/// The prefix of every note that marks an unresolved merge conflict.
pub const CONFLICT_MARK: &str = "merge conflict:";

/// The merged file and the conflicts a person must look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub file: AnnotationFile,
    pub conflicts: Vec<String>,
}

type Key = (usize, usize, String, bool);

fn key_of(s: &Span) -> Key {
    (s.start, s.end, s.label.clone(), s.orphan)
}

fn by_key(file: &AnnotationFile) -> BTreeMap<Key, Span> {
    file.all_spans().map(|s| (key_of(s), s.clone())).collect()
}

/// An empty version of `file` (no spans, links or rejections, status Todo): the base of an
/// add/add merge, where git has no common ancestor.
pub(crate) fn empty_like(file: &AnnotationFile) -> AnnotationFile {
    AnnotationFile::new(
        file.document.clone(),
        file.annotator.clone(),
        file.text_sha256.clone(),
    )
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub(crate) fn merge3(
    base: &AnnotationFile,
    ours: &AnnotationFile,
    theirs: &AnnotationFile,
) -> Merged {
    let (b, o, t) = (by_key(base), by_key(ours), by_key(theirs));
    let mut result: BTreeMap<Key, Span> = BTreeMap::new();
    let mut conflicts = Vec::new();
    for key in o.keys().chain(t.keys()) {
        if result.contains_key(key) {
            continue;
        }
        let (mine, other, was) = (o.get(key), t.get(key), b.get(key));
        let merged = match (mine, other) {
            (Some(mine), Some(other)) => merge_span(was, mine, other, &mut conflicts),
            // On one side only: kept if added there, removed if the other side deleted it —
            // unless that side changed it (then the change wins over the deletion, and it is
            // reported).
            (Some(only), None) | (None, Some(only)) => match was {
                None => only.clone(),
                Some(was) if was == only => continue,
                Some(_) => {
                    conflicts.push(format!(
                        "{}..{} {:?}: changed on one side, deleted on the other; kept",
                        key.0, key.1, key.2
                    ));
                    only.clone()
                }
            },
            (None, None) => continue,
        };
        result.insert(key.clone(), merged);
    }
    mark_relabel_conflicts(&b, &o, &t, &mut result, &mut conflicts);
    let status = merge_status(base.status, ours.status, theirs.status, &mut conflicts);
    let mut links = merge_links(base, ours, theirs, &mut conflicts);
    let mut rejected = merge_keyed(&base.rejected, &ours.rejected, &theirs.rejected);
    // Accepted on one side and rejected on the other (two adjudicators): the span stays, the
    // rejection goes, and a person hears of it.
    rejected.retain(|r| {
        let accepted = result.contains_key(&(r.start, r.end, r.label.clone(), false));
        if accepted {
            conflicts.push(format!(
                "{}..{} {:?}: kept on one side, rejected on the other; kept",
                r.start, r.end, r.label
            ));
        }
        !accepted
    });
    let (orphans, placed): (Vec<Span>, Vec<Span>) =
        result.into_values().partition(Span::is_unsettled);
    // A link whose span one side deleted or relabelled while the other drew or moved it: no
    // link may name a span the file does not hold.
    let holds = |end: &LinkEnd| placed.iter().chain(&orphans).any(|s| end.matches(s));
    links.retain(|l| {
        let kept = holds(&l.from) && holds(&l.to);
        if !kept {
            let gone = if holds(&l.from) { &l.to } else { &l.from };
            conflicts.push(format!(
                "link {} {}..{} {:?} → {}..{} {:?}: its span {}..{} {:?} was deleted or relabelled on one side; link dropped",
                l.kind, l.from.0, l.from.1, l.from.2, l.to.0, l.to.1, l.to.2, gone.0, gone.1, gone.2
            ));
        }
        kept
    });
    // A renamed document: the side that changed the name wins.
    let document = if ours.document == base.document {
        theirs.document.clone()
    } else {
        ours.document.clone()
    };
    Merged {
        file: AnnotationFile {
            document,
            annotator: ours.annotator.clone(),
            text_sha256: ours.text_sha256.clone(),
            status,
            spans: AnnotationSet::from_spans(placed),
            orphans,
            links,
            rejected,
            adjudicated: merge_record(base, ours, theirs),
        },
        conflicts,
    }
}

/// Gold's adjudication record: the side that changed it wins; changed on both sides (two
/// reviewers decided the same document), ours is kept — it only tells `status` and review what
/// changed since, and at worst they show a change until the document is decided again.
fn merge_record(
    base: &AnnotationFile,
    ours: &AnnotationFile,
    theirs: &AnnotationFile,
) -> Option<crate::store::Adjudicated> {
    if ours.adjudicated == base.adjudicated {
        theirs.adjudicated.clone()
    } else {
        ours.adjudicated.clone()
    }
}

/// The same span on both sides: notes, `from` and score merged; a note changed differently on
/// both sides keeps both versions in a conflict note.
fn merge_span(was: Option<&Span>, mine: &Span, other: &Span, conflicts: &mut Vec<String>) -> Span {
    let mut span = mine.clone();
    let base_note = was.and_then(|s| s.note.clone());
    span.note = if mine.note == other.note || other.note == base_note {
        mine.note.clone()
    } else if mine.note == base_note {
        other.note.clone()
    } else {
        conflicts.push(format!(
            "{}..{} {:?}: note changed on both sides (ours {:?}, theirs {:?}); both kept",
            mine.start,
            mine.end,
            mine.label,
            mine.note.as_deref().unwrap_or(""),
            other.note.as_deref().unwrap_or("")
        ));
        Some(format!(
            "{CONFLICT_MARK} note ours={:?} theirs={:?}",
            mine.note.as_deref().unwrap_or(""),
            other.note.as_deref().unwrap_or("")
        ))
    };
    for name in &other.from {
        if !span.from.contains(name) {
            span.from.push(name.clone());
        }
    }
    span.from.sort();
    if span.score.is_none() {
        span.score = other.score;
    }
    span
}

/// The same span relabelled differently on both sides: both versions are kept, each with a
/// note marking the conflict.
fn mark_relabel_conflicts(
    b: &BTreeMap<Key, Span>,
    o: &BTreeMap<Key, Span>,
    t: &BTreeMap<Key, Span>,
    result: &mut BTreeMap<Key, Span>,
    conflicts: &mut Vec<String>,
) {
    let new_at = |side: &BTreeMap<Key, Span>, key: &Key| -> Option<Span> {
        side.values()
            .find(|s| {
                (s.start, s.end, s.orphan) == (key.0, key.1, key.3) && !b.contains_key(&key_of(s))
            })
            .cloned()
    };
    for (key, base_span) in b {
        if o.contains_key(key) || t.contains_key(key) {
            continue;
        }
        if let (Some(mine), Some(other)) = (new_at(o, key), new_at(t, key))
            && mine.label != other.label
        {
            let note = format!(
                "{CONFLICT_MARK} {:?} was relabelled ours={} theirs={}",
                base_span.label, mine.label, other.label
            );
            for label in [&mine.label, &other.label] {
                if let Some(span) = result.get_mut(&(key.0, key.1, label.clone(), key.3)) {
                    span.note = Some(match &span.note {
                        Some(n) if !n.is_empty() && !n.starts_with(CONFLICT_MARK) => {
                            format!("{note}; {n}")
                        }
                        _ => note.clone(),
                    });
                }
            }
            conflicts.push(format!("{}..{} {note}", key.0, key.1));
        }
    }
}

/// Status: a change on one side wins; different changes on both sides are a conflict settled on
/// the less advanced status (a document is Done only when nobody disagrees).
fn merge_status(base: Status, ours: Status, theirs: Status, conflicts: &mut Vec<String>) -> Status {
    match (ours == base, theirs == base) {
        (true, _) => theirs,
        (false, true) => ours,
        (false, false) if ours == theirs => ours,
        (false, false) => {
            let kept = ours.min(theirs);
            conflicts.push(format!(
                "status changed on both sides (ours {}, theirs {}); kept {}",
                ours.as_str(),
                theirs.as_str(),
                kept.as_str()
            ));
            kept
        }
    }
}

/// Links as a three-way set; a link of one type from one span changed to different targets on
/// both sides is a conflict (both kept).
fn merge_links(
    base: &AnnotationFile,
    ours: &AnnotationFile,
    theirs: &AnnotationFile,
    conflicts: &mut Vec<String>,
) -> Vec<Link> {
    let merged = merge_sets(&base.links, &ours.links, &theirs.links);
    let added = |side: &[Link]| -> BTreeSet<(String, LinkEnd, LinkEnd)> {
        side.iter()
            .filter(|l| !base.links.contains(l))
            .map(|l| (l.kind.clone(), l.from.clone(), l.to.clone()))
            .collect()
    };
    let (mine, other) = (added(&ours.links), added(&theirs.links));
    for (kind, from, to) in &mine {
        let replaced_in_base = base
            .links
            .iter()
            .any(|l| &l.kind == kind && &l.from == from);
        if let Some((_, _, their_to)) = other
            .iter()
            .find(|(k, f, t)| k == kind && f == from && t != to)
            && replaced_in_base
        {
            conflicts.push(format!(
                "link {kind} from {}..{} changed on both sides (ours → {}..{}, theirs → {}..{}); both kept",
                from.0, from.1, to.0, to.1, their_to.0, their_to.1
            ));
        }
    }
    merged
}

/// [`merge_sets`] of spans by key.
fn merge_keyed(base: &[Span], ours: &[Span], theirs: &[Span]) -> Vec<Span> {
    let keys = |spans: &[Span]| -> Vec<Key> { spans.iter().map(key_of).collect() };
    let kept: BTreeSet<Key> = merge_sets(&keys(base), &keys(ours), &keys(theirs))
        .into_iter()
        .collect();
    let mut out: Vec<Span> = Vec::new();
    for span in ours.iter().chain(theirs) {
        if kept.contains(&key_of(span)) && !out.iter().any(|s| key_of(s) == key_of(span)) {
            out.push(span.clone());
        }
    }
    crate::store::sorted_orphans(out)
}

/// A three-way merge of sorted sets: kept if on both sides, or added on one side and not
/// deleted on the other.
fn merge_sets<T: Ord + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let (b, o, t): (BTreeSet<&T>, BTreeSet<&T>, BTreeSet<&T>) = (
        base.iter().collect(),
        ours.iter().collect(),
        theirs.iter().collect(),
    );
    o.union(&t)
        .filter(|x| !(b.contains(*x) && !(o.contains(*x) && t.contains(*x))))
        .map(|x| (*x).clone())
        .collect()
}

#[cfg(test)]
mod tests;
