//! Documents of the neutral model (`glosser-interchange`, what `glosser-uima` and
//! `glosser-readers` produce) as import records: one record per annotator the spans name; a
//! span's label is its label (the layer's short name when it has none), a relation's type its
//! label (or its layer's short name); offsets are code points already. What the reader passed
//! over is reported, what it assumed is said once per kind of assumption.

use std::collections::BTreeMap;

use glosser_interchange::{Document, SkipKind, Skipped};

use super::{Parsed, annotator_name};
use crate::formats::import::{Kind, RawLink, RawSpan, Record, Report, Unit};
use crate::store::Status;

/// How the documents of one input become records.
pub(crate) struct Naming<'a> {
    /// The input file, as messages name it (`train.conll`, `curation/a.xmi`).
    pub origin: &'a str,
    /// The document id to use when a document names none (`a.txt`), or the stem ids are made
    /// from when the input holds several (`train` → `train-1.txt`, `train-2.txt`, …).
    pub stem: &'a str,
    /// How many documents the input holds.
    pub count: usize,
    /// Only spans of these layers (by full or short name); every layer when empty.
    pub layers: &'a [String],
}

/// The records of one neutral document; what was not kept goes to `parsed.report`, assumptions
/// to `assumed` (counted by kind over the whole input).
pub(crate) fn records(
    document: Document,
    index: usize,
    naming: &Naming,
    parsed: &mut Parsed,
    assumed: &mut Assumptions,
) {
    let origin = if naming.count > 1 {
        format!("{} document {}", naming.origin, index + 1)
    } else {
        naming.origin.to_owned()
    };
    let name = document_name(&document, index, naming);
    for skipped in &document.skipped {
        note_skipped(skipped, &origin, &mut parsed.report, assumed);
    }
    let gaps_filled = document.metadata.gaps_filled;
    let status = match document.metadata.status.as_deref() {
        Some("Todo") => Some(Status::Todo),
        Some("InProgress") => Some(Status::InProgress),
        Some("Done") => Some(Status::Done),
        _ => None,
    };
    let Document {
        text,
        spans,
        relations,
        ..
    } = document;
    // Spans by annotator (`None`: the file names none), and each span's place in its record.
    let mut by_annotator: BTreeMap<Option<String>, Record> = BTreeMap::new();
    let mut placed: Vec<End> = Vec::with_capacity(spans.len());
    let mut left_out = 0;
    for span in spans {
        let named = format!("{origin} {}", shown_id(&span.id, &span.layer));
        if !naming.layers.is_empty() && !chosen(&span.layer, naming.layers) {
            left_out += 1;
            placed.push(End::LeftOut);
            continue;
        }
        if span.start >= span.end {
            parsed.report.add(Kind::EmptySpans, named);
            placed.push(End::Dropped);
            continue;
        }
        for key in span.features.keys() {
            parsed.report.add(Kind::Features, format!("{named}: {key}"));
        }
        let source = span.annotator.clone();
        let annotator = source.as_deref().and_then(annotator_name);
        let record = by_annotator.entry(annotator.clone()).or_insert_with(|| {
            let mut record =
                Record::new(origin.clone(), name.clone(), text.clone(), Unit::Codepoint);
            record.annotator.clone_from(&annotator);
            record.annotator_source.clone_from(&source);
            record
        });
        placed.push(End::Placed(annotator, record.spans.len()));
        let label = if span.label.is_empty() {
            short_name(&span.layer).to_owned()
        } else {
            span.label
        };
        record.spans.push(RawSpan {
            note: span.note.filter(|n| !n.is_empty()),
            ..RawSpan::new(span.start, span.end, label)
        });
    }
    let mut links_left_out = 0;
    for relation in relations {
        let named = format!("{origin} {}", shown_id(&relation.id, &relation.layer));
        let end = |i: usize| placed.get(i).cloned().unwrap_or(End::Dropped);
        let (from, to) = match (end(relation.from), end(relation.to)) {
            (End::Placed(from_owner, from), End::Placed(to_owner, to))
                if from_owner == to_owner =>
            {
                ((from_owner, from), to)
            }
            (End::Placed(..), End::Placed(..)) => {
                parsed.report.add(
                    Kind::Relations,
                    format!("{named} (its ends are by two annotators)"),
                );
                continue;
            }
            // The layer of one of its ends was not chosen: left out with it.
            (End::LeftOut, _) | (_, End::LeftOut) => {
                links_left_out += 1;
                continue;
            }
            _ => {
                parsed.report.add(Kind::Relations, named);
                continue;
            }
        };
        let Some(record) = by_annotator.get_mut(&from.0) else {
            parsed.report.add(Kind::Relations, named);
            continue;
        };
        let (from, to) = (from.1, to);
        for key in relation.features.keys() {
            parsed.report.add(Kind::Features, format!("{named}: {key}"));
        }
        let kind = if relation.label.is_empty() {
            short_name(&relation.layer).to_owned()
        } else {
            relation.label
        };
        record.links.push(RawLink {
            id: shown_id(&relation.id, &relation.layer),
            kind,
            from,
            to,
        });
    }
    if left_out > 0 || links_left_out > 0 {
        let links = match links_left_out {
            0 => String::new(),
            1 => " and 1 relation".to_owned(),
            n => format!(" and {n} relations"),
        };
        assumed.add(
            &origin,
            "annotations of other layers",
            &format!(
                "{left_out} span{}{links} left out (--layers)",
                if left_out == 1 { "" } else { "s" }
            ),
        );
    }
    if by_annotator.is_empty() {
        by_annotator.insert(None, Record::new(origin, name, text, Unit::Codepoint));
    }
    parsed
        .records
        .extend(by_annotator.into_values().map(|mut record| {
            record.gaps_filled = gaps_filled;
            record.status = status;
            Ok(record)
        }));
}

