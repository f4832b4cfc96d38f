//! Annotation files (SPEC §2): names, parsing with located errors, deterministic bytes, atomic save.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::span::{AnnotationSet, Span};

mod errors;
mod names;
mod ron_text;
pub use errors::{StoreErrorKind, is_read_only};
pub(crate) use errors::{check_writable, classify_io};
pub use names::{annotation_file_name, annotation_path, is_valid_annotator};
pub(crate) use names::{is_document_name, split_annotation_file_name};
#[cfg(test)]
use ron_text::ron_string;
pub use ron_text::to_ron;

/// The schema version this glosser writes; it reads this one and every earlier one.
pub const FORMAT_VERSION: u32 = 4;

/// Annotation files larger than this are refused unread.
pub const MAX_ANNOTATION_BYTES: u64 = 256 * 1024 * 1024;

/// The reserved annotator name of the adjudicated set.
pub const GOLD: &str = "gold";

/// Where an annotator is with a document.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Status {
    #[default]
    Todo,
    InProgress,
    Done,
}

impl Status {
    /// The name used in files and JSON (`Todo`, `InProgress`, `Done`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Todo => "Todo",
            Self::InProgress => "InProgress",
            Self::Done => "Done",
        }
    }
}

/// One annotation file in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationFile {
    /// File name of the sibling document (`NAME.txt`), never a path.
    pub document: String,
    pub annotator: String,
    /// SHA-256 of the document bytes when last saved: every span in `spans` (and no orphan) is
    /// valid in the text with this hash (SPEC §2's anchoring invariant).
    pub text_sha256: String,
    pub status: Status,
    /// The spans placed in the text.
    pub spans: AnnotationSet,
    /// Spans that wait for a person, in key order: orphans (`orphan: true` in the file: their
    /// text left the article; at their last known offsets) and ambiguous spans (`ambiguous:
    /// true`: at their likeliest place, valid in the text); kept until the user places,
    /// confirms or drops them.
    pub orphans: Vec<Span>,
    /// Typed links between spans (SPEC §10), sorted, no duplicates.
    pub links: Vec<Link>,
    /// Suggestions this annotator rejected (SPEC §9); they are never suggested again.
    pub rejected: Vec<Span>,
    /// Gold only: what it was adjudicated against (format version 4), so that what changed
    /// since — the article, the annotators' spans — is known until the reviewer decides again,
    /// whatever restamped gold meanwhile.
    pub adjudicated: Option<Adjudicated>,
}

/// What a gold file was adjudicated against: the article's hash and, per compared annotator,
/// their spans then as `LABEL:QUOTE` fingerprints (`review::since`), which no re-anchoring
/// changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjudicated {
    pub text_sha256: String,
    /// Annotator → the fingerprints of their spans, sorted (empty: they had no file).
    pub annotators: std::collections::BTreeMap<String, Vec<String>>,
}

/// One end of a link: the (start, end, label) key of a span in the same file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LinkEnd(pub usize, pub usize, pub String);

impl LinkEnd {
    pub fn of(span: &Span) -> Self {
        Self(span.start, span.end, span.label.clone())
    }

    pub fn matches(&self, span: &Span) -> bool {
        (self.0, self.1, self.2.as_str()) == span.key()
    }
}

/// A typed, directed link between two spans (`speaker`: quote → source).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    #[serde(rename = "type")]
    pub kind: String,
    pub from: LinkEnd,
    pub to: LinkEnd,
}

impl AnnotationFile {
    /// An empty file of `annotator` for `document` (a file name) whose text has hash `sha256`.
    pub fn new(
        document: impl Into<String>,
        annotator: impl Into<String>,
        sha256: impl Into<String>,
    ) -> Self {
        Self {
            document: document.into(),
            annotator: annotator.into(),
            text_sha256: sha256.into(),
            ..Self::default()
        }
    }

