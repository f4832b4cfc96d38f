//! Candidate unitary alignments: every tuple of units (at most one per annotator) that can be part
//! of a best alignment, with its disorder.
//!
//! A unitary alignment with real units `S` (|S| = k) among `n` annotators has the disorder
//! `(Σ_{u<v∈S} d(u,v) + (C(n,2) − C(k,2))·Δ∅) / C(n,2)`: every pair that involves an empty unit
//! costs Δ∅, as in pygamma. A tuple can only be in a best alignment if no split of it into two
//! tuples costs less (otherwise the split would be a better alignment). Two consequences prune
//! the enumeration without losing any optimum:
//! - removing a single unit `w` must not help: `Σ_{v∈S∖w} d(w,v) ≤ (C(n,2) + k − 1)·Δ∅`, so every
//!   pair of a candidate has `d ≤ (C(n,2) + n − 1)·Δ∅`, and partial sums (d ≥ 0) only grow;
//! - at the end every bipartition of `S` is checked (tuples of up to [`MAX_CHECKED_SPLIT`] units).
//!
//! pygamma keeps the weaker set `disorder ≤ n·Δ∅` (section 5.1.1 of the paper); both sets contain
//! every best alignment, so the optimum is the same.

use crate::continuum::Continuum;
use crate::dissimilarity::UnitDissimilarity;

/// Tuples larger than this are checked by single-unit removal only (2^(k−1) splits otherwise).
const MAX_CHECKED_SPLIT: usize = 12;

/// A unit of the continuum, by annotator and by index among that annotator's units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitId {
    pub annotator: usize,
    pub index: usize,
}

/// The candidate tuples, flattened: members of tuple `t` are
/// `members[starts[t]..starts[t + 1]]`, in annotator order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Candidates {
    pub members: Vec<UnitId>,
    pub starts: Vec<usize>,
    pub disorders: Vec<f64>,
}

impl Candidates {
    pub fn len(&self) -> usize {
        self.disorders.len()
    }

    pub fn members(&self, tuple: usize) -> &[UnitId] {
        &self.members[self.starts[tuple]..self.starts[tuple + 1]]
    }

    fn push(&mut self, members: &[UnitId], disorder: f64) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.members.extend_from_slice(members);
        self.starts.push(self.members.len());
        self.disorders.push(disorder);
    }
}

/// Pairwise dissimilarities under the pair bound, per unit and per other annotator.
struct Neighbours {
    /// `lists[global(u)][b]` = units `(index, d)` of annotator `b` within the bound of `u`.
    lists: Vec<Vec<Vec<(usize, f64)>>>,
    offsets: Vec<usize>,
}

impl Neighbours {
    fn global(&self, unit: UnitId) -> usize {
        self.offsets[unit.annotator] + unit.index
    }

    fn of(&self, unit: UnitId, annotator: usize) -> &[(usize, f64)] {
        &self.lists[self.global(unit)][annotator]
    }

    fn distance(&self, a: UnitId, b: UnitId) -> Option<f64> {
        let list = self.of(a, b.annotator);
        list.binary_search_by_key(&b.index, |&(index, _)| index)
            .ok()
            .map(|at| list[at].1)
    }
}

/// Number of annotator pairs, C(n, 2).
pub(crate) fn pair_count(annotators: usize) -> f64 {
    (annotators * annotators.saturating_sub(1) / 2) as f64
}

/// Disorder of a unitary alignment with `k` real units whose pairwise dissimilarities sum to
/// `pair_sum`, among `annotators` annotators.
pub(crate) fn tuple_disorder(pair_sum: f64, k: usize, annotators: usize, delta_empty: f64) -> f64 {
    let pairs = pair_count(annotators);
    let real_pairs = (k * k.saturating_sub(1) / 2) as f64;
    (pair_sum + (pairs - real_pairs) * delta_empty) / pairs
}

/// Enumerates the candidates. Stops and returns `None` once more than `limit` are found.
pub(crate) fn enumerate(
    continuum: &Continuum,
    dissimilarity: &UnitDissimilarity,
    limit: usize,
) -> Option<Candidates> {
    let n = continuum.annotators.len();
    let delta = dissimilarity.delta_empty;
    let bound = (pair_count(n) + n as f64 - 1.0) * delta;
    let neighbours = neighbours(continuum, dissimilarity, bound);
    let mut candidates = Candidates::default();
    for (annotator, spans) in continuum.units.iter().enumerate() {
        for index in 0..spans.len() {
            let head = UnitId { annotator, index };
            if candidates.len() >= limit {
                return None;
            }
            candidates.push(&[head], delta);
            let mut search = TupleSearch {
                neighbours: &neighbours,
                annotators: n,
                delta_empty: delta,
                bound,
                chosen: vec![head],
                sums: vec![0.0],
                out: &mut candidates,
                limit,
            };
            if !search.extend(annotator + 1) {
                return None;
            }
        }
    }
    Some(candidates)
}

