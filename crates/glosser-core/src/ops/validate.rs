//! The validation engine (`glosser validate`, its `--fix`, the pre-commit hook): every annotation
//! file of a corpus checked against its document and labels, problems returned as a [`Report`].

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::{CorpusError, DocumentEntry, StrayAnnotation};
use crate::labels::LabelSet;
use crate::store::{self, StoreError};

mod file_checks;
mod leftover;
mod moved;
pub mod scope;

pub use scope::Scope;

/// What kind of problem a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The file does not parse or breaks the schema.
    Parse,
    /// A span breaks an invariant (offsets, grapheme, quote, label).
    Span,
    /// The document's text changed since the file was saved.
    TextChanged,
    /// The annotation file's document does not exist.
    MissingDocument,
    /// The document exists but cannot be annotated (not UTF-8, empty, too large).
    UnreadableDocument,
    /// The corpus `glosser.ron` is broken.
    Labels,
    /// A span whose text is no longer in its changed document.
    Orphaned,
    /// A span placed at one of several equally good occurrences of its text.
    Ambiguous,
    /// Spans with the same (start, end, label) and different notes, joined into one.
    Duplicate,
    /// A link whose span is not in the file.
    Link,
    /// A note the merge driver left to mark a conflict that a person must settle.
    Conflict,
    /// A stray whose article moved elsewhere in the corpus (same text hash).
    Moved,
    /// A temp file or staging folder an interrupted save or import left behind.
    Leftover,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Parse => "parse",
            Self::Span => "span",
            Self::TextChanged => "text_changed",
            Self::MissingDocument => "missing_document",
            Self::UnreadableDocument => "unreadable_document",
            Self::Labels => "labels",
            Self::Orphaned => "orphaned",
            Self::Ambiguous => "ambiguous",
            Self::Duplicate => "duplicate",
            Self::Link => "link",
            Self::Conflict => "conflict",
            Self::Moved => "moved",
            Self::Leftover => "leftover",
        }
    }
}

/// One problem found, with the file it is about.
#[derive(Debug, Clone)]
pub struct Problem {
    pub file: PathBuf,
    pub kind: Kind,
    /// Line and column for parse errors.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.file.display(), self.message)
            }
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// The outcome of checking a corpus.
#[derive(Debug, Default)]
pub struct Report {
    pub documents: usize,
    pub files_checked: usize,
    pub problems: Vec<Problem>,
    /// Files `--fix` rewrote, with what it did.
    pub fixed: Vec<String>,
    /// Orphaned and ambiguous spans in other annotators' files when the check runs for an
    /// [`Scope::owner`] (the pre-commit hook): theirs to settle, said but not problems.
    pub left_to_owners: Vec<Problem>,
}

/// Checks every annotation file of the corpus at `root`.
pub fn check_corpus(root: &Path) -> Result<Report, CorpusError> {
    check_scoped(root, false, &Scope::default())
}

/// Checks the annotation files `scope` takes in; with `fix`, repairs what can be repaired (files
/// whose document changed are re-anchored and written, orphans kept as they were; strays whose
/// article moved are moved beside it). The corpus is read as it is listed, a chunk of documents
/// at a time: what is held is one chunk, the problems found and the strays.
pub fn check_scoped(root: &Path, fix: bool, scope: &Scope) -> Result<Report, CorpusError> {
    let (labels, label_warnings) = LabelSet::for_corpus_warnings(root);
    let mut report = Report::default();
    let config = root.join(crate::labels::CORPUS_CONFIG_FILE);
    // Each warning names the file; the problem names it already.
    let named = format!("{}: ", crate::fsio::display_path(&config));
    for warning in label_warnings {
        report.problems.push(Problem {
            message: warning
                .strip_prefix(&named)
                .map_or_else(|| warning.clone(), str::to_owned),
            file: config.clone(),
            kind: Kind::Labels,
            position: None,
        });
    }
    let mut strays = Vec::new();
    let mut leftovers = Vec::new();
    crate::corpus::stream::for_each_chunk_with_leftovers(
        root,
        |chunk| {
            report.documents += chunk.len();
            // Documents are checked on every core; collecting keeps the corpus order.
            let parts: Vec<Report> = chunk
                .par_iter()
                .filter(|entry| !entry.annotations.is_empty())
                .map(|entry| {
                    let mut part = Report::default();
                    check_document(
                        root,
                        entry,
                        &labels,
                        fix,
                        &|a| scope.includes(root, &a.path, &a.annotator, &entry.id),
                        scope.owner.as_deref(),
                        &mut part,
                    );
                    part
                })
                .collect();
            for part in parts {
                report.files_checked += part.files_checked;
                report.problems.extend(part.problems);
                report.fixed.extend(part.fixed);
                report.left_to_owners.extend(part.left_to_owners);
            }
            Ok::<(), CorpusError>(())
        },
        |stray| {
            if scope.includes(root, &stray.path, &stray.annotator, &stray.document_id) {
                strays.push(stray);
            }
        },
        |path| {
            // A leftover belongs to no annotator: a check narrowed to one leaves it out.
            if scope.annotator.is_none() && scope.includes(root, &path, "", "") {
                leftovers.push(leftover::problem(&path));
            }
        },
    )?;
    check_strays(root, &strays, fix, &mut report)?;
    report.problems.extend(leftovers);
    Ok(report)
}