    /// Whether the file holds nothing worth a file: no spans, orphans, links or rejections and
    /// status Todo.
    pub fn is_blank(&self) -> bool {
        self.spans.is_empty()
            && self.orphans.is_empty()
            && self.links.is_empty()
            && self.rejected.is_empty()
            && self.status == Status::Todo
    }

    /// Every span, placed and orphaned.
    pub fn all_spans(&self) -> impl Iterator<Item = &Span> {
        self.spans.spans().iter().chain(&self.orphans)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    glosser: u32,
    document: String,
    annotator: String,
    text_sha256: String,
    status: Status,
    spans: Vec<Span>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    rejected: Vec<Span>,
    #[serde(default)]
    adjudicated: Option<Adjudicated>,
}

impl RawFile {
    fn into_file(self) -> AnnotationFile {
        let (orphans, placed): (Vec<Span>, Vec<Span>) =
            self.spans.into_iter().partition(Span::is_unsettled);
        let mut links = self.links;
        links.sort();
        links.dedup();
        AnnotationFile {
            document: self.document,
            annotator: self.annotator,
            text_sha256: self.text_sha256,
            status: self.status,
            spans: AnnotationSet::from_spans(placed),
            orphans: sorted_orphans(orphans),
            links,
            rejected: sorted_orphans(self.rejected),
            adjudicated: self.adjudicated,
        }
    }
}

/// Spans in key order with exact duplicates removed (notes of equal keys joined).
pub fn sorted_orphans(spans: Vec<Span>) -> Vec<Span> {
    AnnotationSet::from_spans(spans).into_spans()
}

/// Reading or writing an annotation file went wrong; every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot read: {source}", crate::fsio::display_path(path))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot save: {source}", crate::fsio::display_path(path))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{col}: {message}", crate::fsio::display_path(path))]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: {message}", crate::fsio::display_path(path))]
    Invalid { path: PathBuf, message: String },
}

impl StoreError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Read { path, .. }
            | Self::Write { path, .. }
            | Self::Parse { path, .. }
            | Self::Invalid { path, .. } => path,
        }
    }
}

/// Parses an annotation file's text; `path` names the file and must follow the naming rule.
pub fn parse(source: &str, path: &Path) -> Result<AnnotationFile, StoreError> {
    let raw = parse_raw(source, path)?;
    check_name(raw, path)
}

/// Parses an annotation file whose name says nothing (git's merge temp files): the schema is
/// checked, the file name is not.
pub fn parse_unnamed(source: &str, path: &Path) -> Result<AnnotationFile, StoreError> {
    Ok(parse_raw(source, path)?.into_file())
}

fn parse_raw(source: &str, path: &Path) -> Result<RawFile, StoreError> {
    let invalid = |message: String| StoreError::Invalid {
        path: path.to_owned(),
        message,
    };
    let raw: RawFile =
        crate::fsio::ron_options()
            .from_str(source)
            .map_err(|e| StoreError::Parse {
                path: path.to_owned(),
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })?;
    if raw.glosser == 0 || raw.glosser > FORMAT_VERSION {
        return Err(invalid(format!(
            "file format version {} is not supported; this glosser reads versions 1 to {FORMAT_VERSION} (a newer glosser wrote it: update glosser)",
            raw.glosser
        )));
    }
    if raw.text_sha256.len() != 64
        || !raw
            .text_sha256
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    {
        return Err(invalid(format!(
            "text_sha256 {:?} is not 64 lower-case hex digits",
            raw.text_sha256
        )));
    }
    if !is_valid_annotator(&raw.annotator) {
        return Err(invalid(format!(
            "annotator {:?} is not a valid name",
            raw.annotator
        )));
    }
    if let Some(score) = raw
        .spans
        .iter()
        .filter_map(|s| s.score)
        .find(|s| !(0.0..=1.0).contains(&s.0))
    {
        return Err(invalid(format!("score {} is outside 0..1", score.0)));
    }
    if let Some(bad) = raw
        .spans
        .iter()
        .flat_map(|s| &s.from)
        .find(|a| !is_valid_annotator(a))
    {
        return Err(invalid(format!(
            "`from` names an invalid annotator {bad:?}"
        )));
    }
    Ok(raw)
}

