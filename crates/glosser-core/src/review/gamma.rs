//! γ for the team (Mathet et al. 2015, through `glosser-gamma`): every compared annotator at
//! once, per label (γ over that label's spans alone) and overall (γ, γ-cat and each label's
//! γ-k), documents pooled as the crate pools them; plus the split of the best alignment into
//! exact, boundary-only, label and missing units. A document's share depends only on it, its id
//! and the seed, so shares are computed in parallel and absorbed in corpus order.

use std::collections::BTreeMap;

use glosser_gamma::{
    CorpusPool, Document, DocumentShare, GammaConfig, GammaError, LimitPolicy, Unit,
    UnitaryAlignment, document_share,
};
use serde::Serialize;

use super::confusion::same_bounds;
use super::diagnostics::{self, Kind, Warning};
use crate::span::Span;

/// How γ is computed: pygamma-agreement's defaults, a seed and a sample count.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub samples: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            samples: 30,
            seed: 0,
        }
    }
}

impl Settings {
    /// The crate's configuration: one thread per document (documents run in parallel), and a
    /// flagged approximation instead of a failure past the search limit.
    pub(crate) fn config(&self) -> GammaConfig {
        let mut config = GammaConfig {
            samples: self.samples,
            seed: self.seed,
            threads: 1,
            ..GammaConfig::default()
        };
        config.limits.policy = LimitPolicy::Approximate;
        config
    }
}

/// How the best alignment's units split (each unit once; a missing unit is one nobody else
/// matched, counted per unit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Split {
    /// Unitary alignments every annotator is in, same label, same boundaries.
    pub exact: u64,
    /// Every annotator in, same label, boundaries differ.
    pub boundary: u64,
    /// Every annotator in, labels differ.
    pub label: u64,
    /// Unitary alignments someone is missing from.
    pub missing: u64,
}

impl Split {
    fn add(&mut self, other: Split) {
        self.exact += other.exact;
        self.boundary += other.boundary;
        self.label += other.label;
        self.missing += other.missing;
    }

    fn of(alignments: &[UnitaryAlignment]) -> Self {
        let mut split = Split::default();
        for unitary in alignments {
            let units: Vec<_> = unitary.units.iter().flatten().collect();
            if units.len() < unitary.units.len() {
                split.missing += 1;
            } else if units.windows(2).any(|w| w[0].category != w[1].category) {
                split.label += 1;
            } else if units.windows(2).any(|w| !same_bounds(w[0], w[1])) {
                split.boundary += 1;
            } else {
                split.exact += 1;
            }
        }
        split
    }
}

/// One document's shares: all labels together, then each label alone.
#[derive(Clone)]
pub(crate) struct DocumentGamma {
    overall: Option<DocumentShare>,
    labels: Vec<(String, DocumentShare)>,
    /// Spans per annotator per label (annotators with no span included).
    units: BTreeMap<String, BTreeMap<String, u64>>,
    errors: Vec<String>,
}

/// One document's own γ (all labels), for per-document rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DocumentFigures {
    pub gamma: f64,
    pub gamma_cat: f64,
    pub observed_disorder: f64,
    pub expected_disorder: f64,
}

impl DocumentGamma {
    /// The document's own γ (all labels), when it has one.
    pub(crate) fn figures(&self) -> Option<DocumentFigures> {
        self.overall.as_ref().map(|s| DocumentFigures {
            gamma: s.result.gamma,
            gamma_cat: s.result.gamma_cat,
            observed_disorder: s.result.observed_disorder,
            expected_disorder: s.result.expected_disorder,
        })
    }

    #[cfg(test)]
    pub(crate) fn gamma(&self) -> Option<f64> {
        self.figures().map(|f| f.gamma)
    }
}

fn document(id: &str, spans: &[(&str, &[Span])], label: Option<&str>) -> Document {
    Document {
        id: id.to_owned(),
        annotators: spans.iter().map(|(name, _)| (*name).to_owned()).collect(),
        units: spans
            .iter()
            .flat_map(|(name, list)| {
                list.iter()
                    .filter(|s| label.is_none_or(|l| s.label == l))
                    .map(|s| Unit {
                        annotator: (*name).to_owned(),
                        start: s.start as f64,
                        end: s.end as f64,
                        category: s.label.clone(),
                    })
            })
            .collect(),
    }
}

