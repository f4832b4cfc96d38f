//! One document's share of every pair's figures (and of γ and the confusion tables when asked),
//! computed on any thread from its files.

use std::collections::BTreeMap;

use crate::corpus::DocumentEntry;
use crate::labels::LabelSet;
use crate::review::agree::{Contribution, contribution};
use crate::review::confusion::Confusion;
use crate::review::gamma;
use crate::review::relations::RelationCounts;
use crate::span::Span;
use crate::store::{AnnotationFile, Link};
use crate::text::Document;

/// What every document's analysis needs to know, shared by the threads.
pub(crate) struct Shared {
    /// The label set's names, in order.
    pub names: Vec<String>,
    /// The pairs (a, b), by index.
    pub pairs: Vec<(String, String)>,
    /// The team γ compares, and how, when asked.
    pub team: Option<(Vec<String>, gamma::Settings)>,
    pub confusion: bool,
    pub done_only: bool,
}

/// What one document brings.
#[derive(Clone)]
pub(crate) enum DocOutcome {
    /// None of the annotators has a file for it.
    Nobody,
    /// Only one has.
    Single,
    /// Left out, with why.
    Excluded(Vec<String>),
    /// Its contribution to each pair (by index) whose two annotators both have a file.
    Counted {
        id: String,
        parts: Vec<(usize, Contribution, RelationCounts)>,
        /// The team's γ shares (with two team members' files or more).
        gamma: Option<Box<gamma::DocumentGamma>>,
        /// Each pair's confusion table of this document, by pair index.
        confusion: Vec<(usize, Confusion)>,
    },
}

pub(super) fn analyse(
    entry: &DocumentEntry,
    annotators: &[String],
    labels: &LabelSet,
    shared: &Shared,
) -> DocOutcome {
    let present: Vec<&String> = annotators
        .iter()
        .filter(|a| entry.annotation(a).is_some())
        .collect();
    match present.len() {
        0 => return DocOutcome::Nobody,
        1 => return DocOutcome::Single,
        _ => {}
    }
    let doc = match entry.load() {
        Ok(doc) => doc,
        Err(e) => return DocOutcome::Excluded(vec![format!("left out: {e}")]),
    };
    let files = present
        .iter()
        .filter_map(|name| {
            let annotation = entry.annotation(name)?;
            let file = annotation.load().map_err(|e| e.to_string());
            Some((name.as_str(), annotation.path.display().to_string(), file))
        })
        .collect();
    analyse_loaded(&entry.id, &doc, files, labels, shared)
}

/// One annotator's file as read: who, where (for messages), and the file or why it is unreadable.
pub(crate) type LoadedFile<'a> = (&'a str, String, Result<AnnotationFile, String>);

/// [`analyse`] of a document already read, wherever its files come from (the corpus, or git
/// objects for `agree --history`).
pub(crate) fn analyse_loaded(
    id: &str,
    doc: &Document,
    files: Vec<LoadedFile<'_>>,
    labels: &LabelSet,
    shared: &Shared,
) -> DocOutcome {
    let (names, pairs, done_only) = (&shared.names, &shared.pairs, shared.done_only);
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut links: BTreeMap<&str, Vec<Link>> = BTreeMap::new();
    let mut warnings = Vec::new();
    for (name, path, file) in files {
        match file {
            Ok(file) if done_only && file.status != crate::store::Status::Done => {}
            Ok(file) => {
                let stale = file
                    .spans
                    .problems(doc, labels)
                    .into_iter()
                    .find(|(_, p)| !matches!(p, crate::span::SpanError::UnknownLabel { .. }));
                if let Some((_, problem)) = stale {
                    warnings.push(format!(
                        "left out: {path}: {problem} (run glosser validate)"
                    ));
                }
                links.insert(name, file.links);
                spans.insert(name, file.spans.into_spans());
            }
            Err(e) => warnings.push(format!("left out: {e}")),
        }
    }
    if !warnings.is_empty() {
        return DocOutcome::Excluded(warnings);
    }
    match spans.len() {
        0 => return DocOutcome::Nobody,
        1 => return DocOutcome::Single,
        _ => {}
    }
    let parts = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, (a, b))| {
            let (sa, sb) = (spans.get(a.as_str())?, spans.get(b.as_str())?);
            let (la, lb) = (links.get(a.as_str())?, links.get(b.as_str())?);
            Some((
                i,
                contribution(doc.text(), sa, sb, names),
                RelationCounts::of(la, lb),
            ))
        })
        .collect();
    let gamma = shared.team.as_ref().and_then(|(team, settings)| {
        let members: Vec<(&str, &[Span])> = team
            .iter()
            .filter_map(|name| Some((name.as_str(), spans.get(name.as_str())?.as_slice())))
            .collect();
        (members.len() >= 2).then(|| Box::new(gamma::of_document(id, &members, names, settings)))
    });
    let confusion = if shared.confusion {
        pairs
            .iter()
            .enumerate()
            .filter_map(|(i, (a, b))| {
                let (sa, sb) = (spans.get(a.as_str())?, spans.get(b.as_str())?);
                let mut table = Confusion::new(a, b, names);
                table.add_document(id, sa, sb);
                Some((i, table))
            })
            .collect()
    } else {
        Vec::new()
    };
    DocOutcome::Counted {
        id: id.to_owned(),
        parts,
        gamma,
        confusion,
    }
}
