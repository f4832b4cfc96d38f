//! The combined dissimilarity between two units: α·positional + β·categorical, both scaled by Δ∅.
//!
//! Positional is pygamma's `PositionalSporadicDissimilarity`:
//! `((|s₁−s₂| + |e₁−e₂|) / (l₁ + l₂))² · Δ∅`. Categorical is `dist(c₁, c₂) · Δ∅`, with `dist` the
//! nominal 0/1 distance (pygamma's `AbsoluteCategoricalDissimilarity`) or a category-distance
//! matrix (pygamma's `PrecomputedCategoricalDissimilarity`).

use serde::{Deserialize, Serialize};

use crate::continuum::{Continuum, Span};
use crate::error::GammaError;

/// How far apart two categories are, before scaling by Δ∅.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum CategoryDistance {
    /// 0 for the same category, 1 otherwise (pygamma's default).
    #[default]
    Nominal,
    /// A symmetric matrix of non-negative distances with a zero diagonal.
    Matrix(CategoryMatrix),
}

/// A category-distance matrix: `distances[i][j]` is the distance between `categories[i]` and
/// `categories[j]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCategoryMatrix")]
pub struct CategoryMatrix {
    categories: Vec<String>,
    distances: Vec<Vec<f64>>,
}

#[derive(Deserialize)]
struct RawCategoryMatrix {
    categories: Vec<String>,
    distances: Vec<Vec<f64>>,
}

impl TryFrom<RawCategoryMatrix> for CategoryMatrix {
    type Error = GammaError;
    fn try_from(raw: RawCategoryMatrix) -> Result<Self, GammaError> {
        Self::new(raw.categories, raw.distances)
    }
}

impl CategoryMatrix {
    /// Checks the matrix: square, one row per category, categories unique, entries finite and
    /// non-negative, symmetric, zero on the diagonal (pygamma checks the same two last properties).
    pub fn new(categories: Vec<String>, distances: Vec<Vec<f64>>) -> Result<Self, GammaError> {
        let invalid = |reason: String| Err(GammaError::InvalidDissimilarity { reason });
        let n = categories.len();
        if n == 0 {
            return invalid("the category-distance matrix lists no category".into());
        }
        let mut sorted = categories.clone();
        sorted.sort();
        if let Some([twice, _]) = sorted.windows(2).find(|w| w[0] == w[1]) {
            return invalid(format!("category {twice:?} is listed twice in the matrix"));
        }
        if distances.len() != n || distances.iter().any(|row| row.len() != n) {
            return invalid(format!(
                "the matrix must be {n}×{n}, one row and column per category"
            ));
        }
        for (i, row) in distances.iter().enumerate() {
            for (j, &value) in row.iter().enumerate() {
                if !value.is_finite() || value < 0.0 {
                    return invalid(format!(
                        "distance[{i}][{j}] = {value}; distances must be finite and >= 0"
                    ));
                }
                if value.total_cmp(&distances[j][i]).is_ne() {
                    return invalid(format!(
                        "distance[{i}][{j}] = {value} but distance[{j}][{i}] = {}; the matrix must be symmetric",
                        distances[j][i]
                    ));
                }
            }
            if row[i] != 0.0 {
                return invalid(format!(
                    "distance[{i}][{i}] = {}; a category is at distance 0 from itself",
                    row[i]
                ));
            }
        }
        Ok(Self {
            categories,
            distances,
        })
    }

    /// The categories, in the order of the matrix rows.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// The distance between two categories, or an error naming the one that is missing.
    pub fn distance(&self, a: &str, b: &str) -> Result<f64, GammaError> {
        let index = |category: &str| {
            self.categories
                .iter()
                .position(|c| c == category)
                .ok_or_else(|| GammaError::UnknownCategory {
                    category: category.to_owned(),
                })
        };
        Ok(self.distances[index(a)?][index(b)?])
    }
}

