//! Review carries links into gold (SPEC §10): accepting an annotator's version brings along that
//! annotator's links whose two spans are both in gold, so that no gold link names a span gold
//! does not hold.

use super::super::app::App;
use super::super::undo::Change;
use crate::span::Span;
use crate::store::Link;

/// The change that adds the links more than half of the compared annotators drew (majority
/// decisions), whose both ends are gold spans (those already in the file and `added`).
pub fn carried_by_majority(app: &App, added: &[Span]) -> Option<Change> {
    let names = app.reviewing.as_ref()?;
    let session = app.session()?;
    let entry = app.corpus.documents.get(app.open?)?;
    let mut counts: std::collections::BTreeMap<Link, usize> = std::collections::BTreeMap::new();
    for name in names {
        let Some(Ok(file)) = entry
            .annotation(name)
            .map(crate::corpus::AnnotationRef::load)
        else {
            continue;
        };
        let mut mine = file.links;
        mine.sort();
        mine.dedup();
        for link in mine {
            *counts.entry(link).or_default() += 1;
        }
    }
    let in_gold = |end: &crate::store::LinkEnd| {
        session.file.spans.spans().iter().any(|s| end.matches(s))
            || added.iter().any(|s| end.matches(s))
    };
    let old: Vec<Link> = session.file.links.clone();
    let mut new = old.clone();
    for (link, n) in counts {
        if n * 2 > names.len() && in_gold(&link.from) && in_gold(&link.to) && !new.contains(&link) {
            new.push(link);
        }
    }
    new.sort();
    (new != old).then_some(Change::Links { old, new })
}

/// The change that adds annotator `index`'s links whose both ends are gold spans (those already
/// in the file and `added`), if any are new.
pub fn carried(app: &App, index: usize, added: &[Span]) -> Option<Change> {
    let name = app.reviewing.as_ref()?.get(index)?;
    let session = app.session()?;
    let entry = app.corpus.documents.get(app.open?)?;
    let theirs = entry.annotation(name)?.load().ok()?;
    let in_gold = |end: &crate::store::LinkEnd| {
        session.file.spans.spans().iter().any(|s| end.matches(s))
            || added.iter().any(|s| end.matches(s))
    };
    let old: Vec<Link> = session.file.links.clone();
    let mut new = old.clone();
    for link in theirs.links {
        if in_gold(&link.from) && in_gold(&link.to) && !new.contains(&link) {
            new.push(link);
        }
    }
    new.sort();
    (new != old).then_some(Change::Links { old, new })
}