fn check_strays(
    root: &Path,
    strays: &[StrayAnnotation],
    fix: bool,
    report: &mut Report,
) -> Result<(), CorpusError> {
    if strays.is_empty() {
        return Ok(());
    }
    let hashes: Vec<Option<String>> = strays
        .iter()
        .map(|s| store::load(&s.path).ok().map(|f| f.text_sha256))
        .collect();
    let by_hash = moved::documents_with_hashes(root, hashes.iter().flatten())?;
    for (stray, hash) in strays.iter().zip(&hashes) {
        report.files_checked += 1;
        let Some(entry) = hash.as_ref().and_then(|h| moved::moved_to(&by_hash, h)) else {
            report.problems.push(Problem {
                file: stray.path.clone(),
                kind: Kind::MissingDocument,
                position: None,
                message: format!(
                    "its document {} does not exist and no article in the corpus has the text it was saved for; restore the article or delete this file",
                    stray.document_id
                ),
            });
            continue;
        };
        if fix {
            match moved::fix(&stray.path, &stray.annotator, entry) {
                Ok((to, conflicts)) => {
                    report.fixed.push(format!(
                        "{}: moved to {} beside its article {}",
                        stray.path.display(),
                        to.display(),
                        entry.id
                    ));
                    // Merged into a file already there: what both had differently is kept
                    // both ways (status: the lesser), and a person must settle it.
                    if !conflicts.is_empty() {
                        report.problems.push(Problem {
                            file: to.clone(),
                            kind: Kind::Conflict,
                            position: None,
                            message: format!(
                                "merged with the file already beside the article: {}; settle the `merge conflict:` notes in the TUI",
                                conflicts.join("; ")
                            ),
                        });
                    }
                }
                Err(e) => report.problems.push(Problem {
                    file: stray.path.clone(),
                    kind: Kind::Moved,
                    position: None,
                    message: format!(
                        "its article moved to {}, but it cannot be moved there: {}",
                        entry.id,
                        e.chain()
                    ),
                }),
            }
        } else {
            report.problems.push(Problem {
                file: stray.path.clone(),
                kind: Kind::Moved,
                position: None,
                message: format!(
                    "its document {} does not exist; the article moved to {} (same text); glosser validate --fix moves this file beside it",
                    stray.document_id, entry.id
                ),
            });
        }
    }
    Ok(())
}

fn check_document(
    root: &Path,
    entry: &DocumentEntry,
    labels: &LabelSet,
    fix: bool,
    include: &dyn Fn(&crate::corpus::AnnotationRef) -> bool,
    owner: Option<&str>,
    report: &mut Report,
) {
    if !entry.annotations.iter().any(include) {
        return;
    }
    let doc = entry.load();
    for annotation in entry.annotations.iter().filter(|a| include(a)) {
        report.files_checked += 1;
        let (file, joined) = match store::load_checked(&annotation.path) {
            Ok(loaded) => loaded,
            Err(e) => {
                report.problems.push(store_problem(&e));
                continue;
            }
        };
        let doc = match &doc {
            Ok(doc) => doc,
            Err(e) => {
                report.problems.push(Problem {
                    file: annotation.path.clone(),
                    kind: Kind::UnreadableDocument,
                    position: None,
                    message: format!("its document cannot be annotated: {}", e.reason()),
                });
                continue;
            }
        };
        let texts = crate::old_texts::Lookup::in_corpus(root, &entry.path);
        let found = report.problems.len();
        file_checks::check_file(
            &file_checks::Loaded {
                path: &annotation.path,
                file: &file,
                joined: &joined,
            },
            doc,
            labels,
            fix,
            &texts,
            report,
        );
        if owner.is_some_and(|owner| owner != annotation.annotator) {
            leave_to_owner(report, found);
        }
    }
}

/// Moves the orphaned and ambiguous spans found since problem `from` (one file of another
/// annotator than the one committing) to the spans left to their owner: a text edit made them,
/// and only their owner can say where they belong.
fn leave_to_owner(report: &mut Report, from: usize) {
    let found = report.problems.split_off(from);
    let (theirs, problems): (Vec<Problem>, Vec<Problem>) = found
        .into_iter()
        .partition(|p| matches!(p.kind, Kind::Orphaned | Kind::Ambiguous));
    report.problems.extend(problems);
    report.left_to_owners.extend(theirs);
}

fn store_problem(error: &StoreError) -> Problem {
    let position = match error {
        StoreError::Parse { line, col, .. } => Some((*line, *col)),
        _ => None,
    };
    let message = match error {
        StoreError::Parse { message, .. } | StoreError::Invalid { message, .. } => message.clone(),
        StoreError::Read { source, .. } | StoreError::Write { source, .. } => {
            format!("cannot read: {source}")
        }
    };
    Problem {
        file: error.path().to_owned(),
        kind: Kind::Parse,
        position,
        message,
    }
}
