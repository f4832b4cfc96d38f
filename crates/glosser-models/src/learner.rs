//! A sentence-level learner for sentence-like labels (claim, opinion, unverified): multinomial
//! logistic regression over hashed word 1–2-grams and character 3–5-grams, trained
//! incrementally by SGD as sentences are labelled, with softmax scores and a threshold.

mod features;
mod model;
mod sentences;

pub use features::{Features, featurize, fnv1a};
pub use model::softmax;
pub use sentences::{Example, Sentence, examples_from_document, split_sentences};

use model::Softmax;

use crate::types::Span;

/// The class name of sentences without a sentence label.
pub const NONE: &str = "none";

/// Hyper-parameters; the defaults were fixed before any evaluation (see the README).
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerConfig {
    /// Feature buckets are `2^hash_bits`.
    pub hash_bits: u32,
    pub learning_rate: f32,
    pub l2: f32,
    /// Passes over all examples in [`SentenceLearner::retrain`].
    pub epochs: usize,
    /// Passes over the new examples (mixed with as many replayed old ones) per update.
    pub epochs_per_update: usize,
    /// The smallest probability for which a sentence label is suggested.
    pub threshold: f64,
    pub seed: u64,
}

impl Default for LearnerConfig {
    fn default() -> Self {
        Self {
            hash_bits: 18,
            learning_rate: 0.5,
            l2: 1e-4,
            epochs: 10,
            epochs_per_update: 5,
            threshold: 0.5,
            seed: 7,
        }
    }
}

/// A sentence's scores: the best label (if it reaches the threshold) and every class's
/// probability, `none` first.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub label: Option<String>,
    pub score: f64,
    pub scores: Vec<(String, f64)>,
}

#[derive(Debug, Clone)]
pub struct SentenceLearner {
    config: LearnerConfig,
    classes: Vec<String>,
    model: Softmax,
    memory: Vec<(Features, usize)>,
    rng: u64,
}

impl SentenceLearner {
    /// A learner that knows `labels` (more are added as examples bring them).
    pub fn new(labels: &[&str], config: LearnerConfig) -> Self {
        let mut classes = vec![NONE.to_owned()];
        for l in labels {
            if !classes.iter().any(|c| c == l) {
                classes.push((*l).to_owned());
            }
        }
        let model = Softmax::new(
            config.hash_bits,
            classes.len(),
            config.learning_rate,
            config.l2,
        );
        let rng = config.seed.max(1);
        Self {
            config,
            classes,
            model,
            memory: Vec::new(),
            rng,
        }
    }

    pub fn config(&self) -> &LearnerConfig {
        &self.config
    }

    pub fn set_threshold(&mut self, threshold: f64) {
        self.config.threshold = threshold;
    }

    /// Class names, `none` first.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// Examples learned from so far.
    pub fn example_count(&self) -> usize {
        self.memory.len()
    }

    /// Learns from new examples without starting over: `epochs_per_update` passes over them,
    /// each mixed with as many old examples drawn at random, so the model follows the new
    /// labels without forgetting the old ones.
    pub fn add_examples(&mut self, examples: &[Example]) {
        let old = self.memory.len();
        for e in examples {
            let class = self.class_of(e.label.as_deref());
            self.memory
                .push((featurize(&e.text, self.config.hash_bits), class));
        }
        let fresh: Vec<usize> = (old..self.memory.len()).collect();
        for _ in 0..self.config.epochs_per_update {
            let mut order = fresh.clone();
            if old > 0 {
                order.extend((0..fresh.len()).map(|_| self.next_random() as usize % old));
            }
            self.shuffle(&mut order);
            self.train_on(&order);
        }
    }

    /// Forgets the weights and trains on every example kept, `epochs` passes.
    pub fn retrain(&mut self) {
        self.model.reset();
        let mut order: Vec<usize> = (0..self.memory.len()).collect();
        for _ in 0..self.config.epochs {
            self.shuffle(&mut order);
            self.train_on(&order);
        }
    }

    /// The scores of one sentence.
    pub fn predict(&self, sentence: &str) -> Prediction {
        let p = self
            .model
            .probabilities(&featurize(sentence, self.config.hash_bits));
        let (best, score) =
            p.iter().enumerate().skip(1).fold(
                (0, 0.0),
                |(bi, bp), (i, &pi)| if pi > bp { (i, pi) } else { (bi, bp) },
            );
        Prediction {
            label: (best > 0 && score >= self.config.threshold).then(|| self.classes[best].clone()),
            score,
            scores: self.classes.iter().cloned().zip(p).collect(),
        }
    }

    /// Sentence spans of `text` whose best label reaches the threshold, scored by its
    /// probability; offsets count chars.
    pub fn suggest(&self, text: &str) -> Vec<Span> {
        split_sentences(text)
            .into_iter()
            .filter_map(|s| {
                let prediction = self.predict(&s.text);
                prediction.label.map(|label| Span {
                    start: s.start,
                    end: s.end,
                    label,
                    score: prediction.score,
                })
            })
            .collect()
    }

    fn class_of(&mut self, label: Option<&str>) -> usize {
        let name = label.unwrap_or(NONE);
        if let Some(i) = self.classes.iter().position(|c| c == name) {
            return i;
        }
        self.classes.push(name.to_owned());
        self.model.add_class();
        self.classes.len() - 1
    }

    fn train_on(&mut self, order: &[usize]) {
        for &i in order {
            let (x, class) = &self.memory[i];
            self.model.step(x, *class);
        }
    }

    fn next_random(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        x
    }

    fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = self.next_random() as usize % (i + 1);
            order.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests;
