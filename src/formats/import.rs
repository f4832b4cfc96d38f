//! What every importer produces, and how a record is checked against the corpus before anything
//! is written: safe document names, unchanged document text, span texts that match.

use std::path::{Component, Path, PathBuf};

use crate::labels::LabelSet;
use crate::span::Span;
use crate::store;
use crate::text::Document;

/// How a record's offsets are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Code points; UTF-16 accepted when that is what makes the span texts match.
    CodepointOrUtf16,
    /// UTF-16 code units (doccano).
    Utf16,
    /// Code points only.
    Codepoint,
}

/// A span as another tool wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The span's text, when the format carries it.
    pub text: Option<String>,
    pub note: Option<String>,
    pub from: Vec<String>,
}

/// One document's annotations from another tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where in the input it came from: "line 3", "task 2", "a.ann".
    pub origin: String,
    /// Document id (path relative to the corpus, `/`-separated).
    pub document: String,
    pub text: String,
    pub annotator: Option<String>,
    pub spans: Vec<RawSpan>,
    pub unit: Unit,
}

/// A record checked against the corpus: spans in code points, ready to merge.
#[derive(Debug)]
pub struct Checked {
    pub document: String,
    pub path: PathBuf,
    /// The document must be created (it did not exist).
    pub create: bool,
    pub doc: Document,
    pub spans: Vec<Span>,
    /// The offsets were UTF-16 code units, converted.
    pub converted_utf16: bool,
}

/// Refuses document ids that could leave the corpus: absolute, `..`, hidden parts, backslashes,
/// anything but `*.txt` / `*.md`.
pub fn safe_document_id(id: &str) -> Result<(), String> {
    let shown: String = if id.chars().count() > 80 {
        id.chars().take(80).chain(std::iter::once('…')).collect()
    } else {
        id.to_owned()
    };
    let bad = |why: &str| Err(format!("document {shown:?} is refused: {why}"));
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
fn no_symlinks(root: &Path, id: &str) -> Result<(), String> {
    let mut at = root.to_path_buf();
    for part in Path::new(id).components() {
        at.push(part);
        if let Ok(meta) = std::fs::symlink_metadata(&at)
            && meta.file_type().is_symlink()
        {
            return Err(format!(
                "document {id:?} is refused: {} is a symlink",
                at.display()
            ));
        }
    }
    Ok(())
}

/// Checks a record: the document (existing text must be identical), then every span.
pub fn check(record: &Record, root: &Path, labels: &LabelSet) -> Result<Checked, String> {
    safe_document_id(&record.document)?;
    no_symlinks(root, &record.document)?;
    let path = root.join(&record.document);
    let (doc, create) = if path.exists() {
        let existing = Document::load(&path).map_err(|e| e.to_string())?;
        if existing.text() != record.text.strip_prefix('\u{feff}').unwrap_or(&record.text) {
            return Err(format!(
                "the text differs from the existing document {}; import never changes a document",
                record.document
            ));
        }
        (existing, false)
    } else {
        if record.text.is_empty() {
            return Err("the record has no text".to_owned());
        }
        (Document::from_text(record.text.clone()), true)
    };
    let (spans, converted_utf16) = convert_spans(record, &doc, labels)?;
    Ok(Checked {
        document: record.document.clone(),
        path,
        create,
        doc,
        spans,
        converted_utf16,
    })
}

fn convert_spans(
    record: &Record,
    doc: &Document,
    labels: &LabelSet,
) -> Result<(Vec<Span>, bool), String> {
    let try_unit = |utf16: bool| -> Result<Vec<Span>, String> {
        record
            .spans
            .iter()
            .map(|raw| {
                let (start, end) = if utf16 {
                    let start = doc.utf16_to_char(raw.start);
                    let end = doc.utf16_to_char(raw.end);
                    match (start, end) {
                        (Some(s), Some(e)) => (s, e),
                        _ => {
                            return Err(format!(
                                "span {}..{} ({}) is not a valid UTF-16 range of the text",
                                raw.start, raw.end, raw.label
                            ));
                        }
                    }
                } else {
                    (raw.start, raw.end)
                };
                let mut span = Span::new(doc, start..end, raw.label.clone());
                span.note.clone_from(&raw.note);
                span.from.clone_from(&raw.from);
                span.check_text(doc).map_err(|e| e.to_string())?;
                if let Some(text) = &raw.text
                    && (end > doc.char_len() || doc.slice(start, end) != text.as_str())
                {
                    return Err(format!(
                        "span {}..{} ({}) has text {text:?} but the document says {:?}",
                        raw.start,
                        raw.end,
                        raw.label,
                        doc.slice(start, end)
                    ));
                }
                span.check(doc, labels).map_err(|e| e.to_string())?;
                Ok(span)
            })
            .collect()
    };
    match record.unit {
        Unit::Utf16 => try_unit(true).map(|s| (s, true)),
        Unit::Codepoint => try_unit(false).map(|s| (s, false)),
        Unit::CodepointOrUtf16 => match try_unit(false) {
            Ok(spans) => Ok((spans, false)),
            Err(first) => try_unit(true).map(|s| (s, true)).map_err(|_| first),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_ids_cannot_escape() {
        for ok in ["a.txt", "sub/dir/b.md", "x y.txt"] {
            assert!(safe_document_id(ok).is_ok(), "{ok}");
        }
        for bad in [
            "../a.txt",
            "/etc/passwd.txt",
            "a/../../b.txt",
            ".hidden/a.txt",
            "a\\b.txt",
            "a.csv",
            "",
            "./a.txt",
            "a.txt\0",
        ] {
            assert!(safe_document_id(bad).is_err(), "{bad}");
        }
    }
}
