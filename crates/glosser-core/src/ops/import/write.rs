//! Turning checked records into annotation files: each annotator's spans, orphans, links and
//! status from every record of a document are gathered, then merged into that annotator's
//! existing file (both sides' spans survive) and saved once through the one save path.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::Imported;
use crate::formats::import::{self, Kind, Record, Unit};
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
    rejected: Vec<Span>,
}

/// The pending files of one document, by annotator, with the records that fed each.
#[derive(Default)]
pub struct Files {
    by_annotator: BTreeMap<String, (Vec<usize>, Pending)>,
}

impl Files {
    pub(crate) fn into_files(self) -> impl Iterator<Item = (String, (Vec<usize>, Pending))> {
        self.by_annotator.into_iter()
    }
}

/// Checks one record against its document and files what it brings under its annotator.
pub(crate) fn convert(
    index: usize,
    record: &Record,
    doc: &Document,
    labels: &LabelSet,
    annotator: Option<&str>,
    files: &mut Files,
) -> Result<Imported, crate::formats::Rejected> {
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
    check_rejected(record, doc)?;
    let count = converted.spans.len() + converted.orphans.len();
    let nothing = count == 0
        && converted.links.is_empty()
        && record.status.is_none()
        && record.rejected.is_empty();
    if nothing && record.document_only {
        // A task nobody annotated: its document comes in, and nobody's file is written.
        return Ok(Imported { notices, report });
    }
    let Some(name) = annotator
        .map(str::to_owned)
        .or_else(|| record.annotator.clone())
    else {
        if !nothing {
            return Err("no annotator in the record; give --annotator".into());
        }
        // The document is imported; without an annotator nobody's file can say it was
        // looked at.
        report.add(Kind::Unattributed, record.origin.clone());
        return Ok(Imported { notices, report });
    };
    if !store::is_valid_annotator(&name) {
        return Err(format!("annotator {name:?} is not a valid name; give --annotator").into());
    }
    // Every record someone annotated gets its annotator's file, spans or not: a document
    // with no spans is an answer too (and a negative example for training).
    let (indexes, pending) = files.by_annotator.entry(name).or_default();
    indexes.push(index);
    pending.spans.extend(converted.spans);
    pending.orphans.extend(converted.orphans);
    pending.links.extend(converted.links);
    pending.rejected.extend(record.rejected.iter().cloned());
    if record.status.is_some() {
        pending.status = record.status;
    }
    Ok(Imported { notices, report })
}

/// Every rejected suggestion of the record must be a valid range whose text is its `text`: the
/// file's hash is stamped over them too.
fn check_rejected(record: &Record, doc: &Document) -> Result<(), crate::formats::Rejected> {
    for (i, s) in record.rejected.iter().enumerate() {
        if s.start >= s.end || s.end > doc.char_len() || doc.slice(s.start, s.end) != s.quote {
            return Err(format!(
                "rejected suggestion {i} ({}..{} {}) does not match the document's text at those offsets",
                s.start, s.end, s.label
            ).into());
        }
    }
    Ok(())
}

/// What became of the spans (orphans included) one annotator's file got from the records.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// New in the file as written.
    pub written: usize,
    /// The same span (place and label) was in the file already: not added again.
    pub already: usize,
    /// Given more than once in this import: written once (notes joined).
    pub twice: usize,
    /// Not in the file as written, for no reason above.
    pub missing: usize,
}

impl Counts {
    pub fn add(&mut self, other: Self) {
        self.written += other.written;
        self.already += other.already;
        self.twice += other.twice;
        self.missing += other.missing;
    }
}

/// What saving one annotator's file did: what became of the records' spans, what re-anchoring
/// did to the file that was there (one line per span, counts last; empty when nothing moved),
/// and whether the file holds spans (its text is then kept in the text store once it is in
/// place).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Saved {
    pub counts: Counts,
    pub reanchored: Vec<String>,
    pub has_spans: bool,
}

type Key = (usize, usize, String);

fn keys(spans: &[Span]) -> HashSet<Key> {
    spans.iter().map(Span::owned_key).collect()
}

/// Merges `pending` into the annotator's file beside the document at `path` and saves it through
/// the one save path (`save::save_merged`). An existing file that does not parse is left
/// untouched; a stale one (stamped for another version of the text) is re-anchored onto this text
/// by `reanchor::restamp` before anything is added, so no hash is stamped over spans that were
/// not checked against the text. The file is staged (`save::save_merged_staged`): the chunk's
/// batch makes it durable and renames it into place. Returns it with what became of the spans
/// and what re-anchoring did.
pub fn save(
    root: &Path,
    path: &Path,
    doc: &Document,
    annotator: &str,
    pending: Pending,
    new: &crate::fsio::NewFolders,
) -> Result<(crate::fsio::Staged, Saved), crate::formats::Rejected> {
    let ann_path = store::annotation_path(path, annotator);
    let existing = match store::load(&ann_path) {
        Ok(file) => Some(file),
        Err(StoreError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            None
        }
        Err(e) => return Err(format!("{e}; the existing file is left untouched").into()),
    };
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut file = existing.clone().unwrap_or_else(|| {
        let mut file = AnnotationFile::new(file_name, annotator, doc.sha256());
        file.status = Status::InProgress;
        file
    });
    let texts = crate::old_texts::Lookup::in_corpus(root, path);
    let restamped = crate::reanchor::restamp(&mut file, doc, &texts);
    let mut reanchored = Vec::new();
    if restamped.changed() && existing.is_some() {
        let shown = crate::fsio::display_path(&ann_path);
        let lines = restamped.lines().into_iter();
        reanchored.extend(lines.map(|l| format!("{shown}: {l}")));
        reanchored.push(format!("{shown}: {}", restamped.summary()));
    }
    let mut counts = Counts::default();
    let mut new_keys = Vec::new();
    for (given, there) in [
        (&pending.spans, keys(file.spans.spans())),
        (&pending.orphans, keys(&file.orphans)),
    ] {
        let mut seen = HashSet::new();
        for key in given.iter().map(Span::owned_key) {
            if there.contains(&key) {
                counts.already += 1;
            } else if !seen.insert(key.clone()) {
                counts.twice += 1;
            } else {
                new_keys.push(key);
            }
        }
    }
    let mut spans = std::mem::take(&mut file.spans).into_spans();
    spans.extend(pending.spans);
    file.spans = AnnotationSet::from_spans(spans);
    let mut orphans = std::mem::take(&mut file.orphans);
    orphans.extend(pending.orphans);
    file.orphans = store::sorted_orphans(orphans);
    file.links.extend(pending.links);
    let mut rejected = std::mem::take(&mut file.rejected);
    rejected.extend(pending.rejected);
    file.rejected = store::sorted_orphans(rejected);
    file.links.sort();
    file.links.dedup();
    if let Some(status) = pending.status {
        file.status = status;
    }
    let (saved, staged) =
        crate::save::save_merged_staged(&ann_path, &file, existing.as_ref(), doc, &texts, new)
            .map_err(|e| e.to_string())?;
    let mut written = keys(saved.file.spans.spans());
    written.extend(keys(&saved.file.orphans));
    for key in new_keys {
        if written.contains(&key) {
            counts.written += 1;
        } else {
            counts.missing += 1;
        }
    }
    let has_spans = saved.file.all_spans().next().is_some();
    Ok((
        staged,
        Saved {
            counts,
            reanchored,
            has_spans,
        },
    ))
}
