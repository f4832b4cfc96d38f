//! The best alignment of a continuum: the partition of its units into unitary alignments (at most
//! one unit per annotator) of least total disorder, found exactly (see `search`), with the search
//! limits and what happens past them.

mod bound;
mod candidates;
mod search;
mod simplex;
mod solve;

use serde::{Deserialize, Serialize};

use crate::continuum::{Continuum, Span};
use crate::dissimilarity::{Dissimilarity, UnitDissimilarity};
use crate::error::GammaError;
pub(crate) use candidates::UnitId;

/// Added to every tuple's disorder (times Δ∅) during the search only: alignments whose total
/// disorders differ by less than this per extra unitary alignment count as tied. It must stay
/// above the LP's optimality tolerance (1e-10) to decide ties.
const TIE_BREAK: f64 = 1e-8;

/// What to do when the exact search would exceed [`SolverLimits::max_states`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum LimitPolicy {
    /// Fail with [`GammaError::SearchLimit`].
    #[default]
    Error,
    /// Return the beam-search alignment, marked [`AlignmentQuality::Approximate`] with a proven
    /// lower bound on the best disorder.
    Approximate,
}

/// Bounds on the work of the exact search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SolverLimits {
    /// Most candidate unitary alignments enumerated before giving up with
    /// [`GammaError::CandidateLimit`] (whatever the policy).
    pub max_candidates: usize,
    /// Most search states before the exact search gives up (see [`LimitPolicy`]).
    pub max_states: usize,
    /// States kept per position by the beam search that finds the first upper bound.
    pub beam_width: usize,
    pub policy: LimitPolicy,
}

impl Default for SolverLimits {
    fn default() -> Self {
        Self {
            max_candidates: 2_000_000,
            max_states: 2_000_000,
            beam_width: 4,
            policy: LimitPolicy::Error,
        }
    }
}

/// Whether an alignment is proven best.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum AlignmentQuality {
    Exact,
    /// The search stopped at its limit: the disorder is an upper bound and the best disorder is
    /// at least `lower_bound`.
    Approximate {
        lower_bound: f64,
    },
}

/// A real unit inside a unitary alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedUnit {
    /// Index of the unit in `Document::units` (`None` for units of chance samples).
    pub unit_index: Option<usize>,
    pub start: f64,
    pub end: f64,
    pub category: String,
}

/// One group of the alignment: for each annotator (in [`Alignment::annotators`] order) the unit
/// aligned here, or `None` where that annotator has nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitaryAlignment {
    pub units: Vec<Option<AlignedUnit>>,
    pub disorder: f64,
}

impl UnitaryAlignment {
    /// Number of real units.
    pub fn num_units(&self) -> usize {
        self.units.iter().flatten().count()
    }

    /// True for a unit that nobody else matched.
    pub fn is_alone(&self) -> bool {
        self.num_units() == 1
    }
}

/// Counters of the search, to see how hard a document was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SearchStats {
    /// Candidate unitary alignments after pruning.
    pub candidates: usize,
    /// Independent groups of units the problem split into.
    pub components: usize,
    /// Components whose LP relaxation was integral (solved without search).
    pub solved_by_lp: usize,
    /// States of the beam and A* searches of the other components.
    pub states: usize,
}

/// The best alignment of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub annotators: Vec<String>,
    /// Sorted by the leftmost start of their units.
    pub unitary_alignments: Vec<UnitaryAlignment>,
    /// Σ unitary disorders / (units per annotator): pygamma's `best_alignment.disorder`.
    pub disorder: f64,
    pub quality: AlignmentQuality,
    pub search: SearchStats,
}

/// An alignment in continuum indices, as the γ computation uses it.
#[derive(Debug, Clone)]
pub(crate) struct RawAlignment {
    pub tuples: Vec<Vec<UnitId>>,
    pub disorders: Vec<f64>,
    pub disorder: f64,
    pub quality: AlignmentQuality,
    pub search: SearchStats,
}

/// Computes the best alignment of `continuum` under `dissimilarity`.
pub fn best_alignment(
    continuum: &Continuum,
    dissimilarity: &Dissimilarity,
    limits: &SolverLimits,
) -> Result<Alignment, GammaError> {
    let compiled = dissimilarity.compile(continuum)?;
    let raw = align(continuum, &compiled, limits)?;
    Ok(publish(continuum, &raw))
}

