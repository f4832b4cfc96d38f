//! Agreement of one pair of annotators, accumulated one document at a time (SPEC §7): κ and F1
//! counts add up; α_u's units are laid end to end on one continuum in document order, of which
//! only what D_o and D_e need is kept ([`alpha_u::Continuum`]).

use std::collections::BTreeMap;
use std::ops::Range;

use super::alpha_u;
use super::f1::F1Counts;
use super::kappa::KappaCounts;
use crate::span::Span;

/// The figures of one label, or of all labels together.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    pub kappa: Option<f64>,
    /// Gwet's AC1 over κ's table (per label; overall: the mean, as κ's).
    pub ac1: Option<f64>,
    /// Mean share of non-whitespace characters the two marked (per label only).
    pub prevalence: Option<f64>,
    pub alpha_u: Option<f64>,
    pub f1_strict: Option<f64>,
    pub f1_overlap: Option<f64>,
    pub a_spans: u64,
    pub b_spans: u64,
}

/// Running totals of one label.
#[derive(Debug, Clone, Default)]
struct LabelTotals {
    kappa: KappaCounts,
    f1: F1Counts,
    continuum: alpha_u::Continuum,
}

/// One document's share of one label.
#[derive(Debug, Clone, Default)]
struct LabelPart {
    kappa: KappaCounts,
    f1: F1Counts,
    units_a: alpha_u::Units,
    units_b: alpha_u::Units,
}

/// One document's share of a pair's figures, independent of the other documents.
#[derive(Debug, Clone)]
pub struct Contribution {
    length: u64,
    labels: Vec<(String, LabelPart)>,
}

/// Computes a document's contribution for `labels` (and any other label the spans use).
pub(crate) fn contribution(text: &str, a: &[Span], b: &[Span], labels: &[String]) -> Contribution {
    let prefix = super::kappa::non_whitespace_prefix(text);
    let mut names: Vec<String> = labels.to_vec();
    for span in a.iter().chain(b) {
        if !names.contains(&span.label) {
            names.push(span.label.clone());
        }
    }
    let units = |r: &[Range<usize>]| {
        alpha_u::merge_overlapping(
            r.iter()
                .map(|x| (x.start as u64, (x.end - x.start) as u64))
                .collect(),
        )
    };
    let labels = names
        .into_iter()
        .map(|label| {
            let (ra, rb) = (ranges(a, &label), ranges(b, &label));
            let totals = LabelPart {
                kappa: KappaCounts::with_prefix(&prefix, &ra, &rb),
                f1: F1Counts::of(&ra, &rb),
                units_a: units(&ra),
                units_b: units(&rb),
            };
            (label, totals)
        })
        .collect();
    Contribution {
        length: (prefix.len() - 1) as u64,
        labels,
    }
}

/// A pair's agreement over the documents both annotated.
#[derive(Debug, Clone)]
pub struct Pair {
    pub a: String,
    pub b: String,
    labels: BTreeMap<String, LabelTotals>,
    /// Label order for output: the label set's, then others as met.
    order: Vec<String>,
    /// Length of the continuum so far (chars of the documents added).
    length: u64,
    pub documents: usize,
}

/// The result for a pair: per label, and overall.
#[derive(Debug, Clone, PartialEq)]
pub struct PairResult {
    pub a: String,
    pub b: String,
    pub labels: Vec<(String, Figures)>,
    pub overall: Figures,
}

fn ranges(spans: &[Span], label: &str) -> Vec<Range<usize>> {
    spans
        .iter()
        .filter(|s| s.label == label)
        .map(Span::range)
        .collect()
}

impl Pair {
    pub fn new(a: &str, b: &str, labels: &[String]) -> Self {
        Self {
            a: a.to_owned(),
            b: b.to_owned(),
            labels: labels
                .iter()
                .map(|l| (l.clone(), LabelTotals::default()))
                .collect(),
            order: labels.to_vec(),
            length: 0,
            documents: 0,
        }
    }

    /// Adds one document: its text and both annotators' spans (sorted).
    pub fn add(&mut self, text: &str, a: &[Span], b: &[Span]) {
        let labels: Vec<String> = self.order.clone();
        self.absorb(contribution(text, a, b, &labels));
    }

