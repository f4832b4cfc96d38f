//! The import engine (`glosser import`): other tools' annotations into a corpus (SPEC §6).
//!
//! Every record is checked before anything is written for it: a safe document name, the same
//! text as an existing document, span texts that match in the tool's own offset convention. A
//! bad record is rejected with its line (or task, or file) and leaves no trace. What glosser
//! cannot hold (events, attributes, cancelled annotations, rejected answers…) is counted in an
//! import report on stderr, by kind, with the first few named.
//!
//! The input is read and imported in chunks of [`CHUNK`] records (jsonl is read line by line), so
//! memory stays bounded. Within a chunk records are grouped by document: each document is read
//! (or created) once, each annotator's file is merged once through the one save path, documents
//! are prepared in parallel, and the chunk's files are made durable together (`chunk`).
//!
//! What happens to each record is told to the caller as [`Event`]s chunk by chunk; the totals
//! come back as a [`Summary`].

mod annotator_names;
mod chunk;
mod unknown_labels;
mod write;

use std::path::Path;

use crate::corpus::Corpus;
use crate::formats::import::Report;
use crate::formats::parse::{self, ImportFormat, Options};
use crate::formats::schema::Schema;
use crate::labels::LabelSet;
use crate::labels::add::Added;

/// One record's place in the input and what became of it.
struct Outcome {
    /// The record's position in the input, for messages in input order.
    index: usize,
    result: Result<Imported, crate::formats::Rejected>,
}

/// A record that was imported.
#[derive(Default)]
struct Imported {
    /// Informational lines (UTF-16 converted, BOM shifted).
    notices: Vec<String>,
    report: Report,
}

/// Records imported per batch: enough that one durability flush covers many files, few enough
/// that memory stays bounded whatever the input's size.
const CHUNK: usize = 1024;

pub use write::Counts;

/// What to import, and where.
pub struct Request<'a> {
    pub file: &'a Path,
    /// `None`: told by the content (`--format auto`).
    pub format: Option<ImportFormat>,
    /// Corpus folder (created if missing).
    pub corpus: &'a Path,
    /// Annotator to write as; `None`: the annotator each record names.
    pub annotator: Option<&'a str>,
    pub options: Options,
    /// Write the labels and link types the input declares or uses into `glosser.ron`.
    pub add_labels: bool,
    /// Labels and link types declared beside the input (`--schema`), for `add_labels`.
    pub schema: Schema,
}

/// One line of what happened to a chunk's records, in input order.
pub enum Line {
    /// What re-anchoring a stale annotation file did.
    Reanchored(String),
    /// Informational (UTF-16 converted, BOM shifted).
    Notice(String),
    /// A record rejected, with why.
    Rejected(String),
}

/// What the import tells its caller as it goes.
pub enum Event {
    /// The label set could not be read as it is (what was dropped, or the default used).
    Warning(String),
    /// Said once, before the records: the format told by the content, what the reader assumed.
    Notice(String),
    /// `add_labels` wrote labels or link types into `glosser.ron` (or could not add some).
    Added(Added),
    /// A chunk of `records` done, with what happened to them.
    Chunk { records: usize, lines: Vec<Line> },
}

/// What the import did.
#[derive(Default)]
pub struct Summary {
    pub imported: usize,
    pub rejected: usize,
    /// Spans written, already there, given twice, missing from the file as written.
    pub spans: Counts,
    /// What the input held that glosser cannot keep (the reader's own report first).
    pub report: Report,
    /// Annotator names that had to be told apart (`john` and `john-2`).
    pub renamed: Vec<String>,
    /// How to declare labels the corpus does not know, when records used some.
    pub hint: Option<String>,
    /// The format read (told by the content when none was given).
    pub format: Option<ImportFormat>,
}

/// Imports `request.file` into `request.corpus`, a chunk of [`CHUNK`] records at a time.
pub fn import(request: &Request, events: &mut dyn FnMut(Event)) -> crate::ops::Result<Summary> {
    let format = if let Some(format) = request.format {
        format
    } else {
        let format =
            parse::format::detect(request.file).map_err(|e| crate::ops::Error::Refused(e.0))?;
        events(Event::Notice(format!(
            "{}: read as --format {format} (told by its content)",
            request.file.display()
        )));
        format
    };
    let root = request.corpus;
    std::fs::create_dir_all(root).map_err(|e| {
        crate::ops::Error::Refused(format!(
            "{}: cannot create the corpus folder: {e}",
            root.display()
        ))
    })?;
    Corpus::scan(root)?;
    let (mut labels, said) = LabelSet::for_corpus_warnings(root);
    for w in &said {
        events(Event::Warning(w.clone()));
    }
    let mut stream = parse::stream::open(format, request.file, &request.options)
        .map_err(|e| crate::ops::Error::Refused(e.to_string()))?;
    for notice in std::mem::take(&mut stream.notices) {
        events(Event::Notice(notice));
    }
    let mut declared = request.schema.clone();
    declared.merge(std::mem::take(&mut stream.schema));
    let source = request.file.file_name().map_or_else(
        || request.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut summary = Summary::default();
    let mut report = Report::default();
    let mut unknown_labels = unknown_labels::UnknownLabels::default();
    let mut names = annotator_names::AnnotatorNames::default();
    let mut first = 0;
    loop {
        let mut records = stream
            .next_chunk(CHUNK)
            .map_err(|e| crate::ops::Error::Refused(e.to_string()))?;
        if records.is_empty() {
            break;
        }
        let count = records.len();
        if request.add_labels {
            let mut schema = std::mem::take(&mut declared);
            for record in records.iter().flatten() {
                schema.note_record(record);
            }
            let added = crate::labels::add::add(root, &schema, &source)
                .map_err(|e| crate::ops::Error::Refused(e.to_string()))?;
            if !added.labels.is_empty() || !added.links.is_empty() {
                let (reloaded, warnings) = LabelSet::for_corpus_warnings(root);
                // What glosser.ron already had wrong was said at the start.
                for w in warnings.into_iter().filter(|w| !said.contains(w)) {
                    events(Event::Warning(w));
                }
                labels = reloaded;
            }
            if !added.is_empty() {
                events(Event::Added(added));
            }
        }
        unknown_labels.note(first, &records, &labels);
        if request.annotator.is_none() {
            names.assign(&mut records);
        }
        let (outcomes, counts, reanchored) =
            chunk::import(records, first, root, &labels, request.annotator);
        summary.spans.add(counts);
        first += count;
        let mut lines: Vec<Line> = reanchored.into_iter().map(Line::Reanchored).collect();
        for outcome in outcomes {
            match outcome.result {
                Ok(ok) => {
                    summary.imported += 1;
                    lines.extend(ok.notices.into_iter().map(Line::Notice));
                    report.merge(ok.report);
                }
                Err(e) => {
                    lines.push(Line::Rejected(e.to_string()));
                    summary.rejected += 1;
                    unknown_labels.rejected(outcome.index);
                }
            }
        }
        events(Event::Chunk {
            records: count,
            lines,
        });
    }
    // The reader's own report (rejected answers, cancelled annotations…) comes first.
    let mut whole = std::mem::take(&mut stream.report);
    whole.merge(report);
    summary.report = whole;
    summary.renamed = names.renamed;
    summary.hint = unknown_labels.hint(root);
    summary.format = Some(format);
    Ok(summary)
}
