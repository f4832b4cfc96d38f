//! Exact choice of the best set of candidate tuples: a shortest path over "which units are left".
//!
//! Units are ordered by position. A search state is the set of units not yet aligned; its next
//! move aligns the first of them (the leftmost) with one candidate tuple that contains it and only
//! units still free. Every partition of the units into candidate tuples is exactly one path from
//! "all free" to "none free", and its length is the sum of the tuples' disorders, so the shortest
//! path is the best alignment. Since a candidate only joins nearby units, the free units after the
//! leftmost differ from "all of them" only within a short window, and states are
//! `(leftmost free unit, bitmask of the window)`: for a document whose tuples reach at most `W`
//! positions ahead, there are at most `N·2^W` states, and in practice far fewer.
//!
//! A* pruning keeps the search small: the free units of a state cost at least the sum of their
//! prices (see `bound`), and states whose cost plus that bound exceed an upper bound (found first
//! by a beam search over the same states) are dropped.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::bound::Tuples;

/// Search outcome: chosen tuples and the total disorder, plus a lower bound when not proven optimal.
#[derive(Debug, Clone)]
pub(crate) struct Solution {
    pub tuples: Vec<usize>,
    pub total: f64,
    /// `None` when the total is proven minimal.
    pub lower_bound: Option<f64>,
    pub states: usize,
}

/// The candidates re-indexed by unit position, ready for the search.
pub(crate) struct Problem {
    units: usize,
    words: usize,
    /// Tuples whose leftmost unit is at each position: `(tuple, mask of the other units)`.
    heads: Vec<Vec<(usize, Box<[u64]>)>>,
    disorders: Vec<f64>,
    /// Price of each unit: the remaining units of a state cost at least the sum of their prices.
    prices: Vec<f64>,
    /// `suffix[p]` = Σ_{q ≥ p} prices[q].
    suffix: Vec<f64>,
}

#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}

type StateMap = HashMap<Box<[u64]>, usize, BuildHasherDefault<FxHasher>>;

struct State {
    position: usize,
    mask: Box<[u64]>,
    cost: f64,
    estimate: f64,
    parent: usize,
    tuple: usize,
}

const ROOT: usize = usize::MAX;

impl Problem {
    /// `prices` must be feasible (see `bound`); tuples whose reduced cost exceeds
    /// `max_reduced_cost` are left out (no alignment within the search's upper bound uses them).
    pub fn new(units: usize, tuples: &Tuples<'_>, prices: Vec<f64>, max_reduced_cost: f64) -> Self {
        let reach = tuples
            .members
            .iter()
            .map(|p| p.iter().max().unwrap_or(&0) - p.iter().min().unwrap_or(&0))
            .max()
            .unwrap_or(0);
        let words = reach / 64 + 1;
        let mut heads = vec![Vec::new(); units];
        for (tuple, members) in tuples.members.iter().enumerate() {
            let Some(&head) = members.iter().min() else {
                continue;
            };
            let reduced = tuples.costs[tuple] - members.iter().map(|&u| prices[u]).sum::<f64>();
            if reduced > max_reduced_cost {
                continue;
            }
            let mut mask = vec![0_u64; words].into_boxed_slice();
            for &position in members {
                if position > head {
                    let bit = position - head - 1;
                    mask[bit / 64] |= 1 << (bit % 64);
                }
            }
            heads[head].push((reduced, tuple, mask));
        }
        let heads = heads
            .into_iter()
            .map(|mut list| {
                list.sort_by(|a, b| a.0.total_cmp(&b.0));
                list.into_iter().map(|(_, t, m)| (t, m)).collect()
            })
            .collect();
        let mut suffix = vec![0.0; units + 1];
        for p in (0..units).rev() {
            suffix[p] = suffix[p + 1] + prices[p];
        }
        Self {
            units,
            words,
            heads,
            disorders: tuples.costs.to_vec(),
            prices,
            suffix,
        }
    }

    /// Best partition by beam search keeping `width` states per position: an upper bound.
    pub fn beam(&self, width: usize) -> Solution {
        self.run(Some(width), f64::INFINITY, usize::MAX)
    }

    /// Proven-best partition, pruning with `upper_bound`; gives up (returning the lower bound it
    /// reached and no tuples) once more than `max_states` states exist.
    pub fn exact(&self, upper_bound: f64, max_states: usize) -> Solution {
        self.run(None, upper_bound, max_states)
    }

