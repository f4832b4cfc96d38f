//! Corpus γ: documents laid end to end, pooled as one continuum would pool them.
//!
//! No unit aligns across documents, so the corpus' best alignment is the union of the documents'
//! and its disorder is `Σ_d S_d / Σ_d (N_d / n_d)` (S_d: sum of unitary disorders, N_d units,
//! n_d annotators). Chance sample `i` of the corpus is the union of sample `i` of every document,
//! each drawn from its own document's statistics (one document's gaps and lengths say nothing of
//! another's), pooled the same way; D_e is the mean over `i`. γ-cat and γ-k pool their sums.

use std::collections::BTreeMap;

use super::result::{ChanceEstimate, CorpusGamma, DocumentGamma, figures};
use super::{GammaConfig, Tally, document_tallies};
use crate::categorical::CategoricalSums;
use crate::continuum::Document;
use crate::error::GammaError;

/// γ of each document and of the corpus.
pub fn corpus_gamma(
    documents: &[Document],
    config: &GammaConfig,
) -> Result<CorpusGamma, GammaError> {
    if documents.is_empty() {
        return Err(GammaError::InvalidConfig {
            reason: "the corpus has no document".into(),
        });
    }
    let mut pool = CorpusPool::new(config);
    let mut results = Vec::with_capacity(documents.len());
    for document in documents {
        let share = document_share(document, config)?;
        pool.add(&share);
        results.push(share.result);
    }
    let mut corpus = pool.finish();
    corpus.documents = results;
    Ok(corpus)
}

/// One document's γ and what a corpus pools of it: computed once (in parallel, or kept from an
/// earlier run while the document is unchanged) and added to any number of [`CorpusPool`]s.
#[derive(Debug, Clone)]
pub struct DocumentShare {
    pub result: DocumentGamma,
    /// Observed first, then one per sample.
    tallies: Vec<Tally>,
}

/// [`document_gamma`](super::document_gamma) with what pooling needs.
pub fn document_share(
    document: &Document,
    config: &GammaConfig,
) -> Result<DocumentShare, GammaError> {
    let (result, tallies) = document_tallies(document, config)?;
    Ok(DocumentShare { result, tallies })
}

/// A corpus γ built one document at a time, in any order: what is held is one pool per sample,
/// never the documents. [`corpus_gamma`] is this over a slice.
#[derive(Debug, Clone)]
pub struct CorpusPool {
    pools: Vec<Pool>,
    samples: usize,
    seed: u64,
    documents: usize,
}

impl CorpusPool {
    pub fn new(config: &GammaConfig) -> Self {
        Self {
            pools: vec![Pool::default(); config.samples + 1],
            samples: config.samples,
            seed: config.seed,
            documents: 0,
        }
    }

    /// Adds a document computed with the same samples and seed as this pool's.
    pub fn add(&mut self, share: &DocumentShare) {
        for (pool, tally) in self.pools.iter_mut().zip(&share.tallies) {
            pool.add(tally);
        }
        self.documents += 1;
    }

    /// Documents added so far.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The pooled figures (`documents` left empty: the pool keeps none).
    pub fn finish(&self) -> CorpusGamma {
        let pooled: Vec<Tally> = self.pools.iter().cloned().map(Pool::into_tally).collect();
        let f = figures(&pooled);
        CorpusGamma {
            gamma: f.gamma,
            gamma_cat: f.gamma_cat,
            gamma_k: f.gamma_k,
            observed_disorder: f.observed,
            expected_disorder: f.expected,
            observed_categorical_disorder: f.observed_cat,
            expected_categorical_disorder: f.expected_cat,
            chance: ChanceEstimate {
                sampler: "statistical".into(),
                samples: self.samples,
                seed: self.seed,
                stream: None,
                disorders: f.disorders,
                categorical_disorders: f.cat_disorders,
            },
            exact: f.exact,
            documents: Vec::new(),
        }
    }
}

#[derive(Debug, Clone)]
struct Pool {
    disorder_sum: f64,
    normaliser: f64,
    all_categories: CategoricalSums,
    per_category: BTreeMap<String, CategoricalSums>,
    exact: bool,
}

impl Default for Pool {
    fn default() -> Self {
        Self {
            disorder_sum: 0.0,
            normaliser: 0.0,
            all_categories: CategoricalSums::default(),
            per_category: BTreeMap::new(),
            exact: true,
        }
    }
}

impl Pool {
    fn add(&mut self, tally: &Tally) {
        self.disorder_sum += tally.disorder_sum;
        self.normaliser += tally.normaliser;
        self.all_categories.add(&tally.all_categories);
        for (name, sums) in &tally.per_category {
            self.per_category.entry(name.clone()).or_default().add(sums);
        }
        self.exact &= tally.exact;
    }

    fn into_tally(self) -> Tally {
        Tally {
            disorder_sum: self.disorder_sum,
            normaliser: self.normaliser,
            all_categories: self.all_categories,
            per_category: self.per_category.into_iter().collect(),
            exact: self.exact,
        }
    }
}
