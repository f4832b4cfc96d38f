//! Review carries links into gold (SPEC §10): accepting an annotator's version brings along that
//! annotator's links whose two spans are both in gold, so that no gold link names a span gold
//! does not hold.

use super::super::app::App;
use super::super::undo::Change;
use crate::span::Span;
use crate::store::Link;

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
