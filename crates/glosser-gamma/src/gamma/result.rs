//! Result types of γ and the ratios behind them, with pygamma's conventions for the edge cases.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Tally;
use crate::alignment::Alignment;
use crate::categorical::CategoricalSums;
use crate::continuum::Continuum;

/// How the expected disorder was estimated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChanceEstimate {
    /// Always "statistical" (pygamma's `StatisticalContinuumSampler`).
    pub sampler: String,
    pub samples: usize,
    pub seed: u64,
    /// ChaCha8 stream of this document (FNV-1a of its id); `None` for a corpus.
    pub stream: Option<u64>,
    /// Disorder of each sample's best alignment.
    pub disorders: Vec<f64>,
    /// Categorical (γ-cat) disorder of each sample's best alignment.
    pub categorical_disorders: Vec<f64>,
}

/// γ of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentGamma {
    pub document: String,
    pub annotators: Vec<String>,
    /// Units after merging exact duplicates.
    pub units: usize,
    /// Indices in `Document::units` of merged duplicates.
    pub merged_duplicates: Vec<usize>,
    pub gamma: f64,
    pub gamma_cat: f64,
    /// γ-k per category of the document; `None` where the expected disorder of k is 0.
    pub gamma_k: BTreeMap<String, Option<f64>>,
    pub observed_disorder: f64,
    pub expected_disorder: f64,
    pub observed_categorical_disorder: f64,
    pub expected_categorical_disorder: f64,
    pub chance: ChanceEstimate,
    /// True when the best alignment and every sample's alignment are proven best.
    pub exact: bool,
    pub alignment: Alignment,
}

/// γ of a corpus: the documents laid end to end (no unit aligns across documents), each sampled
/// for chance on its own statistics; see the crate README for the pooling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusGamma {
    pub gamma: f64,
    pub gamma_cat: f64,
    pub gamma_k: BTreeMap<String, Option<f64>>,
    pub observed_disorder: f64,
    pub expected_disorder: f64,
    pub observed_categorical_disorder: f64,
    pub expected_categorical_disorder: f64,
    pub chance: ChanceEstimate,
    pub exact: bool,
    pub documents: Vec<DocumentGamma>,
}

/// γ: 1 when nothing is disordered, whatever the chance.
pub(crate) fn gamma_ratio(observed: f64, expected: f64) -> f64 {
    if observed == 0.0 {
        1.0
    } else {
        1.0 - observed / expected
    }
}

/// γ-cat: 1 without observed disorder, 0 without expected disorder.
pub(crate) fn gamma_cat_ratio(observed: f64, expected: f64) -> f64 {
    if observed == 0.0 {
        1.0
    } else if expected == 0.0 {
        0.0
    } else {
        1.0 - observed / expected
    }
}

/// γ-k: 1 without observed disorder, undefined without expected disorder (pygamma divides by 0).
pub(crate) fn gamma_k_ratio(observed: f64, expected: f64) -> Option<f64> {
    if observed == 0.0 {
        Some(1.0)
    } else if expected == 0.0 {
        None
    } else {
        Some(1.0 - observed / expected)
    }
}

/// Pooled figures of one observed tally set and its samples (`pooled[0]` observed, then samples).
pub(crate) struct Figures {
    pub gamma: f64,
    pub gamma_cat: f64,
    pub gamma_k: BTreeMap<String, Option<f64>>,
    pub observed: f64,
    pub expected: f64,
    pub observed_cat: f64,
    pub expected_cat: f64,
    pub disorders: Vec<f64>,
    pub cat_disorders: Vec<f64>,
    pub exact: bool,
}

pub(crate) fn figures(pooled: &[Tally]) -> Figures {
    let disorder = |t: &Tally| t.disorder_sum / t.normaliser;
    let (observed_tally, samples) = pooled
        .split_first()
        .map_or((None, &[][..]), |(o, s)| (Some(o), s));
    let observed = observed_tally.map_or(0.0, disorder);
    let disorders: Vec<f64> = samples.iter().map(disorder).collect();
    let cat_disorders: Vec<f64> = samples.iter().map(|t| t.all_categories.value()).collect();
    let expected = mean(&disorders);
    let observed_cat = observed_tally.map_or(0.0, |t| t.all_categories.value());
    let expected_cat = mean(&cat_disorders);
    let mut gamma_k = BTreeMap::new();
    if let Some(observed_tally) = observed_tally {
        for (name, sums) in &observed_tally.per_category {
            let expected_k: Vec<f64> = samples
                .iter()
                .map(|t| category_sums(t, name).value())
                .collect();
            gamma_k.insert(name.clone(), gamma_k_ratio(sums.value(), mean(&expected_k)));
        }
    }
    Figures {
        gamma: gamma_ratio(observed, expected),
        gamma_cat: gamma_cat_ratio(observed_cat, expected_cat),
        gamma_k,
        observed,
        expected,
        observed_cat,
        expected_cat,
        disorders,
        cat_disorders,
        exact: pooled.iter().all(|t| t.exact),
    }
}

/// A tally's sums for one category; a category the tally lacks has no pair (pygamma: disorder 1).
fn category_sums(tally: &Tally, name: &str) -> CategoricalSums {
    tally
        .per_category
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| *s)
        .unwrap_or_default()
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

pub(crate) fn assemble_document(
    continuum: &Continuum,
    alignment: Alignment,
    tallies: &[Tally],
    seed: u64,
    stream: u64,
) -> DocumentGamma {
    let f = figures(tallies);
    DocumentGamma {
        document: continuum.document().to_owned(),
        annotators: continuum.annotators().to_vec(),
        units: continuum.num_units(),
        merged_duplicates: continuum.merged_duplicates().to_vec(),
        gamma: f.gamma,
        gamma_cat: f.gamma_cat,
        gamma_k: f.gamma_k,
        observed_disorder: f.observed,
        expected_disorder: f.expected,
        observed_categorical_disorder: f.observed_cat,
        expected_categorical_disorder: f.expected_cat,
        chance: ChanceEstimate {
            sampler: "statistical".into(),
            samples: f.disorders.len(),
            seed,
            stream: Some(stream),
            disorders: f.disorders,
            categorical_disorders: f.cat_disorders,
        },
        exact: f.exact,
        alignment,
    }
}

#[cfg(test)]
mod tests;
