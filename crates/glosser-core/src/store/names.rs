//! Names in a corpus (SPEC §1): annotators, documents, and the annotation files beside them.

use std::path::{Path, PathBuf};

/// Annotator names match `[a-z0-9][a-z0-9_-]{0,31}`.
pub fn is_valid_annotator(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name.len() <= 32
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Whether a file name is a document's (`*.txt` or `*.md`, case-sensitive as SPEC §1 says).
#[allow(clippy::case_sensitive_file_extension_comparisons)]
pub(crate) fn is_document_name(name: &str) -> bool {
    name.ends_with(".txt") || name.ends_with(".md")
}

/// `NAME.txt` + `alice` → `NAME.txt.alice.ron`.
pub fn annotation_file_name(document: &str, annotator: &str) -> String {
    format!("{document}.{annotator}.ron")
}

/// The annotation file of `annotator` beside the document at `document_path`.
pub fn annotation_path(document_path: &Path, annotator: &str) -> PathBuf {
    let mut name = document_path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{annotator}.ron"));
    document_path.with_file_name(name)
}

/// `NAME.txt.alice.ron` → (`NAME.txt`, `alice`); `None` for any other file name.
pub(crate) fn split_annotation_file_name(name: &str) -> Option<(&str, &str)> {
    let stem = name.strip_suffix(".ron")?;
    let (document, annotator) = stem.rsplit_once('.')?;
    (is_document_name(document) && is_valid_annotator(annotator)).then_some((document, annotator))
}
