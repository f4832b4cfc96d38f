//! `glosser agree --history`: the agreement figures at each commit that changed annotation
//! files (or at each tag), read from git objects — `git ls-tree` for the corpus's files at a
//! commit, one `git cat-file --batch` for the bytes — without checking anything out.
//!
//! Bounded time on a long history: at most `last` points (the newest; older ones are counted),
//! and a document is analysed (its κ, α_u, F1 shares and its γ) only when its text or one of
//! its compared annotation files has a blob not seen at the point before: the analyses are kept
//! by blob ids, so a point costs the documents its commit changed, plus one tree listing and
//! assembling the figures (no alignment) for the rest. Only the previous point's analyses are
//! kept, so memory stays one corpus's worth.

mod git;

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::natural_cmp;
use crate::labels::LabelSet;
use crate::review::corpus::{
    Assembly, DocOutcome, LoadedFile, Options, Report, Shared, analyse_loaded,
};
use crate::store;
use crate::text::Document;
pub use git::Commit;

/// Which points of the history to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Points {
    /// Every commit of HEAD's history that changed an annotation file.
    Commits,
    /// Every tag.
    Tags,
}

/// What to compute.
pub struct Request<'a> {
    pub corpus: &'a Path,
    pub labels: &'a LabelSet,
    /// The annotators compared at every point (a point where one has no file yet gives no
    /// figure for their pairs).
    pub annotators: &'a [String],
    pub options: Options,
    pub points: Points,
    /// At most this many points, the newest (0: all).
    pub last: usize,
}

/// The figures at one point.
pub struct Point {
    pub commit: Commit,
    pub report: Report,
    /// Documents analysed afresh at this point (the others were unchanged since the point before).
    pub analysed: usize,
}

/// The figures over the history.
pub struct History {
    pub points: Vec<Point>,
    /// Older points left out by `last`.
    pub older: usize,
}

/// A document's key: its text's blob and each compared annotator's file blob.
type Key = (String, Vec<(String, String)>);

/// Events while the history is computed: (points done, points in all).
pub fn history(
    request: &Request,
    events: &mut dyn FnMut(usize, usize),
    warn: &mut dyn FnMut(String),
) -> crate::ops::Result<History> {
    let repo = git::Repo::open(request.corpus)?;
    let (commits, older) = match request.points {
        Points::Commits => repo.commits(request.last)?,
        Points::Tags => repo.tags(request.last)?,
    };
    let mut options = request.options.clone();
    options.per_doc = false;
    let mut kept: BTreeMap<String, (Key, DocOutcome)> = BTreeMap::new();
    let total = commits.len();
    let mut points = Vec::with_capacity(total);
    for (done, commit) in commits.into_iter().enumerate() {
        events(done, total);
        let mut assembly = Assembly::new(request.labels, request.annotators, &options);
        let documents = documents_at(&repo.tree(&commit.id)?, request.annotators);
        let fresh: Vec<(&String, &Key)> = documents
            .iter()
            .filter(|(id, key)| kept.get(id).is_none_or(|(old, _)| old != key))
            .map(|(id, key)| (id, key))
            .collect();
        let analysed = analyse_fresh(&repo, &fresh, request, assembly.shared(), &commit, warn)?;
        let mut next = BTreeMap::new();
        let analysed_count = analysed.len();
        let mut analysed: BTreeMap<String, DocOutcome> = analysed.into_iter().collect();
        for (id, key) in &documents {
            let outcome = match analysed.remove(id) {
                Some(outcome) => outcome,
                None => match kept.remove(id) {
                    Some((_, outcome)) => outcome,
                    None => continue,
                },
            };
            assembly.add(outcome.clone(), &mut |w| {
                warn(format!("{}: {w}", short(&commit.id)));
            });
            next.insert(id.clone(), (key.clone(), outcome));
        }
        kept = next;
        points.push(Point {
            commit,
            report: assembly.finish(),
            analysed: analysed_count,
        });
    }
    events(points.len(), points.len());
    Ok(History { points, older })
}

/// A commit id shortened for messages.
pub fn short(id: &str) -> &str {
    id.get(..10).unwrap_or(id)
}

