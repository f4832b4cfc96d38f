//! What every importer produces, and how a record is checked against the corpus before anything
//! is written: safe document names, unchanged document text, span texts that match.

use std::path::{Path, PathBuf};

use crate::labels::LabelSet;
use crate::span::Span;
use crate::store::{Link, LinkEnd, Status};
use crate::text::Document;

pub mod offsets;
mod place;
pub mod report;

pub use offsets::Unit;
pub(crate) use place::{locate, new_document, safe_document_id, same_text};
pub use report::{Kind, Report};

use offsets::Converter;

/// A span as another tool wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The span's text, when the format carries it.
    pub text: Option<String>,
    pub note: Option<String>,
    pub from: Vec<String>,
    /// The span is an orphan (glosser's jsonl): kept at its last known offsets, not checked.
    pub orphan: bool,
    /// The span is ambiguous (glosser's jsonl): checked like a placed span, kept unsettled
    /// until a person confirms it.
    pub ambiguous: bool,
}

impl RawSpan {
    pub fn new(start: usize, end: usize, label: impl Into<String>) -> Self {
        Self {
            start,
            end,
            label: label.into(),
            ..Self::default()
        }
    }
}

/// A typed link between two spans of a record, by their index in [`Record::spans`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLink {
    /// The tool's id for the relation (`R1`, a region id), for the report.
    pub id: String,
    pub kind: String,
    pub from: usize,
    pub to: usize,
}

/// One document's annotations by one annotator from another tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where in the input it came from: "line 3", "task 2", "a.ann".
    pub origin: String,
    /// Document id (path relative to the corpus, `/`-separated).
    pub document: String,
    /// The text as the tool holds it (a leading BOM is dropped from the document, and the
    /// offsets that counted it are shifted).
    pub text: String,
    pub annotator: Option<String>,
    /// Who the tool said annotated it, when `annotator` was made from that (an email, a user
    /// id, a session): two sources that make the same name are told apart on import.
    pub annotator_source: Option<String>,
    pub spans: Vec<RawSpan>,
    pub unit: Unit,
    /// Relations between the record's spans.
    pub links: Vec<RawLink>,
    /// The document status the record carries (glosser's jsonl).
    pub status: Option<Status>,
    /// Suggestions the annotator rejected (glosser's jsonl), in code points; checked against
    /// the text on import.
    pub rejected: Vec<Span>,
    /// What the reader could not keep from this record.
    pub report: Report,
    /// The tool holds the document but nobody's annotation of it (a Label Studio task nobody
    /// annotated): only its text is imported. Any other record without spans is a document
    /// someone annotated and found nothing in: it gets an annotation file, with its status.
    pub document_only: bool,
    /// The reader filled characters the file does not hold (between tokens with offsets) with
    /// spaces: an existing document whose text differs from it only there, in whitespace, is
    /// that document.
    pub gaps_filled: bool,
}

impl Record {
    /// A record with no spans, links or status yet.
    pub fn new(origin: impl Into<String>, document: String, text: String, unit: Unit) -> Self {
        Self {
            origin: origin.into(),
            document,
            text,
            annotator: None,
            annotator_source: None,
            spans: Vec::new(),
            unit,
            links: Vec::new(),
            status: None,
            rejected: Vec::new(),
            report: Report::default(),
            document_only: false,
            gaps_filled: false,
        }
    }
}

/// A record's spans and links in code points, checked against the document.
#[derive(Debug, Default)]
pub struct Converted {
    pub spans: Vec<Span>,
    /// Orphans (jsonl), kept unchecked at their last known offsets.
    pub orphans: Vec<Span>,
    pub links: Vec<Link>,
    /// The offsets were UTF-16 code units, converted.
    pub converted_utf16: bool,
    /// The tool's text began with a BOM; its offsets were shifted by one.
    pub shifted_by_bom: bool,
    /// Links whose ends were not imported.
    pub report: Report,
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
    pub orphans: Vec<Span>,
    pub links: Vec<Link>,
    /// The offsets were UTF-16 code units, converted.
    pub converted_utf16: bool,
    pub report: Report,
}

/// Checks a record: the document (existing text must be identical), then every span.
pub fn check(
    record: &Record,
    root: &Path,
    labels: &LabelSet,
) -> Result<Checked, crate::formats::Rejected> {
    let (path, existing) = locate(&record.document, root)?;
    let create = existing.is_none();
    let doc = match existing {
        Some(doc) => {
            same_text(record, &doc)?;
            doc
        }
        None => new_document(record)?,
    };
    let converted = convert(record, &doc, labels)?;
    Ok(Checked {
        document: record.document.clone(),
        path,
        create,
        doc,
        spans: converted.spans,
        orphans: converted.orphans,
        links: converted.links,
        converted_utf16: converted.converted_utf16,
        report: converted.report,
    })
}

