//! Three-way merge of two versions of one annotation file by span identity (start, end, label):
//! spans added on either side are kept, spans deleted on either side are removed. The same span
//! relabelled differently on both sides keeps both versions, each with a note marking the
//! conflict. Used by `glosser merge-driver` (git) and for outside changes.

use std::collections::BTreeMap;

use crate::span::{AnnotationSet, Span};
use crate::store::{AnnotationFile, Status};

/// The merged file and the conflicts a person must look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub file: AnnotationFile,
    pub conflicts: Vec<String>,
}

type Key = (usize, usize, String);

fn by_key(file: &AnnotationFile) -> BTreeMap<Key, Span> {
    file.spans
        .spans()
        .iter()
        .map(|s| ((s.start, s.end, s.label.clone()), s.clone()))
        .collect()
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge3(base: &AnnotationFile, ours: &AnnotationFile, theirs: &AnnotationFile) -> Merged {
    let (b, o, t) = (by_key(base), by_key(ours), by_key(theirs));
    let mut result: BTreeMap<Key, Span> = BTreeMap::new();
    let mut conflicts = Vec::new();
    for (key, span) in o.iter().chain(t.iter()) {
        let deleted = b.contains_key(key) && !(o.contains_key(key) && t.contains_key(key));
        if deleted || result.contains_key(key) {
            continue;
        }
        let mut span = span.clone();
        if let (Some(mine), Some(other)) = (o.get(key), t.get(key)) {
            let base_note = b.get(key).and_then(|s| s.note.clone());
            span.note = if mine.note == base_note {
                other.note.clone()
            } else {
                mine.note.clone()
            };
            let mut from = mine.from.clone();
            from.extend(
                other
                    .from
                    .iter()
                    .filter(|x| !mine.from.contains(x))
                    .cloned(),
            );
            from.sort();
            span.from = from;
        }
        result.insert(key.clone(), span);
    }
    // The same span relabelled on both sides, differently: keep both, marked.
    for (key, base_span) in &b {
        if o.contains_key(key) || t.contains_key(key) {
            continue;
        }
        let ours_new: Vec<&Span> = o
            .values()
            .filter(|s| {
                (s.start, s.end) == (key.0, key.1)
                    && !b.contains_key(&(s.start, s.end, s.label.clone()))
            })
            .collect();
        let theirs_new: Vec<&Span> = t
            .values()
            .filter(|s| {
                (s.start, s.end) == (key.0, key.1)
                    && !b.contains_key(&(s.start, s.end, s.label.clone()))
            })
            .collect();
        if let (Some(mine), Some(other)) = (ours_new.first(), theirs_new.first())
            && mine.label != other.label
        {
            let note = format!(
                "merge conflict: {:?} was relabelled ours={} theirs={}",
                base_span.label, mine.label, other.label
            );
            for label in [&mine.label, &other.label] {
                if let Some(span) = result.get_mut(&(key.0, key.1, label.clone())) {
                    span.note = Some(match &span.note {
                        Some(n) if !n.is_empty() => format!("{note}; {n}"),
                        _ => note.clone(),
                    });
                }
            }
            conflicts.push(format!("{}..{} {note}", key.0, key.1));
        }
    }
    let status = match (ours.status == base.status, theirs.status == base.status) {
        (true, _) => theirs.status,
        (false, true) => ours.status,
        (false, false) if ours.status == theirs.status => ours.status,
        (false, false) => Status::Done.max(ours.status).max(theirs.status),
    };
    let text_sha256 = if ours.text_sha256 == base.text_sha256 {
        theirs.text_sha256.clone()
    } else {
        ours.text_sha256.clone()
    };
    Merged {
        file: AnnotationFile {
            document: ours.document.clone(),
            annotator: ours.annotator.clone(),
            text_sha256,
            status,
            spans: AnnotationSet::from_spans(result.into_values().collect()),
            ..Default::default()
        },
        conflicts,
    }
}

#[cfg(test)]
mod tests;