/// The documents of a tree that at least two of `annotators` have a file for, in corpus order,
/// with their keys.
fn documents_at(tree: &[git::Entry], annotators: &[String]) -> Vec<(String, Key)> {
    let texts: BTreeMap<&str, &str> = tree
        .iter()
        .filter(|e| store::is_document_name(e.path.rsplit('/').next().unwrap_or(&e.path)))
        .map(|e| (e.path.as_str(), e.blob.as_str()))
        .collect();
    let mut files: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for entry in tree {
        let name = entry.path.rsplit('/').next().unwrap_or(&entry.path);
        let Some((document, annotator)) = store::split_annotation_file_name(name) else {
            continue;
        };
        let id = format!("{}{document}", &entry.path[..entry.path.len() - name.len()]);
        if annotators.iter().any(|a| a == annotator) && texts.contains_key(id.as_str()) {
            files
                .entry(id)
                .or_default()
                .push((annotator.to_owned(), entry.blob.clone()));
        }
    }
    let mut out: Vec<(String, Key)> = files
        .into_iter()
        .filter(|(_, list)| list.len() >= 2)
        .filter_map(|(id, mut list)| {
            list.sort();
            let text = (*texts.get(id.as_str())?).to_owned();
            Some((id, (text, list)))
        })
        .collect();
    out.sort_by(|(a, _), (b, _)| natural_cmp(a, b));
    out
}

/// Reads and analyses the documents that changed, on every core.
fn analyse_fresh(
    repo: &git::Repo,
    fresh: &[(&String, &Key)],
    request: &Request,
    shared: &Shared,
    commit: &Commit,
    warn: &mut dyn FnMut(String),
) -> crate::ops::Result<Vec<(String, DocOutcome)>> {
    use rayon::prelude::*;
    let mut out = Vec::with_capacity(fresh.len());
    // A chunk of documents at a time: what is held is one chunk's bytes.
    for chunk in fresh.chunks(crate::corpus::stream::CHUNK) {
        let mut blobs = Vec::new();
        for (_, (text, files)) in chunk {
            blobs.push(text.clone());
            blobs.extend(files.iter().map(|(_, blob)| blob.clone()));
        }
        let mut bytes = repo.read(&blobs)?.into_iter();
        let mut loaded = Vec::with_capacity(chunk.len());
        for (id, (_, files)) in chunk {
            let text = bytes.next().unwrap_or_default();
            let sources: Vec<(String, Vec<u8>)> = files
                .iter()
                .map(|(annotator, _)| (annotator.clone(), bytes.next().unwrap_or_default()))
                .collect();
            loaded.push(((*id).clone(), text, sources));
        }
        let analysed: Vec<(String, Result<DocOutcome, String>)> = loaded
            .into_par_iter()
            .map(|(id, text, sources)| {
                let outcome = analyse_blobs(&id, text, &sources, request, shared);
                (id, outcome)
            })
            .collect();
        for (id, outcome) in analysed {
            match outcome {
                Ok(outcome) => out.push((id, outcome)),
                Err(why) => warn(format!("{}: {id}: left out: {why}", short(&commit.id))),
            }
        }
    }
    Ok(out)
}

fn analyse_blobs(
    id: &str,
    text: Vec<u8>,
    sources: &[(String, Vec<u8>)],
    request: &Request,
    shared: &Shared,
) -> Result<DocOutcome, String> {
    let doc = Document::from_bytes(Path::new(id), text).map_err(|e| e.to_string())?;
    let files: Vec<LoadedFile> = sources
        .iter()
        .filter_map(|(annotator, bytes)| {
            let path = format!("{id}.{annotator}.ron");
            let name = request
                .annotators
                .iter()
                .find(|a| *a == annotator)?
                .as_str();
            let file = std::str::from_utf8(bytes)
                .map_err(|e| format!("{path}: not UTF-8 ({e})"))
                .and_then(|source| {
                    store::parse(source, Path::new(&path)).map_err(|e| e.to_string())
                });
            Some((name, path, file))
        })
        .collect();
    Ok(analyse_loaded(id, &doc, files, request.labels, shared))
}

#[cfg(test)]
mod tests;
