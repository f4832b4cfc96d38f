//! One chunk of records, imported as one batch: records grouped by document, each document's
//! files prepared in parallel (checked, merged with what is on disk through the one save path and
//! written to temp files), the whole batch made durable with one flush, then every file renamed
//! into place and each folder fsynced once (`fsio`'s batched writes). A document that appears in
//! two chunks is merged by the later chunk into what the earlier one wrote.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Imported, Outcome, write};
use crate::formats::import::{self, Record};
use crate::fsio::{self, Staged};
use crate::labels::LabelSet;
use crate::save::SaveError;

/// What the records of one document left to put in place.
struct Prepared {
    outcomes: Vec<Outcome>,
    document: String,
    /// A new document's text file.
    text: Option<Staged>,
    /// Each annotator's file, with the records that fed it.
    files: Vec<(Vec<usize>, Staged)>,
}

impl Prepared {
    fn staged(&self) -> impl Iterator<Item = &Staged> {
        self.text.iter().chain(self.files.iter().map(|(_, s)| s))
    }

    /// Turns every imported record among `indexes` (all when `None`) into a rejection.
    fn fail(&mut self, indexes: Option<&[usize]>, message: &str) {
        for o in &mut self.outcomes {
            if o.result.is_ok() && indexes.is_none_or(|ix| ix.contains(&o.index)) {
                o.result = Err(message.to_owned());
            }
        }
    }
}

/// Imports `records` (numbered from `first` in the whole input); returns each one's outcome.
pub fn import(
    records: Vec<Result<Record, String>>,
    first: usize,
    root: &Path,
    labels: &LabelSet,
    annotator: Option<&str>,
) -> Vec<Outcome> {
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
    let mut prepared: Vec<Prepared> = groups
        .into_par_iter()
        .map(|group| prepare(group, root, labels, annotator))
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
    let committed: Vec<(Vec<Outcome>, Vec<PathBuf>)> =
        prepared.into_par_iter().map(commit).collect();
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (done, touched) in committed {
        outcomes.extend(done);
        dirs.extend(touched);
    }
    fsio::sync_dirs(dirs.iter().map(PathBuf::as_path));
    outcomes.sort_by_key(|o| o.index);
    outcomes
}

/// Renames a document's staged files into place (its text first: without it, its annotation
/// files are not put in place), failing the records whose file could not be; returns the
/// outcomes and the folders renamed into.
fn commit(mut p: Prepared) -> (Vec<Outcome>, Vec<PathBuf>) {
    let mut dirs = Vec::new();
    if let Some(text) = p.text.take() {
        let path = text.target().to_owned();
        dirs.push(text.dir().to_owned());
        if let Err(e) = text.rename() {
            p.fail(None, &format!("{}: cannot write: {e}", path.display()));
            p.files.clear();
        }
    }
    for (indexes, file) in std::mem::take(&mut p.files) {
        let path = file.target().to_owned();
        dirs.push(file.dir().to_owned());
        if let Err(e) = file.rename() {
            let message = format!("{}: {}", p.document, SaveError::from_io(&path, e));
            p.fail(Some(&indexes), &message);
        }
    }
    (p.outcomes, dirs)
}

/// Checks and converts every record of one document and stages its files: the document is read
/// (or its creation checked) once, and each annotator's file is merged and staged once.
fn prepare(
    group: Vec<(usize, Record)>,
    root: &Path,
    labels: &LabelSet,
    annotator: Option<&str>,
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
    };
    let fail_all = |group: Vec<(usize, Record)>, e: &str| -> Vec<Outcome> {
        group
            .into_iter()
            .map(|(index, r)| Outcome {
                index,
                result: Err(format!("{}: {e}", r.origin)),
            })
            .collect()
    };
    let (path, existing) = match import::locate(&document, root) {
        Ok(found) => found,
        Err(e) => {
            prepared.outcomes = fail_all(group, &e);
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
        let result: Result<Imported, String> =
            write::convert(index, &record, &doc, labels, annotator, &mut files)
                .map_err(|e| format!("{}: {e}", record.origin));
        prepared.outcomes.push(Outcome { index, result });
    }
    if create && prepared.outcomes.iter().any(|o| o.result.is_ok()) {
        let staged = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| Staged::write(&path, doc.text().as_bytes()));
        match staged {
            Ok(staged) => prepared.text = Some(staged),
            Err(e) => {
                prepared.fail(None, &format!("{}: cannot write: {e}", path.display()));
                return prepared;
            }
        }
    }
    for (annotator, (indexes, file)) in files.into_files() {
        match write::save(&path, &doc, &annotator, file) {
            Ok(staged) => prepared.files.push((indexes, staged)),
            Err(e) => prepared.fail(Some(&indexes), &format!("{document}: {e}")),
        }
    }
    prepared
}
