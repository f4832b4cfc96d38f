//! Where a record's document lives in the corpus: a safe document id, a path through no
//! symlink, the existing document (whose text a record must match) or the new one its text makes.

use std::path::{Component, Path, PathBuf};

use super::Record;
use crate::store;
use crate::text::Document;

/// Refuses document ids that could leave the corpus: absolute, `..`, hidden parts, backslashes,
/// anything but `*.txt` / `*.md`.
pub(crate) fn safe_document_id(id: &str) -> Result<(), crate::formats::Rejected> {
    let shown: String = if id.chars().count() > 80 {
        id.chars().take(80).chain(std::iter::once('…')).collect()
    } else {
        id.to_owned()
    };
    let bad = |why: &str| {
        Err(crate::formats::Rejected(format!(
            "document {shown:?} is refused: {why}"
        )))
    };
    if id.is_empty() || id.contains('\0') || id.contains('\\') {
        return bad("empty, or holds a NUL or a backslash");
    }
    if !store::is_document_name(id) {
        return bad("documents are .txt or .md files");
    }
    let path = Path::new(id);
    for component in path.components() {
        match component {
            Component::Normal(part) => {
                if part.to_string_lossy().starts_with('.') {
                    return bad("hidden path components are not allowed");
                }
            }
            _ => return bad("it must be a relative path inside the corpus, without `..`"),
        }
    }
    Ok(())
}

/// Refuses a path in the corpus that passes through a symlink (which could point outside).
fn no_symlinks(root: &Path, id: &str) -> Result<(), crate::formats::Rejected> {
    let mut at = root.to_path_buf();
    for part in Path::new(id).components() {
        at.push(part);
        if let Ok(meta) = std::fs::symlink_metadata(&at)
            && meta.file_type().is_symlink()
        {
            return Err(
                format!("document {id:?} is refused: {} is a symlink", at.display()).into(),
            );
        }
    }
    Ok(())
}

/// Where a record's document lives in the corpus, and the document if it exists (read once).
pub(crate) fn locate(
    document: &str,
    root: &Path,
) -> Result<(PathBuf, Option<Document>), crate::formats::Rejected> {
    safe_document_id(document)?;
    no_symlinks(root, document)?;
    let path = root.join(document);
    let existing = if path.exists() {
        Some(Document::load(&path).map_err(|e| e.to_string())?)
    } else {
        None
    };
    Ok((path, existing))
}

/// The document a record's text makes (its BOM dropped), refusing an empty one.
pub(crate) fn new_document(record: &Record) -> Result<Document, crate::formats::Rejected> {
    let text = record.text.strip_prefix('\u{feff}').unwrap_or(&record.text);
    if text.is_empty() {
        return Err("the record has no text".to_owned().into());
    }
    Ok(Document::from_text(text))
}

/// Checks that a record's text is the document's (import never changes a document).
pub(crate) fn same_text(record: &Record, doc: &Document) -> Result<(), crate::formats::Rejected> {
    let text = record.text.strip_prefix('\u{feff}').unwrap_or(&record.text);
    if doc.text() != text && !(record.gaps_filled && differs_only_in_gaps(doc.text(), text)) {
        return Err(format!(
            "the text differs from the existing document {}; import never changes a document",
            record.document
        )
        .into());
    }
    Ok(())
}

/// Whether `filled` is `text` with some of its whitespace replaced by spaces, character for
/// character, and perhaps without its trailing whitespace (what a reader makes of the gaps
/// between tokens a file does not hold).
pub(super) fn differs_only_in_gaps(text: &str, filled: &str) -> bool {
    let mut text_chars = text.chars();
    for f in filled.chars() {
        match text_chars.next() {
            Some(c) if f == c || (f == ' ' && c.is_whitespace()) => {}
            _ => return false,
        }
    }
    text_chars.all(char::is_whitespace)
}
