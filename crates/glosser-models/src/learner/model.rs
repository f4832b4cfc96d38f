//! Multinomial logistic regression over hashed features, trained by stochastic gradient
//! descent with L2 regularisation (weights kept as `scale × v` so the decay costs O(1)).

use super::features::Features;

/// Class 0 is always "none" (no sentence label).
#[derive(Debug, Clone)]
pub struct Softmax {
    dim: usize,
    weights: Vec<Vec<f32>>,
    bias: Vec<f32>,
    scale: f32,
    steps: u64,
    pub learning_rate: f32,
    pub l2: f32,
}

impl Softmax {
    pub fn new(bits: u32, classes: usize, learning_rate: f32, l2: f32) -> Self {
        let dim = 1usize << bits;
        Self {
            dim,
            weights: vec![vec![0.0; dim]; classes.max(1)],
            bias: vec![0.0; classes.max(1)],
            scale: 1.0,
            steps: 0,
            learning_rate,
            l2,
        }
    }

    #[cfg(test)]
    pub fn classes(&self) -> usize {
        self.weights.len()
    }

    pub fn add_class(&mut self) {
        self.weights.push(vec![0.0; self.dim]);
        self.bias.push(0.0);
    }

    /// Back to all zeros (same classes and hyper-parameters).
    pub fn reset(&mut self) {
        for w in &mut self.weights {
            w.fill(0.0);
        }
        self.bias.fill(0.0);
        self.scale = 1.0;
        self.steps = 0;
    }

    /// Class probabilities for `x`.
    pub fn probabilities(&self, x: &Features) -> Vec<f64> {
        let logits: Vec<f64> = self
            .weights
            .iter()
            .zip(&self.bias)
            .map(|(w, b)| {
                let dot: f32 = x.iter().map(|&(i, v)| w[i as usize] * v).sum();
                f64::from(dot * self.scale + b)
            })
            .collect();
        softmax(&logits)
    }

    /// One SGD step on (x, class); the rate decays as `η₀ / (1 + η₀·λ·t)`.
    pub fn step(&mut self, x: &Features, class: usize) {
        let p = self.probabilities(x);
        let rate = self.learning_rate / (1.0 + self.learning_rate * self.l2 * self.steps as f32);
        self.steps += 1;
        self.scale *= 1.0 - rate * self.l2;
        if self.scale < 1e-4 {
            self.fold_scale();
        }
        for (c, (w, b)) in self.weights.iter_mut().zip(&mut self.bias).enumerate() {
            let gradient = p[c] as f32 - if c == class { 1.0 } else { 0.0 };
            if gradient == 0.0 {
                continue;
            }
            let delta = rate * gradient / self.scale;
            for &(i, v) in x {
                w[i as usize] -= delta * v;
            }
            *b -= rate * gradient;
        }
    }

    fn fold_scale(&mut self) {
        for w in &mut self.weights {
            for x in w.iter_mut() {
                *x *= self.scale;
            }
        }
        self.scale = 1.0;
    }
}

/// Numerically stable softmax.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|e| e / sum).collect()
}

#[cfg(test)]
mod tests;