/// γ's shares of one document from the spans of the team members who have a file for it.
pub(crate) fn of_document(
    id: &str,
    spans: &[(&str, &[Span])],
    labels: &[String],
    settings: &Settings,
) -> DocumentGamma {
    let config = settings.config();
    let mut errors = Vec::new();
    let mut share = |doc: &Document| match document_share(doc, &config) {
        Ok(share) => Some(share),
        Err(GammaError::NoUnits { .. } | GammaError::TooFewAnnotators { .. }) => None,
        Err(e) => {
            errors.push(format!("{id}: γ left out: {e}"));
            None
        }
    };
    let overall = share(&document(id, spans, None));
    let mut names: Vec<String> = labels.to_vec();
    for (_, list) in spans {
        for span in *list {
            if !names.contains(&span.label) {
                names.push(span.label.clone());
            }
        }
    }
    let per_label = names
        .iter()
        .filter_map(|label| Some((label.clone(), share(&document(id, spans, Some(label)))?)))
        .collect();
    let units = spans
        .iter()
        .map(|(name, list)| {
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            for span in *list {
                *counts.entry(span.label.clone()).or_default() += 1;
            }
            ((*name).to_owned(), counts)
        })
        .collect();
    DocumentGamma {
        overall,
        labels: per_label,
        units,
        errors,
    }
}

/// Running γ over the documents absorbed so far.
pub(crate) struct Tally {
    settings: Settings,
    annotators: Vec<String>,
    order: Vec<String>,
    overall: CorpusPool,
    labels: BTreeMap<String, CorpusPool>,
    units: BTreeMap<String, BTreeMap<String, u64>>,
    split: Split,
    documents: usize,
    approximate: usize,
}

impl Tally {
    pub(crate) fn new(settings: Settings, annotators: &[String], labels: &[String]) -> Self {
        let config = settings.config();
        Self {
            overall: CorpusPool::new(&config),
            labels: BTreeMap::new(),
            settings,
            annotators: annotators.to_vec(),
            order: labels.to_vec(),
            units: annotators
                .iter()
                .map(|a| (a.clone(), BTreeMap::new()))
                .collect(),
            split: Split::default(),
            documents: 0,
            approximate: 0,
        }
    }

    /// Adds a document's shares; its errors go to `warn`.
    pub(crate) fn absorb(&mut self, doc: &DocumentGamma, warn: &mut dyn FnMut(String)) {
        for e in &doc.errors {
            warn(e.clone());
        }
        let config = self.settings.config();
        if let Some(share) = &doc.overall {
            self.overall.add(share);
            self.split
                .add(Split::of(&share.result.alignment.unitary_alignments));
            self.documents += 1;
            if !share.result.exact {
                self.approximate += 1;
            }
        }
        for (label, share) in &doc.labels {
            if !self.order.contains(label) {
                self.order.push(label.clone());
            }
            self.labels
                .entry(label.clone())
                .or_insert_with(|| CorpusPool::new(&config))
                .add(share);
        }
        for (annotator, counts) in &doc.units {
            let mine = self.units.entry(annotator.clone()).or_default();
            for (label, n) in counts {
                *mine.entry(label.clone()).or_default() += n;
            }
        }
    }

    pub(crate) fn finish(&self) -> Report {
        let overall = (self.overall.documents() > 0).then(|| self.overall.finish());
        let labels = self
            .order
            .iter()
            .map(|label| {
                let pooled = self.labels.get(label).map(CorpusPool::finish);
                let units: Vec<(String, u64)> = self
                    .annotators
                    .iter()
                    .map(|a| {
                        let n = self.units.get(a).and_then(|c| c.get(label)).copied();
                        (a.clone(), n.unwrap_or(0))
                    })
                    .collect();
                let gamma_k = overall
                    .as_ref()
                    .and_then(|o| o.gamma_k.get(label).copied().flatten());
                let figures = LabelGamma {
                    gamma: pooled.as_ref().map(|p| p.gamma),
                    gamma_k,
                    exact: pooled.as_ref().is_none_or(|p| p.exact),
                    units,
                };
                let warnings = label_warnings(label, &figures);
                (label.clone(), figures, warnings)
            })
            .collect();
        let overall = overall.map(|o| OverallGamma {
            gamma: o.gamma,
            gamma_cat: o.gamma_cat,
            observed_disorder: o.observed_disorder,
            expected_disorder: o.expected_disorder,
            observed_categorical_disorder: o.observed_categorical_disorder,
            expected_categorical_disorder: o.expected_categorical_disorder,
            exact: o.exact,
        });
        let warnings = self.overall_warnings(overall.as_ref());
        Report {
            annotators: self.annotators.clone(),
            documents: self.documents,
            settings: SettingsReport::of(&self.settings),
            overall,
            labels,
            split: self.split,
            warnings,
        }
    }

