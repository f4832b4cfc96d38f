//! Lower bounds for the search: a price `λ_u` per unit such that every candidate tuple costs at
//! least the sum of its units' prices (`c_t ≥ Σ_{u∈t} λ_u`, a feasible solution of the dual of
//! the set-partitioning LP). Then any way to align a set of free units costs at least the sum of
//! their prices, an admissible estimate that is additive over units, and a tuple whose reduced
//! cost `c_t − Σ λ_u` exceeds `upper − Σ_u λ_u` cannot be in any alignment better than `upper`.
//!
//! The prices come from subgradient ascent on the Lagrangian relaxation of "every unit exactly
//! once" (whose maximum is the LP bound), made feasible by spreading each violated tuple's excess
//! over its units, then raised unit by unit while they stay feasible (coordinate ascent).

/// Tuples as lists of unit positions, with their costs.
pub(crate) struct Tuples<'a> {
    pub members: &'a [Vec<usize>],
    pub costs: &'a [f64],
}

impl Tuples<'_> {
    fn reduced(&self, tuple: usize, prices: &[f64]) -> f64 {
        self.costs[tuple] - self.members[tuple].iter().map(|&u| prices[u]).sum::<f64>()
    }
}

/// Each unit's cheapest share `cost/size` of a tuple containing it: feasible prices.
pub(crate) fn min_shares(units: usize, tuples: &Tuples<'_>) -> Vec<f64> {
    let mut share = vec![f64::INFINITY; units];
    for (tuple, members) in tuples.members.iter().enumerate() {
        let s = tuples.costs[tuple] / members.len() as f64;
        for &u in members {
            share[u] = share[u].min(s);
        }
    }
    share
}

/// Feasible prices for `units` units; `upper` is the cost of a known alignment.
pub(crate) fn prices(units: usize, tuples: &Tuples<'_>, upper: f64, iterations: usize) -> Vec<f64> {
    let by_unit = by_unit(units, tuples);
    let share = min_shares(units, tuples);
    let mut best = raise(feasible(&share, tuples), tuples, &by_unit);
    let mut best_bound: f64 = best.iter().sum();
    let mut lambda = share;
    let mut step_scale = 1.0;
    let mut best_lagrangian = f64::NEG_INFINITY;
    let mut stalled = 0;
    let mut subgradient = vec![0.0; units];
    for iteration in 0..iterations {
        subgradient.fill(1.0);
        let mut lagrangian: f64 = lambda.iter().sum();
        for tuple in 0..tuples.costs.len() {
            let reduced = tuples.reduced(tuple, &lambda);
            if reduced < 0.0 {
                lagrangian += reduced;
                for &u in &tuples.members[tuple] {
                    subgradient[u] -= 1.0;
                }
            }
        }
        if lagrangian > best_lagrangian + 1e-12 {
            best_lagrangian = lagrangian;
            stalled = 0;
        } else {
            stalled += 1;
            if stalled >= 5 {
                step_scale /= 2.0;
                stalled = 0;
            }
        }
        if iteration % 10 == 9 || iteration + 1 == iterations {
            let candidate = raise(feasible(&lambda, tuples), tuples, &by_unit);
            let bound: f64 = candidate.iter().sum();
            if bound > best_bound {
                best_bound = bound;
                best = candidate;
            }
        }
        let norm: f64 = subgradient.iter().map(|g| g * g).sum();
        let gap = upper - lagrangian;
        if norm == 0.0 || gap <= 1e-12 || step_scale < 1e-4 {
            break;
        }
        let step = step_scale * gap / norm;
        for (l, g) in lambda.iter_mut().zip(&subgradient) {
            *l += step * g;
        }
    }
    best
}

/// Feasible prices close to `prices`: lowered where a tuple costs less than its units' prices,
/// then raised unit by unit while every tuple still costs at least its units' prices.
pub(crate) fn make_feasible(prices: &[f64], tuples: &Tuples<'_>) -> Vec<f64> {
    raise(
        feasible(prices, tuples),
        tuples,
        &by_unit(prices.len(), tuples),
    )
}

fn by_unit(units: usize, tuples: &Tuples<'_>) -> Vec<Vec<usize>> {
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); units];
    for (tuple, members) in tuples.members.iter().enumerate() {
        for &u in members {
            lists[u].push(tuple);
        }
    }
    lists
}

/// Lowers prices until every tuple costs at least its units' prices.
fn feasible(prices: &[f64], tuples: &Tuples<'_>) -> Vec<f64> {
    let mut out = prices.to_vec();
    for (tuple, members) in tuples.members.iter().enumerate() {
        let excess = -tuples.reduced(tuple, prices);
        if excess > 0.0 {
            let each = excess / members.len() as f64;
            for &u in members {
                out[u] -= each;
            }
        }
    }
    out
}

/// Raises each price by its smallest slack, keeping feasibility.
fn raise(mut prices: Vec<f64>, tuples: &Tuples<'_>, by_unit: &[Vec<usize>]) -> Vec<f64> {
    for _ in 0..2 {
        for (u, list) in by_unit.iter().enumerate() {
            let slack = list
                .iter()
                .map(|&t| tuples.reduced(t, &prices))
                .fold(f64::INFINITY, f64::min);
            if slack.is_finite() && slack > 0.0 {
                prices[u] += slack;
            }
        }
    }
    prices
}

#[cfg(test)]
mod tests;
