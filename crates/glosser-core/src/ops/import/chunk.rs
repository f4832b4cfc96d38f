//! One chunk of records, imported as one batch: records grouped by document, each document's
//! files prepared in parallel (checked, merged with what is on disk through the one save path and
//! written to temp files), the whole batch made durable with one flush, then every file renamed
//! into place and each folder fsynced once (`fsio`'s batched writes). A document that appears in
//! two chunks is merged by the later chunk into what the earlier one wrote.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::write::{Counts, Saved};
use super::{Imported, Outcome, write};
use crate::formats::import::{self, Record};
use crate::fsio::{self, NewFolders, Staged};
use crate::labels::LabelSet;
use crate::save::SaveError;

/// What the records of one document left to put in place.
struct Prepared {
    outcomes: Vec<Outcome>,
    document: String,
    /// A new document's text file.
    text: Option<Staged>,
    /// Each annotator's file, with the records that fed it and what became of their spans.
    files: Vec<(Vec<usize>, Staged, Saved)>,
    /// The document's text, once a file is staged: kept in the corpus's text store when a file
    /// with spans is put in place.
    doc: Option<crate::text::Document>,
}

impl Prepared {
    fn staged(&self) -> impl Iterator<Item = &Staged> {
        self.text.iter().chain(self.files.iter().map(|(_, s, _)| s))
    }

    /// Turns every imported record among `indexes` (all when `None`) into a rejection.
    fn fail(&mut self, indexes: Option<&[usize]>, message: &str) {
        for o in &mut self.outcomes {
            if o.result.is_ok() && indexes.is_none_or(|ix| ix.contains(&o.index)) {
                o.result = Err(message.to_owned().into());
            }
        }
    }
}

/// Imports `records` (numbered from `first` in the whole input); returns each one's outcome,
/// and what became of the spans of the files put in place.
pub fn import(
    records: Vec<Result<Record, crate::formats::Rejected>>,
    first: usize,
    root: &Path,
    labels: &LabelSet,
    annotator: Option<&str>,
) -> (Vec<Outcome>, Counts, Vec<String>) {
    let mut outcomes = Vec::new();
    // Records grouped by document, in input order.
    let mut groups: Vec<Vec<(usize, Record)>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (i, record) in records.into_iter().enumerate() {
        let index = first + i;
        match record {
            Ok(record) => {
                let g = *group_of.entry(record.document.clone()).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                });
                groups[g].push((index, record));
            }
            Err(e) => outcomes.push(Outcome {
                index,
                result: Err(e),
            }),
        }
    }
    let folders: BTreeSet<PathBuf> = groups
        .iter()
        .filter_map(|group| group.first())
        .filter(|(_, r)| import::safe_document_id(&r.document).is_ok())
        .filter_map(|(_, r)| root.join(&r.document).parent().map(Path::to_owned))
        .collect();
    let mut new_folders = NewFolders::create(root, folders.iter().map(PathBuf::as_path));
    let mut prepared: Vec<Prepared> = groups
        .into_par_iter()
        .map(|group| prepare(group, root, labels, annotator, &new_folders))
        .collect();
    if let Err(e) = fsio::make_durable(prepared.iter().flat_map(Prepared::staged)) {
        let message = format!(
            "{}: cannot flush the new files to disk: {e}; nothing was replaced — import again",
            root.display()
        );
        for p in &mut prepared {
            if p.staged().next().is_some() {
                p.fail(None, &message);
                p.text = None;
                p.files.clear();
            }
        }
    }
    // Renames in parallel (documents are spread over folders); each document's text first.
    let committed: Vec<Committed> = prepared.into_par_iter().map(commit).collect();
    // Then each new folder, whole, with the files kept in it.
    let failed = new_folders.commit(
        committed
            .iter()
            .flat_map(|c| c.kept.iter().map(PathBuf::as_path)),
    );
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut counts = Counts::default();
    let mut reanchored = Vec::new();
    for mut done in committed {
        if let Some((folder, e)) = done
            .kept
            .first()
            .and_then(|kept| failed.iter().find(|(folder, _)| kept.starts_with(folder)))
        {
            let message = format!(
                "{}: cannot put the new folder {} in place: {e}; nothing was written for it — import again",
                done.document,
                folder.display()
            );
            for o in &mut done.outcomes {
                if o.result.is_ok() {
                    o.result = Err(message.clone().into());
                }
            }
        } else {
            counts.add(done.counts);
            reanchored.extend(done.reanchored);
            if let Some(doc) = &done.keep {
                // A convenience: a text the store cannot keep is looked for in git later.
                let _ = crate::old_texts::TextStore::for_corpus(root).keep(doc);
            }
        }
        outcomes.extend(done.outcomes);
        dirs.extend(done.dirs);
    }
    fsio::sync_dirs(dirs.iter().map(PathBuf::as_path));
    outcomes.sort_by_key(|o| o.index);
    (outcomes, counts, reanchored)
}

