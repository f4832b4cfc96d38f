//! Turning checked records into annotation files: each annotator's spans, orphans, links and
//! status from every record of a document are gathered, then merged into that annotator's
//! existing file (both sides' spans survive) and saved once.

use std::collections::BTreeMap;
use std::path::Path;

use super::Imported;
use crate::formats::import::{self, Record, Unit};
use crate::labels::LabelSet;
use crate::span::{AnnotationSet, Span};
use crate::store::{self, AnnotationFile, Link, Status, StoreError};
use crate::text::Document;

/// What one annotator gets from the records of one document.
#[derive(Default)]
pub struct Pending {
    spans: Vec<Span>,
    orphans: Vec<Span>,
    links: Vec<Link>,
    status: Option<Status>,
}

/// The pending files of one document, by annotator, with the records that fed each.
#[derive(Default)]
pub struct Files {
    by_annotator: BTreeMap<String, (Vec<usize>, Pending)>,
}

impl Files {
    pub fn into_files(self) -> impl Iterator<Item = (String, (Vec<usize>, Pending))> {
        self.by_annotator.into_iter()
    }
}

/// Checks one record against its document and files what it brings under its annotator.
pub fn convert(
    index: usize,
    record: &Record,
    doc: &Document,
    labels: &LabelSet,
    annotator: Option<&str>,
    files: &mut Files,
) -> Result<Imported, String> {
    import::same_text(record, doc)?;
    let converted = import::convert(record, doc, labels)?;
    let mut notices = Vec::new();
    if converted.converted_utf16 && record.unit == Unit::CodepointOrUtf16 {
        notices.push(format!(
            "{}: offsets are UTF-16 code units; converted to code points",
            record.origin
        ));
    }
    if converted.shifted_by_bom {
        notices.push(format!(
            "{}: the text starts with a BOM, which glosser drops; offsets counted with it were shifted by one",
            record.origin
        ));
    }
    let mut report = record.report.clone();
    report.merge(converted.report);
    let count = converted.spans.len() + converted.orphans.len();
    let nothing = count == 0 && converted.links.is_empty() && record.status.is_none();
    if !nothing {
        let name = annotator
            .map(str::to_owned)
            .or_else(|| record.annotator.clone())
            .ok_or("no annotator in the record; give --annotator")?;
        if !store::is_valid_annotator(&name) {
            return Err(format!(
                "annotator {name:?} is not a valid name; give --annotator"
            ));
        }
        let (indexes, pending) = files.by_annotator.entry(name).or_default();
        indexes.push(index);
        pending.spans.extend(converted.spans);
        pending.orphans.extend(converted.orphans);
        pending.links.extend(converted.links);
        if record.status.is_some() {
            pending.status = record.status;
        }
    }
    Ok(Imported {
        spans: count,
        notices,
        report,
        dir: None,
    })
}

/// Merges `pending` into the annotator's file beside the document at `path` and saves it. An
/// existing file that does not parse is left untouched; one stamped with another text's hash is
/// only restamped when every one of its spans still matches this text.
pub fn save(path: &Path, doc: &Document, annotator: &str, pending: Pending) -> Result<(), String> {
    let ann_path = store::annotation_path(path, annotator);
    let existing = match store::load(&ann_path) {
        Ok(file) => Some(file),
        Err(StoreError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            None
        }
        Err(e) => return Err(format!("{e}; the existing file is left untouched")),
    };
    if let Some(file) = &existing
        && file.text_sha256 != doc.sha256()
        && let Some(span) = file
            .spans
            .spans()
            .iter()
            .find(|s| s.check_text(doc).is_err())
    {
        return Err(format!(
            "{}: annotated on another version of the text (span {}..{} {:?} no longer matches); run glosser validate --fix first; the file is left untouched",
            ann_path.display(),
            span.start,
            span.end,
            span.quote
        ));
    }
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    let (mut spans, mut orphans, mut links, status, rejected) = match existing {
        Some(file) => (
            file.spans.into_spans(),
            file.orphans,
            file.links,
            Some(file.status),
            file.rejected,
        ),
        None => (Vec::new(), Vec::new(), Vec::new(), None, Vec::new()),
    };
    spans.extend(pending.spans);
    orphans.extend(pending.orphans);
    links.extend(pending.links);
    links.sort();
    links.dedup();
    let file = AnnotationFile {
        document: file_name,
        annotator: annotator.to_owned(),
        text_sha256: doc.sha256().to_owned(),
        status: pending.status.or(status).unwrap_or(Status::InProgress),
        spans: AnnotationSet::from_spans(spans),
        orphans: store::sorted_orphans(orphans),
        links,
        rejected,
    };
    write_file(&ann_path, store::to_ron(&file).as_bytes())
        .map_err(|e| format!("{}: cannot save: {e}", ann_path.display()))
}

/// Writes `bytes` to `path` atomically (a temp file beside it, fsync, rename) and keeps an
/// existing file's mode, like `store::write_atomic`, but leaves the directory's fsync to
/// [`sync_dirs`] once per directory at the end of the import: with many small documents that
/// halves the fsyncs.
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".glosser-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Flushes the renames in each directory to disk.
pub fn sync_dirs(dirs: impl IntoIterator<Item = std::path::PathBuf>) {
    for dir in dirs {
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
    }
}
