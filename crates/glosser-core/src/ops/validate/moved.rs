//! Strays whose article moved: an annotation file with no article beside it whose `text_sha256`
//! is the hash of an article elsewhere in the corpus (a rename done without `glosser mv`).
//! `--fix` moves it beside the article through the one save path and removes the stray.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::{CorpusError, DocumentEntry};
use crate::store;

/// Hash → the documents whose text has it, for the hashes strays were saved for (at most two
/// each: one is a move, two are no answer). Every document is read once, a chunk at a time; only
/// the matches are kept.
pub(crate) fn documents_with_hashes<'h>(
    root: &Path,
    wanted: impl Iterator<Item = &'h String>,
) -> Result<BTreeMap<String, Vec<DocumentEntry>>, CorpusError> {
    let wanted: BTreeSet<&String> = wanted.collect();
    let mut map: BTreeMap<String, Vec<DocumentEntry>> = BTreeMap::new();
    if wanted.is_empty() {
        return Ok(map);
    }
    crate::corpus::stream::for_each_chunk(
        root,
        |chunk| {
            let hashes: Vec<Option<String>> = chunk
                .par_iter()
                .map(|entry| entry.load().ok().map(|d| d.sha256().to_owned()))
                .collect();
            for (entry, hash) in chunk.iter().zip(hashes) {
                if let Some(hash) = hash.filter(|h| wanted.contains(h)) {
                    let found = map.entry(hash).or_default();
                    if found.len() < 2 {
                        found.push(entry.clone());
                    }
                }
            }
            Ok::<(), CorpusError>(())
        },
        |_| {},
    )?;
    Ok(map)
}

/// Where a stray's article went: the one document with the stray's text hash, when exactly one
/// has it.
pub fn moved_to<'m>(
    by_hash: &'m BTreeMap<String, Vec<DocumentEntry>>,
    hash: &str,
) -> Option<&'m DocumentEntry> {
    match by_hash.get(hash)?.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Moves the stray at `from` beside `entry`'s article with its `document` fixed: written
/// through [`crate::save::save_merged`] (merged with a file already there, never overwriting
/// it), then the stray is removed. Returns the new path.
pub fn fix(
    from: &Path,
    annotator: &str,
    entry: &DocumentEntry,
) -> crate::ops::Result<(PathBuf, Vec<String>)> {
    let doc = entry.load()?;
    let mut file = store::load(from)?;
    entry.file_name().clone_into(&mut file.document);
    let to = entry.annotation_path(annotator);
    let texts = crate::old_texts::Lookup::for_article(&entry.path);
    let saved = crate::save::save_merged(&to, &file, None, &doc, &texts)?;
    std::fs::remove_file(from).map_err(|e| {
        crate::ops::Error::Refused(format!("{}: cannot remove: {e}", from.display()))
    })?;
    Ok((to, saved.conflicts))
}
