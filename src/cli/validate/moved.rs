//! Strays whose article moved: an annotation file with no article beside it whose `text_sha256`
//! is the hash of an article elsewhere in the corpus (a rename done without `glosser mv`).
//! `--fix` moves it beside the article through the one save path and removes the stray.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::{Corpus, DocumentEntry, StrayAnnotation};
use crate::store;

/// Hash → the documents whose text has it, computed only when there are strays to place.
pub fn documents_by_hash(corpus: &Corpus) -> BTreeMap<String, Vec<usize>> {
    let hashes: Vec<(usize, String)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .filter_map(|(i, entry)| entry.load().ok().map(|d| (i, d.sha256().to_owned())))
        .collect();
    let mut map: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, hash) in hashes {
        map.entry(hash).or_default().push(i);
    }
    map
}

/// Where a stray's article went: the one document with the stray's text hash, when exactly one
/// has it.
pub fn moved_to<'c>(
    corpus: &'c Corpus,
    by_hash: &BTreeMap<String, Vec<usize>>,
    stray: &StrayAnnotation,
) -> Option<&'c DocumentEntry> {
    let file = store::load(&stray.path).ok()?;
    match by_hash.get(&file.text_sha256)?.as_slice() {
        [one] => corpus.documents.get(*one),
        _ => None,
    }
}

/// Moves the stray at `from` beside `entry`'s article with its `document` fixed: written
/// through [`crate::save::save_merged`] (merged with a file already there, never overwriting
/// it), then the stray is removed. Returns the new path.
pub fn fix(from: &Path, annotator: &str, entry: &DocumentEntry) -> anyhow::Result<PathBuf> {
    let doc = entry.load()?;
    let mut file = store::load(from)?;
    entry.file_name().clone_into(&mut file.document);
    let to = entry.annotation_path(annotator);
    crate::save::save_merged(&to, &file, None, &doc)?;
    std::fs::remove_file(from)
        .map_err(|e| anyhow::anyhow!("{}: cannot remove: {e}", from.display()))?;
    Ok(to)
}
