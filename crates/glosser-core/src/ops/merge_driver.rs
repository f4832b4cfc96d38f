//! git's merge driver for annotation files (`glosser merge-driver`, `%O %A %B %P`). Each side is
//! brought onto the article's text (found beside PATH), merged by span identity, and the
//! result is written over OURS.
//!
//! It writes with `store::save` (restamp, then the one atomic write), not `save::save_merged`:
//! OURS is git's own temporary copy that nobody else writes, the three-way merge is what this
//! driver does, and there may be no article to restamp onto (no `%P`).

use std::path::{Path, PathBuf};

use crate::ops::error::Context;

use crate::merge3::{empty_like, merge3};
use crate::old_texts::{GitHistory, Lookup};
use crate::reanchor::restamp;
use crate::store::{self, AnnotationFile};
use crate::text::Document;

/// Which of the three versions git hands the driver.
#[derive(Debug, Clone, Copy)]
enum Side {
    Base,
    Ours,
    Theirs,
}

impl Side {
    /// The side as errors name it; during a rebase git's ours and theirs are the other way
    /// round from the rebaser's point of view, and the words say so.
    fn describe(self, rebasing: bool) -> &'static str {
        match (self, rebasing) {
            (Self::Base, _) => "base (the common ancestor, %O)",
            (Self::Ours, false) => "ours (%A, the branch merged into)",
            (Self::Ours, true) => "ours (%A; during this rebase, the upstream replayed onto)",
            (Self::Theirs, false) => "theirs (%B, the branch merged in)",
            (Self::Theirs, true) => "theirs (%B; during this rebase, your commit being replayed)",
        }
    }
}

/// A version of the file; `None` when git hands over an empty file (no common ancestor).
/// Errors name the file by `shown` (the path in the work tree, %P, rather than git's temporary
/// copy) and the side, keeping the parse error's `line:col`.
fn read(path: &Path, side: Side, shown: &Path) -> crate::ops::Result<Option<AnnotationFile>> {
    let whose = || side.describe(in_rebase());
    let bytes = crate::fsio::read_capped(path, store::MAX_ANNOTATION_BYTES).with_context(|| {
        format!(
            "{}: cannot read {} ({})",
            shown.display(),
            whose(),
            path.display()
        )
    })?;
    let source = String::from_utf8(bytes).with_context(|| {
        format!(
            "{}: {} is not UTF-8; annotation files are UTF-8",
            shown.display(),
            whose()
        )
    })?;
    if source.trim().is_empty() {
        return Ok(None);
    }
    store::parse_unnamed(&source, shown)
        .map(Some)
        .map_err(|e| crate::ops::Error::Refused(format!("{e} — in {}; ours is left as it was and git reports a conflict: fix that version, or resolve the file by hand", whose())))
}

/// The article of the annotation file at `path` (relative to the work tree, where git runs us).
fn article_beside(path: &Path) -> Option<Document> {
    let name = path.file_name()?.to_str()?;
    let (document, _) = store::split_annotation_file_name(name)?;
    Document::load(&path.with_file_name(document)).ok()
}

/// The document file name an annotation file at `path` belongs to (`a.txt` for `a.txt.bo.ron`).
fn document_of(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    store::split_annotation_file_name(name).map(|(document, _)| document.to_owned())
}