/// Where a span of the document went.
#[derive(Clone)]
enum End {
    /// Into the record of this annotator, at this index.
    Placed(Option<String>, usize),
    /// Left out: its layer was not chosen.
    LeftOut,
    /// Not kept (reported): it holds no characters.
    Dropped,
}

/// A file-wide note of a reader (the scheme it detected, keys it did not read).
pub(crate) fn note_skipped(
    skipped: &Skipped,
    origin: &str,
    report: &mut Report,
    assumed: &mut Assumptions,
) {
    match skipped.kind {
        SkipKind::NotKept => report.add(
            Kind::NotRead,
            format!("{origin}: {}: {}", skipped.what, skipped.reason),
        ),
        SkipKind::Noted => assumed.add(origin, &skipped.what, &skipped.reason),
    }
}

/// What readers noted (assumptions, structure left out), counted by what and why over the
/// whole input: `5 Token annotations` in one file and `7` in the next are one line of 12.
#[derive(Default)]
pub(crate) struct Assumptions {
    /// (what without its count, why, the counts summed if it had one, documents, first origin)
    seen: Vec<(String, String, Option<usize>, usize, String)>,
}

impl Assumptions {
    pub(crate) fn add(&mut self, origin: &str, what: &str, why: &str) {
        let (number, rest) = match what.split_once(' ') {
            Some((n, rest)) if n.parse::<usize>().is_ok() => (n.parse::<usize>().ok(), rest),
            _ => (None, what),
        };
        match self
            .seen
            .iter_mut()
            .find(|(w, r, n, ..)| w == rest && r == why && n.is_some() == number.is_some())
        {
            Some(entry) => {
                entry.2 = entry.2.zip(number).map(|(a, b)| a + b);
                entry.3 += 1;
            }
            None => self.seen.push((
                rest.to_owned(),
                why.to_owned(),
                number,
                1,
                origin.to_owned(),
            )),
        }
    }

    /// One line per note: `a.conll: the text: rebuilt … (and 11 other documents)`.
    pub(crate) fn lines(self) -> Vec<String> {
        self.seen
            .into_iter()
            .map(|(what, why, number, count, first)| {
                let what = match number {
                    Some(n) => format!("{n} {what}"),
                    None => what,
                };
                let more = match count {
                    1 => String::new(),
                    2 => " (and 1 other document)".to_owned(),
                    n => format!(" (and {} other documents)", n - 1),
                };
                format!("{first}: {what}: {why}{more}")
            })
            .collect()
    }
}

/// The document id of the `index`-th document of an input: the id the file gives (a `.txt` or
/// `.md` name as it is, anything else with `.txt` added), else one made from the input's name.
fn document_name(document: &Document, index: usize, naming: &Naming) -> String {
    let meta = &document.metadata;
    let given = [&meta.document_id, &meta.document_title]
        .into_iter()
        .flatten()
        .map(|id| id.trim())
        .find(|id| !id.is_empty());
    match given {
        Some(id) if crate::store::is_document_name(id) => id.to_owned(),
        Some(id) => format!("{id}.txt"),
        None if naming.count > 1 => format!("{}-{}.txt", naming.stem, index + 1),
        None => format!("{}.txt", naming.stem),
    }
}

/// A layer's name without its package (`webanno.custom.Claim` → `Claim`).
pub(crate) fn short_name(layer: &str) -> &str {
    let short = layer.rsplit(['.', ':']).next().unwrap_or(layer);
    if short.is_empty() { "span" } else { short }
}

fn chosen(layer: &str, wanted: &[String]) -> bool {
    wanted.iter().any(|w| w == layer || w == short_name(layer))
}

fn shown_id(id: &str, layer: &str) -> String {
    match (id.is_empty(), layer.is_empty()) {
        (true, _) => short_name(layer).to_owned(),
        (false, true) => id.to_owned(),
        (false, false) => format!("{id} ({})", short_name(layer)),
    }
}

#[cfg(test)]
mod tests;
