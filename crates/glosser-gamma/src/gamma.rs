//! γ, γ-cat and γ-k of one document and of a corpus.
//!
//! γ = 1 − D_o / D_e, where D_o is the disorder of the best alignment and D_e the mean disorder of
//! the best alignments of `samples` random continua (pygamma's `compute_gamma` with its defaults:
//! combined dissimilarity, statistical sampler, 30 samples). γ-cat and γ-k apply the same ratio to
//! the categorical disorders of those alignments.
//!
//! Randomness: document samples come from ChaCha8 seeded with `seed`, on a stream derived from
//! the document id (64-bit FNV-1a), so a document's figures depend only on its content, its id and
//! the seed, not on the other documents of the corpus.

mod corpus;
mod result;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::alignment::{self, AlignmentQuality, RawAlignment, SolverLimits};
use crate::categorical::{CategoricalSums, categorical_sums};
use crate::continuum::{Continuum, Document, Span, Unit};
use crate::dissimilarity::{Dissimilarity, UnitDissimilarity};
use crate::error::GammaError;
use crate::sampler::StatisticalSampler;
pub use corpus::{CorpusPool, DocumentShare, corpus_gamma, document_share};
pub use result::{ChanceEstimate, CorpusGamma, DocumentGamma};

/// Settings of a γ computation. The defaults are pygamma's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GammaConfig {
    pub dissimilarity: Dissimilarity,
    /// Random continua drawn for the expected disorder (pygamma's `n_samples`, 30).
    pub samples: usize,
    /// Seed of the chance sampling.
    pub seed: u64,
    /// Threads aligning the random continua (0: as many as the machine has); the result does
    /// not depend on it.
    pub threads: usize,
    pub limits: SolverLimits,
}

impl Default for GammaConfig {
    fn default() -> Self {
        Self {
            dissimilarity: Dissimilarity::default(),
            samples: 30,
            seed: 0,
            threads: 0,
            limits: SolverLimits::default(),
        }
    }
}

impl GammaConfig {
    fn validate(&self) -> Result<(), GammaError> {
        self.dissimilarity.validate()?;
        if self.samples == 0 {
            return Err(GammaError::InvalidConfig {
                reason: "samples = 0; the expected disorder needs at least one random continuum"
                    .into(),
            });
        }
        Ok(())
    }
}

/// Everything about one alignment that γ, γ-cat and γ-k need, for pooling across documents.
#[derive(Debug, Clone)]
pub(crate) struct Tally {
    /// Σ of unitary disorders.
    pub disorder_sum: f64,
    /// Units per annotator.
    pub normaliser: f64,
    pub all_categories: CategoricalSums,
    /// Per category, named.
    pub per_category: Vec<(String, CategoricalSums)>,
    pub exact: bool,
}

impl Tally {
    fn new(
        continuum: &Continuum,
        dissimilarity: &UnitDissimilarity,
        raw: &RawAlignment,
        categories: &[String],
    ) -> Self {
        let per_category = categories
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let sums = categorical_sums(continuum, dissimilarity, &raw.tuples, Some(k));
                (name.clone(), sums)
            })
            .collect();
        Self {
            disorder_sum: raw.disorders.iter().sum(),
            normaliser: continuum.avg_units_per_annotator(),
            all_categories: categorical_sums(continuum, dissimilarity, &raw.tuples, None),
            per_category,
            exact: raw.quality == AlignmentQuality::Exact,
        }
    }
}

/// The stream of a document's random samples: 64-bit FNV-1a of its id.
pub fn document_stream(document_id: &str) -> u64 {
    document_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

fn rng_for(document: &Continuum, seed: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(document_stream(document.document()));
    rng
}

/// The random continua behind a document's expected disorder, as documents (units carry the
/// reference's annotator and category names); the same ones [`document_gamma`] uses.
pub fn chance_samples(
    document: &Document,
    config: &GammaConfig,
) -> Result<Vec<Document>, GammaError> {
    config.validate()?;
    let continuum = Continuum::from_document(document)?;
    let sampler = StatisticalSampler::new(&continuum);
    let mut rng = rng_for(&continuum, config.seed);
    Ok((0..config.samples)
        .map(|_| to_document(&sampler.sample(&continuum, &mut rng)))
        .collect())
}

fn to_document(continuum: &Continuum) -> Document {
    let units = continuum
        .units
        .iter()
        .enumerate()
        .flat_map(|(a, spans)| {
            spans.iter().map(move |span: &Span| Unit {
                annotator: continuum.annotators[a].clone(),
                start: span.start,
                end: span.end,
                category: continuum.categories[span.category].clone(),
            })
        })
        .collect();
    Document {
        id: continuum.document.clone(),
        annotators: continuum.annotators.clone(),
        units,
    }
}

/// γ, γ-cat and γ-k of one document, with its best alignment.
pub fn document_gamma(
    document: &Document,
    config: &GammaConfig,
) -> Result<DocumentGamma, GammaError> {
    let (result, _) = document_tallies(document, config)?;
    Ok(result)
}

/// The document's result and the tallies (observed first, then one per sample) for pooling.
pub(crate) fn document_tallies(
    document: &Document,
    config: &GammaConfig,
) -> Result<(DocumentGamma, Vec<Tally>), GammaError> {
    config.validate()?;
    let continuum = Continuum::from_document(document)?;
    let dissimilarity = config.dissimilarity.compile(&continuum)?;
    let categories = continuum.categories().to_vec();
    let sampler = StatisticalSampler::new(&continuum);
    let mut rng = rng_for(&continuum, config.seed);
    // The samples are drawn in order from one generator, then aligned in parallel: the result
    // does not depend on the number of threads.
    let mut continua = vec![continuum.clone()];
    continua.extend((0..config.samples).map(|_| sampler.sample(&continuum, &mut rng)));
    let aligned = parallel_map(&continua, config.threads, |c| {
        alignment::align(c, &dissimilarity, &config.limits)
            .map(|raw| (Tally::new(c, &dissimilarity, &raw, &categories), raw))
    });
    let mut tallies = Vec::with_capacity(aligned.len());
    let mut observed = None;
    for result in aligned {
        let (tally, raw) = result?;
        tallies.push(tally);
        observed.get_or_insert(raw);
    }
    let Some(observed) = observed else {
        return Err(GammaError::InvalidConfig {
            reason: "no alignment was computed".into(),
        });
    };
    let published = alignment::publish(&continuum, &observed);
    let result = result::assemble_document(
        &continuum,
        published,
        &tallies,
        config.seed,
        document_stream(continuum.document()),
    );
    Ok((result, tallies))
}

/// `f` over `items` on up to `threads` threads (0: available parallelism), results in order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
    .min(items.len())
    .max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests;
