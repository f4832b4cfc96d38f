//! Input units and documents, and the validated continuum (one document's units, per annotator).

use serde::{Deserialize, Serialize};

use crate::error::GammaError;
use crate::sampler::MIN_DURATION;

/// One annotated span: who marked it, where (`start..end`, end exclusive), and with which label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub annotator: String,
    pub start: f64,
    pub end: f64,
    pub category: String,
}

/// One document (pygamma's continuum): its units and, optionally, the full list of its annotators.
///
/// An annotator who marked nothing in the document still disagrees with the others, so list them
/// in `annotators`; when `annotators` is empty, the annotators are those named by the units.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    #[serde(default)]
    pub annotators: Vec<String>,
    pub units: Vec<Unit>,
}

/// A unit inside a continuum: its span, the index of its category in [`Continuum::categories`],
/// and, for units that came from a [`Document`], the index of that unit in `Document::units`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Span {
    pub start: f64,
    pub end: f64,
    pub category: usize,
    pub source: Option<usize>,
}

impl Span {
    pub fn duration(&self) -> f64 {
        self.end - self.start
    }
}

/// A validated document: annotators and categories sorted by name, each annotator's units sorted
/// by (start, end, category) with exact duplicates merged, as pygamma's `Continuum` holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct Continuum {
    pub(crate) document: String,
    pub(crate) annotators: Vec<String>,
    pub(crate) categories: Vec<String>,
    pub(crate) units: Vec<Vec<Span>>,
    pub(crate) merged_duplicates: Vec<usize>,
}

impl Continuum {
    /// Validates a document. Errors on a span that is not finite or not longer than
    /// [`MIN_DURATION`](crate::sampler::MIN_DURATION) (pygamma refuses those too), on a unit
    /// whose annotator is missing from a non-empty `annotators` list, on fewer than two
    /// annotators, and on a document without units.
    pub fn from_document(document: &Document) -> Result<Self, GammaError> {
        let mut annotators: Vec<String> = if document.annotators.is_empty() {
            document.units.iter().map(|u| u.annotator.clone()).collect()
        } else {
            document.annotators.clone()
        };
        annotators.sort();
        annotators.dedup();
        let mut categories: Vec<String> =
            document.units.iter().map(|u| u.category.clone()).collect();
        categories.sort();
        categories.dedup();

        let mut units = vec![Vec::new(); annotators.len()];
        for (index, unit) in document.units.iter().enumerate() {
            let valid = unit.start.is_finite()
                && unit.end.is_finite()
                && unit.end - unit.start > MIN_DURATION;
            if !valid {
                return Err(GammaError::InvalidSpan {
                    document: document.id.clone(),
                    index,
                    start: unit.start,
                    end: unit.end,
                });
            }
            let Ok(annotator) = annotators.binary_search(&unit.annotator) else {
                return Err(GammaError::UnknownAnnotator {
                    document: document.id.clone(),
                    index,
                    annotator: unit.annotator.clone(),
                });
            };
            let category = categories.binary_search(&unit.category).map_err(|_| {
                GammaError::UnknownCategory {
                    category: unit.category.clone(),
                }
            })?;
            units[annotator].push(Span {
                start: unit.start,
                end: unit.end,
                category,
                source: Some(index),
            });
        }
        if annotators.len() < 2 {
            return Err(GammaError::TooFewAnnotators {
                document: document.id.clone(),
                found: annotators.len(),
            });
        }
        if document.units.is_empty() {
            return Err(GammaError::NoUnits {
                document: document.id.clone(),
            });
        }
        let mut merged_duplicates = Vec::new();
        for spans in &mut units {
            sort_spans(spans);
            spans.dedup_by(|later, kept| {
                let same = later.start.total_cmp(&kept.start).is_eq()
                    && later.end.total_cmp(&kept.end).is_eq()
                    && later.category == kept.category;
                if same && let Some(source) = later.source {
                    merged_duplicates.push(source);
                }
                same
            });
        }
        merged_duplicates.sort_unstable();
        Ok(Self {
            document: document.id.clone(),
            annotators,
            categories,
            units,
            merged_duplicates,
        })
    }

    /// The document id.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// Annotators, sorted by name.
    pub fn annotators(&self) -> &[String] {
        &self.annotators
    }

    /// Categories used by the units, sorted by name.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// Indices (in `Document::units`) of units dropped because the same annotator has an
    /// identical unit (same start, end and category) earlier in the list; pygamma keeps a set.
    pub fn merged_duplicates(&self) -> &[usize] {
        &self.merged_duplicates
    }

    /// Number of units after merging duplicates.
    pub fn num_units(&self) -> usize {
        self.units.iter().map(Vec::len).sum()
    }

    /// Units per annotator on average, the normaliser of the disorder.
    pub fn avg_units_per_annotator(&self) -> f64 {
        self.num_units() as f64 / self.annotators.len() as f64
    }

    pub(crate) fn sample(
        document: &str,
        annotators: &[String],
        categories: &[String],
        units: Vec<Vec<Span>>,
    ) -> Self {
        let mut units = units;
        for spans in &mut units {
            sort_spans(spans);
        }
        Self {
            document: document.to_owned(),
            annotators: annotators.to_vec(),
            categories: categories.to_vec(),
            units,
            merged_duplicates: Vec::new(),
        }
    }
}

fn sort_spans(spans: &mut [Span]) {
    spans.sort_by(|a, b| {
        a.start
            .total_cmp(&b.start)
            .then(a.end.total_cmp(&b.end))
            .then(a.category.cmp(&b.category))
    });
}

#[cfg(test)]
mod tests;