pub(crate) fn align(
    continuum: &Continuum,
    dissimilarity: &UnitDissimilarity,
    limits: &SolverLimits,
) -> Result<RawAlignment, GammaError> {
    let Some(candidates) = candidates::enumerate(continuum, dissimilarity, limits.max_candidates)
    else {
        return Err(GammaError::CandidateLimit {
            document: continuum.document.clone(),
            limit: limits.max_candidates,
        });
    };
    let order = unit_positions(continuum);
    let positions: Vec<Vec<usize>> = (0..candidates.len())
        .map(|t| {
            candidates
                .members(t)
                .iter()
                .map(|u| order[u.annotator][u.index])
                .collect()
        })
        .collect();
    let units = continuum.num_units();
    let mut singletons = vec![0; units];
    for (t, members) in positions.iter().enumerate() {
        if let [only] = members.as_slice() {
            singletons[*only] = t;
        }
    }
    // Among equally good alignments, prefer fewer unitary alignments (more units aligned
    // together), as pygamma's test data expects; far below any real difference of disorder.
    let tie_break = TIE_BREAK * dissimilarity.delta_empty;
    let costs: Vec<f64> = candidates.disorders.iter().map(|c| c + tie_break).collect();
    let tuples = bound::Tuples {
        members: &positions,
        costs: &costs,
    };
    let solved = solve::solve(
        units,
        &tuples,
        &singletons,
        limits.beam_width.max(1),
        limits.max_states,
    );
    let normaliser = continuum.avg_units_per_annotator();
    let quality = match solved.lower_bound {
        None => AlignmentQuality::Exact,
        Some(bound) => match limits.policy {
            LimitPolicy::Error => {
                return Err(GammaError::SearchLimit {
                    document: continuum.document.clone(),
                    limit: limits.max_states,
                });
            }
            LimitPolicy::Approximate => AlignmentQuality::Approximate {
                lower_bound: bound / normaliser,
            },
        },
    };
    let tuples: Vec<Vec<UnitId>> = solved
        .tuples
        .iter()
        .map(|&t| candidates.members(t).to_vec())
        .collect();
    let disorders: Vec<f64> = solved
        .tuples
        .iter()
        .map(|&t| candidates.disorders[t])
        .collect();
    let total: f64 = disorders.iter().sum();
    Ok(RawAlignment {
        tuples,
        disorders,
        disorder: total / normaliser,
        quality,
        search: SearchStats {
            candidates: candidates.len(),
            components: solved.components,
            solved_by_lp: solved.by_lp,
            states: solved.states,
        },
    })
}

/// Position of every unit in the order (start, end, annotator, index).
fn unit_positions(continuum: &Continuum) -> Vec<Vec<usize>> {
    let mut all: Vec<(usize, usize, Span)> = continuum
        .units
        .iter()
        .enumerate()
        .flat_map(|(a, spans)| spans.iter().enumerate().map(move |(i, s)| (a, i, *s)))
        .collect();
    all.sort_by(|x, y| {
        x.2.start
            .total_cmp(&y.2.start)
            .then(x.2.end.total_cmp(&y.2.end))
            .then(x.0.cmp(&y.0))
            .then(x.1.cmp(&y.1))
    });
    let mut order: Vec<Vec<usize>> = continuum.units.iter().map(|s| vec![0; s.len()]).collect();
    for (position, (a, i, _)) in all.into_iter().enumerate() {
        order[a][i] = position;
    }
    order
}

pub(crate) fn publish(continuum: &Continuum, raw: &RawAlignment) -> Alignment {
    let n = continuum.annotators.len();
    let mut unitary: Vec<(f64, UnitaryAlignment)> = raw
        .tuples
        .iter()
        .zip(&raw.disorders)
        .map(|(members, &disorder)| {
            let mut units = vec![None; n];
            let mut leftmost = f64::INFINITY;
            for unit in members {
                let span = continuum.units[unit.annotator][unit.index];
                leftmost = leftmost.min(span.start);
                units[unit.annotator] = Some(AlignedUnit {
                    unit_index: span.source,
                    start: span.start,
                    end: span.end,
                    category: continuum.categories[span.category].clone(),
                });
            }
            (leftmost, UnitaryAlignment { units, disorder })
        })
        .collect();
    unitary.sort_by(|a, b| a.0.total_cmp(&b.0));
    Alignment {
        annotators: continuum.annotators.clone(),
        unitary_alignments: unitary.into_iter().map(|(_, u)| u).collect(),
        disorder: raw.disorder,
        quality: raw.quality,
        search: raw.search,
    }
}

#[cfg(test)]
mod tests;
