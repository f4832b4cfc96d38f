//! Links between spans (SPEC §10) as the TUI edits them: they follow relabelled spans and go
//! with deleted ones.

use super::super::undo::{Change, Edit};
use glosser_core::labels::LabelSet;
use glosser_core::store::{Link, LinkEnd};

/// Links after an edit: a relabelled span (removed and added over the same range) keeps its
/// links under its new key, unless the new label takes a link out of what its type allows (a
/// `speaker` link from a quote relabelled opinion): those are dropped with the edit, and returned
/// so the status line can name them. A deleted span takes its links with it, so that no link
/// names a span the file does not hold.
pub(crate) fn links_following(
    edit: &Edit,
    links: &[Link],
    labels: &LabelSet,
) -> Option<(Change, Vec<Link>)> {
    if links.is_empty() {
        return None;
    }
    let allowed = |link: &Link| {
        labels
            .link_type(&link.kind)
            .is_some_and(|t| t.allows(&link.from.2, &link.to.2))
    };
    let mut new = links.to_vec();
    let mut disallowed = Vec::new();
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
                let mut kept = Vec::with_capacity(new.len());
                for mut link in new {
                    let was_allowed = allowed(&link);
                    let mut moved = false;
                    for end in [&mut link.from, &mut link.to] {
                        if *end == old {
                            *end = to.clone();
                            moved = true;
                        }
                    }
                    if moved && was_allowed && !allowed(&link) {
                        disallowed.push(link);
                    } else {
                        kept.push(link);
                    }
                }
                new = kept;
            }
            None => new.retain(|l| l.from != old && l.to != old),
        }
    }
    new.sort();
    new.dedup();
    (new != links).then(|| {
        let change = Change::Links {
            old: links.to_vec(),
            new,
        };
        (change, disallowed)
    })
}