/// Whether git is running us inside a rebase (where its ours/theirs are upstream/your commit).
fn in_rebase() -> bool {
    if std::env::var("GIT_REFLOG_ACTION").is_ok_and(|a| reflog_action_is_rebase(&a)) {
        return true;
    }
    let git_dir = std::process::Command::new("git")
        .args(["rev-parse", "--git-dir"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or_else(|| PathBuf::from(".git"), |s| PathBuf::from(s.trim_end()));
    git_dir.join("rebase-merge").is_dir() || git_dir.join("rebase-apply").is_dir()
}

/// Whether git's `GIT_REFLOG_ACTION` names a rebase (`rebase`, `rebase (pick)`, `rebase -i
/// (pick)`), not a merge that merely mentions one (`pull --no-rebase`, `merge rebase-fixes`):
/// anything else is decided by git's rebase folders.
fn reflog_action_is_rebase(action: &str) -> bool {
    action == "rebase" || action.starts_with("rebase ")
}

/// Marks every span of a version saved against another text as an orphan: it is kept, and
/// re-anchored by its quote the next time glosser opens or fixes the file.
fn foreign(mut side: AnnotationFile, hash: &str) -> AnnotationFile {
    if side.text_sha256 == hash {
        return side;
    }
    let spans = std::mem::take(&mut side.spans).into_spans();
    side.orphans.extend(spans.into_iter().map(|mut s| {
        s.orphan = true;
        s
    }));
    side.orphans = store::sorted_orphans(std::mem::take(&mut side.orphans));
    hash.clone_into(&mut side.text_sha256);
    side
}

/// The three versions git hands the driver, and the file's place in the work tree.
pub struct Files<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    /// `%P`: the article is read from beside it.
    pub path: Option<&'a Path>,
}

/// What the driver did, to be told on stderr.
#[derive(Debug, Default)]
pub struct Merged {
    /// What re-anchoring each side did, and why spans became orphans.
    pub notes: Vec<String>,
    /// Both versions kept: git reports a conflict.
    pub conflicts: Vec<String>,
    /// Whether git ran us inside a rebase (its ours and theirs swapped).
    pub rebasing: bool,
}

/// Whether git handed the driver a file that is not an annotation file (`%P` named, and not
/// `NAME.txt.ANNOTATOR.ron`): `glosser.ron` or `assignments.ron`, routed here by the
/// `*.ron merge=glosser` of an earlier glosser. Such a file is merged by [`merge_as_text`].
pub fn is_foreign(files: &Files) -> bool {
    files.path.is_some() && files.path.and_then(document_of).is_none()
}

/// git's own line merge (`git merge-file`) of the three versions, written over OURS with
/// conflict markers where both sides changed the same lines: what git does for any text file.
/// `true` when it merged cleanly.
pub fn merge_as_text(files: &Files) -> crate::ops::Result<bool> {
    let out = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([files.ours, files.base, files.theirs])
        .output()
        .context("cannot run git merge-file (is git installed?)")?;
    match out.status.code() {
        Some(0) => Ok(true),
        Some(1..=127) => Ok(false),
        _ => Err(crate::ops::Error::Refused(format!(
            "{}: git merge-file failed: {}",
            files.path.unwrap_or(files.ours).display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))),
    }
}

/// Merges the three versions and writes the result over OURS; a version that does not parse
/// is an error and OURS is left as it was.
pub fn merge(files: &Files) -> crate::ops::Result<Merged> {
    let shown = files.path;
    let (base, ours, theirs) = (
        read(files.base, Side::Base, shown.unwrap_or(files.base))?,
        read(files.ours, Side::Ours, shown.unwrap_or(files.ours))?,
        read(files.theirs, Side::Theirs, shown.unwrap_or(files.theirs))?,
    );
    let Some(ours) = ours.or_else(|| theirs.clone()) else {
        return Ok(Merged::default());
    };
    let theirs = theirs.unwrap_or_else(|| empty_like(&ours));
    let base = base.unwrap_or_else(|| empty_like(&ours));
    let doc = files.path.and_then(article_beside).map(|doc| {
        // Only their side changed the text: git has not written their article yet, so merge
        // onto their text (found in git by its hash), which is what the work tree will hold.
        let theirs_changed_text = base.text_sha256 == ours.text_sha256
            && theirs.text_sha256 != ours.text_sha256
            && doc.sha256() != theirs.text_sha256;
        if theirs_changed_text
            && let Some(path) = files.path
            && let Some(name) = document_of(path)
            && let Some(theirs_text) =
                GitHistory::new(&path.with_file_name(name)).find(&theirs.text_sha256)
        {
            return theirs_text;
        }
        doc
    });
    let (mut base, mut ours, mut theirs) = (base, ours, theirs);
    let mut notes = Vec::new();
    let texts = files
        .path
        .and_then(|p| Some(Lookup::for_article(&p.with_file_name(document_of(p)?))))
        .unwrap_or_default();
    if let Some(doc) = &doc {
        for (side, file) in [
            ("base", &mut base),
            ("ours", &mut ours),
            ("theirs", &mut theirs),
        ] {
            let restamped = restamp(file, doc, &texts);
            if restamped.changed() && side != "base" {
                notes.extend(
                    restamped
                        .lines()
                        .into_iter()
                        .map(|l| format!("{side}: {l}")),
                );
                notes.push(format!("{side}: {}", restamped.summary()));
            }
        }
    } else if base.text_sha256 != ours.text_sha256 || theirs.text_sha256 != ours.text_sha256 {
        notes.push(
            "the versions were saved against different texts and the article is not beside the file (give the driver %P); spans from the other text are kept as orphans until `glosser validate --fix` or the TUI re-anchors them".to_owned(),
        );
        let hash = ours.text_sha256.clone();
        base = foreign(base, &hash);
        theirs = foreign(theirs, &hash);
    }
    // A renamed article: git hands over the new path, and the file must name the article it
    // now sits beside, whatever either side's `document` says.
    let document = files.path.and_then(document_of);
    if let Some(document) = &document {
        for side in [&mut base, &mut ours, &mut theirs] {
            document.clone_into(&mut side.document);
        }
    }
    // During a rebase git's "ours" is upstream and "theirs" the commit being replayed; swap
    // them so that conflict notes say "ours" for the user's own change.
    let rebasing = in_rebase();
    let mut merged = if rebasing {
        merge3(&base, &theirs, &ours)
    } else {
        merge3(&base, &ours, &theirs)
    };
    if let Some(document) = document {
        merged.file.document = document;
    }
    if let Some(doc) = &doc {
        restamp(&mut merged.file, doc, &texts);
    }
    store::save(files.ours, &merged.file)?;
    Ok(Merged {
        notes,
        conflicts: merged.conflicts,
        rebasing,
    })
}

#[cfg(test)]
mod tests;
