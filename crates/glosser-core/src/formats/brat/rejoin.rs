//! The `T` lines of a brat export: one per span, except that the fragments of a discontinuous
//! brat span — imported as one span per fragment, each noted `brat T1: fragment 1 of 2` (after
//! the span's own note, in parentheses, when it had one) — are one `T` line again, fragments in
//! their order. Only a complete set is joined (every fragment present once, same label, same own
//! note); anything else is written span by span, as the notes say what it was.

use std::collections::HashMap;

use crate::span::Span;

/// One `T` line: the spans it is made of, in fragment order, and its note.
#[derive(Debug, PartialEq, Eq)]
pub struct Entity {
    pub spans: Vec<usize>,
    pub note: Option<String>,
}

/// A fragment note taken apart: the span's own note, the brat id, which fragment, how many.
fn fragment_of(note: &str) -> Option<(Option<&str>, &str, usize, usize)> {
    let (own, marker) = if let Some(marker) = note.strip_prefix("brat ") {
        (None, marker)
    } else {
        let (own, rest) = note.rsplit_once(" (brat ")?;
        (Some(own), rest.strip_suffix(')')?)
    };
    let (id, rest) = marker.split_once(": fragment ")?;
    let (i, n) = rest.split_once(" of ")?;
    let (i, n) = (i.parse::<usize>().ok()?, n.parse::<usize>().ok()?);
    (n > 1 && (1..=n).contains(&i) && !id.is_empty() && !id.contains(char::is_whitespace))
        .then_some((own, id, i, n))
}

/// The `T` lines for `spans` (in their order; a joined span sits where its first fragment was).
pub(crate) fn entities(spans: &[Span]) -> Vec<Entity> {
    type Key<'a> = (&'a str, usize, &'a str, Option<&'a str>);
    // (brat id, fragment count, label, own note) → the span of each fragment.
    let mut sets: HashMap<Key, Vec<Option<usize>>> = HashMap::new();
    let mut broken: Vec<Key> = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        let Some((own, id, i, n)) = span.note.as_deref().and_then(fragment_of) else {
            continue;
        };
        let key = (id, n, span.label.as_str(), own);
        let slots = sets.entry(key).or_insert_with(|| vec![None; n]);
        if slots[i - 1].replace(k).is_some() {
            broken.push(key);
        }
    }
    let mut joined: HashMap<usize, (usize, Vec<usize>, Option<String>)> = HashMap::new();
    for (key, slots) in sets {
        if broken.contains(&key) {
            continue;
        }
        let Some(members) = slots.into_iter().collect::<Option<Vec<usize>>>() else {
            continue;
        };
        let first = members.iter().copied().min().unwrap_or_default();
        for &m in &members {
            joined.insert(m, (first, members.clone(), key.3.map(str::to_owned)));
        }
    }
    let mut out = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        match joined.remove(&k) {
            Some((first, members, note)) if first == k => out.push(Entity {
                spans: members,
                note,
            }),
            Some(_) => {}
            None => out.push(Entity {
                spans: vec![k],
                note: span.note.clone(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests;
