//! Moving an article (`glosser mv OLD NEW`): renames an article together with every annotator's file (gold
//! included), each rewritten through the one save path with its `document` field naming the new
//! file. Refuses to overwrite anything, to move a file that does not parse or is read-only, and
//! to move an article someone has open (a lock file beside it). All or nothing: a failure
//! part-way (a full disk) undoes every step (`journal`).

use std::path::{Path, PathBuf};

use crate::ops::error::{Context, refuse};

use crate::store::{self, AnnotationFile};
use crate::text::Document;

mod journal;

/// One file moved: from, to.
pub type Moved = (PathBuf, PathBuf);

/// What [`move_article`] did.
#[derive(Debug)]
pub struct Outcome {
    /// Every file moved, the article first.
    pub moved: Vec<Moved>,
    /// What re-anchoring a stale file did: a line per span, the counts last.
    pub reanchored: Vec<String>,
    /// What could not be cleaned up after the move was done.
    pub warnings: Vec<String>,
}

pub fn parent_or_dot(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> crate::ops::Result<&str> {
    path.file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("{}: not a file name glosser can use", path.display()))
}

/// The annotation files beside the article at `article`, with their annotators.
fn annotation_files(article: &Path) -> crate::ops::Result<Vec<(String, PathBuf)>> {
    let name = file_name(article)?;
    let dir = parent_or_dot(article);
    let mut found = Vec::new();
    for entry in
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
    {
        let entry = entry.with_context(|| format!("{}: cannot list", dir.display()))?;
        let Ok(entry_name) = entry.file_name().into_string() else {
            continue;
        };
        if let Some((document, annotator)) = store::split_annotation_file_name(&entry_name)
            && document == name
        {
            found.push((annotator.to_owned(), article.with_file_name(&entry_name)));
        }
    }
    found.sort();
    Ok(found)
}

/// Moves the article `old` to `new` with its annotation files; returns what moved, article
/// first. All or nothing: every source and target is checked before anything moves (nothing is
/// overwritten; a file that does not parse, a read-only one and an open one are refused), then
/// the article is linked at its new name (a hard link, which fails if the target appeared
/// meanwhile) and each annotation file written there through [`crate::save::save_merged`];
/// only then are the old names removed. A failure at any step undoes every earlier one
/// ([`journal::Journal`]) and says that nothing was moved. Also returns what re-anchoring a
/// stale file did (a line per span, the counts last), and the leftovers a finished move could
/// not clean up (warnings: the move itself is done).
pub fn move_article(old: &Path, new: &Path) -> crate::ops::Result<Outcome> {
    let old_name = file_name(old)?;
    let new_name = file_name(new)?;
    if !store::is_document_name(old_name) || !store::is_document_name(new_name) {
        refuse!(
            "{} -> {}: articles are *.txt or *.md files",
            old.display(),
            new.display()
        );
    }
    if new_name.starts_with('.') {
        refuse!("{}: a hidden file is not part of the corpus", new.display());
    }
    let doc = Document::load(old).with_context(|| format!("{}: cannot move", old.display()))?;
    if new.symlink_metadata().is_ok() {
        refuse!(
            "{}: already exists; glosser mv never overwrites",
            new.display()
        );
    }
    let mut files: Vec<(PathBuf, AnnotationFile, PathBuf)> = Vec::new();
    for (annotator, path) in annotation_files(old)? {
        let lock = crate::lock::lock_path(&path);
        if lock.symlink_metadata().is_ok() {
            refuse!(
                "{}: open in glosser (lock {}); quit it first, or delete the lock if that glosser is gone",
                path.display(),
                lock.display()
            );
        }
        let file = store::load(&path).with_context(|| "fix it before moving the article")?;
        store::check_writable(&path)
            .map_err(crate::save::SaveError::from)
            .with_context(|| format!("{}: nothing was moved", old.display()))?;
        let target = store::annotation_path(new, &annotator);
        if target.symlink_metadata().is_ok() {
            refuse!(
                "{}: already exists; glosser mv never overwrites",
                target.display()
            );
        }
        files.push((path, file, target));
    }
    let count = files.len();
    let mut journal = journal::Journal::default();
    match apply(old, new, new_name, &doc, files, &mut journal) {
        Ok((moved, reanchored)) => Ok(Outcome {
            moved,
            reanchored,
            warnings: journal.commit(),
        }),
        Err(e) => {
            let left = journal.roll_back();
            if left.is_empty() {
                refuse!(
                    "{}; nothing was moved: {} {}",
                    e.chain(),
                    old.display(),
                    if count == 0 {
                        "is as it was"
                    } else {
                        "and its annotation files are as they were"
                    }
                );
            }
            refuse!(
                "{}; undoing the move failed too, so it is half done: {}",
                e.chain(),
                left.join("; ")
            )
        }
    }
}

/// The steps of [`move_article`] after its checks, each noted in `journal`.
fn apply(
    old: &Path,
    new: &Path,
    new_name: &str,
    doc: &Document,
    files: Vec<(PathBuf, AnnotationFile, PathBuf)>,
    journal: &mut journal::Journal,
) -> crate::ops::Result<(Vec<Moved>, Vec<String>)> {
    let dir = parent_or_dot(new);
    journal
        .create_dirs(dir)
        .with_context(|| format!("{}: cannot create", dir.display()))?;
    std::fs::hard_link(old, new)
        .with_context(|| format!("{} -> {}: cannot move", old.display(), new.display()))?;
    journal.created(new);
    let mut moved = vec![(old.to_owned(), new.to_owned())];
    let mut reanchored = Vec::new();
    let texts = crate::old_texts::Lookup::for_article(new).knowing(doc.clone());
    for (from, mut file, to) in files {
        new_name.clone_into(&mut file.document);
        let saved = crate::save::save_merged(&to, &file, None, doc, &texts)?;
        journal.created(&to);
        if saved.restamp.changed() {
            let shown = crate::fsio::display_path(&to);
            let lines = saved.restamp.lines().into_iter();
            reanchored.extend(lines.map(|l| format!("{shown}: {l}")));
            reanchored.push(format!("{shown}: {}", saved.restamp.summary()));
        }
        moved.push((from, to));
    }
    for (from, _) in &moved[1..] {
        journal
            .park(from)
            .with_context(|| format!("{}: cannot remove", from.display()))?;
    }
    journal
        .unlink(old, new)
        .with_context(|| format!("{}: cannot remove", old.display()))?;
    Ok((moved, reanchored))
}

#[cfg(test)]
mod tests;