    fn estimate(&self, position: usize, mask: &[u64]) -> f64 {
        let mut ahead_covered = 0.0;
        for (w, &word) in mask.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                ahead_covered += self.prices[position + 1 + w * 64 + bit];
            }
        }
        self.suffix[position] - ahead_covered
    }

    fn run(&self, beam: Option<usize>, upper_bound: f64, max_states: usize) -> Solution {
        let slack = 1e-9 * upper_bound.abs().max(1.0);
        let mut states = vec![State {
            position: 0,
            mask: vec![0; self.words].into_boxed_slice(),
            cost: 0.0,
            estimate: self.suffix[0],
            parent: ROOT,
            tuple: 0,
        }];
        let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); self.units + 1];
        let mut maps: Vec<StateMap> = (0..=self.units).map(|_| StateMap::default()).collect();
        buckets[0].push(0);
        for position in 0..self.units {
            if states.len() > max_states {
                let frontier = buckets[position..]
                    .iter()
                    .flatten()
                    .map(|&s| states[s].cost + states[s].estimate)
                    .fold(upper_bound, f64::min);
                return Solution {
                    tuples: Vec::new(),
                    total: upper_bound,
                    lower_bound: Some(frontier),
                    states: states.len(),
                };
            }
            let mut bucket = std::mem::take(&mut buckets[position]);
            maps[position] = StateMap::default();
            if let Some(width) = beam
                && bucket.len() > width
            {
                bucket.sort_by(|&a, &b| {
                    (states[a].cost + states[a].estimate)
                        .total_cmp(&(states[b].cost + states[b].estimate))
                });
                bucket.truncate(width);
            }
            for state in bucket {
                self.expand(
                    state,
                    &mut states,
                    &mut buckets,
                    &mut maps,
                    upper_bound + slack,
                );
            }
        }
        let Some(&last) = buckets[self.units].first() else {
            return Solution {
                tuples: Vec::new(),
                total: f64::INFINITY,
                lower_bound: Some(upper_bound),
                states: states.len(),
            };
        };
        let mut tuples = Vec::new();
        let mut at = last;
        while states[at].parent != ROOT {
            tuples.push(states[at].tuple);
            at = states[at].parent;
        }
        tuples.reverse();
        Solution {
            tuples,
            total: states[last].cost,
            lower_bound: None,
            states: states.len(),
        }
    }

    fn expand(
        &self,
        from: usize,
        states: &mut Vec<State>,
        buckets: &mut [Vec<usize>],
        maps: &mut [StateMap],
        prune_above: f64,
    ) {
        let position = states[from].position;
        for (tuple, tuple_mask) in &self.heads[position] {
            let mask = &states[from].mask;
            if mask.iter().zip(tuple_mask.iter()).any(|(m, t)| m & t != 0) {
                continue;
            }
            let mut merged: Vec<u64> = mask
                .iter()
                .zip(tuple_mask.iter())
                .map(|(m, t)| m | t)
                .collect();
            let shift = 1 + trailing_ones(&merged);
            shift_right(&mut merged, shift);
            let next = position + shift;
            let cost = states[from].cost + self.disorders[*tuple];
            let merged = merged.into_boxed_slice();
            if let Some(&existing) = maps[next].get(&merged) {
                if cost < states[existing].cost {
                    states[existing].cost = cost;
                    states[existing].parent = from;
                    states[existing].tuple = *tuple;
                }
                continue;
            }
            let estimate = if next < self.units {
                self.estimate(next, &merged)
            } else {
                0.0
            };
            if cost + estimate > prune_above {
                continue;
            }
            let id = states.len();
            states.push(State {
                position: next,
                mask: merged.clone(),
                cost,
                estimate,
                parent: from,
                tuple: *tuple,
            });
            maps[next].insert(merged, id);
            buckets[next].push(id);
        }
    }
}

fn trailing_ones(mask: &[u64]) -> usize {
    let mut count = 0;
    for &word in mask {
        let ones = word.trailing_ones() as usize;
        count += ones;
        if ones < 64 {
            break;
        }
    }
    count
}

/// Shifts a little-endian multi-word bitmask right by `by` bits (any amount).
fn shift_right(mask: &mut [u64], by: usize) {
    let words = by / 64;
    let bits = by % 64;
    let len = mask.len();
    for i in 0..len {
        let lo = mask.get(i + words).copied().unwrap_or(0);
        let hi = mask.get(i + words + 1).copied().unwrap_or(0);
        mask[i] = if bits == 0 {
            lo
        } else {
            (lo >> bits) | (hi << (64 - bits))
        };
    }
}

#[cfg(test)]
mod tests;