fn check_name(raw: RawFile, path: &Path) -> Result<AnnotationFile, StoreError> {
    let invalid = |message: String| StoreError::Invalid {
        path: path.to_owned(),
        message,
    };
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let Some((document, annotator)) = split_annotation_file_name(file_name) else {
        return Err(invalid(
            "not an annotation file name; expected DOCUMENT.txt.ANNOTATOR.ron".to_owned(),
        ));
    };
    if raw.document != document {
        return Err(invalid(format!(
            "document {:?} does not name this file's own document {document:?}; fix the field",
            raw.document
        )));
    }
    if raw.annotator != annotator {
        return Err(invalid(format!(
            "annotator {:?} does not match the file name's annotator {annotator:?}",
            raw.annotator
        )));
    }
    Ok(raw.into_file())
}

/// Reads and parses an annotation file: a regular file only (never a FIFO or a device), at most
/// 256 MiB by reading, and a symlink only if it stays in the file's folder.
pub fn load(path: &Path) -> Result<AnnotationFile, StoreError> {
    load_checked(path).map(|(file, _)| file)
}

/// [`load`] for a file that must resolve inside the corpus `root`.
pub fn load_in(root: &Path, path: &Path) -> Result<AnnotationFile, StoreError> {
    let source = source_of(
        crate::fsio::read_in_corpus(root, path, MAX_ANNOTATION_BYTES)?,
        path,
    )?;
    parse(&source, path)
}

/// Spans of one (start, end, label) that a file held more than once with different notes: they
/// were joined into one span (SPEC §2), which `validate` reports.
pub type JoinedDuplicates = Vec<(usize, usize, String)>;

/// [`load`], also telling which duplicate spans were joined.
pub(crate) fn load_checked(path: &Path) -> Result<(AnnotationFile, JoinedDuplicates), StoreError> {
    let source = source_of(crate::fsio::read_capped(path, MAX_ANNOTATION_BYTES)?, path)?;
    let raw = parse_raw(&source, path)?;
    let joined = crate::span::duplicate_keys_with_notes(&raw.spans);
    Ok((check_name(raw, path)?, joined))
}

fn source_of(bytes: Vec<u8>, path: &Path) -> Result<String, StoreError> {
    String::from_utf8(bytes).map_err(|e| StoreError::Invalid {
        path: path.to_owned(),
        message: format!(
            "not valid UTF-8 (byte {}); annotation files are UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Saves atomically: a temp file in the same directory, fsync, rename, fsync of the directory.
/// A new file gets the umask's mode (0644 under umask 022), an existing one keeps its mode; a
/// read-only file ([`check_writable`]) is refused, never replaced.
pub fn save(path: &Path, file: &AnnotationFile) -> Result<(), StoreError> {
    check_writable(path)?;
    crate::fsio::write_atomic(path, to_ron(file).as_bytes()).map_err(|source| StoreError::Write {
        path: path.to_owned(),
        source,
    })
}

/// [`save`] for a batch: the same checks and bytes, written to a temp file beside `path` (or, in a
/// folder of `new`, into its staging folder) without an fsync. The caller makes it durable
/// (`fsio::make_durable`) before renaming it into place.
pub(crate) fn stage(
    path: &Path,
    file: &AnnotationFile,
    new: &crate::fsio::NewFolders,
) -> Result<crate::fsio::Staged, StoreError> {
    check_writable(path)?;
    crate::fsio::Staged::write_in(path, to_ron(file).as_bytes(), new).map_err(|source| {
        StoreError::Write {
            path: path.to_owned(),
            source,
        }
    })
}

#[cfg(test)]
mod tests;
