//! Links between spans (SPEC §10) as the TUI edits them: they follow relabelled spans and go
//! with deleted ones.

use super::super::undo::{Change, Edit};

/// Links after an edit: a relabelled span (removed and added over the same range) keeps its
/// links under its new key; a deleted span takes its links with it, so that no link names a span
/// the file does not hold.
pub fn links_following(edit: &Edit, links: &[crate::store::Link]) -> Option<Change> {
    use crate::store::LinkEnd;
    if links.is_empty() {
        return None;
    }
    let mut new = links.to_vec();
    for change in edit {
        let Change::Remove(gone) = change else {
            continue;
        };
        let old = LinkEnd::of(gone);
        let replacement = edit.iter().find_map(|c| match c {
            Change::Add(s) if (s.start, s.end) == (gone.start, gone.end) => Some(LinkEnd::of(s)),
            _ => None,
        });
        match replacement {
            Some(to) => {
                for link in &mut new {
                    for end in [&mut link.from, &mut link.to] {
                        if *end == old {
                            *end = to.clone();
                        }
                    }
                }
            }
            None => new.retain(|l| l.from != old && l.to != old),
        }
    }
    new.sort();
    new.dedup();
    (new != links).then(|| Change::Links {
        old: links.to_vec(),
        new,
    })
}
