//! The import report: everything an import could not keep as it was, counted by kind with the
//! first few ids named, so that nothing from another tool is dropped silently (SPEC §6).

use std::collections::BTreeMap;
use std::fmt;

/// What was not kept (or not kept as it was).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Relations whose ends were not both imported (or that glosser cannot hold, such as brat's
    /// `*` equivalence sets).
    Relations,
    /// Relations of a type the corpus's label set does not define, or does not allow between
    /// the labels of their spans (SPEC §10: no file holds a link `validate` rejects).
    LinkTypes,
    /// brat events (`E` lines): their trigger spans are imported, the event structure is not.
    Events,
    /// brat attributes (`A`/`M` lines).
    Attributes,
    /// brat normalizations (`N` lines).
    Normalizations,
    /// Notes on anything but a text span (brat `#` lines on relations or events).
    Notes,
    /// brat notes on a span of a type other than `AnnotatorNotes` (`#1 Lemma T1 …`).
    OtherNotes,
    /// Discontinuous spans, imported as one span per fragment.
    Discontinuous,
    /// Label Studio annotations marked `was_cancelled` (or `skipped`, Label Studio 0.x).
    Cancelled,
    /// Prodigy answers `reject` or `ignore` (and inputs that only had those).
    RejectedAnswers,
    /// Label Studio predictions and results of other types (choices, text areas, …).
    OtherResults,
    /// doccano spans whose label is a number that no `--label-ids` file names.
    NumericLabels,
    /// Lines or files of the input that are not annotations glosser understands.
    BadRecords,
    /// Spans of no characters (GATE and UIMA allow them; a glosser span holds at least one).
    EmptySpans,
    /// Feature values of a span (UIMA features, GATE features, tagtog fields, Argilla scores)
    /// other than its label and note.
    Features,
    /// What another tool's reader passed over, with its reason (`glosser-readers`,
    /// `glosser-uima`).
    NotRead,
    /// Records with no spans and no annotator: the document is imported, but nobody's
    /// annotation file says it was looked at.
    Unattributed,
}

impl Kind {
    fn describe(self, count: usize) -> &'static str {
        let one = count == 1;
        match self {
            Kind::Relations if one => "relation not kept",
            Kind::Relations => "relations not kept",
            Kind::LinkTypes if one => {
                "relation not kept: its type is not a link type of the corpus between those labels (define it under `links` in glosser.ron and import again)"
            }
            Kind::LinkTypes => {
                "relations not kept: their types are not link types of the corpus between those labels (define them under `links` in glosser.ron and import again)"
            }
            Kind::Events if one => "event not kept (its trigger span was imported)",
            Kind::Events => "events not kept (their trigger spans were imported)",
            Kind::Attributes if one => "attribute not kept",
            Kind::Attributes => "attributes not kept",
            Kind::Normalizations if one => "normalization not kept",
            Kind::Normalizations => "normalizations not kept",
            Kind::Notes if one => "note on a relation or event not kept",
            Kind::Notes => "notes on relations or events not kept",
            Kind::OtherNotes if one => {
                "note of a type other than AnnotatorNotes on a span not kept"
            }
            Kind::OtherNotes => "notes of a type other than AnnotatorNotes on spans not kept",
            Kind::Discontinuous if one => {
                "discontinuous span imported as one span per fragment (noted with its id)"
            }
            Kind::Discontinuous => {
                "discontinuous spans imported as one span per fragment (noted with their ids)"
            }
            Kind::Cancelled if one => "cancelled or skipped annotation not imported",
            Kind::Cancelled => "cancelled or skipped annotations not imported",
            Kind::RejectedAnswers if one => "rejected or ignored answer skipped",
            Kind::RejectedAnswers => "rejected or ignored answers skipped",
            Kind::OtherResults if one => "prediction or non-span result skipped",
            Kind::OtherResults => "predictions or non-span results skipped",
            Kind::NumericLabels if one => {
                "span with a numeric label id skipped (give --label-ids with doccano's label list)"
            }
            Kind::NumericLabels => {
                "spans with numeric label ids skipped (give --label-ids with doccano's label list)"
            }
            Kind::BadRecords if one => "bad record rejected",
            Kind::BadRecords => "bad records rejected",
            Kind::EmptySpans if one => "empty span (no characters) not kept",
            Kind::EmptySpans => "empty spans (no characters) not kept",
            Kind::Features if one => "span feature not kept",
            Kind::Features => "span features not kept",
            Kind::NotRead if one => "annotation or key the reader could not read",
            Kind::NotRead => "annotations or keys the reader could not read",
            Kind::Unattributed if one => {
                "record with no spans and no annotator: its document is imported without an annotation file (give --annotator to keep it as a document with no spans)"
            }
            Kind::Unattributed => {
                "records with no spans and no annotator: their documents are imported without annotation files (give --annotator to keep them as documents with no spans)"
            }
        }
    }
}

/// How many of one kind, and the first few names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: usize,
    pub first: Vec<String>,
}

/// Names kept per kind for the report.
const NAMED: usize = 3;

/// Everything an import did not keep, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    kinds: BTreeMap<Kind, Tally>,
}

impl Report {
    /// Counts one thing of `kind`, named `name` (e.g. `a.ann R1`, `task 3`).
    pub fn add(&mut self, kind: Kind, name: impl Into<String>) {
        let tally = self.kinds.entry(kind).or_default();
        tally.count += 1;
        if tally.first.len() < NAMED {
            tally.first.push(name.into());
        }
    }

    /// Adds every count of `other`.
    pub fn merge(&mut self, other: Report) {
        for (kind, tally) in other.kinds {
            let mine = self.kinds.entry(kind).or_default();
            mine.count += tally.count;
            let room = NAMED.saturating_sub(mine.first.len());
            mine.first.extend(tally.first.into_iter().take(room));
        }
    }

    /// How many things of `kind` were counted.
    pub fn count(&self, kind: Kind) -> usize {
        self.kinds.get(&kind).map_or(0, |t| t.count)
    }

    /// The tally of one kind.
    pub fn tally(&self, kind: Kind) -> Option<&Tally> {
        self.kinds.get(&kind)
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// One line per kind: `3 relations not kept (a.ann R1, a.ann R2, a.ann R3, …)`.
    pub fn lines(&self) -> Vec<String> {
        self.kinds
            .iter()
            .map(|(kind, tally)| {
                let more = if tally.count > tally.first.len() {
                    ", …"
                } else {
                    ""
                };
                format!(
                    "{} {} ({}{more})",
                    tally.count,
                    kind.describe(tally.count),
                    tally.first.join(", ")
                )
            })
            .collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