/// Converts a record's spans into code points of `doc` (whose text the caller checked), checks
/// each one, and resolves its links.
pub(crate) fn convert(
    record: &Record,
    doc: &Document,
    labels: &LabelSet,
) -> Result<Converted, crate::formats::Rejected> {
    let converter = Converter::new(doc, record.unit, &record.text);
    let (spans, converted_utf16) = match record.unit {
        Unit::CodepointOrUtf16 => {
            match convert_spans(record, doc, labels, &converter, Unit::Codepoint) {
                Ok(spans) => (spans, false),
                Err(first) => (
                    convert_spans(record, doc, labels, &converter, Unit::Utf16)
                        .map_err(|_| first)?,
                    true,
                ),
            }
        }
        unit => match convert_spans(record, doc, labels, &converter, unit) {
            Ok(spans) => (spans, unit == Unit::Utf16),
            Err(e) => {
                return Err(crate::formats::Rejected(
                    e.0 + &other_unit_hint(record, doc, labels, unit),
                ));
            }
        },
    };
    let mut out = Converted {
        converted_utf16,
        shifted_by_bom: converter.shifted_by_bom(),
        ..Converted::default()
    };
    let mut ends: Vec<Option<LinkEnd>> = Vec::with_capacity(spans.len());
    for span in spans {
        match span {
            Placed::Span(span) => {
                ends.push(Some(LinkEnd::of(&span)));
                out.spans.push(span);
            }
            Placed::Orphan(span) => {
                ends.push(None);
                out.orphans.push(span);
            }
            Placed::Ambiguous(span) => {
                ends.push(Some(LinkEnd::of(&span)));
                out.orphans.push(span);
            }
        }
    }
    for link in &record.links {
        match (ends.get(link.from), ends.get(link.to)) {
            (Some(Some(from)), Some(Some(to)))
                if !labels
                    .link_type(&link.kind)
                    .is_some_and(|t| t.allows(&from.2, &to.2)) =>
            {
                out.report.add(
                    Kind::LinkTypes,
                    format!(
                        "{} {} ({}: {} → {})",
                        record.origin, link.id, link.kind, from.2, to.2
                    ),
                );
            }
            (Some(Some(from)), Some(Some(to))) => out.links.push(Link {
                kind: link.kind.clone(),
                from: from.clone(),
                to: to.clone(),
            }),
            _ => out
                .report
                .add(Kind::Relations, format!("{} {}", record.origin, link.id)),
        }
    }
    Ok(out)
}

/// When a record's spans fail in its declared unit but all fit in another, says which (never
/// switching units silently: without span texts both readings could be valid).
fn other_unit_hint(record: &Record, doc: &Document, labels: &LabelSet, failed: Unit) -> String {
    let fits = [
        (Unit::Grapheme, "grapheme"),
        (Unit::Codepoint, "codepoint"),
        (Unit::Utf16, "utf16"),
    ]
    .into_iter()
    .filter(|(unit, _)| *unit != failed && record.unit != Unit::UniversalNewlines)
    .filter(|(unit, _)| {
        let converter = Converter::new(doc, *unit, &record.text);
        convert_spans(record, doc, labels, &converter, *unit).is_ok()
    })
    .map(|(_, name)| name)
    .collect::<Vec<_>>();
    match fits.first() {
        Some(name) => format!(" (every span fits with --offsets {name})"),
        None => String::new(),
    }
}

enum Placed {
    Span(Span),
    Orphan(Span),
    Ambiguous(Span),
}

fn convert_spans(
    record: &Record,
    doc: &Document,
    labels: &LabelSet,
    converter: &Converter,
    unit: Unit,
) -> Result<Vec<Placed>, crate::formats::Rejected> {
    record
        .spans
        .iter()
        .map(|raw| -> Result<Placed, crate::formats::Rejected> {
            if raw.orphan {
                let mut span = Span {
                    start: raw.start,
                    end: raw.end,
                    label: raw.label.clone(),
                    quote: raw.text.clone().unwrap_or_default(),
                    note: raw.note.clone(),
                    from: raw.from.clone(),
                    orphan: true,
                    ..Span::default()
                };
                if span.quote.is_empty() || span.start >= span.end {
                    return Err(format!(
                        "orphan span {}..{} ({}) has no text",
                        raw.start, raw.end, raw.label
                    )
                    .into());
                }
                span.orphan = true;
                return Ok(Placed::Orphan(span));
            }
            let (Some(start), Some(end)) = (
                converter.to_char(raw.start, unit),
                converter.to_char(raw.end, unit),
            ) else {
                return Err(format!(
                    "span {}..{} ({}) is not a valid range of the text in {}",
                    raw.start,
                    raw.end,
                    raw.label,
                    unit_name(unit)
                )
                .into());
            };
            let mut span = Span::new(doc, start..end, raw.label.clone());
            span.note.clone_from(&raw.note);
            span.from.clone_from(&raw.from);
            span.check_text(doc).map_err(|e| e.to_string())?;
            if let Some(text) = &raw.text
                && doc.slice(start, end) != text.as_str()
            {
                return Err(format!(
                    "span {}..{} ({}) has text {text:?} but the document says {:?}",
                    raw.start,
                    raw.end,
                    raw.label,
                    doc.slice(start, end)
                )
                .into());
            }
            span.check(doc, labels).map_err(|e| e.to_string())?;
            if raw.ambiguous {
                span.ambiguous = true;
                return Ok(Placed::Ambiguous(span));
            }
            Ok(Placed::Span(span))
        })
        .collect()
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Codepoint | Unit::CodepointOrUtf16 => "code points",
        Unit::Utf16 => "UTF-16 code units",
        Unit::Grapheme => "grapheme clusters",
        Unit::UniversalNewlines => "code points with universal newlines",
    }
}

#[cfg(test)]
mod tests;