fn neighbours(continuum: &Continuum, dissimilarity: &UnitDissimilarity, bound: f64) -> Neighbours {
    let n = continuum.annotators.len();
    let mut offsets = Vec::with_capacity(n);
    let mut total = 0;
    for spans in &continuum.units {
        offsets.push(total);
        total += spans.len();
    }
    let mut lists = vec![vec![Vec::new(); n]; total];
    for a in 0..n {
        for b in (a + 1)..n {
            for (i, u) in continuum.units[a].iter().enumerate() {
                for (j, v) in continuum.units[b].iter().enumerate() {
                    let d = dissimilarity.combined(u, v);
                    if d <= bound {
                        lists[offsets[a] + i][b].push((j, d));
                        lists[offsets[b] + j][a].push((i, d));
                    }
                }
            }
        }
    }
    Neighbours { lists, offsets }
}

struct TupleSearch<'a> {
    neighbours: &'a Neighbours,
    annotators: usize,
    delta_empty: f64,
    bound: f64,
    chosen: Vec<UnitId>,
    /// `sums[i]` = Σ d(chosen[i], other chosen units).
    sums: Vec<f64>,
    out: &'a mut Candidates,
    limit: usize,
}

impl TupleSearch<'_> {
    /// Tries every unit of annotators `from..` (or none) in the tuple; false once over the limit.
    fn extend(&mut self, from: usize) -> bool {
        for annotator in from..self.annotators {
            let head = self.chosen[0];
            for &(index, d_head) in self.neighbours.of(head, annotator) {
                let unit = UnitId { annotator, index };
                let mut added = Vec::with_capacity(self.chosen.len());
                added.push(d_head);
                let mut fits = self.sums[0] + d_head <= self.bound;
                for &other in &self.chosen[1..] {
                    if !fits {
                        break;
                    }
                    match self.neighbours.distance(other, unit) {
                        Some(d) => added.push(d),
                        None => fits = false,
                    }
                }
                if !fits {
                    continue;
                }
                let own_sum: f64 = added.iter().sum();
                let within = own_sum <= self.bound
                    && self
                        .sums
                        .iter()
                        .zip(&added)
                        .all(|(s, d)| s + d <= self.bound);
                if !within {
                    continue;
                }
                for (s, d) in self.sums.iter_mut().zip(&added) {
                    *s += d;
                }
                self.chosen.push(unit);
                self.sums.push(own_sum);
                if !self.record() || !self.extend(annotator + 1) {
                    return false;
                }
                self.chosen.pop();
                self.sums.pop();
                for (s, d) in self.sums.iter_mut().zip(&added) {
                    *s -= d;
                }
            }
        }
        true
    }

    /// Adds the current tuple if no split of it is cheaper; false once over the limit.
    fn record(&mut self) -> bool {
        let k = self.chosen.len();
        let pair_sum = self.sums.iter().sum::<f64>() / 2.0;
        let disorder = tuple_disorder(pair_sum, k, self.annotators, self.delta_empty);
        let tolerance = 1e-12 * disorder.max(1.0);
        let cheaper_split = if k <= MAX_CHECKED_SPLIT {
            self.cheaper_bipartition(disorder - tolerance)
        } else {
            (0..k).any(|w| {
                let rest = tuple_disorder(
                    pair_sum - self.sums[w],
                    k - 1,
                    self.annotators,
                    self.delta_empty,
                );
                rest + self.delta_empty < disorder - tolerance
            })
        };
        if cheaper_split {
            return true;
        }
        if self.out.len() >= self.limit {
            return false;
        }
        self.out.push(&self.chosen, disorder);
        true
    }

    /// Whether some split of the tuple into two tuples has a total disorder below `threshold`.
    fn cheaper_bipartition(&self, threshold: f64) -> bool {
        let k = self.chosen.len();
        let mut d = vec![0.0; k * k];
        for i in 0..k {
            for j in (i + 1)..k {
                let value = self
                    .neighbours
                    .distance(self.chosen[i], self.chosen[j])
                    .unwrap_or(f64::INFINITY);
                d[i * k + j] = value;
                d[j * k + i] = value;
            }
        }
        let part_disorder = |mask: u32| {
            let mut sum = 0.0;
            let mut size = 0;
            for i in 0..k {
                if mask & (1 << i) == 0 {
                    continue;
                }
                size += 1;
                for j in (i + 1)..k {
                    if mask & (1 << j) != 0 {
                        sum += d[i * k + j];
                    }
                }
            }
            tuple_disorder(sum, size, self.annotators, self.delta_empty)
        };
        let full: u32 = (1 << k) - 1;
        // Masks containing unit 0 enumerate each bipartition once.
        (1..full)
            .filter(|mask| mask & 1 == 1)
            .any(|mask| part_disorder(mask) + part_disorder(full & !mask) < threshold)
    }
}