    /// Adds a document's [`contribution`] (computed anywhere, absorbed in document order).
    pub(crate) fn absorb(&mut self, c: Contribution) {
        let before = self.length;
        let mut seen = Vec::with_capacity(c.labels.len());
        for (label, part) in c.labels {
            if !self.labels.contains_key(&label) {
                self.order.push(label.clone());
            }
            let totals = self
                .labels
                .entry(label.clone())
                .or_insert_with(|| LabelTotals {
                    continuum: alpha_u::Continuum::starting_after(before),
                    ..LabelTotals::default()
                });
            totals.kappa.add(part.kappa);
            totals.f1.add(part.f1);
            totals.continuum.add(&part.units_a, &part.units_b, c.length);
            seen.push(label);
        }
        // A label this document does not mention is all gap here.
        for (label, totals) in &mut self.labels {
            if !seen.contains(label) {
                totals.continuum.add(&[], &[], c.length);
            }
        }
        self.length += c.length;
        self.documents += 1;
    }

    /// The figures so far.
    pub fn result(&self) -> PairResult {
        let mut labels = Vec::new();
        let mut f1_all = F1Counts::default();
        let (mut d_o, mut d_e) = (0.0, 0.0);
        let mut kappas = Vec::new();
        let mut ac1s = Vec::new();
        for name in &self.order {
            let Some(t) = self.labels.get(name) else {
                continue;
            };
            let (lo, le) = (
                t.continuum.observed(self.length),
                t.continuum.expected(self.length),
            );
            d_o += lo;
            d_e += le;
            let kappa = t.kappa.kappa();
            kappas.extend(kappa);
            let ac1 = t.kappa.ac1().filter(|_| t.f1.a_spans + t.f1.b_spans > 0);
            ac1s.extend(ac1);
            f1_all.add(t.f1);
            labels.push((
                name.clone(),
                Figures {
                    kappa,
                    ac1,
                    prevalence: t.kappa.prevalence(),
                    alpha_u: alpha_u::alpha(lo, le),
                    f1_strict: t.f1.strict(),
                    f1_overlap: t.f1.overlap(),
                    a_spans: t.f1.a_spans,
                    b_spans: t.f1.b_spans,
                },
            ));
        }
        let overall = Figures {
            kappa: mean(kappas.into_iter().map(Some)),
            ac1: mean(ac1s.into_iter().map(Some)),
            prevalence: None,
            alpha_u: alpha_u::alpha(d_o, d_e),
            f1_strict: f1_all.strict(),
            f1_overlap: f1_all.overlap(),
            a_spans: f1_all.a_spans,
            b_spans: f1_all.b_spans,
        };
        PairResult {
            a: self.a.clone(),
            b: self.b.clone(),
            labels,
            overall,
        }
    }
}

/// The mean of defined values, `None` when there are none.
fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let defined: Vec<f64> = values.flatten().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}

/// The mean of several pairs' figures (three or more annotators).
pub fn mean_of(results: &[PairResult]) -> (Vec<(String, Figures)>, Figures) {
    let average = |figs: &[Figures]| Figures {
        kappa: mean(figs.iter().map(|f| f.kappa)),
        ac1: mean(figs.iter().map(|f| f.ac1)),
        prevalence: mean(figs.iter().map(|f| f.prevalence)),
        alpha_u: mean(figs.iter().map(|f| f.alpha_u)),
        f1_strict: mean(figs.iter().map(|f| f.f1_strict)),
        f1_overlap: mean(figs.iter().map(|f| f.f1_overlap)),
        a_spans: 0,
        b_spans: 0,
    };
    let mut names: Vec<String> = Vec::new();
    for r in results {
        for (name, _) in &r.labels {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    let labels = names
        .into_iter()
        .map(|name| {
            let figs: Vec<Figures> = results
                .iter()
                .filter_map(|r| r.labels.iter().find(|(n, _)| *n == name).map(|(_, f)| *f))
                .collect();
            (name, average(&figs))
        })
        .collect();
    let overall: Vec<Figures> = results.iter().map(|r| r.overall).collect();
    (labels, average(&overall))
}

#[cfg(test)]
mod tests;