    fn overall_warnings(&self, overall: Option<&OverallGamma>) -> Vec<Warning> {
        let mut out = Vec::new();
        let totals: Vec<(&String, u64)> = self
            .annotators
            .iter()
            .map(|a| (a, self.units.get(a).map_or(0, |c| c.values().sum())))
            .collect();
        if let Some((none, _)) = totals.iter().find(|(_, n)| *n == 0) {
            out.push(gamma_warning(
                Kind::NoSpans,
                format!(
                    "{none} has no spans in these documents: γ counts that silence as disagreement"
                ),
            ));
        } else if let Some(fewest) = totals.iter().map(|(_, n)| *n).min()
            && fewest < diagnostics::FEW_SPANS
        {
            out.push(gamma_warning(
                Kind::FewSpans,
                format!("as few as {fewest} spans by one annotator: γ's chance estimate rests on very few units"),
            ));
        }
        let s = self.split;
        if s.boundary > 0 && s.label == 0 && s.missing == 0 {
            out.push(gamma_warning(
                Kind::BoundaryOnly,
                format!(
                    "all of γ's disorder is boundaries: every unit was matched with the same label ({} of {} differ only in their edges)",
                    s.boundary,
                    s.boundary + s.exact
                ),
            ));
        }
        if self.approximate > 0 {
            out.push(gamma_warning(
                Kind::Approximate,
                format!(
                    "{} documents hit the alignment search's limit: γ there is from an alignment that may not be the best (an upper bound on the disorder)",
                    self.approximate
                ),
            ));
        }
        if overall.is_none() && self.documents == 0 {
            out.push(gamma_warning(
                Kind::UnusedLabel,
                "no document has spans by two team members: γ is undefined".to_owned(),
            ));
        }
        out
    }
}

fn gamma_warning(kind: Kind, message: String) -> Warning {
    Warning {
        kind,
        figures: vec!["gamma"],
        message,
    }
}

fn label_warnings(label: &str, figures: &LabelGamma) -> Vec<Warning> {
    let total: u64 = figures.units.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return vec![gamma_warning(
            Kind::UnusedLabel,
            format!("nobody marked {label}: no γ"),
        )];
    }
    let mut out = Vec::new();
    let fewest = figures.units.iter().min_by_key(|(_, n)| *n);
    if let Some((none, 0)) = fewest {
        out.push(gamma_warning(
            Kind::NoSpans,
            format!("{none} marked no {label}: γ counts that silence as disagreement"),
        ));
    } else if let Some((_, n)) = fewest
        && *n < diagnostics::FEW_SPANS
    {
        out.push(gamma_warning(
            Kind::FewSpans,
            format!(
                "as few as {n} {label} spans by one annotator: under {} γ swings with every span",
                diagnostics::FEW_SPANS
            ),
        ));
    }
    if !figures.exact {
        out.push(gamma_warning(
            Kind::Approximate,
            format!("a document's {label} alignment hit the search limit: γ is approximate"),
        ));
    }
    out
}

/// γ of the team, with what it was computed from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The annotators compared together (gold and suggesters left out).
    pub annotators: Vec<String>,
    /// Documents with spans by at least two of them.
    pub documents: usize,
    pub settings: SettingsReport,
    pub overall: Option<OverallGamma>,
    /// Per label: figures and warnings.
    pub labels: Vec<(String, LabelGamma, Vec<Warning>)>,
    pub split: Split,
    pub warnings: Vec<Warning>,
}

/// γ over every label together.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OverallGamma {
    pub gamma: f64,
    pub gamma_cat: f64,
    pub observed_disorder: f64,
    pub expected_disorder: f64,
    pub observed_categorical_disorder: f64,
    pub expected_categorical_disorder: f64,
    /// Every alignment proven best.
    pub exact: bool,
}

/// γ of one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelGamma {
    /// γ over this label's spans alone (where they are and whether each annotator has them).
    pub gamma: Option<f64>,
    /// γ-k from the all-label alignment: agreement on this label among the units aligned.
    pub gamma_k: Option<f64>,
    pub exact: bool,
    /// Spans per annotator.
    pub units: Vec<(String, u64)>,
}

/// The settings printed with γ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingsReport {
    pub dissimilarity: String,
    pub alpha: f64,
    pub beta: f64,
    pub delta_empty: f64,
    pub categorical: &'static str,
    pub sampler: &'static str,
    pub samples: usize,
    pub seed: u64,
}

impl SettingsReport {
    fn of(settings: &Settings) -> Self {
        let config = settings.config();
        let d = config.dissimilarity;
        Self {
            dissimilarity:
                "combined (positional sporadic + categorical), pygamma-agreement's default"
                    .to_owned(),
            alpha: d.alpha,
            beta: d.beta,
            delta_empty: d.delta_empty,
            categorical: "nominal (0 same label, 1 otherwise)",
            sampler: "statistical (pygamma's StatisticalContinuumSampler)",
            samples: config.samples,
            seed: config.seed,
        }
    }

    /// One line for tables.
    pub fn line(&self) -> String {
        format!(
            "γ: dissimilarity α={} β={} Δ∅={}, nominal labels; chance from {} random continua, seed {}",
            self.alpha, self.beta, self.delta_empty, self.samples, self.seed
        )
    }
}

#[cfg(test)]
mod tests;