/// Puts one staged file in place: renamed beside its target (its folder noted in `dirs` for an
/// fsync), or kept in its new folder's staging folder (noted in `kept`).
fn put(
    file: Staged,
    dirs: &mut Vec<PathBuf>,
    kept: &mut Vec<PathBuf>,
) -> Result<(), (PathBuf, std::io::Error)> {
    let path = file.target().to_owned();
    let in_new_folder = file.in_new_folder();
    file.rename().map_err(|e| (path.clone(), e))?;
    if in_new_folder {
        kept.push(path);
    } else if let Some(dir) = path.parent() {
        dirs.push(dir.to_owned());
    }
    Ok(())
}

/// What became of one document's files.
struct Committed {
    document: String,
    outcomes: Vec<Outcome>,
    /// Folders renamed into, to fsync.
    dirs: Vec<PathBuf>,
    /// Files kept in a new folder's staging folder, put in place with their folder.
    kept: Vec<PathBuf>,
    /// What became of the spans of the files put in place.
    counts: Counts,
    /// What re-anchoring did to the files put in place.
    reanchored: Vec<String>,
    /// The text to keep in the store, when a file with spans was put in place.
    keep: Option<crate::text::Document>,
}

/// Renames a document's staged files into place (its text first: without it, its annotation
/// files are not put in place), failing the records whose file could not be. A new document's
/// text is put in place only if one of its records was imported.
fn commit(mut p: Prepared) -> Committed {
    let mut dirs = Vec::new();
    let mut kept = Vec::new();
    let mut counts = Counts::default();
    if !p.outcomes.iter().any(|o| o.result.is_ok()) {
        p.text = None;
        p.files.clear();
    }
    if let Some(text) = p.text.take()
        && let Err((path, e)) = put(text, &mut dirs, &mut kept)
    {
        p.fail(None, &format!("{}: cannot write: {e}", path.display()));
        p.files.clear();
    }
    let mut reanchored = Vec::new();
    let mut keep = None;
    for (indexes, file, saved) in std::mem::take(&mut p.files) {
        match put(file, &mut dirs, &mut kept) {
            Ok(()) => {
                counts.add(saved.counts);
                reanchored.extend(saved.reanchored);
                if saved.has_spans {
                    keep = Some(p.doc.clone());
                }
            }
            Err((path, e)) => {
                let message = format!("{}: {}", p.document, SaveError::from_io(&path, e));
                p.fail(Some(&indexes), &message);
            }
        }
    }
    Committed {
        document: p.document,
        outcomes: p.outcomes,
        dirs,
        kept,
        counts,
        reanchored,
        keep: keep.flatten(),
    }
}

/// Checks and converts every record of one document and stages its files: the document is read
/// (or its creation checked) once, and each annotator's file is merged and staged once.
fn prepare(
    group: Vec<(usize, Record)>,
    root: &Path,
    labels: &LabelSet,
    annotator: Option<&str>,
    new_folders: &NewFolders,
) -> Prepared {
    let document = group
        .first()
        .map(|(_, r)| r.document.clone())
        .unwrap_or_default();
    let mut prepared = Prepared {
        outcomes: Vec::new(),
        document: document.clone(),
        text: None,
        files: Vec::new(),
        doc: None,
    };
    let fail_all = |group: Vec<(usize, Record)>, e: &str| -> Vec<Outcome> {
        group
            .into_iter()
            .map(|(index, r)| Outcome {
                index,
                result: Err(format!("{}: {e}", r.origin).into()),
            })
            .collect()
    };
    let (path, existing) = match import::locate(&document, root) {
        Ok(found) => found,
        Err(e) => {
            prepared.outcomes = fail_all(group, &e.0);
            return prepared;
        }
    };
    let create = existing.is_none();
    let Some(doc) =
        existing.or_else(|| group.iter().find_map(|(_, r)| import::new_document(r).ok()))
    else {
        prepared.outcomes = fail_all(group, "the record has no text");
        return prepared;
    };
    let mut files = write::Files::default();
    for (index, record) in group {
        let result: Result<Imported, crate::formats::Rejected> =
            write::convert(index, &record, &doc, labels, annotator, &mut files)
                .map_err(|e| format!("{}: {e}", record.origin).into());
        prepared.outcomes.push(Outcome { index, result });
    }
    if create && prepared.outcomes.iter().any(|o| o.result.is_ok()) {
        let staged = if new_folders.place(&path).is_some() {
            Staged::write_in(&path, doc.text().as_bytes(), new_folders)
        } else {
            path.parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| Staged::write(&path, doc.text().as_bytes()))
        };
        match staged {
            Ok(staged) => prepared.text = Some(staged),
            Err(e) => {
                prepared.fail(None, &format!("{}: cannot write: {e}", path.display()));
                return prepared;
            }
        }
    }
    for (annotator, (indexes, file)) in files.into_files() {
        match write::save(root, &path, &doc, &annotator, file, new_folders) {
            Ok((staged, saved)) => {
                prepared.doc = Some(doc.clone());
                prepared.files.push((indexes, staged, saved));
            }
            Err(e) => prepared.fail(Some(&indexes), &format!("{document}: {e}")),
        }
    }
    prepared
}