/// The combined dissimilarity and its weights. The defaults are pygamma's
/// `CombinedCategoricalDissimilarity()`: α = 1, β = 1, Δ∅ = 1, nominal categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dissimilarity {
    /// Weight of the positional part.
    pub alpha: f64,
    /// Weight of the categorical part.
    pub beta: f64,
    /// Cost of pairing a unit with nobody (Δ∅); also scales both parts.
    pub delta_empty: f64,
    pub categorical: CategoryDistance,
}

impl Default for Dissimilarity {
    fn default() -> Self {
        Self {
            alpha: 1.0,
            beta: 1.0,
            delta_empty: 1.0,
            categorical: CategoryDistance::Nominal,
        }
    }
}

impl Dissimilarity {
    /// Errors unless α and β are finite and >= 0 and Δ∅ is finite and > 0.
    pub fn validate(&self) -> Result<(), GammaError> {
        let weight_ok = |w: f64| w.is_finite() && w >= 0.0;
        if !weight_ok(self.alpha) || !weight_ok(self.beta) {
            return Err(GammaError::InvalidDissimilarity {
                reason: format!(
                    "alpha = {} and beta = {}; both must be finite and >= 0",
                    self.alpha, self.beta
                ),
            });
        }
        if !(self.delta_empty.is_finite() && self.delta_empty > 0.0) {
            return Err(GammaError::InvalidDissimilarity {
                reason: format!(
                    "delta_empty = {}; it must be finite and > 0",
                    self.delta_empty
                ),
            });
        }
        Ok(())
    }

    /// Positional dissimilarity of spans `a` and `b` (each `(start, end)`), scaled by Δ∅.
    pub fn positional(&self, a: (f64, f64), b: (f64, f64)) -> f64 {
        let ratio = ((a.0 - b.0).abs() + (a.1 - b.1).abs()) / ((a.1 - a.0) + (b.1 - b.0));
        ratio * ratio * self.delta_empty
    }

    /// Categorical dissimilarity of two categories, scaled by Δ∅.
    pub fn categorical(&self, a: &str, b: &str) -> Result<f64, GammaError> {
        let distance = match &self.categorical {
            CategoryDistance::Nominal => f64::from(u8::from(a != b)),
            CategoryDistance::Matrix(matrix) => matrix.distance(a, b)?,
        };
        Ok(distance * self.delta_empty)
    }

    /// α·positional + β·categorical.
    pub fn combined(&self, a: (f64, f64, &str), b: (f64, f64, &str)) -> Result<f64, GammaError> {
        Ok(self.alpha * self.positional((a.0, a.1), (b.0, b.1))
            + self.beta * self.categorical(a.2, b.2)?)
    }

    /// Resolves the category distances of a continuum's categories once.
    pub(crate) fn compile(&self, continuum: &Continuum) -> Result<UnitDissimilarity, GammaError> {
        self.validate()?;
        let categories = continuum.categories();
        let mut category = Vec::with_capacity(categories.len() * categories.len());
        for a in categories {
            for b in categories {
                category.push(self.categorical(a, b)?);
            }
        }
        Ok(UnitDissimilarity {
            alpha: self.alpha,
            beta: self.beta,
            delta_empty: self.delta_empty,
            num_categories: categories.len(),
            category,
        })
    }
}

/// The dissimilarity resolved for one continuum's category indices.
#[derive(Debug, Clone)]
pub(crate) struct UnitDissimilarity {
    pub alpha: f64,
    pub beta: f64,
    pub delta_empty: f64,
    num_categories: usize,
    category: Vec<f64>,
}

impl UnitDissimilarity {
    pub fn positional(&self, a: &Span, b: &Span) -> f64 {
        let ratio =
            ((a.start - b.start).abs() + (a.end - b.end).abs()) / (a.duration() + b.duration());
        ratio * ratio * self.delta_empty
    }

    pub fn categorical(&self, a: &Span, b: &Span) -> f64 {
        self.category[a.category * self.num_categories + b.category]
    }

    pub fn combined(&self, a: &Span, b: &Span) -> f64 {
        self.alpha * self.positional(a, b) + self.beta * self.categorical(a, b)
    }
}

#[cfg(test)]
mod tests;
